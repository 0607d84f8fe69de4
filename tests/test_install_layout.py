"""A wheel of the project installs one top-level package, `scaletui`, and nothing under a generic name.

PyPI has popular `events` and `tui` packages: a wheel that put ours at the top
of site-packages would break whichever was installed second.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_adds_only_scaletui_to_site_packages(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("scaletui-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"scaletui"}
    # The pieces a user runs are inside it: the pipeline, the app's layout, the bundled corpus.
    assert "scaletui/events/pipeline.py" in names
    assert "scaletui/tui/app.tcss" in names or any(n.startswith("scaletui/tui/") and n.endswith(".tcss") for n in names)
    assert sum(n.startswith("scaletui/seeds/") and n.endswith(".txt") for n in names) == 5
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "scaletui = scaletui.tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
