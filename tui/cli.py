"""The `scaletui` command: open the app, or export a timeline headless.

    scaletui [PATH]                      open the bundled corpus, a corpus folder, one article or a saved timeline
    scaletui export [CORPUS] [-o FILE]   build the timeline and write it as TOML

Nothing heavy is imported before the arguments are parsed: `--version` and
`--help` answer at once, and Textual is imported only to open the app, so
`export` stays a plain script.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scaletui.events.errors import ScaletuiError, printable

PROG = "scaletui"
DEBUG_VARIABLE = "SCALETUI_DEBUG"  # set to see the traceback of an internal error
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug of ours, not bad input


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scaletui")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"{PROG} {_version()}")
        parser.exit()


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal timeline explorer for news.",
        epilog="Also: 'scaletui export [CORPUS] -o FILE.toml' builds a timeline without the app "
        "(see 'scaletui export --help'). Files over a size limit are not read: "
        "SCALETUI_MAX_ARTICLE_SIZE (default 8M) and SCALETUI_MAX_TIMELINE_SIZE (default 256M) raise it.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a corpus folder of .txt/.md articles, a single article, or a saved timeline .toml "
        "(default: the bundled corpus)",
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Build the timeline of a corpus headless and write it as TOML, "
        "the same file the app saves and reopens.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, help="a corpus folder, or a single article (default: the bundled corpus)"
    )
    parser.add_argument(
        "-o", "--output", default="-", help="where to write the timeline .toml ('-' for standard output, the default)"
    )
    return parser


def _warn(problems: list[str]) -> None:
    for problem in problems:
        print(f"{PROG}: skipped {printable(problem)}", file=sys.stderr)


def export(argv: list[str]) -> int:
    args = _export_parser().parse_args(argv)
    if args.output != "-":
        _check_target(Path(args.output))  # before minutes of work, not after
    from scaletui.events.corpus import load_corpus
    from scaletui.events.pipeline import build_timeline
    from scaletui.events.seeds import bundled_corpus
    from scaletui.events.store import dumps_timeline, save_timeline

    corpus = load_corpus(args.corpus or bundled_corpus())
    _warn(corpus.problems)
    timeline = build_timeline(corpus)
    if args.output == "-":
        write_stdout(dumps_timeline(timeline))
        return 0
    output = Path(args.output)
    # An explicit export target is the user's choice to replace; atomic all the same.
    save_timeline(timeline, output, force=True)
    print(
        f"{PROG}: wrote {len(timeline.events)} events from {len(timeline.sources)} sources to {printable(str(output))}",
        file=sys.stderr,
    )
    return 0


def _check_target(path: Path) -> None:
    from scaletui.events.safe_io import Refused, write_target

    try:
        write_target(path)
    except Refused as refused:
        raise ScaletuiError(f"{path}: {refused}") from None
    except OSError as error:
        raise ScaletuiError(f"{path}: cannot write here ({error.strerror or error})") from None


def write_stdout(text: str) -> None:
    """Write all of `text` to standard output, or raise ScaletuiError saying why not.

    A full disk behind `> file`, or `> /dev/full`, fails at the flush, not the
    write: both are checked. After a failure standard output is pointed at the
    null device, so the interpreter's own flush at exit cannot fail again and
    print a traceback of its own.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise  # the reader left (`| head`): not an error of ours
    except OSError as error:
        _silence_stdout()
        raise ScaletuiError(f"cannot write to standard output ({error.strerror or error}); the timeline is incomplete") from None


def _silence_stdout() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass  # no real descriptor behind stdout (a test's capture): nothing will flush it at exit


def open_app(argv: list[str]) -> int:
    args = _open_parser().parse_args(argv)
    from scaletui.events.corpus import load_corpus
    from scaletui.events.safe_io import is_folder
    from scaletui.events.seeds import bundled_corpus
    from scaletui.events.store import load_timeline

    path: Path = args.path or bundled_corpus()
    # Bad input is refused here, before the screen is taken over, so the
    # message stays readable in the terminal.
    if path.suffix.lower() == ".toml" and not is_folder(path):
        timeline = load_timeline(path)
        launch = {"timeline": timeline, "timeline_path": path}
    else:
        corpus = load_corpus(path)  # a folder, or a single article as a corpus of one
        _warn(corpus.problems)
        launch = {"corpus": corpus}

    from scaletui.tui.app import ScaletuiApp

    app = ScaletuiApp(**launch)
    app.run()
    # Textual has shown a crash of the app itself; the exit code must say so too.
    return app.return_code or 0


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
        _silence_stdout()
        return 0
    except MemoryError:
        print(f"{PROG}: out of memory", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as error:  # a bug of ours: one line, unless asked for the traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(
            f"{PROG}: internal error ({type(error).__name__}: {printable(str(error))[:200]}); "
            f"set {DEBUG_VARIABLE}=1 to see where, and please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
