"""How the app names sources, for the whole timeline at once.

`Timeline.source_label` looks one source up by scanning them all; the legend
and the detail pane name sources on every resize and every move, so with
hundreds of sources they take the names from one table built in one pass.
"""

from __future__ import annotations

from collections import Counter

from scaletui.events.model import Timeline


def source_labels(timeline: Timeline) -> dict[str, str]:
    """Source id -> what `timeline.source_label(id)` says (an outlet, told apart from others with the same outlet)."""
    outlets = Counter(source.outlet for source in timeline.sources if source.outlet)
    labels: dict[str, str] = {}
    for source in timeline.sources:
        if source.id in labels:  # as source_label: the first source with that id
            continue
        if source.outlet and outlets[source.outlet] > 1:
            labels[source.id] = f"{source.outlet} ({source.id})"
        else:
            labels[source.id] = source.outlet or source.title or source.id
    return labels
