"""Time `events.timex.tag` against a naive dateparser `search_dates` pass, same sentences, same run.

    python bench/bench_tagger.py [--articles 300]

The seed articles' sentences are repeated to the requested number of articles; each
article is tagged with its publication date. Prints both times, their ratio (the goal
is ours <= naive while finding more), and how many expressions each found.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from scaletui.events.sentences import split_sentences  # noqa: E402
from scaletui.events.timex import tag, tagger  # noqa: E402

REFERENCE = date(2025, 6, 13)


def article_sentences() -> list[list[str]]:
    """The sentences of each seed article, split by the pipeline's own splitter."""
    articles = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = [s.text for s in split_sentences(path.stem, text)]
        articles.append(sentences)
    return articles


def run(articles: int) -> None:
    seeds = article_sentences()
    corpus = [seeds[i % len(seeds)] for i in range(articles)]
    sentence_count = sum(len(a) for a in corpus)
    base = datetime(REFERENCE.year, REFERENCE.month, REFERENCE.day)
    settings = {"RELATIVE_BASE": base}

    # warm both up so neither pays dateparser's one-off language loading in the timing
    tag("It happened on June 12, 2025.", REFERENCE)
    search_dates("It happened on June 12, 2025.", languages=["en"], settings=settings)

    # The tagger keeps what it found in its last few texts (one text is tagged against several days):
    # each copy of a seed article must be read as the new text it stands for.
    kept = (tagger._candidates, tagger._tense_for)
    started = time.perf_counter()
    ours = 0
    for article in corpus:
        for cached in kept:
            cached.cache_clear()
        ours += sum(len(tag(sentence, REFERENCE)) for sentence in article)
    ours_seconds = time.perf_counter() - started

    started = time.perf_counter()
    naive_found = [hit for article in corpus for sentence in article
                   for hit in search_dates(sentence, languages=["en"], settings=settings) or []]
    naive_seconds = time.perf_counter() - started
    naive = len(naive_found)
    # hits that are plainly not dates: money, percentages, the modal "may"
    naive_wrong = sum(1 for text, _ in naive_found if re.search(r"[$%]", text) or text.lower() == "may")

    print(f"articles: {articles}  sentences: {sentence_count}")
    print(f"tag:          {ours_seconds:8.3f} s  {ours:6d} expressions  ({1e6 * ours_seconds / sentence_count:7.1f} us/sentence)")
    print(f"search_dates: {naive_seconds:8.3f} s  {naive:6d} expressions  ({1e6 * naive_seconds / sentence_count:7.1f} us/sentence)")
    print(f"search_dates hits that are money, percentages or the modal 'may': {naive_wrong}")
    print(f"ratio tag/search_dates: {ours_seconds / naive_seconds:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    run(parser.parse_args().articles)
