"""Event grouping on real coverage: concrete pairs of sentences from two ECB+ stories.

Each case names two sentences of different outlets. The pairs that must share
an event report one happening in different words; the pairs that must stay
apart are two happenings of one story (an escape and the capture a week later).
"""

from datetime import date
from pathlib import Path

import pytest

from timeline_helpers import event_of

from scaletui.events.corpus import load_corpus
from scaletui.events.model import Modifier
from scaletui.events.pipeline import build_timeline

CORPORA = Path(__file__).resolve().parent / "corpora" / "ecbplus"


@pytest.fixture(scope="module")
def escape():
    return build_timeline(load_corpus(CORPORA / "3_ecbplus"))


@pytest.fixture(scope="module")
def verdict():
    return build_timeline(load_corpus(CORPORA / "45_ecb"))  # no article of it is dated


@pytest.fixture(scope="module")
def overturned():
    return build_timeline(load_corpus(CORPORA / "9_ecbplus"))


def test_two_outlets_telling_the_escape_in_their_own_words_share_an_event(escape):
    first = event_of(escape, "3_3ecbplus", "escaped when he was being transported")
    second = event_of(escape, "3_9ecbplus", "He escaped last week while being transported")
    assert first.id == second.id
    assert {"3_3ecbplus", "3_9ecbplus"} <= set(first.sources)


def test_headlines_announcing_the_escape_join_the_reports_of_it(escape):
    told = event_of(escape, "3_7ecbplus", "Texas Lifer Escapes Prison Van Near Houston")
    assert told.id == event_of(escape, "3_3ecbplus", "Comeaux escaped with a 12-gauge shotgun").id


def test_a_follow_up_six_weeks_on_joins_the_escape_it_retells(escape):
    # 3_11ecbplus reports the prison's leadership changes weeks after the escape, and retells it undated.
    retold = event_of(escape, "3_11ecbplus", "Comeaux, 49, escaped from a prison van in Baytown")
    assert retold.id == event_of(escape, "3_3ecbplus", "escaped when he was being transported").id


def test_in_undated_articles_a_disappearance_23_months_ago_is_not_fridays_verdict(verdict):
    gone = event_of(verdict, "45_2ecb", "Laci disappeared from the couple's home in Modesto, California, 23 months ago")
    guilty = event_of(verdict, "45_7ecb", "A jury found Scott Peterson guilty Friday")
    assert gone.id != guilty.id
    # Nothing dates either article; what each says relative to its own day still tells them apart,
    # and two outlets recalling the disappearance still share it.
    assert gone.id == event_of(verdict, "45_6ecb", "when Laci Peterson disappeared").id


def test_a_spokeswoman_speaking_thursday_does_not_move_the_escape_off_monday(escape):
    # "said Thursday that ... was still on the run" dates the saying, not the escape.
    told = event_of(escape, "3_5ecbplus", "Michelle Lyons said Thursday that the convicted sex offender was still on the run")
    escaped = event_of(escape, "3_3ecbplus", "escaped when he was being transported")
    assert told.id == escaped.id
    assert escaped.span.start.isoformat() == "2009-11-30"


def test_two_pieces_of_background_sharing_only_the_fugitives_name_stay_apart(escape):
    sentenced = event_of(escape, "3_1ecbplus", "Comeaux was given two extra life sentences")
    paroled = event_of(escape, "3_3ecbplus", "Between 1991 and 1998, Comeaux was in and out of prison")
    assert sentenced.id != paroled.id


def test_acts_the_story_uses_alike_join_two_headlines_no_verb_matches(escape):
    # "added to" the list and "now on" it: the corpus's own reports of one happening show them side by side.
    added = event_of(escape, "3_4ecbplus", "Texas Prison Escapee Added to U. S. Marshals '15 Most Wanted' List")
    listed = event_of(escape, "3_9ecbplus", "Texas escapee now on U. S. Marshal's most wanted list")
    assert added.id == listed.id


def test_found_guilty_and_a_jury_found_guilty_friday_are_one_verdict(verdict):
    first = event_of(verdict, "45_1ecb", "Scott Peterson has been found guilty of first-degree murder")
    second = event_of(verdict, "45_7ecb", "A jury found Scott Peterson guilty Friday")
    assert first.id == second.id


def test_the_central_event_is_titled_by_an_outlets_headline(overturned):
    event = event_of(overturned, "9_2ecbplus", "Obama overturns Bush endangered species rule")
    assert "overturn" in event.title.lower() or "reverses" in event.title.lower()


def test_the_capture_a_week_later_stays_apart_from_the_escape(escape):
    capture = event_of(escape, "3_10ecbplus", "Texas prisoner captured after week on the run")
    escaped = event_of(escape, "3_3ecbplus", "escaped when he was being transported")
    assert capture.id != escaped.id


def test_overturned_reversed_and_flipped_headlines_are_reports_of_one_rule_change(overturned):
    first = event_of(overturned, "9_2ecbplus", "Obama overturns Bush endangered species rule")
    second = event_of(overturned, "9_10ecbplus", "President Barack Obama overturns Bush administration ruling")
    third = event_of(overturned, "9_8ecbplus", "President Obama Overturns Endangered Species Rule")
    assert first.id == second.id == third.id


def test_a_headline_after_a_date_stamp_is_the_title_and_a_statement(overturned):
    # 9_2ecbplus opens "updated 8:41 p. m. EST, Tue March 3, 2009" and then its headline
    source = overturned.source("9_2ecbplus")
    assert source.title == "Obama overturns Bush endangered species rule"
    assert source.published.isoformat() == "2009-03-03" and source.published_basis == "updated line"
    assert not [s for e in overturned.events for s in e.statements if s.text.startswith(("updated 8:41", "EST, Tue"))]


@pytest.fixture(scope="module")
def obituary():
    return build_timeline(load_corpus(CORPORA / "4_ecb"))  # no article of it is dated


def test_a_year_before_a_noun_dates_the_thing_it_names_not_the_happening(obituary):
    # 4_12ecb's report sits with sentences naming "the 2005 film" and "the 1950s pin-up queen": read as the
    # time of the happening, those years kept the death reported "Yesterday" apart from the one "died Thursday".
    succumbed = event_of(obituary, "4_12ecb", "Bettie Page succumbed to complications from a heart attack")
    died = event_of(obituary, "4_14ecb", "Pinup icon Bettie Page died Thursday evening")
    assert succumbed.id == died.id
    famous = next(s for s in died.statements if s.source == "4_5ecb" and "Famous 1950s pin up star" in s.text)
    assert famous.time_text == "1950s"  # its words still show, highlighted, in the comparison


def test_a_death_its_outlets_date_by_the_day_is_undated_not_dated_by_a_year_some_retell(obituary):
    # No article of 4_ecb is dated: "died Thursday", "yesterday", "this evening" stay unresolved, and the
    # few reports that also say "the 1950s pin-up" gave the death the 1950s. The timeline shows it undated.
    died = event_of(obituary, "4_14ecb", "Pinup icon Bettie Page died Thursday evening")
    assert died.span.modifier is Modifier.UNDATED
    assert any(s.time_text == "the 1950s" for s in died.statements)  # still there, in its outlet's words
    # A happening the outlets date by its year alone keeps it: her birth.
    born = event_of(obituary, "4_3ecb", "Page was born Betty Mae Page in Nashville")
    assert born.span.start == date(1923, 4, 22)


@pytest.fixture(scope="module")
def quake():
    return build_timeline(load_corpus(CORPORA / "38_ecbplus"))


def test_a_compound_and_its_head_used_alone_are_one_word_of_the_story(quake):
    # "earthquake" in one outlet's headline, "quake" in another's: the story uses both for one thing.
    shakes = event_of(quake, "38_3ecbplus", "4.6-magnitude earthquake shakes Lake County")
    rattles = event_of(quake, "38_2ecbplus", "4.6 quake rattles Sonoma County")
    assert shakes.id == rattles.id


@pytest.fixture(scope="module")
def arrest():
    return build_timeline(load_corpus(CORPORA / "35_ecb"))  # no article of it is dated


def test_two_outlets_giving_the_same_two_counts_tell_one_thing_with_no_act_in_common(arrest):
    # "had his finest season ... with 59 receptions for 1,098 yards" and "set career-highs of 59
    # receptions, 1,098 yards": no act the two share, and one count in common would be chance.
    season = event_of(arrest, "35_1ecb", "Jackson had his finest season in 2008")
    assert season.id == event_of(arrest, "35_8ecb", "He set career-highs of 59 receptions").id
    assert {"35_1ecb", "35_8ecb"} <= set(season.sources)


def test_a_players_season_told_by_its_counts_stays_apart_from_his_arrest(arrest):
    season = event_of(arrest, "35_1ecb", "Jackson had his finest season in 2008")
    arrested = event_of(arrest, "35_10ecb", "Jackson was arrested by the California Highway Patrol")
    assert season.id != arrested.id


def test_a_sentence_two_outlets_printed_word_for_word_is_one_event(arrest):
    # A quote with no act, measure or pair of parties in common to join on, "blood-alcohol" in one
    # copy and "blood alcohol" in the other: grouping left each alone, the other outlet marked silent.
    quoted = event_of(arrest, "35_6ecb", "He said he didn't know Jackson's blood alcohol level.")
    assert quoted.id == event_of(arrest, "35_4ecb", "He said he didn't know Jackson's blood-alcohol level.").id
    assert {"35_4ecb", "35_6ecb"} <= set(quoted.sources)


def test_a_conceded_report_joins_the_event_other_outlets_report_it_in(seeds):
    # GIGAZINE concedes what Reuters reports as news: "Although OpenAI's chief financial officer stated
    # that Scale would be retained as one of its suppliers, industry analysts pointed out ...". The
    # concession is a claim of its own: with the CFO's word, not with the analysts' view of rivals.
    retained = event_of(seeds, "gigazine", "Although OpenAI's chief financial officer stated")
    vendors = event_of(seeds, "reuters-ndtv", "Openai’s CFO said on Friday")
    assert retained.id == vendors.id
    assert "gigazine" in vendors.sources and "gigazine" not in vendors.silent
    analysts = event_of(seeds, "gigazine", "industry analysts pointed out")
    assert analysts.id != vendors.id
