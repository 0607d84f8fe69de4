"""How the export's cost grows with the length of one article, stage by stage, on real news prose.

Run by hand from the repository root:

    python bench/bench_long_article.py                            # 0.5, 1, 2 and 5 MB, three shapes
    python bench/bench_long_article.py --sizes 1,5 --shapes one-line
    python bench/bench_long_article.py --no-limit                 # past the analysis limit too
    python bench/bench_long_article.py --compare 3adb899          # the same articles on that revision's code

One article, built from the ECB+ stories of bench/data/ecbplus concatenated
(copies past the first pass get their names tagged and years shifted, as in
bench_pipeline.py, so that no two are the same text), in three shapes: all on
one line; paragraphs of about 40 articles (a line break every ~80 KB); one
sentence a line. Each export runs in a fresh process with an empty cache
(bench_pipeline.run_child), so its CPU time and peak memory are its own.
--no-limit raises SCALETUI_MAX_ANALYSED_SIZE past the article, to see how every
stage grows with all of it read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import bench_pipeline  # noqa: E402
import code_tree  # noqa: E402

SHAPES = ("one-line", "few-breaks", "line-per-sentence")


def make_article(shape: str, size: int, folder: Path) -> int:
    """Write one article of about `size` bytes into `folder`; its size in bytes."""
    originals = bench_pipeline.source_articles("ecbplus")
    parts, total, number = [], 0, 0
    while total < size:
        path, _ = originals[number % len(originals)]
        copy = number // len(originals)
        text = path.read_text(encoding="utf-8")
        text = bench_pipeline.copy_text(text, copy)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if shape == "line-per-sentence":
            piece = "\n".join(lines) + "\n\n"
        else:
            piece = " ".join(lines) + ("\n\n" if shape == "few-breaks" and number % 40 == 39 else " ")
        parts.append(piece)
        total += len(piece.encode("utf-8"))
        number += 1
    text = "".join(parts).rstrip() + "\n"
    (folder / "article.txt").write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0.5,1,2,5", help="article sizes in MB, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"which shapes (default {','.join(SHAPES)})")
    parser.add_argument("--no-limit", action="store_true", help="read every article whole (SCALETUI_MAX_ANALYSED_SIZE=1G)")
    parser.add_argument("--compare", metavar="REV", help="also run each article on this git revision's code")
    args = parser.parse_args()
    if args.no_limit:
        os.environ["SCALETUI_MAX_ANALYSED_SIZE"] = "1G"  # the child exports inherit it
    codes = {code_tree.checkout_label(): code_tree.ROOT}
    with tempfile.TemporaryDirectory(prefix="bench-long-") as temp:
        if args.compare:
            revision = Path(temp) / "revision"
            revision.mkdir()
            code_tree.extract_revision(args.compare, revision)
            codes = {args.compare: revision, **codes}
        for shape in args.shapes.split(","):
            print(f"\n{shape}: stage CPU s of the exporting process (wall s); peak MiB", flush=True)
            for size in (float(s) for s in args.sizes.split(",")):
                folder = Path(temp) / f"{shape}-{size}"
                folder.mkdir()
                written = make_article(shape, int(size * 1e6), folder)
                for label, code in codes.items():
                    cache = Path(temp) / f"cache-{shape}-{size}-{len(label)}"
                    cache.mkdir()
                    run = bench_pipeline.run_child(folder, code, cache)
                    stages = ", ".join(
                        f"{stage} {run['stages_cpu'].get(stage, 0.0):.1f} ({wall:.1f})" for stage, wall in run["stages"].items()
                    )
                    print(f"  {written / 1e6:.2f} MB, {label}: whole {run['cpu_seconds']:.1f} s CPU "
                          f"({run['seconds']:.1f} wall), peak {run['peak_mib']:.0f} MiB, "
                          f"{run['statements']} statements; {stages}", flush=True)


if __name__ == "__main__":
    main()
