"""Lone statements that another outlet printed nearly word for word join their copy's event (events.copies)."""

from types import SimpleNamespace

from scaletui.events.copies import join_lone_copies

ANY = (-(10**9), 10**9, -(10**9), 10**9)
QUOTE = "It wasn't typical, crazy noise that sometimes happens, a neighbour said."


def profiles(*rows):
    """(source, text[, window]) per statement, by index."""
    return [
        SimpleNamespace(index=i, statement=SimpleNamespace(source=row[0], text=row[1]), window=row[2] if len(row) > 2 else ANY)
        for i, row in enumerate(rows)
    ]


def test_copies_left_alone_in_three_outlets_become_one_event():
    found = profiles(("a", QUOTE), ("b", QUOTE.replace("neighbour", "neighbor")), ("c", QUOTE), ("c", "Police closed the road."))
    assert join_lone_copies(found, [[0], [1], [2], [3]]) == [[0, 1, 2], [3]]


def test_a_lone_copy_joins_the_event_its_copy_is_in_and_so_do_copies_of_it():
    found = profiles(
        ("a", "The fire began on the roof of the supermarket in Banstead, police said."),
        ("b", "More than 50 firefighters tackled the blaze in Banstead overnight."),
        ("c", "The fire began on the roof of the supermarket in Banstead, police said."),
        ("d", "The fire began on the roof of the supermarket in Banstead, police said on Friday."),
    )
    # 3 is a copy of 2 (alone) and of 0 (in an event): all land in 0's event.
    assert join_lone_copies(found, [[0, 1], [2], [3]]) == [[0, 1, 2, 3]]


def test_what_is_not_a_copy_from_another_outlet_stays_where_it_was():
    found = profiles(
        ("a", QUOTE),
        ("a", QUOTE),  # the same outlet repeating itself: grouping's bar for that, not this one
        ("b", "Expert review matters."),
        ("c", "Expert review matters."),  # too short to tell a copy from a formula
    )
    assert join_lone_copies(found, [[0], [1], [2], [3]]) == [[0], [1], [2], [3]]


def test_copies_at_times_that_cannot_meet_are_not_joined_through_one_that_allows_both():
    found = profiles(
        ("a", QUOTE),
        ("b", QUOTE, (100, 110, -(10**9), 10**9)),
        ("c", QUOTE, (500, 510, -(10**9), 10**9)),
    )
    joined = join_lone_copies(found, [[0], [1], [2]])
    assert [0, 1] in joined and [2] in joined


def test_a_statement_in_an_event_of_several_is_not_moved_to_its_copy():
    found = profiles(("a", QUOTE), ("a", "Police closed the road for the night."), ("b", QUOTE))
    assert join_lone_copies(found, [[0, 1], [2]]) == [[0, 1, 2]]
