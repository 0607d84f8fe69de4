"""How the export's cost grows with the corpus, stage by stage, on real text and on the seeds repeated.

Run by hand from the repository root:

    python bench/bench_pipeline.py                          # ECB+ and seeds at 200 and 800 articles
    python bench/bench_pipeline.py --sizes 200,800,2600 --corpora ecbplus
    python bench/bench_pipeline.py --compare 3adb899        # the same corpora on that revision's code
    python bench/bench_pipeline.py --reopen --json
    python bench/bench_pipeline.py --saved-only --compare 3adb899   # only the 10k-event reopen, against that revision

Corpora: `ecbplus` is the ECB+ stories of bench/data/ecbplus concatenated
(files renamed uniquely, their sources.toml entries kept); `ecbplus-dated` is the
same with a publication day for each article, as a wire archive has (ECB+ has
none): each story a day in the latest year two of its articles name, each of its
articles one of the four days after it; `seeds` is the five seed articles repeated. Past the first pass over the source articles, each copy
gets its years shifted and each capitalised name six letters of its own for that
copy (sentence-opening everyday words like "The" are left alone), so copies are
distinct stories, with distinct people and places, and distinct texts (no content
cache serves them).

Each size runs in a fresh subprocess, with its own empty cache folder
(XDG_CACHE_HOME), so its peak memory is its own. The export is what `scaletui
export CORPUS -o FILE` does: load_corpus, build_timeline, save_timeline (into a
file in a temporary folder; its size is the TOML's). Stages are the ones
build_timeline reports through its progress callback, whatever they are called,
between "reading the corpus" (load_corpus) and "writing TOML" (save_timeline).

Baselines measured in the same run: a plain `dateparser.search_dates` pass over
the same sentences (split by a regular expression, independent of the
pipeline), and, with --reopen, the same export run a second time on the same
cache folder (what a second open of an unchanged corpus costs).

With --reopen (or --saved-only, which runs nothing else), each code also opens a
saved timeline of --saved-events (10,000) synthetic events
(tests/tui/synthetic_timeline.py, as bench_app.py uses), the way the app opens a
.toml (`loads_timeline`), against a plain `tomllib.loads` of the same text in the
same process: --saved-repeat times (3), each in a fresh process, the codes taking
turns so that a busy machine weighs on both alike. That is a first open: nothing
kept of the file. Apart, the same process saves the timeline to a file
(`save_timeline`, as the app's save and `export -o` write) and opens that file
(`load_timeline`, as the app opens a path): a code that keeps the saved timeline
in the user's cache (events/reopen_cache.py) reads it from there, an older one
reads the TOML. The report gives the best run and the spread (slowest - best) of
each, and with --compare the ratio of the bests.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date, datetime, timedelta
from collections import Counter
from pathlib import Path

import tomli_w
from wordfreq import zipf_frequency

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ECBPLUS = BENCH / "data" / "ecbplus"
SEEDS = ROOT / "seeds"
CORPORA = ("ecbplus", "seeds", "ecbplus-dated")
LINEAR = 1.125  # 4x the articles may cost at most 4.5x the time

sys.path.insert(0, str(BENCH))
import code_tree  # noqa: E402

# ---------------------------------------------------------------- corpora

_NAME = re.compile(r"\b[A-Z][a-z]+[A-Za-z]*\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def source_articles(kind: str) -> list[tuple[Path, dict]]:
    """(article file, its sources.toml entry without path and id), in a stable order."""
    if kind == "ecbplus-dated":
        return [(path, {**entry, "published": _story_day(path)}) for path, entry in source_articles("ecbplus")]
    if kind == "ecbplus":
        folders = sorted((p for p in ECBPLUS.iterdir() if p.is_dir()), key=lambda p: (int(p.name.split("_")[0]), p.name))
    else:
        folders = [SEEDS]
    articles = []
    for folder in folders:
        listing = folder / "sources.toml"
        entries = tomllib.loads(listing.read_text(encoding="utf-8")).get("sources", []) if listing.is_file() else []
        by_path = {e["path"]: {k: v for k, v in e.items() if k not in ("path", "id")} for e in entries}
        articles += [(path, by_path.get(path.name, {})) for path in sorted(folder.glob("*.txt"))]
    return articles


@functools.cache
def _story_year(folder: Path) -> int | None:
    # The latest year two of its articles name, up to 2013 (when ECB+ was gathered): a story is
    # reported in the year of its latest news; earlier years are its background.
    named = Counter(y for text in map(Path.read_text, folder.glob("*.txt")) for y in {int(y) for y in _YEAR.findall(text)})
    return max((y for y, articles in named.items() if articles >= 2 and y <= 2013), default=None)


def _story_day(path: Path) -> date:
    # Wire archives are dated, and the reports of one story fall within days of each other: each
    # ECB+ story gets a day in the year its articles name most (else one between 2003 and 2012),
    # drawn from its folder's name so that every run and every code reads the same, and each of
    # its articles one of the four days after it.
    story = int.from_bytes(hashlib.blake2b(path.parent.name.encode(), digest_size=4).digest(), "big")
    own = int.from_bytes(hashlib.blake2b(path.name.encode(), digest_size=1).digest(), "big")
    year = _story_year(path.parent) or 2003 + story % 10
    return date(year, 1, 1) + timedelta(days=story % 360 + own % 4)


def _renamed(word: str, copy: int) -> str:
    # Each name gets six letters of its own in each copy ("Googleqzkvbm", "Parisxwrtdk"):
    # a copy's names then read as no misspelling of another copy's, nor of one another
    # (one suffix shared by a whole copy made "Thegldnpm" and "Hegldnpm" one name, and
    # thousands of a copy's names one entity). Words capitalised only because they open a
    # sentence ("The", "He", "But") stay as they are, as in any other article.
    if zipf_frequency(word.lower(), "en") >= _EVERYDAY_ZIPF:
        return word
    digest = hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=6).digest()
    return word + "".join("bcdfghjklmnpqrstvwxz"[byte % 20] for byte in digest)


_EVERYDAY_ZIPF = 5.0  # "the" 7.7, "but" 6.5, "after" 6.0; "police" 5.2 stays a word, "Paris" 4.9 is renamed


def copy_text(text: str, copy: int) -> str:
    """The article as its `copy`-th copy: years shifted by `copy`, names renamed (the 0th is the article)."""
    if not copy:
        return text
    shifted = _YEAR.sub(lambda m: str(int(m[0]) + copy), text)
    return _NAME.sub(lambda m: _renamed(m[0], copy), shifted)


def make_corpus(kind: str, articles: int, folder: Path) -> int:
    """Write `articles` files and their sources.toml into `folder`; the input size in bytes."""
    originals = source_articles(kind)
    listing, size = [], 0
    for number in range(articles):
        path, entry = originals[number % len(originals)]
        copy = number // len(originals)
        text, entry = path.read_text(encoding="utf-8"), dict(entry)
        if copy:
            text = copy_text(text, copy)
            if isinstance(entry.get("published"), date):
                day = entry["published"]
                entry["published"] = day.replace(year=day.year + copy, day=min(day.day, 28))
            if "title" in entry:
                entry["title"] = copy_text(entry["title"], copy)
        name = f"{number:05d}_{path.name}"
        (folder / name).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        listing.append({"path": name, **entry})
    (folder / "sources.toml").write_text(tomli_w.dumps({"sources": listing}), encoding="utf-8")
    return size


def sentences_of(folder: Path) -> list[str]:
    """Every sentence of the corpus, split without the pipeline: lines, then full stops before a capital."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s for s in re.split(r"(?<=[.!?])\s+(?=[\"“'‘(]?[A-Z0-9])", line.strip()) if s]
    return out


def search_dates_seconds(sentences: list[str], limit: int) -> tuple[float, bool]:
    """Seconds a plain dateparser pass over the sentences takes, as a naive tool would do it.

    Past `limit` sentences an evenly spread sample is timed and scaled up (True:
    estimated): its cost per sentence does not depend on how many there are.
    """
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(2020, 1, 1)}
    search_dates("It happened on June 12, 2025.", languages=["en"], settings=settings)  # load its languages first
    sample = sentences[:: -(-len(sentences) // limit)] if len(sentences) > limit else sentences
    began = time.perf_counter()
    for sentence in sample:
        search_dates(sentence, languages=["en"], settings=settings)
    return (time.perf_counter() - began) * len(sentences) / max(len(sample), 1), len(sample) < len(sentences)


# ---------------------------------------------------------------- one export, in a child process


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def export_once(folder: Path, code_root: Path) -> dict:
    """Time one export of `folder`, stage by stage (run in a fresh process)."""
    pipeline = code_tree.import_pipeline(code_root)
    began = time.perf_counter()
    with code_tree.empty_cache():  # the warm-up must not fill the cache the measured export reads
        code_tree.warm_up(pipeline)
    warm_up = time.perf_counter() - began
    marks: list[tuple[str, float, float]] = []  # (stage starting here, wall clock, this process's CPU clock)

    def mark(stage: str, _fraction: float = 0.0) -> None:
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.perf_counter(), time.process_time()))

    cpu = _cpu_seconds()
    mark("reading the corpus")
    corpus = pipeline.load_corpus(folder)
    timeline = pipeline.build_timeline(corpus, mark)
    if marks[-1][0] == "done":  # build_timeline still assembles its result after saying "done"
        marks[-1] = ("assembling the timeline", *marks[-1][1:])
    mark("writing TOML")
    peak_before_writing = _peak_mib()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as out:
        saved = Path(out) / "timeline.toml"
        pipeline.save_timeline(timeline, saved, force=True)  # as `scaletui export -o FILE` writes it
        mark("end")
        cpu = _cpu_seconds() - cpu
        peak = _peak_mib()  # the export's own: read before the file is opened again beside it
        toml_bytes = saved.stat().st_size
        events, statements = len(timeline.events), sum(len(e.statements) for e in timeline.events)
        del timeline
        gc.collect()
        text = saved.read_text(encoding="utf-8")
    began = time.perf_counter()
    pipeline.loads_timeline(text)
    reopen_seconds = time.perf_counter() - began
    stages: dict[str, float] = {}
    stages_cpu: dict[str, float] = {}
    for (stage, start, cpu_start), (_next, end, cpu_end) in zip(marks, marks[1:]):
        stages[stage] = stages.get(stage, 0.0) + end - start
        stages_cpu[stage] = stages_cpu.get(stage, 0.0) + cpu_end - cpu_start
    return {
        "articles": len(corpus.documents),
        "events": events,
        "statements": statements,
        "stages": stages,
        "stages_cpu": stages_cpu,  # this process only: a process pool's work is in cpu_seconds
        "seconds": marks[-1][1] - marks[0][1],
        "cpu_seconds": cpu,
        "toml_bytes": toml_bytes,
        "reopen_toml_seconds": reopen_seconds,  # loads_timeline: what the app pays to open the saved file
        "peak_mib": peak,
        "peak_mib_before_writing": peak_before_writing,
        "peak_mib_pool": _peak_mib(resource.RUSAGE_CHILDREN),
        "warm_up_seconds": warm_up,
    }


def open_saved(events: int, code_root: Path) -> dict:
    """Open a saved timeline of `events` synthetic events as the app does (run in a fresh process)."""
    pipeline = code_tree.import_pipeline(code_root)
    sys.path.insert(0, str(ROOT / "tests" / "tui"))
    from synthetic_timeline import synthetic_timeline

    timeline = synthetic_timeline(events, n_entities=200)
    text = pipeline.dumps_timeline(timeline)
    pipeline.loads_timeline(text[: text.index("[[sources]]")])  # its imports, untimed
    row: dict = {"events": events, "toml_bytes": len(text.encode("utf-8"))}
    for name, read in (("loads_timeline", pipeline.loads_timeline), ("tomllib", tomllib.loads)):
        began, cpu = time.perf_counter(), time.process_time()
        read(text)
        row[f"{name}_seconds"], row[f"{name}_cpu_seconds"] = time.perf_counter() - began, time.process_time() - cpu
    # The file saved, then opened by its path: what reopening a file the app saved costs.
    from scaletui.events.store import load_timeline  # the code tree's, as import_pipeline set it up

    with tempfile.TemporaryDirectory(prefix="bench-saved-file-") as folder:
        path = Path(folder) / "saved.toml"
        began = time.perf_counter()
        pipeline.save_timeline(timeline, path, force=True)
        row["save_seconds"] = time.perf_counter() - began
        del timeline
        gc.collect()
        began, cpu = time.perf_counter(), time.process_time()
        load_timeline(path)
        row["load_after_save_seconds"], row["load_after_save_cpu_seconds"] = time.perf_counter() - began, time.process_time() - cpu
    return row


def run_child(folder: Path | None, code_root: Path, cache: Path, saved: int = 0) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    what = ["--saved", str(saved)] if saved else ["--one", str(folder)]
    child = subprocess.run(
        [sys.executable, __file__, *what, "--code", str(code_root)],
        capture_output=True, text=True, env=env, check=False,
    )
    if child.returncode:
        raise SystemExit(f"bench_pipeline: {' '.join(what)} with {code_root} failed:\n{child.stderr.strip()}")
    return json.loads(child.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the runs


def measure_saved(codes: dict[str, Path], events: int, repeat: int = 3) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {label: [] for label in codes}
    with tempfile.TemporaryDirectory(prefix="bench-saved-") as temp:
        for _turn in range(repeat):
            for label, code in codes.items():
                runs[label].append(run_child(None, code, Path(temp), saved=events))
    return runs


def measure(kinds: list[str], sizes: list[int], codes: dict[str, Path], reopen: bool, baseline_limit: int) -> list[dict]:
    results = []
    for kind in kinds:
        for size in sizes:
            with tempfile.TemporaryDirectory(prefix=f"bench-{kind}-{size}-") as temp:
                folder = Path(temp) / "corpus"
                folder.mkdir()
                input_bytes = make_corpus(kind, size, folder)
                sentences = sentences_of(folder)
                row = {"corpus": kind, "size": size, "input_bytes": input_bytes, "sentences": len(sentences), "runs": {}}
                for label, code in codes.items():
                    cache = Path(temp) / f"cache-{len(row['runs'])}"
                    cache.mkdir()
                    run = run_child(folder, code, cache)
                    if reopen:
                        run["reopen"] = run_child(folder, code, cache)
                    row["runs"][label] = run
                    print(f"  {kind} {size} articles, {label}: {run['seconds']:.1f} s", file=sys.stderr)
                row["search_dates_seconds"], row["search_dates_sampled"] = search_dates_seconds(sentences, baseline_limit)
                results.append(row)
    return results


# ---------------------------------------------------------------- report


def _growth(a: float, b: float, size_a: int, size_b: int) -> tuple[float, str]:
    """Per-article growth from one size to the next, and its mark: '!' over LINEAR, '~' too short to judge."""
    growth = (b / a) / (size_b / size_a) if a > 0 else 0.0
    return growth, "~" if a < 0.05 else "!" if growth > LINEAR else " "


def _best(rows: list[dict], key: str) -> float:
    return min(row[key] for row in rows)


def report_saved(saved: dict[str, list[dict]]) -> str:
    lines = ["\nOpening a saved timeline (loads_timeline), against tomllib.loads of the same file, "
             "best of the runs and spread (slowest - best): wall s (CPU s)"]
    for label, rows in saved.items():
        row = rows[0]
        walls = [r["loads_timeline_seconds"] for r in rows]
        lines.append(
            f"  {label}: {row['events']} events, {row['toml_bytes'] / 1e6:.1f} MB, {len(rows)} runs: "
            f"{min(walls):.2f} s ({_best(rows, 'loads_timeline_cpu_seconds'):.2f}), spread {max(walls) - min(walls):.2f} s "
            f"[{' '.join(f'{w:.2f}' for w in walls)}]; tomllib alone {_best(rows, 'tomllib_seconds'):.2f} s "
            f"({_best(rows, 'tomllib_cpu_seconds'):.2f}); open / tomllib CPU "
            f"{_best(rows, 'loads_timeline_cpu_seconds') / _best(rows, 'tomllib_cpu_seconds'):.2f}"
        )
    lines.append("Saving it to a file (save_timeline), then opening that file (load_timeline), best of the runs: wall s (CPU s)")
    for label, rows in saved.items():
        walls = [r["load_after_save_seconds"] for r in rows]
        lines.append(
            f"  {label}: save {_best(rows, 'save_seconds'):.2f} s; open after save {min(walls):.2f} s "
            f"({_best(rows, 'load_after_save_cpu_seconds'):.2f}) [{' '.join(f'{w:.2f}' for w in walls)}]"
        )
    if len(saved) > 1:
        (base, base_rows), (new, new_rows) = list(saved.items())[0], list(saved.items())[-1]
        for what, key in (("first open (loads_timeline)", "loads_timeline"), ("open after save (load_timeline)", "load_after_save")):
            wall = _best(base_rows, f"{key}_seconds") / _best(new_rows, f"{key}_seconds")
            cpu = _best(base_rows, f"{key}_cpu_seconds") / _best(new_rows, f"{key}_cpu_seconds")
            lines.append(f"  {what}, {base} / {new} (times faster), best wall (CPU): {wall:.2f}x ({cpu:.2f}x)")
    return "\n".join(lines)


def report(results: list[dict], labels: list[str]) -> str:
    lines = []
    for kind in dict.fromkeys(r["corpus"] for r in results):
        rows = [r for r in results if r["corpus"] == kind]
        steps = list(zip(rows, rows[1:]))
        for label in labels:
            runs = [r["runs"][label] for r in rows]
            lines.append(f"\n{kind}, code: {label}.  Cells: wall s (CPU s of this process); "
                         "growth: per-article cost at the larger size / at the smaller, wall (CPU)")
            lines.append(f"{'':<28}" + "".join(f"{str(r['size']) + ' articles':>18}" for r in rows)
                         + "".join(f"{str(a['size']) + '→' + str(b['size']):>16}" for a, b in steps))

            def timed(name: str, walls: list[float], cpus: list[float]) -> str:
                text = f"{name:<28}" + "".join(f"{f'{w:.2f} ({c:.2f})':>18}" for w, c in zip(walls, cpus))
                for i, (a, b) in enumerate(steps):
                    wall, mark = _growth(walls[i], walls[i + 1], a["size"], b["size"])
                    cpu, _ = _growth(cpus[i], cpus[i + 1], a["size"], b["size"])
                    text += f"{f'{wall:.2f}{mark}({cpu:.2f})':>16}"
                return text

            def plain(name: str, values: list[float], fmt: str) -> str:
                return f"{name:<28}" + "".join(f"{format(v, fmt):>18}" for v in values)

            for stage in dict.fromkeys(s for run in runs for s in run["stages"]):
                lines.append(timed(f"  {stage}", [run["stages"].get(stage, 0.0) for run in runs],
                                   [run.get("stages_cpu", {}).get(stage, 0.0) for run in runs]))
            lines.append(timed("  whole export (CPU: all)", [run["seconds"] for run in runs],
                               [run["cpu_seconds"] for run in runs]))
            lines.append(plain("articles/s", [run["articles"] / run["seconds"] for run in runs], ".1f"))
            lines.append(plain("peak MiB", [run["peak_mib"] for run in runs], ".0f"))
            lines.append(plain("  before writing TOML", [run["peak_mib_before_writing"] for run in runs], ".0f"))
            lines.append(plain("  largest pool worker", [run["peak_mib_pool"] for run in runs], ".0f"))
            lines.append(plain("input MB", [r["input_bytes"] / 1e6 for r in rows], ".2f"))
            lines.append(plain("TOML MB", [run["toml_bytes"] / 1e6 for run in runs], ".2f"))
            lines.append(plain("TOML / input", [run["toml_bytes"] / r["input_bytes"] for run, r in zip(runs, rows)], ".2f"))
            lines.append(plain("reopening the TOML s", [run["reopen_toml_seconds"] for run in runs], ".2f"))
            lines.append(plain("events", [run["events"] for run in runs], "d"))
            lines.append(plain("statements", [run["statements"] for run in runs], "d"))
            lines.append(plain("search_dates pass s" + (" (est.)" if any(r["search_dates_sampled"] for r in rows) else ""),
                               [r["search_dates_seconds"] for r in rows], ".2f"))
            lines.append(plain("export / search_dates", [run["seconds"] / r["search_dates_seconds"] for run, r in zip(runs, rows)], ".2f"))
            reading = [run["stages"].get("reading the corpus", 0.0) + run["stages"].get("splitting sentences", 0.0) for run in runs]
            lines.append(plain("export / (read + split)", [run["seconds"] / t if t else 0.0 for run, t in zip(runs, reading)], ".1f"))
            if all("reopen" in run for run in runs):
                lines.append(plain("second open s", [run["reopen"]["seconds"] for run in runs], ".2f"))
                lines.append(plain("second / first open", [run["reopen"]["seconds"] / run["seconds"] for run in runs], ".2f"))
        if len(labels) > 1:
            base, new = labels[0], labels[-1]
            lines.append(f"\n{kind}: whole export, {base} / {new} (times faster), wall (CPU): " + ", ".join(
                f"{r['size']} articles {r['runs'][base]['seconds'] / r['runs'][new]['seconds']:.2f}x "
                f"({r['runs'][base]['cpu_seconds'] / r['runs'][new]['cpu_seconds']:.2f}x)" for r in rows))
    lines.append(f"\n'!': cost per article grew more than {LINEAR}x (4x the articles, over 4.5x the time); "
                 "'~': under 0.05 s at the smaller size, too short to judge. On a shared machine, trust CPU over wall.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="200,800", help="articles per corpus, comma-separated (default 200,800)")
    parser.add_argument("--corpora", default=",".join(CORPORA), help=f"default {','.join(CORPORA)}")
    parser.add_argument("--compare", metavar="REV", help="also run each corpus on this git revision's code")
    parser.add_argument("--reopen", action="store_true", help="export each corpus a second time on the same cache")
    parser.add_argument("--baseline-sentences", type=int, default=4000, metavar="N",
                        help="time search_dates on at most N sentences per corpus, scaled up (default 4000)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--saved-events", type=int, default=10_000, metavar="N",
                        help="with --reopen: events of the saved timeline opened (default 10000)")
    parser.add_argument("--saved-only", action="store_true", help="only open the saved timeline (no corpus is exported)")
    parser.add_argument("--saved-repeat", type=int, default=3, metavar="N",
                        help="opens of the saved timeline per code, each in a fresh process (default 3)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # child: one export of this folder
    parser.add_argument("--saved", type=int, help=argparse.SUPPRESS)  # child: open a saved timeline of this many events
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(export_once(args.one, args.code)))
        return
    if args.saved:
        print(json.dumps(open_saved(args.saved, args.code)))
        return
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s]
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    kinds = [k for k in args.corpora.split(",") if k]
    if not sizes or min(sizes) < 1 or set(kinds) - set(CORPORA):
        parser.error(f"--sizes must be positive numbers, --corpora among {', '.join(CORPORA)}")
    with tempfile.TemporaryDirectory(prefix="bench-rev-") as temp:
        codes = {}
        if args.compare:
            code_tree.extract_revision(args.compare, Path(temp))
            codes[args.compare] = Path(temp)
        codes[code_tree.checkout_label()] = ROOT
        results = [] if args.saved_only else measure(kinds, sizes, codes, args.reopen, args.baseline_sentences)
        saved = measure_saved(codes, args.saved_events, max(args.saved_repeat, 1)) if args.reopen or args.saved_only else {}
    if args.json:
        print(json.dumps({"exports": results, "saved": saved} if saved else results, indent=1))
    else:
        print((report(results, list(codes)) if results else "") + (report_saved(saved) if saved else ""))


if __name__ == "__main__":
    main()
