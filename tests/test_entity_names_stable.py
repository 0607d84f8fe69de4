"""An entity's name does not change from one run to the next.

Python orders a set of strings differently in each process (hash
randomisation), so anything summed in a set's order must not decide a name.
Each run here is a fresh interpreter with its own hash seed.
"""

from __future__ import annotations

import os
import subprocess
import sys

# Two spellings of one company, each used by three sources. The sources' trust
# (1 / (1 + their lone spellings)) sums to exactly 1 for both: 1/2 + 1/3 + 1/6 and
# 1/3 + 1/3 + 1/3, a tie, so the more used spelling is the name. Added up in the
# order of a set, the first sum comes out as 0.9999999999999999 in some orders,
# and the rarer spelling won in those runs.
_NAME_OF_A_TIE = """
from scaletui.events.entities import _canonical
from scaletui.events.model import Kind
from scaletui.events.reconcile import Form

usual = Form("brightvale", surfaces={"Brightvale": (5, {"ledger", "courier", "gazette"})})
slip = Form("brigthvale", surfaces={"Brigthvale": (2, {"wire", "post", "herald"})})
trust = {"ledger": 1 / 2, "courier": 1 / 3, "gazette": 1 / 6, "wire": 1 / 3, "post": 1 / 3, "herald": 1 / 3}
print(_canonical([usual, slip], None, Kind.ORGANISATION, trust))
"""


def test_the_name_of_a_tie_in_trust_is_the_same_whatever_the_hash_seed():
    names = set()
    for seed in range(8):
        run = subprocess.run([sys.executable, "-c", _NAME_OF_A_TIE], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)})
        names.add(run.stdout.strip())
    assert names == {"Brightvale"}
