"""A rich `Text` wrapped and styled into lines exactly as Textual draws a widget's `render()`, for a fraction of the cost.

Textual turns a widget's text into `Content`, wraps it and styles every run
through general machinery (alignment, justification, selection, links) that
costs about a millisecond for the detail pane's half-dozen lines: on every
cursor move, a fifth of the move. This does only what a widget with the default
text styles needs (wrap at words, fold long words, left-aligned, no selection):
the same line breaks (rich's `divide_line`, as Textual uses), the same styles
(each run's span styles combined over the widget's own, converted once per
combination), the same selection offsets in each segment's meta.
`tests/tui/test_moves.py` checks the result against Textual's own drawing.
"""

from __future__ import annotations

from collections.abc import Callable

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.strip import Strip
from textual.style import Style


class TextDrawer:
    """Draws `Text` over one base style; keeps each combination of span styles it has met (few: a widget's palette)."""

    def __init__(self, base: Style, get_style: Callable[[str], RichStyle], ansi_theme) -> None:
        self._base = base
        self._get_style = get_style
        self._ansi_theme = ansi_theme
        self._converted: dict[str | RichStyle, Style] = {}
        self._combined: dict[tuple, Style] = {}

    def _span_style(self, style: str | RichStyle) -> Style:
        converted = self._converted.get(style)
        if converted is None:
            rich_style = self._get_style(style) if isinstance(style, str) else style
            converted = self._converted[style] = Style.from_rich_style(rich_style, self._ansi_theme)
        return converted

    def _run_style(self, styles: tuple) -> Style:
        """What Textual's `Content.render` and `_FormattedLine.to_strip` make of a run under `styles` (in span order)."""
        combined = self._combined.get(styles)
        if combined is None:
            current = Style.combine([self._base, *(self._span_style(style) for style in styles)])
            combined = self._combined[styles] = self._base + current
        return combined

    def lines(self, text: Text, width: int, height: int | None = None) -> list[Strip]:
        """`text` wrapped to `width` cells, at most `height` lines, each a Strip as long as its text."""
        if width <= 0:
            return []
        plain = text.plain
        spans = [(span.start, span.end, span.style) for span in text.spans if span.end > span.start]
        if text.style:
            spans.insert(0, (0, len(plain), text.style))  # as Textual's Content.stylize_before
        strips: list[Strip] = []
        line_start = 0
        for y, line in enumerate(plain.split("\n")):
            line_end = line_start + len(line)
            # The runs of this line: a run ends wherever a span starts or ends.
            line_spans = [(max(s, line_start), min(e, line_end), style) for s, e, style in spans if s < line_end and e > line_start]
            cuts = sorted({line_start, line_end, *(s for s, _, _ in line_spans), *(e for _, e, _ in line_spans)})
            runs = [(a, b, tuple(style for s, e, style in line_spans if s <= a and e >= b)) for a, b in zip(cuts, cuts[1:])]
            offsets = divide_line(line, width, fold=True)
            breaks = [0, *offsets, len(line)]
            for number, (start, end) in enumerate(zip(breaks, breaks[1:])):
                piece = line[start:end]
                if number < len(breaks) - 2:
                    piece = piece.rstrip()
                if cell_len(piece) > width:
                    piece = set_cell_size(piece, width)
                strips.append(self._strip(piece, line_start + start, runs, start, y))
                if height is not None and len(strips) >= height:
                    return strips
            line_start = line_end + 1
        return strips

    def _strip(self, piece: str, piece_start: int, runs: list[tuple[int, int, tuple]], x: int, y: int) -> Strip:
        if not piece:  # as Textual: an empty line is one empty segment in the widget's style
            return Strip([Segment("", self._run_style(()).rich_style_with_offset(x, y))], 0)
        segments: list[Segment] = []
        piece_end = piece_start + len(piece)
        for run_start, run_end, styles in runs:
            start, end = max(run_start, piece_start), min(run_end, piece_end)
            if end <= start:
                continue
            chunk = piece[start - piece_start : end - piece_start]
            segments.append(Segment(chunk, self._run_style(styles).rich_style_with_offset(x, y)))
            x += len(chunk)
        return Strip(segments, cell_len(piece))
