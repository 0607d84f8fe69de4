"""Page chrome: the parts of a scraped article that are the website, not the story.

Share buttons, "Related" link lists, view counters, bylines, disclaimers,
copyright lines, section labels, sign-offs and repeated headlines carry no
statements, so `split_sentences` drops them. The rules look at a line's shape
(length, case, punctuation, position in the page) and at the vocabulary that
news sites share; nothing here knows any particular site.

Ranges are whole lines (without their newline), as (start, end) offsets, except
for a dateline ("LONDON, June 13 (Reuters) - "), where only the dateline is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scaletui.events.published import dateline_length

# ---------------------------------------------------------------- line model


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the first character
    end: int  # offset just past the last character, before the newline
    text: str  # the line, without its newline

    @property
    def bare(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())


_NEWLINE = re.compile(r"\r\n|\r|\n")


def lines_of(text: str) -> list[Line]:
    """The lines of `text` with their offsets; CRLF and lone CR count as one break."""
    lines: list[Line] = []
    pos = 0
    for match in _NEWLINE.finditer(text):
        lines.append(Line(pos, match.start(), text[pos : match.start()]))
        pos = match.end()
    lines.append(Line(pos, len(text), text[pos:]))
    return lines


# ---------------------------------------------------------------- vocabulary

_TERMINAL = ".!?…"
_DATELINE_LINES = 12  # datelines open the story, near the top of the page
_CLOSERS = "\"'”’»)]*_"

# Markers that open a list of links to other articles.
_LIST_MARKER = re.compile(
    r"""(?ix)^(
        related(\s+(articles?|stories|posts?|news|content|coverage|reading|links?|topics?))?
      | recommended(\s+(for\s+you|stories|articles?|reading|videos?))?
      | (read|see)\s+(more|also|next)(\s+(stories|articles?|news|from\s+.{1,40}))?
      | also\s+read | further\s+reading | more\s+(stories|news|articles|reading|headlines)
      | more\s+(from|on|in|about)\s+.{1,40}
      | you\s+(may|might)\s+(also\s+)?(like|enjoy|be\s+interested\s+in)
      | (most\s+)?(popular|read|viewed|shared)(\s+(now|today|stories|articles|this\s+week))?
      | most\s+(popular|read|viewed|shared)(\s+.{1,20})?
      | trending(\s+(now|stories|news|today))? | top\s+stories | latest(\s+(news|stories|articles|headlines))?
      | editor'?s?\s+picks? | what\s+to\s+read\s+next | don'?t\s+miss | in\s+case\s+you\s+missed\s+it
    )$""",
)

# A marker with a headline on the same line: "Related: Meta buys ...", "READ MORE: ...".
_INLINE_LINK = re.compile(
    r"(?i)^[\W_]*(related(\s+\w+)?|read\s+(more|also|next)|also\s+read|see\s+also|recommended|watch|listen)\s*[:|>»\-–—]"
)

_SOCIAL = {
    "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "telegram", "email", "e-mail",
    "pinterest", "tumblr", "messenger", "line", "weibo", "wechat", "threads", "bluesky", "mastodon",
    "flipboard", "print", "copy", "link", "sms", "share", "tweet", "mail",
}  # fmt: skip
_SHARE_VERB = re.compile(r"(?i)^(share|tweet|copy|e-?mail|print|save|pin|send|follow|bookmark|comments?|like|subscribe)\b")
_SHARE_OBJECT = re.compile(
    r"(?i)\b(on|this|via|us|article|story|page|post|link|url|title|comments?|facebook|twitter|linkedin|"
    r"whatsapp|reddit|telegram|e-?mail|newsletter|feed|later|clipboard)\b"
)

_COUNTER = re.compile(
    r"(?i)^(total\s+)?(page\s*)?(views?|reads?|shares?|comments?|likes?|hits|visits|reactions)\s*[:：]?\s*[\d.,]+\s*[km]?$"
    r"|^[\d.,]+\s*[km]?\s+(views?|reads?|shares?|comments?|likes?|hits|reactions)$"
)
_READ_TIME = re.compile(r"(?i)^(\d+|one|two|three|four|five)\s*(-\s*)?min(ute)?s?\.?\s+(read|watch|listen)$")

_BYLINE = re.compile(
    r"(?i)\b(posted|written|reported|reporting|edited|editing|compiled|filed|produced|photos?|words|story)\s+by\b"
)
_BY_NAME = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'’-]*(\s+([A-Z][\w.'’-]*|and|&|,|de|van|von|la|le|bin|al))*[\s,|–—-]*(\w[\w ]*)?$")

_DISCLAIMER = re.compile(r"(?i)^[\W_]*(disclaimer|disclosure|editor'?s?\s+note|legal\s+notice)\s*[:.\-–—]")
_SYNDICATED = re.compile(
    r"(?i)(syndicated|auto-?generated|automatically\s+generated|not\s+(been\s+)?edited|"
    r"sponsored|advertorial|press\s+release|affiliate|partner\s+content|paid\s+content|"
    r"(edited|written|produced)\s+by\s+.{0,40}(staff|team|desk))"
)
_COPYRIGHT = re.compile(r"(?i)(©|\(c\)\s*\d{4}|all\s+rights\s+reserved)")
_COPYRIGHT_WORD = re.compile(r"(?i)^[\W_]*copyright\b")
# Wire-service credit lines: "(Reporting by ...; Editing by ...)".
_CREDITS = re.compile(r"(?i)^[(\[]\s*(additional\s+)?(reporting|writing|editing|compiled|research)(\s+and\s+\w+)?\s+by\b")

_LABEL_PREFIX = re.compile(
    r"(?i)^[\W_]*(tags?|topics?|filed\s+under|categor(y|ies)|keywords?|section|image|photo|picture|"
    r"credit|image\s+credit|photo\s+credit|caption|source|sources|via|more\s+on|subjects?)\s*:"
)
_BOILERPLATE = re.compile(
    r"(?i)^[\W_]*(advertisement|advert|sponsored|ad|skip\s+to\s+(main\s+)?content|"
    r"sign\s+(up|in)\b.{0,80}|log\s*in\b.{0,40}|subscribe\b.{0,80}|"
    r"(click|tap)\s+here\b.{0,80}|download\s+(the|our)\s+app.{0,60}|"
    r"(scroll|continue)\s+(down\s+)?to\s+(continue|read).{0,40}|story\s+continues(\s+below.*)?|"
    r"listen\s+to\s+(this\s+)?(article|story).{0,40}|back\s+to\s+top|loading\.*|"
    r"(previous|next)\s+(article|story|post)\b.{0,120}|"
    r"join\s+(our|the)\s+.{0,40}(newsletter|channel|community).{0,40})[\W_]*$"
)


_LIST_ITEM = re.compile(r"^([-*•·▪‣◦]|\d{1,3}[.)])\s")


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _norm(text: str) -> str:
    return _NOT_WORDS.sub(" ", text).strip().lower()


_NOT_WORDS = re.compile(r"[\W_]+")


def _headline_shaped(line: Line) -> bool:
    """Short and without a closing full stop: how headlines and list items look."""
    bare = line.bare.rstrip(_CLOSERS)
    return 0 < line.words <= 25 and not bare.endswith(".")


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- single lines


def _is_chrome_line(bare: str, words: int) -> bool:
    """A line that is chrome on its own, wherever it stands."""
    if _COUNTER.match(bare) or _READ_TIME.match(bare) or _BOILERPLATE.match(bare):
        return True
    if _INLINE_LINK.match(bare) and words <= 30:
        return True
    if words <= 8 and _SHARE_VERB.match(bare) and (words == 1 or _SHARE_OBJECT.search(bare)) and not _ends_sentence(bare):
        return True
    if _only_share_buttons(bare):
        return True
    byline = _BYLINE.search(bare) if words <= 14 else None
    if byline and (not _ends_sentence(bare) or len(bare[: byline.start()].split()) <= 2):
        return True
    if words <= 8 and _BY_NAME.match(bare) and not _ends_sentence(bare):
        return True
    if _DISCLAIMER.match(bare):
        return True
    if bare[:1] in "([" and bare[-1:] in ")]" and _SYNDICATED.search(bare):
        return True
    if words <= 25 and (_COPYRIGHT.search(bare) or (words <= 20 and _COPYRIGHT_WORD.match(bare))):
        return True
    if bare[:1] in "([" and _CREDITS.match(bare) and words <= 60:
        return True
    if words <= 12 and _LABEL_PREFIX.match(bare):
        return True
    return False


def _only_share_buttons(bare: str) -> bool:
    """"Facebook | Twitter | Email": nothing but the names of share buttons.

    Word by word, so a line of the story is left at its first ordinary word.
    """
    found = False
    for token in _BUTTON.finditer(bare.lower()):
        if token.group().strip("()[]:") not in _SOCIAL:
            return False
        found = True
    return found


_BUTTON = re.compile(r"[^\s|/•·,]+")


def _is_list_marker(bare: str) -> bool:
    core = _CORE.search(bare)  # from its first letter or digit to its last
    return core is not None and core.end() - core.start() <= 60 and bool(_LIST_MARKER.match(core.group()))


_CORE = re.compile(r"[^\W_](?:.*[^\W_])?", re.DOTALL)


# ---------------------------------------------------------------- the page


def chrome_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` that are page chrome, in order, one per line."""
    lines = lines_of(text)
    chrome = [False] * len(lines)
    filled = [i for i, line in enumerate(lines) if not line.blank]
    if not filled:
        return []

    _mark_front_matter(lines, chrome)
    for i in filled:
        if not chrome[i] and _is_chrome_line(lines[i].bare, lines[i].words):
            chrome[i] = True
    _mark_link_lists(lines, chrome)
    _mark_section_label(lines, filled, chrome)
    _mark_repeated_headlines(lines, filled, chrome)
    _mark_trailing_block(lines, filled, chrome)
    ranges = [(lines[i].start, lines[i].end) for i in filled if chrome[i]]
    ranges.extend(_datelines(lines, [i for i in filled if not chrome[i]]))
    return sorted(ranges)


def _datelines(lines: list[Line], content: list[int]) -> list[tuple[int, int]]:
    """The "PLACE, Date (Agency) -" opening a story's first paragraphs: place and time, not a claim."""
    ranges = []
    for i in content[:_DATELINE_LINES]:
        line = lines[i]
        indent = len(line.text) - len(line.text.lstrip())
        length = dateline_length(line.text[indent:])
        if length and line.text[indent + length :].strip():
            ranges.append((line.start + indent, line.start + indent + length))
    return ranges


def _mark_front_matter(lines: list[Line], chrome: list[bool]) -> None:
    """A Markdown front-matter block (--- ... ---) at the very top."""
    if not lines or lines[0].bare != "---":
        return
    for j in range(1, min(len(lines), 60)):
        if lines[j].bare in ("---", "..."):
            for k in range(j + 1):
                chrome[k] = True
            return


def _mark_link_lists(lines: list[Line], chrome: list[bool]) -> None:
    """A "Related" / "Recommended" / "Read more" marker and the headlines under it.

    The list runs over headline-shaped lines. A list written line after line ends
    at the first blank line; a list whose items are separated by blank lines runs
    on until a line that is not headline-shaped (a paragraph of the story).
    """
    i = 0
    while i < len(lines):
        if lines[i].blank or not _is_list_marker(lines[i].bare):
            i += 1
            continue
        chrome[i] = True
        items = 0
        gapped = False  # items separated by blank lines
        after_blank = False
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if line.blank:
                if items >= 2 and not gapped:
                    break
                after_blank = items > 0
                j += 1
                continue
            if _is_list_marker(line.bare):
                break  # the next list: handled by the outer loop
            if not (_headline_shaped(line) or chrome[j]):
                break
            gapped = gapped or after_blank
            after_blank = False
            chrome[j] = True
            items += 1
            j += 1
        i = j


def _mark_section_label(lines: list[Line], filled: list[int], chrome: list[bool]) -> None:
    """A one- or two-word label ("Business", "World News") above the headline."""
    content = [i for i in filled if not chrome[i]]
    if len(content) < 2:
        return
    first, second = lines[content[0]], lines[content[1]]
    if (
        first.words <= 2
        and len(first.bare) <= 30
        and not _ends_sentence(first.bare)
        and not first.bare.endswith(":")
        and _headline_shaped(second)
        and second.words > first.words
    ):
        chrome[content[0]] = True


def _mark_repeated_headlines(lines: list[Line], filled: list[int], chrome: list[bool]) -> None:
    """A headline-shaped line the page already showed: the title printed twice."""
    seen: set[str] = set()
    for i in filled:
        line = lines[i]
        key = _norm(line.bare)
        if not key:
            continue
        if chrome[i]:
            continue
        if key in seen and _headline_shaped(line):
            chrome[i] = True
        seen.add(key)


def _mark_trailing_block(lines: list[Line], filled: list[int], chrome: list[bool]) -> None:
    """Short lines after the story's last paragraph: sign-offs, outlet names, labels.

    Walking up from the end, chrome lines, all-caps lines and short lines without
    a full stop (a heading with no story under it is not a heading) are taken
    until a sentence of the story (or anything longer) is reached.
    """
    for i in reversed(filled):
        line = lines[i]
        if chrome[i]:
            continue
        if _ends_sentence(line.bare) or line.bare.endswith(":") or _LIST_ITEM.match(line.bare):
            break  # the story, or a list that is part of it
        if (_all_caps(line.bare) and line.words <= 8) or (line.words <= 6 and len(line.bare) <= 50):
            chrome[i] = True
            continue
        break
