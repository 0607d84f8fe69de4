"""Helpers for the hostile-input suite (tests/hostile/): run the real command line, build small corpora."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = (
    "LONDON, June 13, 2025 (Reuters) - Acme Corp said on Monday it would buy Widget Ltd for $2 billion, "
    "in a deal announced in March 2024. Widget shares rose 5% on Friday.\n"
)
LIMIT = 60  # seconds: generous; a case that needs it has hung


def run_cli(*args: str, env: dict[str, str] | None = None, stdout=subprocess.PIPE, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`scaletui ARGS` in a fresh interpreter; a hang fails the test instead of stalling the suite."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "scaletui.tui.cli", *args],
            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=LIMIT, cwd=cwd,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"scaletui {' '.join(args)} did not finish in {LIMIT} s")


def one_line_error(result: subprocess.CompletedProcess, code: int = 2) -> str:
    """The single line a refused input must give: right exit code, no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("scaletui: ")
    return lines[0]


def corpus(folder: Path, files: dict[str, str | bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (files if files is not None else {"story.txt": STORY}).items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def export_and_exit(argv: list[str]) -> None:
    """`scaletui ARGV` in a worker process, its exit code the process's."""
    import sys

    from scaletui.tui.cli import main

    sys.exit(main(argv))
