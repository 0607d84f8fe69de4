"""How clustering cost grows with the corpus: the seeds repeated to 200, 800 and 3,200 articles.

Run by hand:  python bench/bench_cluster.py [--sizes 200 800 3200] [--show FOLDER]

Each copy of a seed article gets its years shifted by the copy number and its
capitalised names suffixed with it, so copies stay distinct stories instead of
collapsing into one giant event. Each size runs in a fresh subprocess so its
peak memory (ru_maxrss) is its own. The headless pipeline
(`events.pipeline.build_timeline`) is used when it can run; otherwise a crude
stand-in (regex dates, capitalised-phrase entities) feeds the same
figures -> clustering -> comparison steps, and the report says which ran.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.model import Entity, Modifier, Precision, Source, Statement, TimeSpan  # noqa: E402

SEEDS = ROOT / "seeds"
_NAME = re.compile(r"\b[A-Z][a-zA-Z]+\b")
_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def make_corpus(articles: int, folder: Path) -> None:
    """`articles` files: the seeds, copy k with years shifted by k and names suffixed with k."""
    seeds = sorted(SEEDS.glob("*.txt"))
    listing = []
    for number in range(articles):
        seed = seeds[number % len(seeds)]
        copy = number // len(seeds)
        text = seed.read_text(encoding="utf-8")
        if copy:
            text = _YEAR.sub(lambda m: str(int(m[0]) + copy), text)
            text = _NAME.sub(lambda m: f"{m[0]}{_letters(copy)}", text)
        name = f"{number:05d}_{seed.stem}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        published = date(2025 + copy, 6, 13 + number % len(seeds) // 2)
        listing.append(f'[[sources]]\npath = "{name}"\nid = "{name[:-4]}"\npublished = {published.isoformat()}\n')
    (folder / "sources.toml").write_text("\n".join(listing), encoding="utf-8")


def _letters(number: int) -> str:
    # Names stay words ("Metabc"), so capitalised-name finders still see names.
    out = ""
    while number:
        number, digit = divmod(number, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[digit] + out
    return out


STAGE_SECONDS: dict[str, float] = {}  # pipeline stage -> seconds, filled by the run
STAGE_RISE_KIB: dict[str, int] = {}  # pipeline stage -> how much it raised the peak resident set


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_pipeline(folder: Path) -> tuple[str, int, int]:
    """(which pipeline ran, statements, events)."""
    try:
        from events.corpus import load_corpus
        from events.pipeline import build_timeline
    except ImportError:
        events = crude_pipeline(folder)
        return "crude stand-in (pipeline not importable yet)", sum(len(e.statements) for e in events), len(events)
    marks: list[tuple[str, float, int]] = []
    timeline = build_timeline(
        load_corpus(folder), lambda stage, _f: marks.append((stage, time.perf_counter(), _peak_kib()))
    )
    for (stage, began, low), (_next, ended, high) in zip(marks, marks[1:]):
        STAGE_SECONDS[stage] = STAGE_SECONDS.get(stage, 0.0) + ended - began
        STAGE_RISE_KIB[stage] = STAGE_RISE_KIB.get(stage, 0) + high - low
    statements = sum(len(e.statements) for e in timeline.events)
    return "events.pipeline.build_timeline", statements, len(timeline.events)


def crude_pipeline(folder: Path, published: date = date(2025, 6, 14)):
    from events.clustering import cluster_events
    from events.compare import compare_event
    from events.figures import extract_figures

    sources, statements = crude_statements(folder, published)
    for statement in statements:
        statement.figures = extract_figures(statement.text)
    try:
        from events.entities import find_entities

        entities = find_entities(statements, None)
    except ImportError:
        entities = crude_entities(statements)
    began, low = time.perf_counter(), _peak_kib()
    events = cluster_events(statements, entities, sources)
    STAGE_SECONDS["clustering events"] = time.perf_counter() - began
    STAGE_RISE_KIB["clustering events"] = _peak_kib() - low
    began = time.perf_counter()
    for event in events:
        compare_event(event, entities, sources)
    STAGE_SECONDS["comparing sources"] = time.perf_counter() - began
    return events


def crude_statements(folder: Path, published: date) -> tuple[list[Source], list[Statement]]:
    import tomllib

    from events.sentences import split_sentences

    listing = folder / "sources.toml"
    given = {}
    if listing.is_file():
        given = {s["path"]: s.get("published") for s in tomllib.loads(listing.read_text())["sources"]}
    sources, statements = [], []
    for path in sorted(folder.glob("*.txt")):
        source = Source(id=path.stem, path=path.name, published=given.get(path.name) or published)
        published_here = source.published
        sources.append(source)
        for sentence in split_sentences(source.id, path.read_text(encoding="utf-8")):
            if len(sentence.text.split()) < 4:
                continue
            time_text, span = crude_date(sentence.text, published_here)
            statements.append(
                Statement(
                    id=f"{source.id}:{sentence.index}",
                    source=source.id,
                    text=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    time_text=time_text,
                    span=span,
                )
            )
    return sources, statements


def crude_date(text: str, published: date) -> tuple[str, TimeSpan]:
    if match := re.search(r"\bthis year\b", text):
        return match[0], TimeSpan(start=date(published.year, 1, 1), end=date(published.year, 12, 31), precision=Precision.YEAR)
    if match := re.search(r"\blast year\b", text):
        year = published.year - 1
        return match[0], TimeSpan(start=date(year, 1, 1), end=date(year, 12, 31), precision=Precision.YEAR)
    if match := re.search(r"\bthis week\b", text):
        monday = published - timedelta(days=published.weekday())
        return match[0], TimeSpan(start=monday, end=monday + timedelta(days=6), precision=Precision.WEEK)
    if match := re.search(r"\b(?:in|since|of) ((?:19|20)\d\d)\b", text):
        year = int(match[1])
        return match[0], TimeSpan(start=date(year, 1, 1), end=date(year, 12, 31), precision=Precision.YEAR)
    return "", TimeSpan(start=published, end=published, precision=Precision.DAY, modifier=Modifier.REPORTED, confidence=0.5)


def crude_entities(statements: list[Statement]) -> list[Entity]:
    skip = {"The", "A", "An", "In", "It", "This", "That", "However", "As", "For", "While", "Despite", "Other", "Sources"}
    names: dict[str, Entity] = {}
    for statement in statements:
        found = []
        for match in re.finditer(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", statement.text):
            words = [w for w in match[0].split() if w not in skip]
            if not words:
                continue
            key = words[0].lower().removesuffix("’s").removesuffix("'s")
            entity = names.setdefault(key, Entity(id=key, name=words[0]))
            found.append(entity.id)
        statement.entities = list(dict.fromkeys(found))
    return list(names.values())


def measure(articles: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(articles, folder)
        began = time.perf_counter()
        which, statements, events = run_pipeline(folder)
        seconds = time.perf_counter() - began
    return {
        "articles": articles,
        "seconds": seconds,
        "statements": statements,
        "events": events,
        "cluster_seconds": STAGE_SECONDS.get("clustering events", 0.0),
        "compare_seconds": STAGE_SECONDS.get("comparing sources", 0.0),
        "cluster_rise_mib": STAGE_RISE_KIB.get("clustering events", 0) / 1024,
        "peak_mib": _peak_kib() / 1024,
        "pipeline": which,
    }


def show(folder: Path) -> None:
    try:
        from events.corpus import load_corpus
        from events.pipeline import build_timeline

        events = build_timeline(load_corpus(folder)).events
    except ImportError:
        events = crude_pipeline(folder)
    for event in sorted(events, key=lambda e: -len(e.sources)):
        print(f"\n[{event.id}] {event.title!r}  {event.span.label()}  conf={event.confidence} sources={event.sources}")
        for statement in event.statements:
            print(f"    {statement.source[:14]:14} {statement.text[:110]!r}")
        for discrepancy in event.discrepancies:
            claims = "; ".join(f"{c.value} ({', '.join(s[:6] for s in c.sources)})" for c in discrepancy.claims)
            print(f"    ! {discrepancy.field} {discrepancy.topic}: {claims}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 800, 3200])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: measure one size
    parser.add_argument("--show", type=Path, help="print the events of a corpus folder and exit")
    args = parser.parse_args()
    if args.show:
        show(args.show)
        return
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    results = []
    for size in args.sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
    print(f"pipeline: {results[0]['pipeline']}")
    print(report_table(results))


def report_table(results: list[dict]) -> str:
    """Times, growth against the previous size, and peak memory: whole pipeline and clustering stage."""
    header = (
        f"{'articles':>8} {'stmts':>7} {'events':>7} | {'total s':>8} {'x prev':>6} {'peak MiB':>8} | "
        f"{'cluster s':>9} {'x prev':>6} {'+MiB':>6} | {'compare s':>9}"
    )
    lines = [header, "-" * len(header)]
    previous = None
    for result in results:
        total_ratio = result["seconds"] / previous["seconds"] if previous else 1.0
        cluster_ratio = result["cluster_seconds"] / previous["cluster_seconds"] if previous else 1.0
        lines.append(
            f"{result['articles']:>8} {result['statements']:>7} {result['events']:>7} | "
            f"{result['seconds']:>8.1f} {total_ratio:>6.2f} {result['peak_mib']:>8.0f} | "
            f"{result['cluster_seconds']:>9.1f} {cluster_ratio:>6.2f} {result['cluster_rise_mib']:>6.0f} | "
            f"{result['compare_seconds']:>9.1f}"
        )
        previous = result
    growth = [b["articles"] / a["articles"] for a, b in zip(results, results[1:])]
    if growth:
        worst = max(growth)
        lines.append(
            f"x prev: time against the previous size ({', '.join(f'{g:g}x' for g in growth)} the articles; "
            f"linear ~{worst:g}x, quadratic {worst * worst:g}x). +MiB: how much clustering raised the peak."
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
