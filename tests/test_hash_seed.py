"""Grouping's arithmetic does not depend on Python's hash seed: likeness is summed exactly, so the
order a set of shared words comes in (it changes with PYTHONHASHSEED) cannot tip a tie."""

import subprocess
import sys

# Three shared words whose products sum to 0.6 in one order and 0.6000000000000001 in another.
SCRIPT = """
from scaletui.events.similarity import Profile, similarity
from scaletui.events.model import Statement, TimeSpan
span = TimeSpan.model_validate({"start": "2024-01-01", "end": "2024-01-01", "precision": "day"})
made = Statement(id="s:0", source="s", text="x", start=0, end=1, span=span)
def profile(vector):
    return Profile(index=0, statement=made, order=(0, "s", 0), vector=vector, figures=[], window=(0, 10, 0, 0),
                   lead=False, actions=frozenset(), lemmas=frozenset())
words = [f"word{n}" for n in range(3)]
one = profile(dict(zip(words, (0.1, 0.2, 0.3))))
other = profile(dict.fromkeys(words, 1.0))
print(repr(similarity(one, other)))
"""


def test_likeness_is_the_same_float_under_every_hash_seed():
    found = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT], env={"PYTHONHASHSEED": str(seed), "PATH": ""}, capture_output=True, text=True, check=True
        ).stdout.strip()
        for seed in range(6)
    }
    assert found == {"0.6"}
