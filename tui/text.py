"""Article text is data, never markup: helpers that make it safe to show.

Every string that came from an article or from the user goes through
`visible()` before it reaches the screen, and is wrapped in a `rich.text.Text`
rather than parsed as markup. Control characters become visible placeholders,
one character for one, so offsets into the original text stay valid.
"""

from __future__ import annotations

from rich.markup import escape
from rich.style import Style
from rich.text import Text

# C0 controls have Unicode "control pictures" at U+2400 + code (ESC -> ␛).
# C1 controls, DEL, and bidi overrides (which can reorder what follows them)
# have none, so they become a replacement character.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"  # ␡
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE[0x09] = " "  # a tab is harmless but would break column alignment

_MULTILINE = dict(_TABLE)
_MULTILINE[0x0A] = "\n"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control character replaced by a visible placeholder of the same length."""
    return text.translate(_MULTILINE if keep_newlines else _TABLE)


def plain(text: str, style: str | Style = "", *, keep_newlines: bool = False) -> Text:
    """A Text holding `text` literally: no markup parsed, no control codes passed through."""
    return Text(visible(text, keep_newlines=keep_newlines), style=style, end="")


def for_markup(text: str) -> str:
    """`text` made safe to splice into a markup string (notifications, titles)."""
    return escape(visible(text))


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters with an ellipsis when it is longer."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
