"""The per-article work of the pipeline: sentences, dated statements and their figures.

Each article's work depends on that article alone (its text and what phase one
of dating settled for it), so it is read from the cache where an earlier run
left it, and otherwise done in a pool of processes once a corpus has enough
articles to pay for starting one; the main process only collects, in the
corpus's order, so the result is the same as doing it all in one process.
What needs the whole corpus (entities, grouping, comparison) stays in the
main process.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from multiprocessing import resource_tracker
from pathlib import Path
from typing import NamedTuple

from lemminflect import getAllLemmas, getInflection, getLemma
from pydantic import BaseModel, ValidationError

from scaletui.events.cache import ArticleCache, article_key, cache_folder
from scaletui.events.entity_lexicon import city_population
from scaletui.events.figures import extract_figures
from scaletui.events.forked_half import can_fork
from scaletui.events.model import Sentence, Statement
from scaletui.events.sentences import split_sentences
from scaletui.events.similarity import StatementFeatures, statement_features
from scaletui.events.statements import sentence_index, statements_of
from scaletui.events.timex import Found, found_in, may_hold_time
from scaletui.events.timex.explicit import warm_dateparser
from scaletui.events.words import name_lemmas, zipf

# Below this many articles to work on, a pool costs more to start than it saves.
PARALLEL_FROM = 32
# The same for a pool whose workers cannot be forked from this process (see
# _start_method): a fork server starts a fresh interpreter and imports the
# pipeline, some seconds that only a large corpus wins back.
FORK_SERVER_FROM = 300
# Articles per task sent to a worker: enough to make the hand-over cheap, few
# enough that progress moves and both workers finish together.
_BATCH_MAX = 16

Report = Callable[[int], None]  # told how many articles are done so far; may raise to cancel


class ArticleJob(NamedTuple):
    """One article and what phase one of dating settled for it: all its work depends on."""

    source_id: str
    text: str
    published: date | None
    published_estimated: bool
    reference_year: int | None
    # chrome.chrome_ranges(text), where reading the corpus found it already: not part of the key (the text decides it)
    chrome: list[tuple[int, int]] | None = None

    def key(self) -> str:
        return article_key(self.text, self.source_id, self.published, self.published_estimated, self.reference_year)


class ArticleWork(BaseModel):
    """An article's statements with their figures read, what grouping reads of each statement alone
    (`events.similarity.statement_features`, one per statement, in order), and the sentences a
    publication date found later could date differently (`to_redate`).

    An article with no publication date may be dated from the events it shares, once they are
    grouped (pipeline._date_undated_sources). Only its claims the tagger may read then need their
    sentence again; the rest take the new "reported by" bound. Those sentences alone are kept, not
    all of them: they are handed back from a worker and stored in the cache.
    """

    statements: list[Statement]
    features: list[StatementFeatures | None] = []
    to_redate: list[Sentence] = []
    # per sentence of `to_redate`, what tagging it found that no date changes (`timex.found_in`):
    # taken up when it is read again with the date, rather than found again
    found: list[Found] = []
    # the lemma of each word its statements write with a capital (words.name_lemmas): grouping
    # lemmatises the words of every entity's names, which are these, once more in the main process
    name_lemmas: dict[str, str] = {}


def work_on(job: ArticleJob) -> ArticleWork:
    sentences = split_sentences(job.source_id, job.text, chrome=job.chrome)
    statements = statements_of(sentences, job.published, job.published_estimated, job.reference_year)
    to_redate: list[Sentence] = []
    found: list[Found] = []
    if job.published is None:
        claims = {sentence_index(statement) for statement in statements}
        to_redate = [s for s in sentences if s.index in claims and may_hold_time(s.text)]
        found = [found_in(s.text) for s in to_redate]  # before other texts are tagged (grouping's windows)
    for statement in statements:
        # Figures validated as they were made: assigning them (validate_assignment) would check each again.
        statement.set_derived("figures", extract_figures(statement.text))
    features = [statement_features(statement) for statement in statements]
    lemmas = {word: base for statement in statements for word, base in name_lemmas(statement.text).items()}
    return ArticleWork(statements=statements, features=features, to_redate=to_redate, found=found, name_lemmas=lemmas)


def read_articles(jobs: list[ArticleJob], report: Report) -> list[ArticleWork]:
    """Every job's work, in the jobs' order: from the cache, else worked out (in a pool when there are many)."""
    cache = ArticleCache(cache_folder())
    keys = [job.key() for job in jobs] if cache.folder is not None else [""] * len(jobs)
    works: list[ArticleWork | None] = [_cached(cache, key) for key in keys]
    missing = [i for i, work in enumerate(works) if work is None]
    done = len(jobs) - len(missing)
    report(done)
    start_method = _start_method()
    workers = pool_size(len(missing), forked=start_method.get_start_method() == "fork")
    if workers > 1:
        missing = _in_pool(jobs, keys, cache, missing, works, workers, start_method, done, report)
        done = len(jobs) - len(missing)
    for count, i in enumerate(missing, start=1):
        works[i] = _work_and_keep(jobs[i], keys[i], cache)
        if count % 20 == 0:
            report(done + count)
    report(len(jobs))
    return works  # type: ignore[return-value]  # every slot is filled above


def pool_size(articles: int, forked: bool = True) -> int:
    """Worker processes for this many articles to work on; 0 or 1: work in this process."""
    if articles < (PARALLEL_FROM if forked else max(PARALLEL_FROM, FORK_SERVER_FROM)):
        return 0
    return min(usable_cpus(), max(1, articles // 8))


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _cached(cache: ArticleCache, key: str) -> ArticleWork | None:
    data = cache.get(key) if key else None
    if data is None:
        return None
    try:
        return ArticleWork.model_validate_json(data)
    except (ValidationError, ValueError):  # a damaged or foreign entry: worked out again and replaced
        return None


def _work_and_keep(job: ArticleJob, key: str, cache: ArticleCache) -> ArticleWork:
    work = work_on(job)
    data = _as_json(work) if key else None
    if data is not None:
        cache.put(key, data)
    return work


def _as_json(work: ArticleWork) -> bytes | None:
    """The work as the cache stores it; None for text JSON cannot carry (a lone surrogate from a caller's string)."""
    try:
        return work.model_dump_json().encode()
    except ValueError:
        return None


def _work_batch(batch: list[tuple[ArticleJob, str]], folder: str | None) -> list[bytes | ArticleWork]:
    """In a worker: each job's work as JSON (what the cache stores, and cheap to hand back), kept in the cache."""
    cache = ArticleCache(None if folder is None else Path(folder))
    out: list[bytes | ArticleWork] = []
    for job, key in batch:
        work = work_on(job)
        data = _as_json(work)
        if data is None:
            out.append(work)  # handed back as it is (pickled)
            continue
        if key:
            cache.put(key, data)
        out.append(data)
    return out


def _in_pool(
    jobs: list[ArticleJob], keys: list[str], cache: ArticleCache, missing: list[int],
    works: list[ArticleWork | None], workers: int, start_method: multiprocessing.context.BaseContext,
    done: int, report: Report,
) -> list[int]:
    """Fill `works` at the `missing` indices in a pool of `workers` processes; the indices it could not fill.

    Results are collected here as they come (progress moves, and a raise from
    `report` cancels the rest); a pool that cannot start or loses a worker
    leaves what it did not finish to this process.
    """
    size = max(1, min(_BATCH_MAX, math.ceil(len(missing) / (workers * 4))))
    folder = str(cache.folder) if cache.folder is not None else None
    forked = start_method.get_start_method() == "fork"
    if forked:
        _load_word_data()
    else:
        if start_method.get_start_method() == "forkserver":
            start_method.set_forkserver_preload([__name__])  # imported once in the server, not in every worker
        start_resource_tracker()
    try:
        executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=start_method, initializer=None if forked else _quiet_output
        )
    except (OSError, ValueError, NotImplementedError):
        return missing
    pending: dict[Future, list[int]] = {}
    try:
        for start in range(0, len(missing), size):
            batch = missing[start : start + size]
            pending[executor.submit(_work_batch, [(jobs[i], keys[i]) for i in batch], folder)] = batch
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                batch = pending.pop(future)
                for i, data in zip(batch, future.result()):
                    works[i] = data if isinstance(data, ArticleWork) else ArticleWork.model_validate_json(data)
                done += len(batch)
            report(done)
    except (BrokenProcessPool, OSError):  # a worker killed (out of memory) or not started
        executor.shutdown(wait=False, cancel_futures=True)
        return [i for i in missing if works[i] is None]
    except BaseException:  # cancelled from `report`, or a pipeline error raised in a worker
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()
    return []


def _load_word_data() -> None:
    """Load the word lists each article's work reads (lemminflect's dictionary, its inflections and
    its rules for unseen words, wordfreq's frequencies) here, before the workers fork, rather than
    once in every worker (half a second to a second each); this process reads them later anyway,
    to group statements.
    So for dateparser's first parse (a third of a second of setting up): this process pays it
    anyway when an article dated from its events has a date phrase only dateparser reads.
    And for the gazetteer of places, which a dateline naming a place alone ("WASHINGTON _") asks
    for in every worker, and names ask for here."""
    getAllLemmas("said")
    getLemma("qzxv", upos="NOUN", lemmatize_oov=True)
    getInflection("say", "VBD")  # the inflection table: a second, which `simple_past` reads in every worker
    zipf("said")
    warm_dateparser()
    city_population("paris")


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which a fork server or a spawned process needs, here and now.

    It is started with the standard error's file descriptor, and the app's standard error is
    Textual's print capture, which has none (its fileno() is -1): every fork server, and so
    every worker it would start, then failed to start. The tracker is given
    /dev/null instead: it only ever reports leaked semaphores, which must not be written over
    the app's screen anyway.
    """
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, ValueError, OSError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    with _TRACKER_START, open(os.devnull, "w") as quiet:
        captured, sys.stderr = sys.stderr, quiet
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


_TRACKER_START = threading.Lock()


def _quiet_output() -> None:
    """In a worker started by a fork server (the app's build): its output is the terminal the app draws
    on, where nothing of it (a library's warning) may be written."""
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.close(quiet)


def _start_method() -> multiprocessing.context.BaseContext:
    """Fork where that is safe (fast: workers start with everything imported, see can_fork);
    else a fork server, started clean with the pipeline imported once, forks the workers."""
    if can_fork():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")
