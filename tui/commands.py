"""What the user can ask the app to do: the command palette and the help listing."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from scaletui.tui.screens.article import ArticleScreen
from scaletui.tui.screens.comparison import ComparisonScreen
from scaletui.tui.screens.help import HelpSection
from scaletui.tui.widgets.entity_sidebar import EntitySidebar
from scaletui.tui.widgets.search_bar import SearchBar
from scaletui.tui.widgets.source_block import SourceBlock
from scaletui.tui.widgets.timeline_view import TimelineView

if TYPE_CHECKING:
    from scaletui.tui.app import ScaletuiApp

# Keys that only move within a pane: nothing to run by name.
PALETTE_SKIPS = {"sidebar_down", "sidebar_up"}

# Palette-only commands: (title, action, help).
EXTRA_COMMANDS = [
    ("Compare sources for the selected event", "compare", "open the source comparison view"),
    ("Next month", "timeline('next_month')", "jump to the first event of the next month"),
    ("Previous month", "timeline('previous_month')", "jump to the start of this or the previous month"),
    ("Next year", "timeline('next_year')", "jump to the first event of the next year"),
    ("Previous year", "timeline('previous_year')", "jump to the start of this or the previous year"),
    ("First event", "timeline('first')", "jump to the first event shown"),
    ("Unfold or fold", "timeline('toggle_fold')", "unfold the folded events under the cursor (again: fold them)"),
    ("Key events or all events", "timeline('toggle_key_view')", "switch between the key view and every event"),
    ("Last event", "timeline('last')", "jump to the last event shown"),
    ("Focus the timeline", "focus_timeline", "move the keyboard focus to the timeline pane"),
    ("Focus the entities", "focus_entities", "move the keyboard focus to the entity sidebar"),
    ("Rename entity", "rename_entity", "rename the entity highlighted in the sidebar"),
    ("Merge entity", "merge_entity", "fold another entity into the highlighted one"),
    ("Split entity", "split_entity", "move some aliases of the highlighted entity into a new one"),
]


class ActionsProvider(Provider):
    """Every app action in the command palette, with its key."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app = cast("ScaletuiApp", self.app)
        commands = []
        for binding in app.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action in PALETTE_SKIPS:
                continue
            key = app.get_key_display(Binding(binding.key.split(",")[0], binding.action))
            commands.append((binding.description, binding.action, f"{binding.tooltip or binding.description} ({key})"))
        commands.extend(EXTRA_COMMANDS)
        # self.screen is the screen the palette was opened from.
        return [command for command in commands if app.action_available(command[1].split("(")[0], self.screen)]

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action), help=help_text)


def help_sections(app_bindings: list[BindingType]) -> list[HelpSection]:
    """Every key binding in the app, grouped by where it works."""
    palette = [Binding("ctrl+p", "command_palette", "Command palette: every action by name")]
    tab = [
        Binding("tab", "focus_next", "Next pane"),
        Binding("shift+tab", "focus_previous", "Previous pane"),
    ]
    return [
        ("Everywhere", [*app_bindings, *palette, *tab]),
        ("Timeline pane", TimelineView.BINDINGS),
        ("Entity sidebar (also: up/down to move, enter to filter)", EntitySidebar.BINDINGS),
        ("Search bar", [Binding("enter", "search", "Search"), *SearchBar.BINDINGS]),
        ("Source comparison", [*ComparisonScreen.BINDINGS, *SourceBlock.BINDINGS]),
        ("Article", ArticleScreen.BINDINGS),
        ("Dialogs", [Binding("enter", "submit", "Answer"), Binding("escape", "cancel", "Cancel")]),
    ]
