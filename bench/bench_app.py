"""The app's own cost per key: first frame, cursor moves, first and next search, at 100 to 50,000 events
and with 800 sources; peak memory.

    python bench/bench_app.py [--repeat 3] [--compare REV] [--sizes 100,10000,50000]

Each configuration runs in its own process (so peak memory is that size's alone), with animations
off, driven by the pilot at 120x40 with every event listed (the key view folds most rows away and
would flatter the figures).

Every time is the process's CPU time (`time.process_time`), not the wall clock: the pilot waits
for the app to go idle in steps of 20 ms, and the machine is shared, so wall times mostly measure
waiting. "Own cost per move" is the CPU time of 200 cursor moves (100 down, 100 back up: most of
them scroll the pane by a row) minus that of 200 presses of a key bound to nothing: what the pilot
and Textual's message loop cost anyway is taken out, what is left is the app's (the move, the
status line, the detail pane, the overview, painting what changed).
"Search" is `app.search(...)` called directly: the first on a fresh app (after what it prepares in
the background), then a different one.
"Timeline" is the resident memory once the synthetic timeline is built, before the app starts;
"peak" is the process's peak resident memory, the timeline included.

Each configuration runs `--repeat` times: the table gives the median of each figure and, for the own
cost per move, its best and worst run too (the machine may be shared: the spread says how much to trust it).

With `--compare REV`, REV's code (extracted with `git archive`, see bench/code_tree.py) runs the same
configurations in the same run, with this checkout's synthetic timeline generator; the two take
turns, run by run, so that a busy spell of a shared machine weighs on both alike.
The synthetic timeline is built (and ranked, as the pipeline gives it) before the clock starts: this
measures the app, not the generator.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MOVES = 200
EXTRA_SOURCES = 795  # with the synthetic timeline's 5: 800 sources, most reporting nothing (as in a big corpus)


async def _measure(code_root: Path, n_events: int, many_sources: bool) -> dict[str, float]:
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests" / "tui")]
    from code_tree import use_code

    use_code(code_root)
    from synthetic_timeline import synthetic_timeline

    from scaletui.events.model import Source
    from scaletui.tui.app import ScaletuiApp

    clock = time.process_time
    timeline = synthetic_timeline(n_events, n_entities=200)
    if (code_root / "events" / "ranking.py").exists():  # ranked as the pipeline gives it (older code has no ranking)
        from scaletui.events.ranking import rank_events

        rank_events(timeline.events, timeline.sources)
    if many_sources:
        timeline.sources.extend(Source(id=f"x{i}", path=f"x{i}.txt", outlet=f"Outlet {i}") for i in range(EXTRA_SOURCES))
    timeline_mb = _resident_mb()
    options = {"key_view": False} if "key_view" in inspect.signature(ScaletuiApp.__init__).parameters else {}
    app = ScaletuiApp(timeline=timeline, **options)
    app.animation_level = "none"
    started = clock()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_frame = clock() - started
        # What the app prepares in the background after the first frame (ranking an unranked
        # timeline, the search index) must not land on the keys measured next.
        if (preparing := getattr(app, "_prepare_thread", None)) is not None:
            while preparing.ident is None:  # started once the first frame is painted
                await pilot.pause(0.01)
            await asyncio.to_thread(preparing.join)
            await pilot.pause()
        assert len(app.timeline_view.events) == n_events
        started = clock()
        for _ in range(MOVES):
            await pilot.press("f12")  # bound to nothing: the framework's cost of a key
        idle = clock() - started
        started = clock()
        for _ in range(MOVES // 2):
            await pilot.press("j")
        for _ in range(MOVES // 2):
            await pilot.press("k")
        moves = clock() - started
        started = clock()
        await pilot.press("G")
        jump_to_end = clock() - started
        started = clock()
        app.search("globex")
        first_search = clock() - started
        started = clock()
        app.search("initech")
        next_search = clock() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "first_frame": first_frame,
        "per_move": (moves - idle) / MOVES,
        "per_key_framework": idle / MOVES,
        "jump_to_end": jump_to_end,
        "first_search": first_search,
        "next_search": next_search,
        "timeline_mb": timeline_mb,
        "peak_mb": peak_mb,
    }


def _resident_mb() -> float:
    """The process's resident memory now, in MB (Linux)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return float("nan")


def _run_one(code_root: Path, n_events: int, many_sources: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", str(n_events), "--code", str(code_root)]
    if many_sources:
        command.append("--many-sources")
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def _report(codes: list[tuple[str, Path]], sizes: list[int], repeat: int) -> None:
    """Each configuration's runs, the codes taking turns (A B A B ...): a busy spell of the machine falls on both."""
    configurations = [(n, False) for n in sizes] + [(10_000, True)]
    results: dict[str, list[tuple[int, bool, list[dict[str, float]]]]] = {label: [] for label, _ in codes}
    for n_events, many in configurations:
        runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in codes}
        for _ in range(repeat):
            for label, code_root in codes:
                runs[label].append(_run_one(code_root, n_events, many))
        for label, _ in codes:
            results[label].append((n_events, many, runs[label]))
    for label, _ in codes:
        print(f"\n{label}")
        print("CPU time of the process; memory: resident once the timeline is built, and the peak")
        print(f"{'events':>8} {'sources':>8} {'first frame':>12} {'own/move':>9} {'(best–worst)':>14} {'G (end)':>9} {'1st search':>11} {'next':>8} {'timeline':>9} {'peak RSS':>9}")
        for n_events, many, config_runs in results[label]:
            r = {key: statistics.median(run[key] for run in config_runs) for key in config_runs[0]}
            moves = sorted(run["per_move"] * 1000 for run in config_runs)
            print(
                f"{n_events:>8} {5 + EXTRA_SOURCES if many else 5:>8} {r['first_frame'] * 1000:>10.0f}ms "
                f"{r['per_move'] * 1000:>7.2f}ms {f'({moves[0]:.2f}–{moves[-1]:.2f})':>14} {r['jump_to_end'] * 1000:>7.1f}ms "
                f"{r['first_search'] * 1000:>9.0f}ms {r['next_search'] * 1000:>6.0f}ms {r['timeline_mb']:>7.0f}MB {r['peak_mb']:>7.0f}MB",
                flush=True,
            )
    print("targets: own cost per move <= 5 ms at 50k events and at 800 sources; peak <= 300 MB at 50k events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,10000,50000")
    parser.add_argument("--compare", metavar="REV", help="also run REV's code in the same run")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--many-sources", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(_measure(args.code, args.one, args.many_sources))))
        return
    sys.path.insert(0, str(ROOT))
    from bench.code_tree import checkout_label, extract_revision

    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        codes = [(checkout_label(), ROOT)]
        if args.compare:
            extract_revision(args.compare, Path(folder))
            codes.insert(0, (f"revision {args.compare}", Path(folder)))
        _report(codes, sizes, args.repeat)


if __name__ == "__main__":
    main()
