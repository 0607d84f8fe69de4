"""scaletui: a terminal timeline explorer for news.

Installed as one package: the repository's `events/` (the headless pipeline)
becomes `scaletui.events`, `tui/` (the Textual app) `scaletui.tui` and `seeds/`
(the bundled corpus) `scaletui.seeds`, so nothing of ours lands in site-packages
under a generic name such as `events`.
"""
