"""The headless core never pulls in Textual: it must run as a plain script."""

import subprocess
import sys

PROBE = """
import sys
from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.events.seeds import bundled_corpus
from scaletui.events.store import dumps_timeline
import scaletui.events.annotations
dumps_timeline(build_timeline(load_corpus(bundled_corpus())))
from scaletui.tui import cli
cli.main(["export", "-o", "-"])
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("LEAKED" if leaked else "CLEAN", leaked[:5])
"""


def test_pipeline_and_export_never_import_textual():
    # A fresh interpreter: this test process has Textual loaded by other tests.
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1].startswith("CLEAN"), result.stdout[-500:]
