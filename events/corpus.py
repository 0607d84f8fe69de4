"""Read a corpus: a folder of .txt / .md articles and an optional sources.toml.

    [[sources]]
    path = "001_fb140f6fc3b021e8.txt"  # a file in the folder (required)
    id = "reuters-ndtv"                # default: a slug of the file name
    title = "..."                      # default: the article's headline, else the file name
    outlet = "..."
    url = "..."
    published = 2025-06-13             # TOML date; default: the date the text states
    published_estimated = true         # the date above is a guess, not a fact

Articles not listed still load. A bad article (binary, not UTF-8, empty,
unreadable, not a regular file, over the size limit, a link leading out of
the folder) is skipped and reported in `Corpus.problems`, as is a subfolder
holding articles (only the folder itself is read); a missing or empty folder,
a folder with no usable article, or a malformed sources.toml raises
CorpusError with one line naming the file and the problem. A single article
file opens as a corpus of one.

An article longer than the analysis limit is read for events only up to it
(a line in `Corpus.problems` says so): one article must not cost minutes
whatever it holds, and no news article comes near the limit.

The optional entities.toml (names and kinds pinned by hand) is read as
carefully as an article: one that is not a regular file, too big, unreadable
or a link leading out of the folder is left out and reported; one nested too
deeply to parse is a CorpusError. `Corpus.curated` is it when it may be read.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel

from scaletui.events import safe_io
from scaletui.events.chrome import chrome_ranges
from scaletui.events.errors import CorpusError
from scaletui.events.forked_half import split_map
from scaletui.events.model import LISTED, Source
from scaletui.events.published import find_published
from scaletui.events.sentences import split_sentences
from scaletui.events.statements import HEADLINE_REACH, headline_index

ARTICLE_SUFFIXES = (".txt", ".md")
SOURCES_FILE = "sources.toml"
CURATED_FILE = "entities.toml"
_KEYS = ("path", "id", "title", "outlet", "url", "published", "published_estimated")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_SLUG_LENGTH = 40
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # below a space, but tab, newline, \v, \f, \r
_HEADLINE_SCAN = 4000  # the headline is near the top; huge files need not be split twice


class Document(BaseModel):
    source: Source
    # The file as decoded, up to the analysis limit; every offset in the pipeline points into it.
    text: str
    # Its page chrome (chrome.chrome_ranges), where finding the headline read it: split again
    # into sentences in a worker, the article is not searched for chrome twice.
    chrome: list[tuple[int, int]] | None = None


class Corpus(BaseModel):
    folder: Path
    documents: list[Document]
    problems: list[str]  # one line per skipped file or part of one
    curated: Path | None = None  # the corpus's entities.toml, when it is there and may be read


def load_corpus(folder: Path) -> Corpus:
    """The corpus in `folder`; a single article file gives a corpus of that one article."""
    folder = Path(folder)
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise CorpusError(f"{folder}: no such folder") from None
    except (OSError, ValueError) as error:  # a name too long, a loop of links, a NUL byte
        raise CorpusError(f"{folder}: cannot open ({getattr(error, 'strerror', None) or error})") from None
    if not stat.S_ISDIR(info.st_mode):
        return _single_article(folder)
    articles, problems = _list_articles(folder)
    if not articles:
        if problems:
            raise CorpusError(f"{folder}: no usable article ({problems[0]}{' ...' if len(problems) > 1 else ''})")
        raise CorpusError(f"{folder}: no articles (no .txt or .md files)")
    entries = _read_sources_toml(folder, {p.name for p in articles})
    return _read_articles(folder, articles, entries, problems)


def _single_article(path: Path) -> Corpus:
    """One article opened on its own: its folder is the corpus, and only it is read."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise CorpusError(f"{path}: not a corpus folder, an article (.txt or .md) or a timeline (.toml)")
    folder = path.parent
    try:
        names = {p.name for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES}
    except OSError as error:
        raise CorpusError(f"{folder}: cannot read folder ({error.strerror or error})") from None
    entries = _read_sources_toml(folder, names | {path.name})
    return _read_articles(folder, [path], {path.name: entries[path.name]} if path.name in entries else {}, [])


def _read_articles(folder: Path, articles: list[Path], entries: dict[str, dict], problems: list[str]) -> Corpus:
    read: list[tuple[Path, str, dict]] = []
    limit = safe_io.analysis_limit()
    for path in articles:
        try:
            text = read_article(path)
        except CorpusError as error:
            problems.append(str(error))
            continue
        if len(text) > limit:
            problems.append(_cut_note(path, len(text), limit))
            text = analysed_part(text, limit)
        read.append((path, text, entries.get(path.name, {})))
    # What each article's text alone says of it (its date, its headline): most of the reading in a
    # large folder, half of it worked out by a forked child (events.forked_half.split_map).
    found = split_map(lambda article: _text_facts(article[1], article[2]), read, FACTS_IN_TWO_FROM)
    documents: list[Document] = []
    used_ids = {entry["id"] for entry in entries.values() if "id" in entry}
    for (path, text, entry), (published, headline, chrome) in zip(read, found):
        source = _source_for(path, entry, used_ids, published, headline)
        documents.append(Document(source=source, text=text, chrome=chrome))
    if not documents:
        raise CorpusError(f"{folder}: no usable article ({problems[0]}{' ...' if len(problems) > 1 else ''})")
    curated = _curated_file(folder, problems)
    return Corpus(folder=folder, documents=documents, problems=problems, curated=curated)


def _list_articles(folder: Path) -> tuple[list[Path], list[str]]:
    """The article files directly in `folder`, and one line for each entry passed over that a user may miss.

    Only the folder itself is read: a source is known by its file name (in
    sources.toml, in the saved timeline, in the article view), so an article in
    a subfolder has no name to be known by. Such subfolders are reported, not
    read. A link is followed only while it stays inside the corpus folder.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        raise CorpusError(f"{folder}: cannot read folder ({error.strerror or error})") from None
    articles: list[Path] = []
    problems: list[str] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            is_link = entry.is_symlink()
            is_folder = entry.is_dir()
        except OSError:
            is_link, is_folder = False, False
        if is_link and not safe_io.inside(path, folder):
            if path.suffix.lower() in ARTICLE_SUFFIXES or is_folder:
                problems.append(f"{path}: a link to outside the corpus folder; not read")
            continue
        if is_folder:
            if _holds_articles(path):
                problems.append(f"{path}/: a subfolder; only articles directly in the corpus folder are read")
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            articles.append(path)  # a broken link or special file is kept so that it is reported
    return articles, problems


def _holds_articles(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(e.name.lower().endswith(ARTICLE_SUFFIXES) and not e.name.startswith(".") for e in entries)
    except OSError:
        return False


def read_article(path: Path) -> str:
    """The article's text; CorpusError for anything that is not a non-empty UTF-8 text file within the size limit."""
    try:
        data = safe_io.read_regular(path, safe_io.article_limit(), safe_io.ARTICLE_LIMIT_VARIABLE)
    except safe_io.Refused as refused:
        raise CorpusError(f"{path}: {refused}") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot read ({error.strerror or error})") from None
    if not data.strip():
        raise CorpusError(f"{path}: empty file")
    if b"\x00" in data:
        raise CorpusError(f"{path}: not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(
            f"{path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if not text.strip():
        raise CorpusError(f"{path}: empty file")
    if _mostly_control(text):
        raise CorpusError(f"{path}: not a text file (binary data)")
    return text


def analysed_part(text: str, limit: int) -> str:
    """The start of `text` that is read for events: at most `limit` characters, ending where a paragraph,
    else a sentence, else a word ends, so the last statement read is not a fragment."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    floor = limit // 2  # never give up half of what may be read to end neatly
    for end in (head.rfind("\n"), _last_sentence_end(head, floor), _last_space(head)):
        if end > floor:
            return text[:end]
    return head


def _last_sentence_end(head: str, floor: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(head, floor)]
    return ends[-1] if ends else -1


def _last_space(head: str) -> int:
    return max(head.rfind(" "), head.rfind("\t"))


def _cut_note(path: Path, size: int, limit: int) -> str:
    return (
        f"{path}: all but its first {safe_io.megabytes(limit)} (of {safe_io.megabytes(size)}): "
        f"events are read from at most that much of one article; set {safe_io.ANALYSIS_LIMIT_VARIABLE} to raise it"
    )


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > 0.05 * len(sample)


# ---------------------------------------------------------------- sources


# Articles from which a forked child reads half of their dates and headlines: below it, starting
# the child costs about what it saves.
FACTS_IN_TWO_FROM = 300


def _text_facts(text: str, entry: dict) -> tuple[tuple[date, str] | None, str, list[tuple[int, int]] | None]:
    """What the text says where sources.toml does not: its publication date and how it says it (None),
    its headline (""), and its page chrome where finding the headline read the whole text."""
    published = find_published(text) if entry.get("published") is None else None
    headline, chrome = ("", None) if entry.get("title") else _headline_and_chrome(text)
    return published, headline, chrome


def _source_for(path: Path, entry: dict, used_ids: set[str], found: tuple[date, str] | None, headline: str) -> Source:
    """The article's source record: sources.toml's entry, else what its text says (`_text_facts`)."""
    source_id = entry.get("id") or _unique(slug(path.stem), used_ids)
    used_ids.add(source_id)
    published = entry.get("published")
    basis = LISTED if published else ""
    if published is None and found:
        published, basis = found
    return Source(
        id=source_id,
        path=path.name,
        title=entry.get("title") or headline or path.stem,
        outlet=entry.get("outlet", ""),
        url=entry.get("url", ""),
        published=published,
        published_estimated=entry.get("published_estimated", False),
        published_basis=basis,
    )


def slug(name: str) -> str:
    """A short, stable id from a file name: "001_Meta Deal" -> "001-meta-deal"."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:_SLUG_LENGTH].strip("-")
    return text or "source"


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _headline_and_chrome(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """The article's headline (its first heading once date stamps and bylines are passed), and the
    text's page chrome where finding it read the whole text (a short article)."""
    match = re.match(r"\s*#{1,6}\s+(.+)", text)
    if match:
        return match.group(1).strip().strip("#").strip(), None
    top = text[:_HEADLINE_SCAN]
    if len(text) > _HEADLINE_SCAN and "\n" in top:
        top = top[: top.rfind("\n")]
    chrome = chrome_ranges(top)
    sentences = split_sentences("", top, first=HEADLINE_REACH, chrome=chrome)  # the headline is among them, if anywhere
    index = headline_index(sentences)
    return next((s.text for s in sentences if s.index == index), ""), chrome if top == text else None


# ---------------------------------------------------------------- entities.toml


def _curated_file(folder: Path, problems: list[str]) -> Path | None:
    """The folder's entities.toml when it may be read; one that may not is reported in `problems` and left out.

    Read in full here, through the same checks as an article, so that the
    entity finder's later read of it is of a small regular file inside the
    folder, and a file nested too deeply for the TOML reader is one line.
    """
    path = folder / CURATED_FILE
    if not path.exists() and not path.is_symlink():
        return None
    if not safe_io.inside(path, folder):
        problems.append(f"{path}: a link to outside the corpus folder; not read")
        return None
    try:
        raw = safe_io.read_regular(path, safe_io.LISTING_LIMIT)
    except safe_io.Refused as refused:
        problems.append(f"{path}: {refused}")
        return None
    except OSError as error:
        problems.append(f"{path}: cannot read ({error.strerror or error})")
        return None
    try:
        tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        pass  # the entity finder says what is wrong, in its own words
    except RecursionError:
        raise CorpusError(f"{path}: nested too deeply to be a list of entities") from None
    return path


# ---------------------------------------------------------------- sources.toml


def _read_sources_toml(folder: Path, article_names: set[str]) -> dict[str, dict]:
    """Entries of sources.toml keyed by path; CorpusError for anything wrong in it."""
    path = folder / SOURCES_FILE
    if not path.exists() and not path.is_symlink():
        return {}
    where = str(path)
    if not safe_io.inside(path, folder):
        raise CorpusError(f"{where}: a link to outside the corpus folder; not read")
    try:
        raw = safe_io.read_regular(path, safe_io.LISTING_LIMIT).decode("utf-8-sig")
    except safe_io.Refused as refused:
        raise CorpusError(f"{where}: {refused}") from None
    except OSError as error:
        raise CorpusError(f"{where}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{where}: not UTF-8 text") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"{where}: {_toml_error(str(error), raw)}") from None
    except RecursionError:
        raise CorpusError(f"{where}: nested too deeply to be a list of sources") from None

    unknown_tables = sorted(set(data) - {"sources"})
    if unknown_tables:
        raise CorpusError(f'{where}: unknown key "{unknown_tables[0]}" (expected [[sources]] entries)')
    items = data.get("sources", [])
    if not isinstance(items, list):
        raise CorpusError(f"{where}: sources must be [[sources]] entries")

    entries: dict[str, dict] = {}
    numbers: dict[str, int] = {}
    ids: dict[str, str] = {}
    for number, item in enumerate(items, start=1):
        entry = _check_entry(where, number, item, article_names)
        name = entry["path"]
        label = f'{where}: entry {number} ("{name}")'
        if name in entries:
            raise CorpusError(f"{label}: path is listed twice (also entry {numbers[name]})")
        if "id" in entry:
            if entry["id"] in ids:
                raise CorpusError(f'{label}: duplicate id "{entry["id"]}" (also used for "{ids[entry["id"]]}")')
            ids[entry["id"]] = name
        entries[name] = entry
        numbers[name] = number
    return entries


def _check_entry(where: str, number: int, item: object, article_names: set[str]) -> dict:
    label = f"{where}: entry {number}"
    if not isinstance(item, dict):
        raise CorpusError(f"{label}: not a table")
    unknown = [key for key in item if key not in _KEYS]
    if unknown:
        raise CorpusError(f'{label}: unknown key "{unknown[0]}" (known: {", ".join(_KEYS)})')
    if "path" not in item:
        raise CorpusError(f"{label}: missing path")
    for key in ("path", "id", "title", "outlet", "url"):
        if key in item and not isinstance(item[key], str):
            raise CorpusError(f"{label}: {key} must be a string, not {_toml_type(item[key])}")
    name = item["path"]
    label = f'{where}: entry {number} ("{name}")'
    if not name or Path(name).name != name or name in (".", ".."):
        raise CorpusError(f'{label}: path must be a file name in the folder, not "{name}"')
    if name not in article_names:
        if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
            raise CorpusError(f'{where}: path "{name}" is not a .txt or .md article')
        raise CorpusError(f'{where}: unknown path "{name}" (no such article in the folder)')
    entry = dict(item)
    if "id" in entry:
        if not _ID.match(entry["id"]):
            raise CorpusError(
                f'{label}: id "{entry["id"]}" must be lower-case letters, digits, ".", "_" or "-"'
            )
    if "published" in entry:
        entry["published"] = _check_date(label, entry["published"])
    if "published_estimated" in entry:
        if not isinstance(entry["published_estimated"], bool):
            raise CorpusError(
                f"{label}: published_estimated must be true or false, not {_toml_type(entry['published_estimated'])}"
            )
        if entry["published_estimated"] and "published" not in entry:
            raise CorpusError(f"{label}: published_estimated needs a published date")
    return entry


def _check_date(label: str, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CorpusError(f'{label}: bad date "{value}" for published (use YYYY-MM-DD)') from None
    raise CorpusError(f"{label}: published must be a date (YYYY-MM-DD), not {_toml_type(value)}")


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _toml_error(message: str, raw: str) -> str:
    """tomllib's "Problem (at line 3, column 5)" as "line 3: problem", naming bad dates."""
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if not match:
        return message.splitlines()[0] if message else "not valid TOML"
    line_number = int(match.group(1))
    problem = message[: match.start()]
    lines = raw.splitlines()
    if 0 < line_number <= len(lines):
        text = lines[line_number - 1]
        bad_date = re.search(r"=\s*(\d{4}-\d{1,2}-\d{1,2}\S*)", text)
        if bad_date:
            try:
                date.fromisoformat(bad_date.group(1)[:10])
            except ValueError:
                problem = f"bad date {bad_date.group(1)}"
    return f"line {line_number}: {problem}"
