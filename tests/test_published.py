"""Publication dates the text states: datelines, Published/Updated lines, date lines."""

from datetime import date
from pathlib import Path

import pytest

from scaletui.events.published import copyright_year, find_published

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "\n\nGoogle plans to cut ties with the startup, sources said.\n"

FOUND = [
    ("SAN FRANCISCO, June 13, 2025 (Reuters) - Google, Scale AI's largest customer, plans to split.", date(2025, 6, 13), "dateline"),
    ("Nov 18, 2023 - OpenAI's board removed its chief executive on Friday.", date(2023, 11, 18), "dateline"),
    ("LONDON, June 13, 2025 (AP) — Meta said on Thursday it would invest.", date(2025, 6, 13), "dateline"),
    ("NEW YORK, NY, Jan. 5, 2024 /PRNewswire/ -- Acme Inc. announced a deal.", date(2024, 1, 5), "dateline"),
    ("BENGALURU, 3 March 2024 (Reuters) – Shares of Infosys rose.", date(2024, 3, 3), "dateline"),
    ("Thursday, June 12, 2025 — Meta agreed to take a stake.", date(2025, 6, 12), "dateline"),
    ("Published: 2023-11-20\n\nThe board met.", date(2023, 11, 20), "published line"),
    ("Published on June 13, 2025 at 10:42 am\n\nThe board met.", date(2025, 6, 13), "published line"),
    ("First published Fri 13 Jun 2025 09.00 BST\n\nThe board met.", date(2025, 6, 13), "published line"),
    ("Posted: 14/06/2025\n\nThe board met.", date(2025, 6, 14), "published line"),
    ("Updated 20 November 2023\n\nThe board met.", date(2023, 11, 20), "updated line"),
    ("Friday, June 13, 2025 10:32 AM EDT\n\nThe board met.", date(2025, 6, 13), "date line"),
    ("June 13, 2025\n\nThe board met.", date(2025, 6, 13), "date line"),
    ("By Jane Doe | June 14, 2025\n\nThe board met.", date(2025, 6, 14), "date line"),
    ("Meta Buys Into Scale AI\n2025-06-16\n\nThe board met.", date(2025, 6, 16), "date line"),
]


@pytest.mark.parametrize(("text", "when", "basis"), FOUND, ids=[f[0][:28] for f in FOUND])
def test_stated_dates(text, when, basis):
    assert find_published(text + BODY) == (when, basis)


def test_published_line_beats_updated_line_and_dateline():
    text = "Updated June 16, 2025\nPublished June 13, 2025\n\nWASHINGTON, June 12, 2025 (AP) — Text."
    assert find_published(text) == (date(2025, 6, 13), "published line")


def test_dateline_beats_a_later_updated_line():
    text = "WASHINGTON, June 12, 2025 (AP) — The agency said.\n\nUpdated June 16, 2025"
    assert find_published(text) == (date(2025, 6, 12), "dateline")


def test_dateline_without_year_takes_the_copyright_year():
    text = "SAN FRANCISCO, June 13 (Reuters) - Google plans to split.\n\n© Thomson Reuters 2025\n"
    assert find_published(text) == (date(2025, 6, 13), "dateline, year from copyright")


def test_dateline_without_year_and_without_copyright_gives_nothing():
    # Never today's year: a year-less dateline is left for the pipeline's estimate.
    assert find_published("SAN FRANCISCO, June 13 (Reuters) - Google plans to split.") is None


def test_years_in_the_story_do_not_date_a_year_less_dateline():
    text = "PARIS, May 2 (AFP) - The company, founded in 2016, said revenue in 2024 doubled."
    assert find_published(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Google said on June 13, 2025 that it would cut ties with the startup.",  # a date in a sentence
        "The deal - signed on June 13, 2025 - surprised analysts.",
        "Scale AI was founded in 2016 and valued at $29 billion.",
        "Published: 2 hours ago\n\nThe board met.",  # relative: never resolved against today
        "Date: 06/07/2025\n\nThe board met.",  # day and month could be either way round
        "February 30, 2025\n\nThe board met.",  # no such day
        "",
    ],
)
def test_no_stated_date(text):
    assert find_published(text) is None


def test_dateline_far_down_the_page_is_not_a_dateline():
    filler = "".join(f"Paragraph {n} of the story says something.\n\n" for n in range(20))
    assert find_published(filler + "LONDON, June 13, 2025 (AP) — Text.") is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Story.\n© Thomson Reuters 2025", 2025),
        ("Story.\nCopyright 2010-2024 Example News. All rights reserved.", 2024),
        ("Story.\n(c) 2023 Example Media", 2023),
        ("The copyright law of 1976 applies to the data, lawyers said.", None),
        ("Story without a copyright line, written in 2025.", None),
    ],
)
def test_copyright_year(text, year):
    assert copyright_year(text) == year


def test_seeds():
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert copyright_year(texts["001"]) == 2025
    # The syndicated Reuters copy lost its dateline: sources.toml supplies the day.
    for text in texts.values():
        assert find_published(text) is None
