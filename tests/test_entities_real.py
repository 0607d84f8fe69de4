"""Entities on real coverage: slices of ECB+ copied into bench/data/entities/ (see
its README for the attribution). Each test pins a case read in the articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_entities import by_alias, corpus_statements, has_alias

from scaletui.events.entities import find_entities
from scaletui.events.model import Kind

STORIES = Path(__file__).resolve().parent.parent / "bench" / "data" / "entities"


@pytest.fixture(scope="module")
def chargers():
    return find_entities(corpus_statements(STORIES / "35_ecb"))


@pytest.fixture(scope="module")
def hp_eds():
    return find_entities(corpus_statements(STORIES / "44_ecb"))


@pytest.fixture(scope="module")
def new_moon():
    return find_entities(corpus_statements(STORIES / "6_ecb"))


def test_a_surname_and_a_given_name_join_the_player(chargers):
    jackson = by_alias(chargers, "Vincent Jackson")
    assert by_alias(chargers, "Jackson").id == by_alias(chargers, "Vincent").id == jackson.id
    assert jackson.name == "Vincent Jackson" and jackson.kind is Kind.PERSON


def test_a_surname_goes_to_the_namesake_named_far_more_often(chargers):
    # "Smith" is the general manager A.J. Smith; Bruce Smith is named once, in a list of finalists
    assert by_alias(chargers, "Smith").id == by_alias(chargers, "A.J. Smith").id
    assert by_alias(chargers, "Bruce Smith").id != by_alias(chargers, "A.J. Smith").id
    assert by_alias(chargers, "AJ Butler").id != by_alias(chargers, "A.J. Smith").id  # one outlet's slip stays its own


def test_a_team_named_after_its_city_is_neither_the_city_nor_a_person(chargers):
    team = by_alias(chargers, "San Diego Chargers")
    assert by_alias(chargers, "Chargers").id == team.id and team.kind is Kind.ORGANISATION
    city = by_alias(chargers, "San Diego")
    assert city.id != team.id and city.kind is Kind.PLACE
    assert by_alias(chargers, "Highway Patrol").id == by_alias(chargers, "California Highway Patrol").id


def test_outlets_reporting_the_arrest_are_no_entities(chargers):
    # "10News in San Diego is reporting", "According to the San Diego Union-Tribune"
    for outlet in ["10News", "San Diego Union-Tribune", "Union-Tribune"]:
        assert not has_alias(chargers, outlet), outlet


def test_an_acronym_its_hyphenated_name_and_their_variants_are_one_company(hp_eds):
    hp = by_alias(hp_eds, "Hewlett-Packard")
    for variant in ["HP", "H-P", "Hewlett-Packard Company"]:
        assert by_alias(hp_eds, variant).id == hp.id, variant
    eds = by_alias(hp_eds, "EDS")
    assert eds.id == by_alias(hp_eds, "Electronic Data Systems").id and eds.id != hp.id
    assert eds.name == "Electronic Data Systems"  # spelled out by several sources
    assert not has_alias(hp_eds, "Hewlett-Packard's") and not has_alias(hp_eds, "Acquiring EDS")


def test_a_surname_that_is_also_a_country_joins_its_person(hp_eds):
    # "under CEO Michael Jordan ... Jordan fixed some money-losing contracts"
    jordan = by_alias(hp_eds, "Michael Jordan")
    assert by_alias(hp_eds, "Jordan").id == jordan.id and jordan.kind is Kind.PERSON
    assert by_alias(hp_eds, "Palo Alto").kind is Kind.PLACE  # "Palo Alto-based HP"


def test_the_dominant_brother_takes_the_surname_and_titles_are_works(new_moon):
    chris = by_alias(new_moon, "Chris Weitz")
    assert by_alias(new_moon, "Weitz").id == chris.id  # Paul Weitz is named once
    assert by_alias(new_moon, "Paul Weitz").id != chris.id
    assert by_alias(new_moon, "Stephenie").id == by_alias(new_moon, "Stephenie Meyer").id
    for title in ["The Golden Compass", "American Pie", "Twilight"]:
        assert by_alias(new_moon, title).kind is Kind.PRODUCT, title
    assert by_alias(new_moon, "Robert Pattinson").kind is Kind.PERSON  # "Edward Cullen (Robert Pattinson)"
    for outlet in ["The Hollywood Reporter", "Deadline Hollywood", "EW.com"]:
        assert not has_alias(new_moon, outlet), outlet
