"""tui.text: article text made safe to show."""

from __future__ import annotations

from scaletui.tui.text import for_markup, plain, shorten, visible


def test_control_characters_become_visible_one_for_one():
    raw = "a\x1b[31mb\x07c\x00d\x7fe\x9bf\u202eg\th\ni"
    shown = visible(raw)
    assert shown == "a␛[31mb␇c␀d␡e\ufffdf\ufffdg h␊i"
    assert len(shown) == len(raw)
    assert all(ch.isprintable() for ch in shown)


def test_newlines_can_be_kept_for_multi_line_text():
    assert visible("one\ntwo\x1b", keep_newlines=True) == "one\ntwo␛"


def test_plain_text_is_never_markup():
    text = plain("[bold red]x[/] \x1b[1m")
    assert text.plain == "[bold red]x[/] ␛[1m" and not text.spans


def test_for_markup_escapes_brackets_and_controls():
    from rich.markup import render

    assert render(for_markup("[b]x[/b]\x07")).plain == "[b]x[/b]␇"


def test_shorten():
    assert shorten("abcdef", 4) == "abc…" and shorten("abc", 4) == "abc" and shorten("abc", 0) == ""
