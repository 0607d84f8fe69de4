"""The command line as a user meets it: `scaletui export`, `--version`, `--help`, bad input."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from scaletui.tui.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scaletui.tui.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "seeds.toml"
    result = run("export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    return tomllib.loads(out.read_text())


def test_version_and_help():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("scaletui ")
    result = run("export", "--help")
    assert result.returncode == 0 and "-o" in result.stdout and "CORPUS" in result.stdout.upper()
    result = run("--help")
    assert result.returncode == 0 and "export" in result.stdout


LOADED_AFTER = """
import sys
from scaletui.tui import cli
try:
    cli.main({argv!r})
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""
HEAVY = ("textual", "rich", "pydantic", "dateparser", "rapidfuzz", "tomli_w", "tomllib", "scaletui.events.pipeline", "scaletui.events.store", "scaletui.events.corpus")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["export", "--help"]])
def test_version_and_help_import_nothing_heavy(argv):
    result = subprocess.run([sys.executable, "-c", LOADED_AFTER.format(argv=argv)], capture_output=True, text=True, timeout=60)
    loaded = set(result.stderr.split())
    assert "scaletui.tui.cli" in loaded, result.stderr[-500:]
    assert not [m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY]


def test_installed_console_script_runs():
    script = Path(sys.executable).with_name("scaletui")
    if not script.exists():
        pytest.skip("scaletui is not installed beside this interpreter")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "scaletui" in result.stdout


def test_export_has_the_promised_shape(seeds_export):
    data = seeds_export
    assert data["format"] == "scaletui-timeline" and data["version"] == 4
    assert len(data["sources"]) == 5
    for source in data["sources"]:
        assert {"id", "path", "title", "outlet", "published"} <= source.keys()
    assert isinstance(data.get("entities", []), list)
    for event in data["events"]:
        assert {"id", "title"} <= event.keys()
        assert {"start", "end", "precision"} <= event.keys() or event["statements"]  # else dated as its first statement
        assert "silent" not in event  # derived on load, never stored in full
        for statement in event["statements"]:
            assert {"id", "source", "text", "start", "precision", "char_start"} <= statement.keys()  # end offsets and dates derived where they can be


def test_export_dates_the_sources_without_today(seeds_export):
    by_path = {s["path"]: s for s in seeds_export["sources"]}
    reuters = by_path["001_fb140f6fc3b021e8.txt"]
    assert str(reuters["published"]) == "2025-06-13" and not reuters.get("published_estimated", False)
    for path, source in by_path.items():
        if path != "001_fb140f6fc3b021e8.txt":
            assert source["published_estimated"] is True
            assert "2025-06-13" <= str(source["published"]) <= "2025-06-16", path


def _statements(data):
    return [st for ev in data["events"] for st in ev["statements"]]


def test_every_exported_statement_carries_what_readers_of_exports_take_from_it(seeds_export):
    # Scorers and scripts read the file's keys and derive nothing: offsets into the article and whole spans.
    statements = _statements(seeds_export)
    assert statements
    for s in statements:
        assert {"id", "source", "text", "char_start", "char_end"} <= s.keys()
        assert s["char_end"] - s["char_start"] == len(s["text"])
        if "start" in s:
            assert {"end", "precision"} <= s.keys() and s["start"] <= s["end"]


def test_export_dates_seed_statements(seeds_export):
    statements = _statements(seeds_export)
    last_year = [s for s in statements if s.get("time_text") == "last year" and "150" in s["text"]]
    assert len(last_year) == 2
    for s in last_year:
        assert (str(s["start"]), str(s["end"]), s["precision"]) == ("2024-01-01", "2024-12-31", "year")
    # "revenue in 2024 ..., and Google spent $150 million last year": two facts, two statements
    reuters_2024 = [s for s in statements if "870" in s["text"]]
    assert len(reuters_2024) == 1 and reuters_2024[0].get("time_text") == "2024"
    assert "last year" not in reuters_2024[0]["text"]
    friday = [s for s in statements if s.get("time_text") == "Friday"]
    assert friday and str(friday[0]["start"]) == "2025-06-13"
    undated = [s for s in statements if s.get("time_text", "") == ""]
    assert undated and all(s["modifier"] == "reported" for s in undated)
    # never a date out of a figure
    assert not [s for s in statements if s.get("time_text") in ("49", "29", "1949", "656")]
    assert not [s for s in statements if "Total views" in s["text"] or "Nissan" in s["text"]]


def test_every_statement_is_in_exactly_one_event(seeds_export):
    ids = [s["id"] for s in _statements(seeds_export)]
    assert len(ids) == len(set(ids)) > 50


def test_export_to_stdout_matches_file(tmp_path, seeds_export):
    result = run("export", str(SEEDS))
    assert result.returncode == 0
    assert tomllib.loads(result.stdout) == seeds_export


def _bad(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


GOOD = "Acme Corp said on Monday it would buy Widget Ltd for $2 billion, in a deal announced in March 2024.\n"


@pytest.mark.parametrize(
    "files, expected",
    [
        ({}, "no articles"),
        ({"a.txt": b"\x00\x01\x02binary\xff"}, "a.txt"),
        ({"a.txt": ""}, "a.txt"),
        ({"a.txt": GOOD, "sources.toml": "[[sources]\npath = "}, "sources.toml"),
        ({"a.txt": GOOD, "sources.toml": '[[sources]]\npath = "missing.txt"\n'}, "missing.txt"),
        ({"a.txt": GOOD, "sources.toml": '[[sources]]\npath = "a.txt"\npublished = "yesterday"\n'}, "sources.toml"),
        ({"a.txt": GOOD, "b.txt": GOOD, "sources.toml": '[[sources]]\npath = "a.txt"\nid = "x"\n[[sources]]\npath = "b.txt"\nid = "x"\n'}, "x"),
    ],
    ids=["empty-folder", "binary-only", "empty-file-only", "malformed-toml", "unknown-path", "bad-date", "duplicate-id"],
)
def test_bad_corpus_is_one_line_and_exit_2(tmp_path, files, expected):
    folder = _bad(tmp_path, files)
    result = run("export", str(folder), "-o", str(tmp_path / "out.toml"))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and "Traceback" not in result.stderr
    assert lines[-1].startswith("scaletui: ") and expected.lower() in lines[-1].lower()
    assert not (tmp_path / "out.toml").exists()


def test_missing_folder(tmp_path):
    result = run("export", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "nowhere" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_one_bad_file_is_skipped_and_the_rest_load(tmp_path):
    folder = _bad(tmp_path, {"good.txt": GOOD, "broken.txt": b"\x00\xff\x00"})
    out = tmp_path / "out.toml"
    result = run("export", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "broken.txt" in result.stderr and "Traceback" not in result.stderr
    data = tomllib.loads(out.read_text())
    assert [s["path"] for s in data["sources"]] == ["good.txt"]
    assert any(st.get("time_text") for st in _statements(data))


def test_unwritable_output_is_one_line(tmp_path):
    result = run("export", str(SEEDS), "-o", str(tmp_path / "no" / "such" / "dir" / "t.toml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_opening_a_bad_timeline_refuses_before_the_screen(tmp_path, capsys):
    bad = tmp_path / "notes.toml"
    bad.write_text('title = "shopping"\n')
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"scaletui: {bad}: not a scaletui timeline (no format = \"scaletui-timeline\")"
    newer = tmp_path / "newer.toml"
    newer.write_text('format = "scaletui-timeline"\nversion = 7\n')
    assert main([str(newer)]) == 2
    assert "newer" in capsys.readouterr().err


def test_a_crash_inside_the_app_exits_non_zero(monkeypatch):
    from scaletui.tui import app as tui_app

    class CrashingApp:  # what Textual leaves after an unhandled exception: a return code of 1
        def __init__(self, **launch):
            self.return_code = None

        def run(self):
            self.return_code = 1

    monkeypatch.setattr(tui_app, "ScaletuiApp", CrashingApp)
    assert main([str(SEEDS)]) == 1


def test_an_internal_error_is_one_line_unless_debugging(monkeypatch, capsys):
    from scaletui.events import pipeline as events_pipeline

    def broken(*args, **kwargs):
        raise ValueError("a bug\nover two lines")

    monkeypatch.setattr(events_pipeline, "build_timeline", broken)
    monkeypatch.delenv("SCALETUI_DEBUG", raising=False)
    assert main(["export", str(SEEDS)]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (ValueError: a bug\\nover two lines)" in err
    monkeypatch.setenv("SCALETUI_DEBUG", "1")
    with pytest.raises(ValueError):
        main(["export", str(SEEDS)])
