"""Is this word really a date here? Checks on the text around a candidate.

A four-digit number, "May", "March" or "Friday" is a date only in some contexts:
"a 49% stake", "$29 billion", "Windows 2000", "may be behind", "Black Friday" are not.
"""

from __future__ import annotations

import re

# Words after which a number or month names a time ("in 2016", "since May", "by June").
DATE_CONTEXT = frozenset(
    "in since by until till through thru from to during of on before after between and or early late mid "
    "around about circa c. fiscal year years last next this throughout as than at the end beginning start "
    "middle close spring summer autumn fall winter christmas for into - – , ( the".split()
)
# After these a number is a year even outside 1900-2100 ("in 1492"); after "at" or "to" it is
# more likely an address or a level ("at 1600 Main St", "rose to 1300").
_WIDE_YEAR_CONTEXT = frozenset("in since until till during circa c. fiscal early late mid year".split())
# Capitalised words that may stand right before a year without making it a name ("In 2016").
_YEAR_CAPS = frozenset(
    "in since by until till through from during before after between early late mid around about circa "
    "fiscal fy the a an and or of on at as for to this that last next spring summer autumn fall winter "
    "christmas easter january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec, ad bc".split()
)
# A number followed by one of these counts or measures something.
UNIT_NOUNS = frozenset(
    "percent per cent pct % million billion trillion thousand hundred bn mn m k dollars euros pounds yen yuan "
    "rupees francs won pesos rubles people persons employees workers staff jobs shares units vehicles cars "
    "users customers points votes seats troops soldiers residents homes houses miles kilometers kilometres km "
    "meters metres feet ft tons tonnes kg pounds lbs acres hectares barrels mph kph gb mb tb mhz ghz nm mm cm "
    "times x students patients cases deaths children members stores flights passengers copies words pages "
    "calories degrees years-old year-old hours minutes seconds days weeks months".split()
)
_NUMBER_NAMES = frozenset(
    "no no. nos number version v ver model flight route room page item top code id pin gate bus highway "
    "interstate rank ranked score suite apartment unit lot exit platform channel track issue vol volume "
    "chapter section article part #".split()
)
_MODAL_FOLLOWERS = re.compile(
    r"\s+(?:be|have|not|also|still|well|soon|never|need|want|become|take|make|get|lose|face|see|help|"
    r"continue|find|include|allow|go|come|use|do|seem|prove|mean|lead|push|cause|result|vary|affect)\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*|[,(\-–#$€£¥%])\s*$")
_WORD_AFTER = re.compile(r"^\s*([A-Za-z%][\w'’-]*|[%])")
_WEEKDAY_ADJECTIVES = frozenset("black cyber good super ash holy maundy easter palm bloody giving manic blue fat shrove casual freaky".split())
_WEEKDAY_TITLES = frozenset("times telegraph mail express post herald mirror night sport sun star independent".split())
_POSITION_BEFORE = re.compile(r"\b(?:early|mid|late|end|beginning|start|middle)(?:\s+of)?[\s-]*$", re.IGNORECASE)
_PREPOSITIONS = frozenset("in since by until till through from during of on before after early late mid last next this".split())
_AMBIGUOUS_MONTHS = frozenset("may march".split())


def word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text[end : end + 40])
    return found.group(1) if found else ""


def sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\"“”'‘’:\n"


def plausible_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number read as a year only where news would write a year."""
    year = int(text[start:end])
    before = text[max(0, start - 4) : start]
    after = text[end : end + 6]
    if before[-1:].isdigit() or (before[-1:] in ",." and before[-2:-1].isdigit()):
        return False  # part of a longer number: 12,2016 or 3.2016
    if before.rstrip()[-1:] in ("$", "€", "£", "¥", "#", "№") or before.endswith(("US$", "USD ", "Rs ", "Rs. ")):
        return False
    if after[:1] == "%" or re.match(r"[.,]\d|\d|[-–]?year-old|-\w*[a-z]", after):
        if not re.match(r"[-–](?:\d{2}\b|\d{4}\b)", after):  # 2024-25 and 2016-2018 are years
            return False
    previous = word_before(text, start)
    following = word_after(text, end).lower()
    if following in UNIT_NOUNS:
        return False
    if previous.lower().rstrip(".") in _NUMBER_NAMES or previous == "#":
        return False
    if previous in ("-", "–"):
        # "2016-2018" and "mid-2024" are years; "GPT-2024" and "COVID-2019" are names.
        joined = text[max(0, start - 12) : start]
        return bool(re.search(r"(?:\d{4}|\bmid|\bend|\bearly|\blate|\bpre|\bpost)\s*[-–]$", joined, re.IGNORECASE))
    lowered = previous.lower().rstrip(",")
    strong = lowered in DATE_CONTEXT
    if not strong and previous[:1].isupper() and not previous.endswith(("'s", "’s")):
        if lowered not in _YEAR_CAPS and not _names_a_gathering(previous):
            return False  # "Windows 2000", "Thomson Reuters 2025": part of a name
    low, high = (1000, 2999) if lowered in _WIDE_YEAR_CONTEXT else (1900, 2100)
    return low <= year <= high


def _names_a_gathering(word: str) -> bool:
    """A name that a year completes as the edition of a gathering held in it: "Developers Conference 2010",
    "Olympics 2012", or an acronym ("WWDC 2005", "CES 2008"); a product's number ("Windows 2000") is not one."""
    return word.lower() in _GATHERINGS or (len(word) >= 2 and word.isalpha() and word.isupper())


_GATHERINGS = frozenset(
    "conference summit olympics games cup expo festival championship championships awards election elections "
    "congress convention forum fair show week tour open".split()
)


def plausible_month(text: str, start: int, end: int, month: str, followed_by_number: bool, relative: bool) -> bool:
    """ "in May" is a month; "may be behind", "Theresa May said", "March on" are not."""
    if not month[:1].isupper():
        return False
    if followed_by_number or relative:
        return True
    key = month.lower().rstrip(".")
    if _POSITION_BEFORE.search(text, max(0, start - 25), start):
        return True  # "mid-March", "early May", "the end of March"
    previous = word_before(text, start).lower().rstrip(",")
    abbreviated = len(key) <= 4 and key not in ("may", "june", "july")
    if key in _AMBIGUOUS_MONTHS or abbreviated:
        if previous in ("and", "or", "to", "-", "–", ","):
            # only in a run of months: "April and May", "March to May"
            return bool(re.search(r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\W+\w*\W*$",
                                  text[max(0, start - 25) : start], re.IGNORECASE))
        if previous not in DATE_CONTEXT:
            return False
        if key == "may" and _MODAL_FOLLOWERS.match(text, end):
            return False
        return True
    following = word_after(text, end)
    if following[:1].isupper() and previous not in _PREPOSITIONS:
        return False  # "June Carter", "August Wilson"
    return True


def plausible_weekday(text: str, start: int, end: int, weekday: str) -> bool:
    if not weekday[:1].isupper():
        return False
    if word_before(text, start).lower() in _WEEKDAY_ADJECTIVES:
        return False
    following = word_after(text, end)
    return not (following[:1].isupper() and following.lower() in _WEEKDAY_TITLES)  # "Sunday Times"
