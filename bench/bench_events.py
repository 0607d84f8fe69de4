"""Event grouping and dating scored on annotated news, plus the checks on the bundled seeds.

Run by hand from the repository root:

    python bench/bench_events.py                      # ECB+ fast 20 stories, MEANTIME Apple, the seeds, the crafted stories
    python bench/bench_events.py --all                # all 66 ECB+ stories
    python bench/bench_events.py --subtopics 3_ecbplus,12_ecb --corpora ecbplus
    python bench/bench_events.py --compare 3adb899    # the same scoring on that revision's code, same run
    python bench/bench_events.py --json

Each corpus goes through what `scaletui export` does (load_corpus, build_timeline,
dumps_timeline), in this process; the TOML written is reopened as the app reopens
it (loads_timeline) and scored by `bench/scoring.py`, whatever the file format's
version. Wall time per corpus is the export, without reopening or scoring.
--compare REV runs this same script in a subprocess on REV's code (see
`bench/code_tree.py`): the data and the scoring stay this checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
ECBPLUS = DATA / "ecbplus"
MEANTIME = DATA / "meantime_apple"
SEEDS = ROOT / "seeds"
CRAFTED = DATA / "crafted" / "checks.toml"
CORPORA = ("ecbplus", "meantime", "seeds", "crafted")

sys.path.insert(0, str(Path(__file__).resolve().parent))
import code_tree  # noqa: E402
import scoring  # noqa: E402


class Exporter:
    """The public pipeline of one code tree: a corpus folder in, its exported timeline (as tables) out."""

    def __init__(self, code_root: Path) -> None:
        # Should the pipeline fix its cache's place when imported, it is still not the user's.
        self._cache = tempfile.TemporaryDirectory(prefix="bench-cache-")
        os.environ["XDG_CACHE_HOME"] = self._cache.name
        self.pipeline = code_tree.import_pipeline(code_root)
        began = time.perf_counter()
        with code_tree.empty_cache():
            code_tree.warm_up(self.pipeline)
        self.warm_up_seconds = time.perf_counter() - began
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}  # steadier than wall time on a shared machine

    def export(self, folder: Path, label: str) -> dict:
        """Export `folder` as `scaletui export` does (timed), then reopen the file as the app does."""
        pipeline = self.pipeline
        load, build, dump, reopen = (
            pipeline.load_corpus, pipeline.build_timeline, pipeline.dumps_timeline, pipeline.loads_timeline
        )
        with code_tree.empty_cache():
            began, cpu = time.perf_counter(), _cpu_seconds()
            text = dump(build(load(folder)))
            self.seconds[label] = time.perf_counter() - began
            self.cpu_seconds[label] = _cpu_seconds() - cpu
        return scoring.timeline_tables(reopen(text))


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (a process pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# ---------------------------------------------------------------- corpora


def run_ecbplus(exporter: Exporter, names: list[str]) -> dict:
    gold = json.loads((ECBPLUS / "gold.json").read_text(encoding="utf-8"))
    per_story, checks = [], []
    seconds = 0.0
    for name in names:
        export = exporter.export(ECBPLUS / name, f"ecbplus/{name}")
        seconds += exporter.seconds[f"ecbplus/{name}"]
        statements, bad = scoring.statements_by_file(export, ECBPLUS / name)
        counts = scoring.ecbplus_counts(gold["subtopics"][name], statements)
        counts["offsets_bad"] = bad
        counts["reporters"] = scoring.ecbplus_reporters(gold["subtopics"][name], statements, export)
        counts["reporters_every_article"] = scoring.ecbplus_reporters(gold["subtopics"][name], statements, export, True)
        per_story.append(counts)
        checks.append(scoring.corpus_checks(export))
    result = scoring.ecbplus_scores(per_story)
    result.update(_pooled_checks(checks))
    result["offsets_bad"] = sum(c["offsets_bad"] for c in per_story)
    result["stories"] = len(names)
    result["seconds"] = seconds
    return result


def _pooled_checks(checks: list[dict]) -> dict:
    events = sum(c["events"] for c in checks)
    return {
        "articles": sum(c["articles"] for c in checks),
        "events": events,
        "statements": sum(c["statements"] for c in checks),
        "single_source_share": sum(c["single_source_share"] * c["events"] for c in checks) / events if events else 0.0,
        "dated_by_file_mtime": sum(c["dated_by_file_mtime"] for c in checks),
        "date_line_titles": [t for c in checks for t in c["date_line_titles"]],
    }


def run_meantime(exporter: Exporter) -> dict:
    gold = json.loads((MEANTIME / "gold.json").read_text(encoding="utf-8"))
    folder = MEANTIME / "corpus_apple"
    export = exporter.export(folder, "meantime")
    statements, bad = scoring.statements_by_file(export, folder)
    result = {
        "pairs": scoring.meantime_pairs(gold, statements),
        "timex": scoring.meantime_timex(gold, statements),
        "offsets_bad": bad,
        "seconds": exporter.seconds["meantime"],
    }
    result.update(scoring.corpus_checks(export))
    return result


def run_seeds(exporter: Exporter) -> dict:
    listed = exporter.export(SEEDS, "seeds")
    with tempfile.TemporaryDirectory(prefix="seeds-bare-") as temp:
        bare = Path(temp) / "seeds"
        shutil.copytree(SEEDS, bare, ignore=shutil.ignore_patterns("sources.toml", "__pycache__", "*.py"))
        unlisted = exporter.export(bare, "seeds without sources.toml")
    return {
        "with_sources_toml": scoring.corpus_checks(listed),
        "without_sources_toml": scoring.corpus_checks(unlisted),
        "dating_kept": scoring.same_dating(listed, unlisted),
        "seconds": exporter.seconds["seeds"] + exporter.seconds["seeds without sources.toml"],
    }


def run_crafted(exporter: Exporter) -> dict:
    stories = tomllib.loads(CRAFTED.read_text(encoding="utf-8"))["stories"]
    result: dict = {"stories": {}}
    for story in stories:
        export = exporter.export(ROOT / story["folder"], f"crafted/{story['name']}")
        result["stories"][story["name"]] = scoring.crafted_checks(export, story.get("together", []), story.get("apart", []))
    result["seconds"] = sum(v for k, v in exporter.seconds.items() if k.startswith("crafted/"))
    return result


def measure(code_root: Path, corpora: list[str], stories: list[str]) -> dict:
    exporter = Exporter(code_root)
    results: dict = {"code": str(code_root)}
    if "ecbplus" in corpora:
        results["ecbplus"] = run_ecbplus(exporter, stories)
    if "meantime" in corpora:
        results["meantime"] = run_meantime(exporter)
    if "seeds" in corpora:
        results["seeds"] = run_seeds(exporter)
    if "crafted" in corpora:
        results["crafted"] = run_crafted(exporter)
    results["seconds"] = {"total": sum(exporter.seconds.values()), "warm_up": exporter.warm_up_seconds,
                          **{c: results[c]["seconds"] for c in corpora}}
    results["cpu_seconds"] = {"total": sum(exporter.cpu_seconds.values()),
                              **{c: sum(v for k, v in exporter.cpu_seconds.items() if k.startswith(c)) for c in corpora}}
    return results


# ---------------------------------------------------------------- another revision


def measure_revision(revision: str, passed: list[str]) -> dict:
    """The same measurement on `revision`'s code, in a subprocess."""
    with tempfile.TemporaryDirectory(prefix="bench-rev-") as temp:
        code_tree.extract_revision(revision, Path(temp))
        child = subprocess.run(
            [sys.executable, __file__, "--code", temp, "--json", *passed], capture_output=True, text=True, check=False
        )
    if child.returncode:
        raise SystemExit(f"bench_events: run on {revision} failed:\n{child.stderr.strip()}")
    return json.loads(child.stdout)


# ---------------------------------------------------------------- report


def figures(result: dict) -> list[tuple[str, str]]:
    """(what, value) lines: the same list for every run, so runs line up side by side."""
    rows: list[tuple[str, str]] = []

    def score(d: dict) -> str:
        return f"P {d['p']:.3f} R {d['r']:.3f} F1 {d['f1']:.3f}"

    if "ecbplus" in result:
        e = result["ecbplus"]
        mapped = e["mapped"]
        rows += [
            (f"ECB+ ({e['stories']} stories, {e['articles']} articles, {e['mentions']} gold mentions)", ""),
            ("  sentence pairs (target P>=0.85 R>=0.6)", score(e["system"]["sentence_pairs"])),
            ("  sentence pairs, one-cluster baseline", score(e["one_cluster"]["sentence_pairs"])),
            ("  mention pairs", score(e["system"]["mention_pairs"])),
            ("  mention pairs, one-cluster baseline", score(e["one_cluster"]["mention_pairs"])),
            ("  B-cubed", score(e["system"]["b_cubed"])),
            ("  B-cubed, one-cluster baseline", score(e["one_cluster"]["b_cubed"])),
            ("  event outlets vs articles reporting it (R: not marked silent)", score(e["reporters"])),
            ("  event outlets, every-article baseline", score(e["reporters_every_article"])),
            ("  mentions mapped by trigger / sentence / none",
             f"{mapped.get('trigger', 0)} / {mapped.get('sentence', 0)} / {mapped.get('none', 0)}"),
            ("  events, statements", f"{e['events']}, {e['statements']}"),
            ("  single-source events", f"{e['single_source_share']:.1%}"),
            ("  articles dated by file mtime", str(e["dated_by_file_mtime"])),
            ("  date-line titles", str(len(e["date_line_titles"]))),
            ("  export wall s (CPU s)", _wall_cpu(result, "ecbplus")),
        ]
    if "meantime" in result:
        m = result["meantime"]
        t = m["timex"]
        rows += [
            (f"MEANTIME Apple ({m['articles']} articles)", ""),
            ("  cross-article sentence pairs (target F1>=0.35)", score(m["pairs"]["system"])),
            ("  same-gold-date baseline", score(m["pairs"]["same_gold_date"])),
            ("  time expressions correct (target >=80%)",
             f"{t['correct']}/{t['total']} ({t['correct'] / t['total']:.0%}), found {t['found']}" if t["total"] else "-"),
            ("  false dates / judged time_texts", f"{t['false_dates']} / {t['judged_time_texts']}"),
            ("  events, single-source", f"{m['events']}, {m['single_source_share']:.1%}"),
            ("  articles dated by file mtime", str(m["dated_by_file_mtime"])),
            ("  date-line titles", str(len(m["date_line_titles"]))),
            ("  export wall s (CPU s)", _wall_cpu(result, "meantime")),
        ]
    if "seeds" in result:
        s = result["seeds"]
        w, wo, kept = s["with_sources_toml"], s["without_sources_toml"], s["dating_kept"]
        rows += [
            ("Seeds (with / without sources.toml)", ""),
            ("  events", f"{w['events']} / {wo['events']}"),
            ("  events with >= 2 sources", f"{w['events_2plus_sources']} / {wo['events_2plus_sources']}"),
            ("  single-source events", f"{w['single_source_share']:.1%} / {wo['single_source_share']:.1%}"),
            ("  time expressions dated the same without it",
             f"{kept['same']}/{kept['dated']} (without: {kept['dated_other']} dated)"),
            ("  articles dated by file mtime (must be 0)", f"{w['dated_by_file_mtime']} / {wo['dated_by_file_mtime']}"),
            ("  date-line titles", f"{len(w['date_line_titles'])} / {len(wo['date_line_titles'])}"),
            ("  export wall s (CPU s)", _wall_cpu(result, "seeds")),
        ]
    if "crafted" in result:
        rows.append(("Crafted stories: checks that hold, together / apart", ""))
        for name, checks in result["crafted"]["stories"].items():
            held = {kind: sum(c["holds"] for c in checks if c["kind"] == kind) for kind in ("together", "apart")}
            total = {kind: sum(c["kind"] == kind for c in checks) for kind in ("together", "apart")}
            rows.append((f"  {name}", f"{held['together']}/{total['together']} / {held['apart']}/{total['apart']}"))
    rows.append(("Total export wall s (CPU s)", _wall_cpu(result, "total")))
    return rows


def _wall_cpu(result: dict, key: str) -> str:
    return f"{result['seconds'][key]:.1f} ({result['cpu_seconds'][key]:.1f})"


def print_report(runs: dict[str, dict]) -> None:
    tables = {name: figures(result) for name, result in runs.items()}
    names = list(tables)
    width = max(len(what) for rows in tables.values() for what, _ in rows) + 2
    column = max(28, *(len(n) for n in names))
    print(" " * width + "".join(f"{n:<{column + 2}}" for n in names))
    for index, (what, _) in enumerate(tables[names[0]]):
        print(f"{what:<{width}}" + "".join(f"{tables[n][index][1]:<{column + 2}}" for n in names))
    if len(names) == 2:
        before, after = (runs[n] for n in names)
        print(f"export time {names[0]} / {names[1]} (above 1: {names[1]} is faster): wall "
              f"{before['seconds']['total'] / after['seconds']['total']:.2f}, "
              f"CPU {before['cpu_seconds']['total'] / after['cpu_seconds']['total']:.2f}")
    for name, result in runs.items():
        failing = [(story, c) for story, checks in result.get("crafted", {}).get("stories", {}).items()
                   for c in checks if not c["holds"]]
        for story, c in failing:
            print(f"{name}: {story} {c['kind']} fails{' (' + c['why'] + ')' if c['why'] else ''}: "
                  f"{c['a'][0]} \"{c['a'][1]}\" / {c['b'][0]} \"{c['b'][1]}\"")
        titles = [t for key in ("ecbplus", "meantime") for t in result.get(key, {}).get("date_line_titles", [])]
        if titles:
            print(f"{name}: date-line titles, e.g. {titles[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="all 66 ECB+ stories instead of the fast 20")
    parser.add_argument("--subtopics", help="comma-separated ECB+ stories, e.g. 3_ecbplus,12_ecb")
    parser.add_argument("--corpora", default=",".join(CORPORA), help=f"which to run (default {','.join(CORPORA)})")
    parser.add_argument("--compare", metavar="REV", help="also run on this git revision's code, in the same run")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)  # the child of --compare
    args = parser.parse_args()

    corpora = [c for c in args.corpora.split(",") if c]
    unknown = sorted(set(corpora) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus {unknown[0]} (known: {', '.join(CORPORA)})")
    gold = json.loads((ECBPLUS / "gold.json").read_text(encoding="utf-8"))
    if args.subtopics:
        stories = args.subtopics.split(",")
    elif args.all:
        stories = sorted(gold["subtopics"], key=lambda n: (int(n.split("_")[0]), n))
    else:
        stories = gold["fast"]
    missing = [s for s in stories if s not in gold["subtopics"]]
    if missing:
        parser.error(f"no ECB+ story {missing[0]}")

    passed = ["--corpora", ",".join(corpora), "--subtopics", ",".join(stories)]
    runs: dict[str, dict] = {}
    if args.compare:
        runs[args.compare] = measure_revision(args.compare, passed)
    runs[code_tree.checkout_label() if args.code == ROOT else str(args.code)] = measure(args.code, corpora, stories)
    if args.json:
        print(json.dumps(runs if args.compare else next(iter(runs.values())), indent=1, default=str))
    else:
        print_report(runs)


if __name__ == "__main__":
    main()
