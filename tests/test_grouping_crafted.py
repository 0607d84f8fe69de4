"""Grouping on small invented corpora, each written to pin one rule (tests/corpora/<name>/sources.toml
says what it shows)."""

import tomllib
from pathlib import Path

from scaletui.events.corpus import load_corpus
from scaletui.events.pipeline import build_timeline
from scaletui.tui.cli import main

CORPORA = Path(__file__).resolve().parent / "corpora"


def event_finder(corpus: str):
    timeline = build_timeline(load_corpus(CORPORA / corpus))

    def event_of(source: str, fragment: str):
        return next(e for e in timeline.events for s in e.statements if s.source == source and fragment in s.text)

    return event_of


def test_less_than_two_weeks_ago_joins_this_months_report_not_one_three_years_back():
    event_of = event_finder("less_than")
    recent = event_of("sales-2010", "less than two weeks ago")
    assert recent is event_of("show-2010", "unveiled the Pip 4")
    assert recent is not event_of("launch-2007", "unveiled its first handset")


def test_the_opening_follows_its_headline_into_the_other_outlets_event():
    # The headline says "resigns" like the other outlet; the opening says "has chosen to step down".
    event_of = event_finder("headline_opening")
    resigned = event_of("daily", "Keller resigned from her post")
    assert event_of("wire", "Dana Keller resigns") is resigned
    assert event_of("wire", "has chosen to step down") is resigned
    assert event_of("wire", "founded the lender in 1998") is not resigned


def test_two_happenings_of_one_story_told_by_different_acts_stay_apart():
    # The same clerk, bank and sum in every report; two outlets tell the arrest, two the charge.
    event_of = event_finder("arrest_charge")
    arrest = event_of("herald", "was arrested at his home")
    assert arrest is event_of("post", "Police arrested Tom Brennick")
    charge = event_of("wire", "Prosecutors charged Tom Brennick")
    assert charge is event_of("daily", "has been charged with stealing")
    assert arrest is not charge


def test_one_act_told_in_two_words_stays_one_event_when_headlines_and_openings_pair_them():
    # "ousts" in two headlines, "fired" in their openings: the story says the words tell one act.
    event_of = event_finder("ousted_fired")
    fired = event_of("post", "Dana Keller was fired as chief executive")
    assert event_of("times", "Dana Keller was ousted as chief executive") is fired
    assert event_of("herald", "Brightway has fired its chief executive") is fired


def test_headlines_and_openings_of_two_outlets_join_the_event_they_announce_in_other_words():
    # Three outlets tell a 40% stake; two announce it only as "a $2.1 billion investment".
    event_of = event_finder("stake_investment")
    stake = event_of("wire", "has acquired a 40% stake")
    assert event_of("post", "investment in Nimbus Robotics has prompted") is stake
    assert event_of("times", "is causing unease among grocery chains") is stake
    assert event_of("herald", "gives Harbor Foods a 40% stake") is stake
    assert stake.silent == []
    assert event_of("wire", "was founded in 2015") is not stake


def test_the_exported_file_keeps_the_arrest_and_the_charge_apart(tmp_path):
    # Through the user's own command: `scaletui export CORPUS -o FILE`.
    out = tmp_path / "story.toml"
    assert main(["export", str(CORPORA / "arrest_charge"), "-o", str(out)]) == 0
    events = tomllib.loads(out.read_text(encoding="utf-8"))["events"]

    def event_with(fragment: str) -> int:
        return next(n for n, event in enumerate(events) for s in event["statements"] if fragment in s["text"])

    assert event_with("was arrested at his home") == event_with("Police arrested Tom Brennick")
    assert event_with("was arrested at his home") != event_with("Prosecutors charged Tom Brennick")


def test_a_sacking_the_talks_and_the_reinstatement_days_apart_are_three_happenings():
    # Publication days given by sources.toml: "on Monday", "on Wednesday", "on Friday" are those days.
    # The later reports tell the sacking again ("days after the club fired her"), and "said on Friday
    # that she would return" or "is back, the club said on Friday" does not reach back to Monday.
    event_of = event_finder("sacked_reinstated")
    sacked = event_of("gazette", "fired head coach Lena Ortiz on Monday")
    assert event_of("sportsdesk", "dismissed head coach Lena Ortiz on Monday") is sacked
    assert event_of("gazette", "Harbor City sacks coach") is sacked
    assert event_of("courier", "broke down on Wednesday") is not sacked
    assert event_of("bulletin", "would return as head coach") is not sacked
    assert event_of("ledger", "is back as head coach") is not sacked
    assert event_of("courier", "broke down on Wednesday") is not event_of("bulletin", "would return as head coach")
    # A headline put out on the Monday tells nothing of the Wednesday: through it, the talks' report
    # does not count as telling the sacking (its outlet stays silent on it).
    assert "courier" not in sacked.sources


def test_a_headline_joins_its_own_opening_before_another_outlets_line_sharing_its_verb():
    # "Harbor City reinstates Lena Ortiz" and "would return as head coach" announce one happening;
    # another outlet's "if she was not reinstated" shares the headline's rarest word.
    event_of = event_finder("sacked_reinstated")
    opening = event_of("bulletin", "would return as head coach")
    assert event_of("bulletin", "Harbor City reinstates Lena Ortiz") is opening
    assert opening is not event_of("gazette", "fired head coach Lena Ortiz on Monday")


def test_a_clock_time_alone_is_not_a_given_day(tmp_path):
    # "at 2:09 a.m." in a piece put out two days later is read as its own publication day, but it
    # names no day: it keeps the slack of a day read loosely and meets Monday's report of the quake.
    (tmp_path / "a.txt").write_text("A magnitude 5.1 earthquake struck Harbor Valley on Monday, damaging two bridges.\n")
    (tmp_path / "b.txt").write_text(
        "The magnitude 5.1 earthquake struck Harbor Valley at 2:09 a.m., damaging two bridges, the survey said.\n"
    )
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\npath = "a.txt"\nid = "first"\npublished = 2024-03-04\n\n'
        '[[sources]]\npath = "b.txt"\nid = "later"\npublished = 2024-03-06\n'
    )
    timeline = build_timeline(load_corpus(tmp_path))
    events = {s.source: e.id for e in timeline.events for s in e.statements}
    assert events["first"] == events["later"]
