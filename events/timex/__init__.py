"""The temporal tagger: TimeML (TIMEX3) time expressions of news text, resolved
against the article's publication date.

    from scaletui.events.timex import tag
    tag("Google spent $150 million last year.", date(2025, 6, 13))

A regular grammar finds and delimits the expressions (so money, percentages, ages and
model names never become dates); dateparser reads the explicit date phrases it finds;
news conventions resolve the rest (a bare weekday is the last one on or before
publication, "last year" is the whole previous calendar year).
"""

from .tagger import Found, found_in, may_hold_time, remember_found, tag

__all__ = ["Found", "found_in", "may_hold_time", "remember_found", "tag"]
