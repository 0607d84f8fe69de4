"""Split an article into sentences, with offsets back into the file's text.

A rule splitter written for news copy. Page chrome (see `chrome.py`) is blanked
first, so it yields nothing. Then the text is cut into paragraphs: a blank line
always ends one; a single newline ends one too, unless the file is hard-wrapped
(short lines that run on mid-sentence), where it is only a space. A paragraph is
cut after . ! ? or an ellipsis (and any closing quotes) when the next word can
start a sentence, which is where "U.S.", "Inc.", "Dr.", "No. 1", "Jan. 5",
"J. P. Morgan", "e.g." and "$14.3 billion" differ from a full stop.

A short line with no closing punctuation stands alone as a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scaletui.events.chrome import chrome_ranges, lines_of
from scaletui.events.model import Model, Sentence
from scaletui.events.published import looks_like_date_line
from scaletui.events.table_reader import Readers, Unsure

_TERMINALS = ".!?…"
_CLOSERS = "\"'”’»)]"

# A possible sentence end: terminal punctuation, closing quotes, then whitespace.
# Only at the start of a run of punctuation, and possessive, so a run of a
# hundred thousand dots is scanned once rather than once per dot.
_CANDIDATE = re.compile(r"(?<=\S)(?<![.!?…])([.!?…]++)([\"'”’»)\]]*+)(\s+)(?=\S)")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([\w$€£%-]*)")
_INITIAL = re.compile(r"[a-z]")
_DOTTED = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")
_TOKEN_WINDOW = 64  # the word before a full stop is looked for this far back: abbreviations are short

# Abbreviations that are never a sentence's last word.
_NEVER_LAST = {"e.g", "i.e", "vs", "v", "cf", "viz", "approx", "ca"}
# Abbreviations that end a sentence only before a word that can start one
# ("... Meta Platforms Inc. The deal ..."); otherwise they run on ("Inc. CEO").
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "hon", "messrs", "mme",
    "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig", "gov", "sen",
    "rep", "pres", "supt", "det", "insp", "amb", "atty", "st", "mt", "ft", "ave", "blvd", "rd",
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "dept", "univ",
    "assn", "est", "mfg", "intl", "govt", "natl", "calif", "mass", "wash", "penn", "conn",
}  # fmt: skip
# Abbreviations that run on when a number follows: "No. 1", "Jan. 5", "p. 12".
_BEFORE_NUMBER = {
    "no", "nos", "vol", "fig", "figs", "p", "pp", "art", "sec", "ch", "op", "para", "ed", "nr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# Words that start sentences far more often than they follow an abbreviation.
_STARTERS = {
    "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "their", "his", "her", "our", "but", "and", "or", "so", "yet", "in", "on",
    "at", "as", "for", "from", "with", "by", "to", "after", "before", "when", "while", "if",
    "although", "though", "however", "meanwhile", "also", "still", "then", "now", "today",
    "yesterday", "earlier", "later", "since", "according", "some", "many", "most", "all", "both",
    "each", "such", "no", "one", "what", "why", "how", "who", "where", "which", "last", "other",
    "shares", "analysts", "officials", "sources", "investors", "critics", "despite", "under",
}  # fmt: skip

_BULLET = re.compile(r"[ \t]*(?:[-*•·▪‣◦]|\d{1,3}[.)]|[a-z][)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
_QUOTE_PREFIX = re.compile(r"[ \t]{0,3}>[ \t]?(?=\S)")

HEADING_WORDS = 20  # longer lines without a full stop are run-on text, not headings
# A "sentence" longer than this is a list, a table or text that lost its
# punctuation; it is cut at a clause break or a space, so the analyses that
# cost more than linear in a sentence's length (tense, clauses, names) stay
# bounded whatever the article.
MAX_SENTENCE_CHARS = 800
_WRAP_WIDTH = 100  # hard-wrapped files keep (nearly) every line at most this long


def split_sentences(
    source_id: str, text: str, first: int | None = None, chrome: list[tuple[int, int]] | None = None
) -> list[Sentence]:
    """The content sentences of `text`, in order; `text[s.start:s.end] == s.text`.

    With `first`, only the first so many (the same as the whole split's): what
    comes later is not cut into sentences. `chrome`: `chrome_ranges(text)`, where
    it was found already.
    """
    masked = _blank_out(text, chrome_ranges(text) if chrome is None else chrome)
    sentences: list[Sentence] = []
    for paragraph in _paragraphs(masked):
        if first is not None and len(sentences) >= first:
            break
        spans = [piece for span in _split_paragraph(masked, paragraph.start, paragraph.end) for piece in _capped(masked, *span)]
        alone = paragraph.may_be_heading and len(spans) == 1
        for s_start, s_end in spans:
            sentences.append(
                made(
                    Sentence,
                    source=source_id,
                    index=len(sentences),
                    text=text[s_start:s_end],
                    start=s_start,
                    end=s_end,
                    heading=alone and _is_heading(text[s_start:s_end]),
                )
            )
    return sentences[:first]


def made(cls: type[Model], **fields: object) -> Model:
    """`cls(**fields)`. Values of exactly their fields' types (a slice of the text, an offset, a
    validated span) are taken as validation would keep them (events.table_reader, at half its
    cost: some 18,000 sentences and statements a 600-article corpus); any other value is validated
    as ever."""
    try:
        return _MAKERS[cls].one(fields)
    except Unsure:
        return cls(**fields)


_MAKERS = Readers()  # a plan per class and fields given, made at first use


def _blank_out(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the ranges replaced by spaces: same length, so offsets still hold."""
    if not ranges:
        return text
    parts, pos = [], 0
    for start, end in ranges:
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# ---------------------------------------------------------------- paragraphs


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    lines: int = 1
    markdown_heading: bool = False
    last_line_start: int = -1  # where its last line starts; -1: at `start`

    @property
    def may_be_heading(self) -> bool:
        return self.lines == 1 or self.markdown_heading


def _paragraphs(text: str) -> list[_Paragraph]:
    """Each paragraph's span, after any bullet or # marker."""
    lines = lines_of(text)
    wrapped = _hard_wrapped([line.text for line in lines])
    width = _typical_width(lines) if wrapped else 0
    paragraphs: list[_Paragraph] = []
    current: _Paragraph | None = None
    for line in lines:
        if not line.text.strip():
            current = None
            continue
        start, marker = _content_start(line.text)
        start += line.start
        end = line.start + len(line.text.rstrip())
        if current is not None and not marker and _continues(text, current, start, wrapped, width):
            current.end = end
            current.lines += 1
            current.last_line_start = line.start
        else:
            current = _Paragraph(start, end, markdown_heading=marker == "#")
            paragraphs.append(current)
    return paragraphs


def _continues(text: str, paragraph: _Paragraph, line_start: int, wrapped: bool, width: int) -> bool:
    """Whether the line at `line_start` carries on the paragraph above it."""
    # Only the paragraph's last line matters, never all of it: a paragraph of
    # thousands of lines is then read once, not once per line.
    last_line = text[max(paragraph.start, paragraph.last_line_start) : paragraph.end]
    if text[line_start : line_start + 1].islower() and not _ends_sentence(last_line):
        # It starts mid-sentence, wrapped file or not; unless it is the date stamp under a headline
        # ("on Feb. 04, 2009", "posted Jun 11th, 2012 at 1:23 PM"): the day the page was put out.
        line_end = text.find("\n", line_start)
        return not looks_like_date_line(text[line_start : line_end if line_end >= 0 else len(text)])
    return wrapped and not _stands_alone(last_line, paragraph.lines, width)


def _content_start(line: str) -> tuple[int, str]:
    """Where a line's words start after a list bullet, # or > marker, and which marker."""
    for pattern, kind in ((_MD_HEADING, "#"), (_BULLET, "-"), (_QUOTE_PREFIX, ">")):
        match = pattern.match(line)
        if match:
            return match.end(), kind
    stripped = len(line) - len(line.lstrip())
    return stripped, ""


def _stands_alone(last_line: str, line_count: int, width: int) -> bool:
    """In a hard-wrapped file, whether the paragraph so far, ending in `last_line`, ends at this newline."""
    if line_count == 1 and _MD_HEADING.match(last_line):
        return True
    last_line = last_line.strip()
    if not last_line:
        return True
    # A short line that does not end a sentence: a heading or the end of a list item.
    return len(last_line) < 0.6 * width and not _ends_sentence(last_line) and line_count == 1


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether single newlines in this file are line wrapping rather than breaks."""
    filled = [line.rstrip() for line in lines if line.strip()]
    if len(filled) < 3:
        return False
    if sum(len(line) > _WRAP_WIDTH for line in filled) > 0.1 * len(filled):
        return False
    run_on = 0
    for this, following in zip(lines, lines[1:]):
        this = this.rstrip()
        if len(this) >= 40 and following.strip() and not _ends_sentence(this) and not this.endswith(":"):
            if not (_BULLET.match(following) or _MD_HEADING.match(following)):
                run_on += 1
    return run_on >= 2 and run_on >= 0.2 * len(filled)


def _typical_width(lines: list) -> int:
    lengths = sorted(len(line.text.rstrip()) for line in lines if line.text.strip())
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS + "*_")
    return bool(stripped) and stripped[-1] in _TERMINALS


def _is_heading(sentence: str) -> bool:
    """A line standing alone that is not a sentence: a headline or section heading."""
    words = sentence.split()
    if not words or len(words) > HEADING_WORDS:
        return False
    if not _ends_sentence(sentence):
        return not sentence.rstrip().endswith((":", ",", ";"))
    # "What's Next for Scale AI?": a short question in title case is a heading too.
    stripped = sentence.rstrip().rstrip(_CLOSERS)
    if stripped.endswith(("?", "!")) and len(words) <= 12:
        long_words = [w for w in words if len(w.strip(_CLOSERS + "?!“‘\"'")) > 3]
        capitals = sum(w.lstrip("“‘\"'")[:1].isupper() for w in long_words)
        return bool(long_words) and capitals >= 0.6 * len(long_words)
    return False


# ---------------------------------------------------------------- sentences


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets within text[start:end], stripped of surrounding whitespace."""
    chunk = text[start:end]
    pieces: list[tuple[int, int]] = []
    begin = 0
    for match in _CANDIDATE.finditer(chunk):
        if _is_boundary(chunk, match):
            pieces.append((begin, match.end(2)))
            begin = match.end()
    pieces.append((begin, len(chunk)))
    spans = []
    for a, b in pieces:
        piece = chunk[a:b]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append((start + a + left, start + a + right))
    return spans


def _is_boundary(chunk: str, match: re.Match[str]) -> bool:
    # Everything here looks a bounded distance around the match, never at the
    # rest of the paragraph: a paragraph of ten thousand sentences is one pass.
    punct = match.group(1)
    after = match.end()
    word = _NEXT_WORD.match(chunk, after).group(1)  # type: ignore[union-attr]  # it can match empty
    first = chunk[after : after + 1]
    opens_quote = first in "\"'“‘«(["
    if word[:1].islower() or (not word and not opens_quote and not first.isupper()):
        return False  # "...said. he" is a typo far less often than "e.g. the", "5 p.m. on"
    if punct != ".":
        return True  # ! ? … and "..." before a capital
    stop = match.start(1)
    before = chunk[max(0, stop - _TOKEN_WINDOW) : stop]
    token = before.split()[-1].lstrip("\"'“‘«([").lower() if before.split() else ""
    if token in _NEVER_LAST:
        return False
    if token in _BEFORE_NUMBER and word[:1].isdigit():
        return False
    if match.group(2):
        return True  # closing quote or bracket after the stop: `necessary."`
    starter = word.lower() in _STARTERS or opens_quote
    if token in _ABBREVIATIONS:
        return starter
    if _INITIAL.fullmatch(token) and before[-1:].isupper():
        return starter  # an initial: "J. P. Morgan"
    if _DOTTED.fullmatch(token):
        return starter  # "U.S.", "a.m.", "Ph.D." are mid-sentence unless a sentence clearly begins
    return True


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as pieces of at most MAX_SENTENCE_CHARS, cut after a clause mark or at a space."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        window = text[start + MAX_SENTENCE_CHARS // 2 : limit]
        cut = -1
        for mark in ("; ", ", ", " "):
            at = window.rfind(mark)
            if at >= 0:
                cut = start + MAX_SENTENCE_CHARS // 2 + at + len(mark) - 1  # after the mark, before the space
                break
        if cut < 0:
            cut = limit  # one unbroken word: cut it anyway
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
