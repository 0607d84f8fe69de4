"""Grouping's shortcuts at scale give exactly the events the plain way gives.

- each statement's own part of its profile is worked out with its article (in
  the pool, through JSON, from the cache) and grouping reads it from there;
- the paraphrase counts are taken act pair by act pair, not report pair by report pair;
- the agglomeration's heap is swept of stale entries.
"""

from __future__ import annotations

import shutil
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from scaletui.events import clustering
from scaletui.events import parallel as events_parallel
from scaletui.events import similarity
from scaletui.events.clustering import _acts_side_by_side, lead_statements
from scaletui.events.corpus import load_corpus
from scaletui.events.model import Statement
from scaletui.events.parallel import ArticleJob, ArticleWork, work_on
from scaletui.events.similarity import Profile, profiles_of, statement_features
from scaletui.tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


def export(corpus: Path, output: Path) -> str:
    assert main(["export", str(corpus), "-o", str(output)]) == 0
    return output.read_text(encoding="utf-8")


def pooled(monkeypatch) -> None:
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(events_parallel, "FORK_SERVER_FROM", 4)
    monkeypatch.setattr(events_parallel, "usable_cpus", lambda: 2)


def test_features_from_the_pool_give_the_events_worked_out_in_one_process(mixed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    pooled(monkeypatch)
    with_features = export(mixed_corpus, tmp_path / "features.toml")
    # Workers that hand back no features: grouping works each statement out itself.
    monkeypatch.setattr(events_parallel, "statement_features", lambda statement: None)
    without = export(mixed_corpus, tmp_path / "without.toml")
    assert with_features == without
    assert "[[events]]" in with_features and "3_1ecbplus" in with_features


def test_features_read_back_from_the_cache_give_the_same_timeline(mixed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(tmp_path / "cache"))
    first = export(mixed_corpus, tmp_path / "first.toml")
    builds = list((tmp_path / "cache").rglob("timelines"))
    assert builds
    for folder in builds:  # whole builds: the second export groups again, from the articles' cached work
        shutil.rmtree(folder)
    calls = []
    real = events_parallel.work_on
    monkeypatch.setattr(events_parallel, "work_on", lambda job: calls.append(job) or real(job))

    def not_again(statement):
        raise AssertionError(f"features worked out again for {statement.id}")

    monkeypatch.setattr(similarity, "statement_features", not_again)
    second = export(mixed_corpus, tmp_path / "second.toml")
    assert calls == []  # every article's work, features included, came from the cache
    assert second == first


def _statements(corpus: Path) -> list[Statement]:
    corpus_read = load_corpus(corpus)
    works = [work_on(ArticleJob(d.source.id, d.text, d.source.published, d.source.published_estimated, None))
             for d in corpus_read.documents]
    return [s for w in works for s in w.statements], [f for w in works for f in w.features], works


def _as_compared(profile: Profile) -> tuple:
    return (list(profile.vector.items()), profile.window, profile.actions, profile.lemmas, profile.keys,
            profile.figures, profile.subjects, profile.objects)


def test_a_profile_from_features_through_json_is_the_profile_worked_out_here(mixed_corpus):
    statements, features, works = _statements(mixed_corpus)
    assert len(features) == len(statements) and all(f is not None for f in features)
    undated = [f for s, f in zip(statements, features) if s.span.modifier.value == "undated" and s.time_text]
    assert any(f.window[2:] != (-(10**9), 10**9) for f in undated)  # "23 months ago"-like offsets are carried
    carried = [f for w in works for f in ArticleWork.model_validate_json(w.model_dump_json()).features]
    rank = {s.source: n for n, s in enumerate(statements)}
    leads = lead_statements(statements)
    here = profiles_of(statements, rank, leads)
    read = profiles_of(statements, rank, leads, features=carried)
    assert [_as_compared(p) for p in read] == [_as_compared(p) for p in here]


class _Said:
    def __init__(self, source: str):
        self.source = source


class _Report:
    def __init__(self, source: str, acts: set[str]):
        self.statement = _Said(source)
        self.actions = frozenset(acts)


def test_acts_side_by_side_count_every_pair_of_reports_from_two_outlets():
    reports = [
        _Report("a", {"issue", "patch"}),
        _Report("a", {"release"}),
        _Report("b", {"release", "patch"}),
        _Report("b", {"rush", "issue"}),
        _Report("c", {"issue"}),
        _Report("c", set()),
        _Report("d", {"release", "rush", "patch"}),
        _Report("d", {"release", "rush", "patch"}),
    ]
    plain: Counter = Counter()
    for a, b in combinations(reports, 2):
        if a.statement.source != b.statement.source:
            for one in a.actions - b.actions:
                for other in b.actions - a.actions:
                    plain[frozenset((one, other))] += 1
    assert _acts_side_by_side(reports) == dict(plain)
    assert _acts_side_by_side(reports)[frozenset(("issue", "release"))] == plain[frozenset(("issue", "release"))] > 2


def test_sweeping_stale_heap_entries_leaves_the_events_as_they_are(tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    usual = export(ROOT / "seeds", tmp_path / "usual.toml")
    monkeypatch.setattr(clustering, "_HEAP_SWEEP_FLOOR", 1)  # a sweep after nearly every merge
    swept = export(ROOT / "seeds", tmp_path / "swept.toml")
    assert swept == usual
