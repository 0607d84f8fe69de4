"""How the app scales: first frame and 200 cursor moves at 100 and 10,000 events.

    python bench/bench_app.py [--repeat 3]

Each size runs in its own process (so peak memory is that size's alone), with
animations off, driven by the pilot at 120x40. Reports medians, the
10,000/100 ratios (target under 1.5x) and peak resident memory (target under 400 MB).
The synthetic timeline is built before the clock starts: this measures the app, not the generator.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (100, 10_000)
MOVES = 200


async def _measure(n_events: int) -> dict[str, float]:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tui")]
    from synthetic_timeline import synthetic_timeline

    from tui.app import ScaletuiApp

    timeline = synthetic_timeline(n_events, n_entities=200)
    app = ScaletuiApp(timeline=timeline)
    app.animation_level = "none"
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_frame = time.perf_counter() - started
        assert len(app.timeline_view.events) == n_events
        started = time.perf_counter()
        for _ in range(MOVES // 2):
            await pilot.press("j")
        for _ in range(MOVES // 2):
            await pilot.press("k")
        moves = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("G")
        jump_to_end = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"first_frame": first_frame, "moves": moves, "jump_to_end": jump_to_end, "peak_mb": peak_mb}


def _run_one(n_events: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--one", str(n_events)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(_measure(args.one))))
        return
    results: dict[int, dict[str, float]] = {}
    for n_events in SIZES:
        runs = [_run_one(n_events) for _ in range(args.repeat)]
        results[n_events] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    small, big = (results[n] for n in SIZES)
    print(f"{'events':>8} {'first frame':>12} {f'{MOVES} moves':>12} {'per move':>9} {'G (end)':>9} {'peak RSS':>9}")
    for n_events, r in results.items():
        print(
            f"{n_events:>8} {r['first_frame'] * 1000:>10.0f}ms {r['moves'] * 1000:>10.0f}ms "
            f"{r['moves'] / MOVES * 1000:>7.2f}ms {r['jump_to_end'] * 1000:>7.1f}ms {r['peak_mb']:>7.0f}MB"
        )
    print(
        f"ratio {SIZES[1]}/{SIZES[0]}: first frame {big['first_frame'] / small['first_frame']:.2f}x, "
        f"moves {big['moves'] / small['moves']:.2f}x (target < 1.5x); peak {big['peak_mb']:.0f} MB (target < 400 MB)"
    )


if __name__ == "__main__":
    main()
