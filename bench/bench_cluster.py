"""How clustering cost grows with the corpus: the seeds repeated to 200, 800 and 3,200 articles.

Run by hand:  python bench/bench_cluster.py [--sizes 200 800 3200] [--show FOLDER]

Each copy of a seed article gets its years shifted by the copy number and its
capitalised names suffixed with it, so copies stay distinct stories instead of
collapsing into one giant event. Each size runs in a fresh subprocess so its
peak memory (ru_maxrss) is its own. It runs the real headless pipeline
(`events.pipeline.build_timeline`) and times each of its stages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scaletui.events.corpus import load_corpus  # noqa: E402
from scaletui.events.pipeline import build_timeline  # noqa: E402

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
    # A six-letter tag per copy, far from every other copy's: "Googleqzkvbm"
    # stays a word (so name finders still see a name) but never looks like a
    # misspelling of "Googlewtrpxa", which would fold copies into one entity.
    digest = hashlib.blake2b(str(number).encode(), digest_size=6).digest()
    return "".join("bcdfghjklmnpqrstvwxz"[byte % 20] for byte in digest)


STAGE_SECONDS: dict[str, float] = {}  # pipeline stage -> seconds, filled by the run
STAGE_RISE_KIB: dict[str, int] = {}  # pipeline stage -> how much it raised the peak resident set


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_pipeline(folder: Path) -> tuple[str, int, int]:
    """(which pipeline ran, statements, events)."""
    marks: list[tuple[str, float, int]] = []
    timeline = build_timeline(
        load_corpus(folder), lambda stage, _f: marks.append((stage, time.perf_counter(), _peak_kib()))
    )
    for (stage, began, low), (_next, ended, high) in zip(marks, marks[1:]):
        STAGE_SECONDS[stage] = STAGE_SECONDS.get(stage, 0.0) + ended - began
        STAGE_RISE_KIB[stage] = STAGE_RISE_KIB.get(stage, 0) + high - low
    statements = sum(len(e.statements) for e in timeline.events)
    return "events.pipeline.build_timeline", statements, len(timeline.events)


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
    events = build_timeline(load_corpus(folder)).events
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
