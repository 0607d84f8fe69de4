"""A folder holding several stories (a wire archive, a reader's downloads): statements of two stories
that share an act and nothing else stay apart, while each story's reports of one happening still meet.

The corpus is the five ECB+ stories of tests/corpora/ecbplus in one folder, none of them dated.
"""

import shutil
from pathlib import Path

import pytest

from timeline_helpers import event_of

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline

CORPORA = Path(__file__).resolve().parent / "corpora" / "ecbplus"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for story in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        for article in story.glob("*.txt"):
            shutil.copy(article, folder / article.name)
    return build_timeline(load_corpus(folder))


def test_two_stories_sharing_only_a_verb_stay_apart(archive):
    laci = event_of(archive, "45-2ecb", "Laci disappeared from the couple's home in Modesto")
    page = event_of(archive, "4-2ecb", "Ms Page disappeared for decades")
    assert laci is not page
    assert not any(s.source.startswith("4-") for s in laci.statements)


def test_a_capture_and_a_captured_imagination_stay_apart(archive):
    capture = event_of(archive, "3-10ecbplus", "Texas prisoner captured after week on the run")
    assert not any(s.source.startswith("4-") for s in capture.statements)


def test_one_storys_reports_of_one_happening_still_meet(archive):
    # two outlets on Bettie Page's death, beside four other stories
    death = event_of(archive, "4-10ecb", "Bettie Page, the 1950s pinup and bondage model")
    assert death is event_of(archive, "4-11ecb", "Bettie Page, the 1950s pin-up queen and pop culture icon who died")
    quake = event_of(archive, "38-10ecbplus", "An earthquake with a preliminary magnitude of 4.6 was recorded")
    assert {s.source for s in quake.statements} >= {"38-10ecbplus", "38-1ecbplus", "38-11ecbplus"}
