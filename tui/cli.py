"""The `scaletui` command: open the app, or export a timeline headless.

    scaletui [PATH]                      open the bundled corpus, a corpus folder or a saved timeline
    scaletui export [CORPUS] [-o FILE]   build the timeline and write it as TOML

Textual is imported only to open the app, so `export` stays a plain script.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from events.errors import ScaletuiError

PROG = "scaletui"


def _version() -> str:
    try:
        return version("scaletui")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal timeline explorer for news.",
        epilog="Also: 'scaletui export [CORPUS] -o FILE.toml' builds a timeline without the app "
        "(see 'scaletui export --help').",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a corpus folder of .txt/.md articles, or a saved timeline .toml (default: the bundled corpus)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Build the timeline of a corpus headless and write it as TOML, "
        "the same file the app saves and reopens.",
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="a corpus folder (default: the bundled corpus)")
    parser.add_argument(
        "-o", "--output", default="-", help="where to write the timeline .toml ('-' for standard output, the default)"
    )
    return parser


def _warn(problems: list[str]) -> None:
    for problem in problems:
        print(f"{PROG}: skipped {problem}", file=sys.stderr)


def export(argv: list[str]) -> int:
    from events.corpus import load_corpus
    from events.pipeline import build_timeline
    from events.seeds import bundled_corpus
    from events.store import dumps_timeline, save_timeline

    args = _export_parser().parse_args(argv)
    corpus = load_corpus(args.corpus or bundled_corpus())
    _warn(corpus.problems)
    timeline = build_timeline(corpus)
    if args.output == "-":
        sys.stdout.write(dumps_timeline(timeline))
        return 0
    output = Path(args.output)
    # An explicit export target is the user's choice to replace; atomic all the same.
    save_timeline(timeline, output, force=True)
    print(f"{PROG}: wrote {len(timeline.events)} events from {len(timeline.sources)} sources to {output}", file=sys.stderr)
    return 0


def open_app(argv: list[str]) -> int:
    from events.corpus import load_corpus
    from events.seeds import bundled_corpus
    from events.store import load_timeline

    args = _open_parser().parse_args(argv)
    path: Path = args.path or bundled_corpus()
    # Bad input is refused here, before the screen is taken over, so the
    # message stays readable in the terminal.
    if path.is_file() or path.suffix.lower() == ".toml":
        timeline = load_timeline(path)
        launch = {"timeline": timeline, "timeline_path": path}
    else:
        corpus = load_corpus(path)
        _warn(corpus.problems)
        launch = {"corpus": corpus}

    from tui.app import ScaletuiApp

    ScaletuiApp(**launch).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["export"]:
            return export(argv[1:])
        return open_app(argv)
    except ScaletuiError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
