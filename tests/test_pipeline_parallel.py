"""Per-article work in a process pool gives exactly what one process gives."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from scaletui.events import parallel as events_parallel
from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.events.store import dumps_timeline
from scaletui.tui.cli import main


class CountingPool(events_parallel.ProcessPoolExecutor):
    started: list[int] = []

    def __init__(self, max_workers=None, **kwargs):
        CountingPool.started.append(max_workers)
        super().__init__(max_workers=max_workers, **kwargs)


def pooled_from_here(monkeypatch) -> list[str]:
    """A pool of two workers for any corpus past four articles, whatever this machine has.

    Returns the articles worked on in this process: none while the pool does its job.
    """
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(events_parallel, "FORK_SERVER_FROM", 4)
    monkeypatch.setattr(events_parallel, "usable_cpus", lambda: 2)
    here: list[str] = []
    main_process = os.getpid()
    real = events_parallel.work_on

    def counting(job):
        if os.getpid() == main_process:
            here.append(job.source_id)
        return real(job)

    monkeypatch.setattr(events_parallel, "work_on", counting)
    return here


def export(corpus: Path, output: Path) -> str:
    assert main(["export", str(corpus), "-o", str(output)]) == 0
    return output.read_text(encoding="utf-8")


def test_pool_and_one_process_export_the_same_timeline(mixed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    monkeypatch.setattr(events_parallel, "ProcessPoolExecutor", CountingPool)
    CountingPool.started.clear()
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 10_000)
    alone = export(mixed_corpus, tmp_path / "alone.toml")
    assert CountingPool.started == []

    here = pooled_from_here(monkeypatch)
    pooled = export(mixed_corpus, tmp_path / "pooled.toml")
    assert CountingPool.started == [2] and here == []
    assert pooled == alone
    assert "[[events]]" in pooled and "3_1ecbplus" in pooled


def test_articles_dated_from_their_events_are_dated_again_with_the_same_result_after_a_pool(mixed_corpus, tmp_path, monkeypatch):
    # Articles without a date of their own are dated from the articles reporting the same
    # events, once grouped; then the sentences their workers kept are read again, here.
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    monkeypatch.setattr(events_parallel, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 10_000)
    CountingPool.started.clear()
    alone = export(mixed_corpus, tmp_path / "alone.toml")
    assert CountingPool.started == []

    pooled_from_here(monkeypatch)
    monkeypatch.setattr(events_parallel, "pool_size", lambda articles, forked=True: 2)
    pooled = export(mixed_corpus, tmp_path / "pooled.toml")
    assert CountingPool.started == [2]
    assert pooled == alone
    assert 'published_basis = "estimated: from 5 dated articles reporting the same events"' in pooled


def test_a_raise_from_progress_cancels_a_pooled_build(mixed_corpus, monkeypatch):
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    pooled_from_here(monkeypatch)
    corpus = load_corpus(mixed_corpus)
    seen = []

    class Cancelled(Exception):
        pass

    def progress(stage: str, fraction: float) -> None:
        seen.append((stage, fraction))
        if stage == "finding dated statements" and fraction > 0.05:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_timeline(corpus, progress)
    assert seen[-1][1] < 0.55  # stopped among the articles, before entities
    assert build_timeline(corpus).events  # the next build runs as usual


def test_a_build_in_a_thread_uses_a_fork_server_with_the_same_result(mixed_corpus, monkeypatch):
    """The app builds in a worker thread: its pool's workers come from a fork server, not a fork of the app."""
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    corpus = load_corpus(mixed_corpus)
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 10_000)
    alone = dumps_timeline(build_timeline(corpus))
    here = pooled_from_here(monkeypatch)
    methods: list[str] = []
    real = events_parallel._start_method
    monkeypatch.setattr(events_parallel, "_start_method", lambda: methods.append(real().get_start_method()) or real())
    built = {}
    worker = threading.Thread(target=lambda: built.setdefault("timeline", build_timeline(corpus)))
    worker.start()
    worker.join()
    assert methods and set(methods) == {"forkserver"} and here == []  # articles read, and any dated again
    assert dumps_timeline(built["timeline"]) == alone


def test_text_json_cannot_carry_still_builds_in_the_pool(mixed_corpus, tmp_path, monkeypatch):
    """A corpus built by a caller may hold a lone surrogate: no cache entry for it, the same timeline."""
    corpus = load_corpus(mixed_corpus)
    odd = corpus.documents[0]
    odd.text = odd.text.replace(" the ", " t\ud800he ", 1)
    assert "\ud800" in odd.text
    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    monkeypatch.setattr(events_parallel, "PARALLEL_FROM", 10_000)
    alone = build_timeline(corpus)
    monkeypatch.delenv("SCALETUI_NO_CACHE")
    monkeypatch.setenv("SCALETUI_CACHE_DIR", str(tmp_path / "cache"))
    here = pooled_from_here(monkeypatch)
    pooled = build_timeline(corpus)
    assert here == []
    assert pooled == alone
    assert len(list((tmp_path / "cache").rglob("*.json"))) == len(corpus.documents) - 1


def test_the_main_process_takes_the_workers_lemmas_of_name_words_rather_than_asking_lemminflect_again(tmp_path, monkeypatch):
    from scaletui.events import words

    monkeypatch.setenv("SCALETUI_NO_CACHE", "1")
    folder = tmp_path / "names"
    folder.mkdir()
    names = [f"Quorv{letter}ntix" for letter in "abcdefghijklmnop"]  # 16 articles: a pool of two; words no dictionary has
    for n, name in enumerate(names):
        (folder / f"a{n}.txt").write_text(
            f"{name} Labs hires a chief executive\n\n{name} Labs said on Monday it hired Mira Brellandor as chief "
            f"executive. {name} Labs has 40 staff.\n", encoding="utf-8")
    words.lemma.cache_clear()  # nothing this process lemmatised before counts
    words._LEMMAS_GIVEN.clear()
    asked: list[str] = []
    real = words.getLemma

    def counting(word, *args, **kwargs):
        asked.append(word)
        return real(word, *args, **kwargs)

    monkeypatch.setattr(words, "getLemma", counting)
    here = pooled_from_here(monkeypatch)
    timeline = build_timeline(load_corpus(folder))
    in_workers = [name for n, name in enumerate(names) if f"a{n}" not in here]
    assert in_workers and any(entity.name == f"{in_workers[0]} Labs" for entity in timeline.entities)
    # grouping reads the words of every entity's names: the workers' lemmas of them, taken as they were
    assert not {name.lower() for name in in_workers} & set(asked)
    assert words.lemma(in_workers[0].lower()) == real(in_workers[0].lower(), upos="NOUN", lemmatize_oov=True)[0]
