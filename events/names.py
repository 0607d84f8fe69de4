"""Candidate names in statement text: capitalised sequences, with the context
words that hint at what kind of thing each one is.

Nothing here knows any particular story: the only word lists are general
English (function words, months, role words, business nouns, legal suffixes).
Whether a capitalised word is a name or just a sentence start is decided with
the corpus itself: a word the corpus also writes in lower case is an ordinary
word when it opens a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial

from scaletui.events.entity_lexicon import city_population, common_word, country, given_name, known_place, legal_form, region, verb_form
from scaletui.events.entity_outlets import OUTLET_NOUNS, is_attribution
from scaletui.events.model import Kind
from scaletui.events.words import simple_past

# A word: letters/digits, joined by . ' ’ - & when another word character follows
# ("Z.ai", "Meta's", "AT&T", "data-labeling"); dotted acronyms keep their last dot.
# Captured, so that one split gives the text between words as well as the words.
_TOKEN = re.compile(r"((?:[^\W_]\.){2,}|[^\W_]\w*(?:[.'’&\-][^\W_]\w*)*)")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Function words and sentence openers: capitalised only because they start a
# sentence or sit in a title-case heading.
STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "at",
    "by", "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up",
    "with", "within", "without", "about", "above", "after", "against", "along", "among",
    "around", "before", "behind", "below", "beneath", "beside", "between", "beyond", "despite",
    "during", "except", "inside", "like", "near", "past", "since", "through", "throughout",
    "toward", "towards", "under", "until", "upon", "via", "is", "are", "was", "were", "be",
    "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "this", "that", "these", "those", "it",
    "its", "it's", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "our",
    "their", "his", "my", "your", "who", "whom", "whose", "which", "what", "when", "where", "why",
    "how", "all", "any", "both", "each", "every", "few", "many", "more", "most", "much", "no",
    "not", "only", "other", "others", "same", "some", "such", "there", "here", "also", "however",
    "meanwhile", "moreover", "furthermore", "although", "though", "while", "whereas", "because",
    "after", "still", "even", "just", "now", "today", "yesterday", "tomorrow", "last", "next",
    "according", "recently", "interestingly", "similarly", "additionally", "finally", "instead",
    "rather", "indeed", "once", "yes", "please", "share", "related", "recommended", "read",
    "published", "updated", "posted", "copyright", "disclaimer", "subscribe", "home", "advertisement",
    "sources", "source", "analysts", "officials", "experts", "critics", "investors", "reporting",
    "editing", "photo", "image", "video", "watch", "listen", "click", "see", "new", "breaking",
}
_BREAKERS = MONTHS | WEEKDAYS | {"i"}

# Connectors allowed inside a name when a capitalised word follows.
CONNECTORS = {"of", "&", "de", "van", "von", "der", "den", "da", "del", "di", "du", "la", "le", "al", "bin", "ter", "ten"}

_CONNECTORS_OR_THE = CONNECTORS | {"the"}

# Acronyms that name a field or a job, not a thing in the story.
GENERIC_ACRONYMS = {
    "ai", "ceo", "cfo", "cto", "coo", "cmo", "cio", "vp", "evp", "svp", "ipo", "gdp", "phd", "phds",
    "hr", "it", "pr", "tv", "dna", "url", "faq", "ok", "am", "pm", "q1", "q2", "q3", "q4", "h1", "h2",
    "r&d", "m&a", "esg", "llm", "llms", "api", "apis", "ml", "vr", "ar", "ev", "evs",
}

# Words that, just before a name, make it a person and stay with it as its role.
TITLES = {
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir", "prof", "prof.",
    # offices and ranks as news abbreviates them before a name ("Alaska Gov. Sarah Palin", "Lt. Col. Ann Lee")
    "gov.", "sen.", "rep.", "gen.", "lt.", "col.", "capt.", "sgt.", "cpl.", "maj.", "adm.", "cmdr.", "rev.", "atty.",
    "supt.", "det.", "insp.", "pres.", "gov", "sen", "lt", "col", "capt", "sgt", "rev",
}
ROLE_WORDS = {
    "ceo", "cfo", "cto", "coo", "cio", "cmo", "chief", "executive", "founder", "co-founder", "cofounder",
    "chairman", "chairwoman", "chair", "president", "spokesman", "spokeswoman", "spokesperson",
    "director", "secretary", "leader", "minister", "senator", "governor", "mayor", "analyst",
    "economist", "professor", "reporter", "editor", "correspondent", "head", "boss", "manager",
    "officer", "partner", "vice", "deputy", "general", "interim", "managing", "senior", "former",
    "strategist", "researcher", "scientist", "lawyer", "attorney", "judge", "owner", "trader",
    "consultant", "adviser", "advisor", "commissioner", "prime", "chancellor",
    "treasurer", "representative", "rep", "congressman", "congresswoman", "king", "queen", "prince",
    "author", "writer", "novelist", "filmmaker", "producer", "actor", "actress", "singer", "musician",
    "rapper", "player", "coach", "quarterback", "receiver", "linebacker", "striker", "goalkeeper",
    "captain", "detective", "inspector", "sergeant", "lieutenant", "sheriff", "prosecutor", "bishop",
    "pastor", "activist", "entrepreneur", "investor", "billionaire", "astronaut", "pilot",
}
# Role words that are not person-specific on their own ("general", "former") only count
# next to a core role word.
CORE_ROLES = ROLE_WORDS - {"general", "vice", "deputy", "interim", "managing", "senior", "former", "executive", "chief", "head", "prime"}
PERSON_VERBS = {"said", "says", "told", "added", "noted", "explained", "wrote", "argued", "stated", "recalled", "insisted", "admitted"}

ORG_NOUNS = {
    "company", "companies", "firm", "firms", "startup", "start-up", "rival", "rivals", "competitor",
    "competitors", "customer", "client", "group", "giant", "operator", "vendor", "maker", "lab",
    "laboratory", "bank", "insurer", "carrier", "union", "regulator", "agency", "newspaper",
    "outlet", "publisher", "bidder", "buyer", "supplier", "provider", "unicorn", "conglomerate",
    "retailer", "manufacturer", "developer", "fund", "investor", "owner", "subsidiary", "unit",
    "division", "brand", "chain", "airline", "broker", "lender", "exchange", "ministry", "department",
    "government", "authority", "party", "club", "team", "university", "institute", "organisation",
    "organization", "network", "platform", "service", "venture", "business", "contractor", "partner",
}
# Nouns after "X's" / "X" that only an organisation has.
ORG_OWNED = {
    "ceo", "cfo", "cto", "coo", "shares", "stock", "customers", "clients", "employees", "staff",
    "workers", "revenue", "revenues", "valuation", "stake", "board", "shareholders", "investors",
    "headquarters", "profit", "profits", "sales", "business", "spokesperson", "spokesman",
    "spokeswoman", "founder", "chairman", "chief", "executives", "subsidiary", "acquisition",
    "deal", "terminals", "offices", "factory", "plant", "products", "earnings", "accounts",
    "partnership", "cloud", "engineers", "researchers", "lawyers", "servers", "datacenters",
    "subsidiaries", "rivals", "competitors", "chatbot", "chatbots",
}
# of those, the ones a sentence-opening word is never followed by unless it names a company
_ORG_ONLY = {"ceo", "cfo", "cto", "coo", "chief", "founder", "chairman", "spokesperson", "spokesman", "spokeswoman", "shares", "shareholders"}
ORG_SUFFIXES = {
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc", "group",
    "holdings", "labs", "lab", "ai", "technologies", "technology", "tech", "systems", "networks",
    "media", "ventures", "capital", "partners", "bank", "logistics", "terminals", "union",
    "authority", "association", "agency", "ministry", "council", "commission", "committee",
    "times", "news", "post", "journal", "herald", "tribune", "wire", "press", "review", "company",
    "industries", "energy", "pharma", "pharmaceuticals", "therapeutics", "motors", "airlines",
    "airways", "foundation", "university", "institute", "securities", "investments", "insurance",
    "fund", "trust", "platforms", "software", "solutions", "services", "international", "sa",
    "ag", "gmbh", "nv", "bv", "ab", "asa", "oyj", "spa", "srl", "club", "party", "department",
    "office", "bureau", "fc", "telecom", "robotics", "dynamics", "semiconductor", "studios",
    "biotech", "bio", "health", "healthcare", "medical", "foods", "brands", "airways", "rail",
    "railways", "freight", "lines", "shipping", "steel", "mining", "chemicals", "electronics",
    "entertainment", "pictures", "records", "hotels", "resorts", "automotive", "aerospace",
    "bancorp", "financial", "credit", "realty", "properties", "consulting", "analytics",
}
# Nationality and regional adjectives: capitalised, but not names of anything.
DEMONYMS = {
    "american", "british", "english", "scottish", "welsh", "irish", "french", "german", "dutch",
    "belgian", "swiss", "austrian", "italian", "spanish", "portuguese", "danish", "swedish",
    "norwegian", "finnish", "icelandic", "polish", "czech", "slovak", "hungarian", "romanian",
    "bulgarian", "greek", "turkish", "russian", "ukrainian", "belarusian", "estonian", "latvian",
    "lithuanian", "serbian", "croatian", "chinese", "japanese", "korean", "taiwanese", "vietnamese",
    "thai", "indonesian", "malaysian", "filipino", "indian", "pakistani", "bangladeshi", "iranian",
    "iraqi", "israeli", "palestinian", "saudi", "emirati", "qatari", "egyptian", "nigerian",
    "kenyan", "ethiopian", "african", "asian", "european", "canadian", "mexican", "brazilian",
    "argentine", "argentinian", "chilean", "colombian", "peruvian", "venezuelan", "cuban",
    "australian", "zealander", "scandinavian", "nordic", "baltic", "arab", "latin", "western",
    "eastern", "northern", "southern", "middle", "central", "global", "international", "national",
    "federal", "european", "atlantic", "pacific",
}
PLACE_SUFFIXES = {"city", "valley", "county", "river", "island", "islands", "street", "province", "state", "region", "bay", "coast", "sea", "ocean", "mountains", "district", "port"}
PLACE_PREPS = {"in", "from", "near", "across", "throughout", "outside", "inside", "into"}
# verbs whose object is a made thing: a model is released, a song sung
MAKING_VERBS = {"released", "launched", "unveiled", "shipped", "trained", "sang", "sings", "recorded", "performed", "performing", "singing", "debuted", "premiered", "directed", "produced", "co-directed", "codirected", "filmed", "published", "adapted", "starred"}
PRODUCT_NOUNS = {"song", "songs", "album", "single", "track", "hit", "film", "movie", "book", "novel", "series", "documentary", "musical", "model", "models", "chip", "chips", "app", "apps", "system", "phone", "phones", "software", "version", "engine", "chatbot", "assistant", "drug", "vaccine", "car", "vehicle", "device", "console", "browser", "tablet", "laptop", "aircraft", "jet", "satellite", "rocket", "game", "chatbots"}


ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs"}
_MODEL_NUMBER = re.compile(r"\d{1,2}(?:\.\d)?")  # "Llama 4", "Hoplite 2"
_NUMBER = re.compile(r"\d+(?:\.\d)?")
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]")
_OPENS = re.compile(r"[.!?:;\"“”‘|•·—–\n]|\s[-_]\s")  # " _ ": wire copy's dash


class Token:
    """One word of a statement, with what the tagger needs to know about it."""

    __slots__ = ("text", "lower", "start", "end", "gap", "possessive", "after", "capitalised", "initial")

    def __init__(self, text: str, start: int, end: int, gap: str, possessive: bool = False, after: str = "", lower: str = ""):
        self.text = text
        self.lower = lower or text.lower()
        self.start = start
        self.end = end
        self.gap = gap  # the text between the previous token and this one
        self.possessive = possessive
        self.after = after  # the character right after the token
        # capitalised, or camel case that starts lower: xAI, iPhone, eBay
        self.capitalised = text != self.lower and (text[0].isupper() or (text[0].islower() and any(c.isupper() for c in text[1:])))
        # opens a sentence, a quote, a heading or a list item
        self.initial = start == 0 or (gap != " " and _OPENS.search(gap) is not None)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"


# An empty Counter made as dict makes one: Counter.__init__ is a Python call costing six times
# that, and every mention and form starts with two to four of them.
empty_counter = partial(Counter.__new__, Counter)


@dataclass(slots=True)  # some hundred thousand at a time: no dict of their own
class Mention:
    statement: int
    start: int
    end: int
    text: str
    initial: bool
    possessive: bool = False
    possessor: str = ""  # surface of the name right before, in possessive ("Elon Musk" for "Elon Musk's xAI")
    role: str = ""  # role words attached ("CEO", "chief executive", "union leader")
    cues: Counter = field(default_factory=empty_counter)  # Kind -> weight
    headline: bool = False
    attribution: bool = False  # named as the one who reports ("according to X", "X reported")
    fragile: bool = False  # a sentence start kept only if the corpus names it elsewhere
    priors: Counter = field(default_factory=empty_counter)  # Kind -> weight from gazetteers, weaker than usage

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def __reduce__(self):
        # A forked child hands its statements' mentions back pickled (`events.entities`): as a
        # tuple of plain values they cost a third of the default, which writes every field's name
        # and makes each Counter through Counter's own Python code.
        return _mention_from, (
            self.statement, self.start, self.end, self.text, self.initial, self.possessive, self.possessor, self.role,
            tuple(self.cues.items()), self.headline, self.attribution, self.fragile, tuple(self.priors.items()),
        )


def _mention_from(
    statement, start, end, text, initial, possessive, possessor, role, cues, headline, attribution, fragile, priors
) -> Mention:
    """A pickled `Mention` made again, its weights in the order they were given."""
    cue_weights, prior_weights = empty_counter(), empty_counter()
    dict.update(cue_weights, cues)
    dict.update(prior_weights, priors)
    return Mention(
        statement, start, end, text, initial, possessive, possessor, role, cue_weights, headline, attribution, fragile,
        prior_weights,
    )


def tokenize(text: str, words: dict[str, str] | None = None) -> list[Token]:
    """The statement's words. `words`: spellings seen before (in other statements), each
    kept once however many tokens spell it, and filled with this statement's."""
    tokens: list[Token] = []
    shared = {} if words is None else words
    # gap, word, gap, word, ..., gap: one pass of the pattern in C rather than a match object per word
    pieces = _TOKEN.split(text)
    start = len(pieces[0])
    gap = "\n" + pieces[0]  # the first word opens the statement
    for n in range(1, len(pieces), 2):
        word = pieces[n]
        end = start + len(word)
        following = pieces[n + 1]
        next_start = end + len(following)
        if word.islower() and "-" not in word and "'" not in word and "’" not in word:
            word = shared.setdefault(word, word)
            tokens.append(Token(word, start, end, gap, False, text[end : end + 1], word))
        elif "-" in word and not word.islower():
            # "Meta-aligned" names "Meta", "Meta-Scale" names two things
            offset = start
            parts = word.split("-")
            for i, part in enumerate(parts):
                if part:
                    owned = i == len(parts) - 1 and len(part) > 2 and part[-2:] in ("'s", "’s")  # "Hewlett-Packard's"
                    length = len(part) - 2 if owned else len(part)
                    piece = _shared(shared, part[:length])
                    tokens.append(Token(piece, offset, offset + length, gap if i == 0 else "-", owned, text[offset + length : offset + length + 1], _lower(shared, piece)))
                offset += len(part) + 1
        else:
            if len(word) <= 4 and following[:1] == "." and word.lower() in ABBREVIATIONS:
                word, end, following = word + ".", end + 1, following[1:]  # "Mr. Wang": the dot ends no sentence
            possessive = False
            if word[-2:] in ("'s", "’s", "'S", "’S") and len(word) > 2:
                word, end, possessive = word[:-2], end - 2, True
            after = text[end : end + 1]
            if after in ("'", "’") and word[-1] == "s" and word[0].isupper():
                possessive = True  # "Reuters'"
            word = _shared(shared, word)
            tokens.append(Token(word, start, end, gap, possessive, after, _lower(shared, word)))
        gap = following
        start = next_start
    return tokens


def _shared(words: dict[str, str], word: str) -> str:
    return words.setdefault(word, word)


def _lower(words: dict[str, str], word: str) -> str:
    lower = word.lower()
    return words.setdefault(lower, lower)


def _gap_joins(gap: str) -> bool:
    return gap == " " or gap == ""


def surface(tokens: list[Token]) -> str:
    """The tokens as the name is written: parts of a hyphenated word keep their hyphen."""
    return "".join(("-" if t.gap == "-" else " ") + t.text if n else t.text for n, t in enumerate(tokens))


@lru_cache(maxsize=1 << 16)
def is_acronym(word: str) -> bool:
    core = word.replace(".", "").replace("&", "")
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


@lru_cache(maxsize=1 << 16)
def is_camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def headline_like(text: str, tokens: list[Token]) -> bool:
    """A title-case heading: no closing full stop, and nearly every longer word capitalised
    (a sentence dense with names still ends with a full stop)."""
    if re.search(r"[.!?][\"”’')]*\s*$", text):
        return False
    words = [t for t in tokens if t.text[:1].isalpha() and len(t.text) >= 4]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.7


@dataclass
class Vocabulary:
    """How the corpus writes each word: in lower case, or capitalised mid-sentence."""

    lower: Counter = field(default_factory=Counter)
    capital: Counter = field(default_factory=Counter)  # capitalised, not sentence-initial
    # answers already given, by word or spelling: the same for every mention once the corpus is counted
    _common: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _shapes: dict[tuple[str, ...], bool] = field(default_factory=dict, repr=False, compare=False)

    def add(self, tokens: list[Token]) -> None:
        self._common.clear()
        self._shapes.clear()
        # counted in one go per statement (Counter.update counts a list at C speed)
        self.lower.update([tok.text for tok in tokens if tok.text.islower()])
        self.capital.update([tok.lower for tok in tokens if not tok.text.islower() and tok.text[:1].isupper() and not tok.initial])

    def common(self, word: str) -> bool:
        """An ordinary word that happens to be capitalised here."""
        known = self._common.get(word)
        if known is None:
            known = self._common[word] = self._is_common(word)
        return known

    def _is_common(self, word: str) -> bool:
        w = word.lower()
        if w in STOPWORDS or w in _BREAKERS:
            return True
        if self.lower[w] > 0:
            return self.lower[w] >= self.capital[w]
        # the corpus never writes it in lower case: English at large decides, unless the
        # corpus capitalises it mid-sentence again and again ("Apple", "Scale")
        return self.capital[w] <= 1 and common_word(w) and not given_name(w)

    def person_shape(self, words: tuple[str, ...]) -> bool:
        """Given name + surname: two or three plain capitalised words (particles allowed);
        `words` as written, with no hyphen between them (`_person_shape`)."""
        known = self._shapes.get(words)
        if known is None:
            known = self._shapes[words] = self._person_shape(words)
        return known

    def _person_shape(self, words: tuple[str, ...]) -> bool:
        lows = [w.lower() for w in words]
        if any(low in ("of", "&") for low in lows):
            return False  # "Bank of America", "Google of Alphabet"
        names = [(w, low) for w, low in zip(words, lows) if low not in CONNECTORS]
        if not 2 <= len(names) <= 3:
            return False
        for t, low in names:
            if not (t[0].isupper() and t[1:].islower() and t.isalpha() and len(t) >= 2):
                return False
            if low in ORG_SUFFIXES or low in PLACE_SUFFIXES or low in STOPWORDS or self.common(t):
                return False
        return True


def raw_sequences(tokens: list[Token]) -> list[list[int]]:
    """Maximal runs of capitalised tokens (with inner connectors and a trailing
    model number), split at punctuation and after a possessive."""
    runs: list[list[int]] = []
    current: list[int] = []

    def close() -> None:
        nonlocal current
        while current and tokens[current[-1]].lower in CONNECTORS:
            current.pop()
        if current:
            runs.append(current)
        current = []

    # A run opens only at a capital: the words from the end of one run to the next capital,
    # most of a statement, change nothing and are not looked at.
    count = len(tokens)
    at = 0
    for opening in [i for i, tok in enumerate(tokens) if tok.capitalised]:
        if opening < at:
            continue  # read as part of the run before
        at = opening
        while at < count:
            tok = tokens[at]
            low = tok.lower
            # "Rolls-Royce", "Meta-Scale": capitalised parts of one hyphenated word stay in the run
            # for `events.entity_hyphens` to judge
            if current and not _gap_joins(tok.gap) and not (tok.gap == "-" and tok.capitalised and tokens[current[-1]].capitalised):
                close()
            if (tok.capitalised and low not in _BREAKERS) or (
                current and low in CONNECTORS and at + 1 < count and tokens[at + 1].capitalised
                and _gap_joins(tokens[at + 1].gap) and not tokens[current[-1]].possessive
            ):
                current.append(at)
                if tok.possessive:
                    close()
            elif current and _MODEL_NUMBER.fullmatch(tok.text) and not tokens[current[-1]].possessive and (tok.after == "" or tok.after not in "%,-–"):
                current.append(at)  # "Llama 4", "Hoplite 2"
                close()
            elif current:
                close()
            at += 1
            if not current:
                break
    close()
    return runs


def _role_before(tokens: list[Token], first: int) -> str:
    """Role words right before a name: "chief executive", "union leader", "its CEO,"."""
    words: list[str] = []
    i = first - 1
    while i >= 0 and len(words) < 3:
        tok = tokens[i]
        gap = tokens[i + 1].gap
        if not (_gap_joins(gap) or gap.strip() == ","):
            break
        if tok.lower in ROLE_WORDS or tok.lower in TITLES:
            words.insert(0, tok.text)
        elif words or tok.lower not in {"its", "their", "his", "her", "the", "a", "an", "former", "union", "company"}:
            break
        i -= 1
    if not words:
        return ""
    if words[-1].lower() in ("chief", "head"):
        return " ".join(words)  # "Handshake chief Garrett Lord"
    return " ".join(words) if any(w.lower() in CORE_ROLES or w.lower() in TITLES or w.lower() == "executive" for w in words) else ""


def _appositive(tokens: list[Token], after: int) -> tuple[str, str]:
    """What ", the Danish freight group," or ", Kestrel's chief executive," says
    about the name that ends before token `after`: ("person", role) or ("organisation", noun)."""
    if after >= len(tokens) or tokens[after].gap.strip() != ",":
        return "", ""
    words: list[Token] = []
    for tok in tokens[after : after + 6]:
        if words and tok.gap.strip():
            break
        words.append(tok)
    if words and words[0].lower in PERSON_VERBS:
        return "", ""  # "in San Diego, said Officer Ray Scheidnes": the role is the speaker's
    role = [w.text for w in words if w.lower in CORE_ROLES or w.lower == "executive"]
    if role:
        marks = [i for i, w in enumerate(words) if w.lower in ROLE_WORDS]
        return Kind.PERSON, " ".join(w.text for w in words[marks[0] : marks[-1] + 1])  # "chief strategy officer"
    opener = words[0].lower in {"the", "a", "an", "which", "its", "their", "another", "one"}
    if opener and any(w.lower in PRODUCT_NOUNS for w in words[:3]) and not any(w.lower in ORG_NOUNS for w in words[:3]):
        return Kind.PRODUCT, ""  # ", the chatbot," ", its flagship model,"
    if any(w.lower in ORG_NOUNS for w in words) and opener:
        return Kind.ORGANISATION, ""
    return "", ""


def extract(tokens: list[Token], vocab: Vocabulary, statement: int, headline: bool = False) -> list[Mention]:
    """The names in one tokenised statement, before reconciliation."""
    mentions: list[Mention] = []
    for run in raw_sequences(tokens):
        # "Such Strikes In The Port Are Rare": capitalised function words mark title case
        title_case = headline or len(run) > 2 and sum(1 for i in run[1:] if tokens[i].lower in STOPWORDS and tokens[i].text[0].isupper()) >= 2
        for part, role, cue in _split_person_of(tokens, _split_roles(tokens, run)):
            mention = _mention(tokens, part, vocab, statement, title_case)
            if mention is None:
                continue
            if role:
                mention.role = role
            if cue:
                mention.cues[cue] += 3
            mentions.append(mention)
    # possessor: the possessive name right before ("Elon Musk's xAI")
    starts: list[int] = []
    for prev, cur in zip(mentions, mentions[1:]):
        if prev.possessive and prev.end <= cur.start:
            starts = starts or [t.start for t in tokens]
            if _adjacent(starts, prev, cur):
                cur.possessor = prev.text
    return mentions


def forget_spellings() -> None:
    """Empty the caches of what a spelling is (lexicon facts, shapes): kept while a corpus's names
    are found, they would otherwise stay for the rest of the build, on top of its peak memory."""
    for cached in (is_acronym, is_camel, _opens_with_place, _lexicon_facts, _given_name_first_of):
        cached.cache_clear()


def _adjacent(starts: list[int], prev: Mention, cur: Mention) -> bool:
    """No word between the two names: "Elon Musk's xAI", not "Musk's new AI company xAI"."""
    return bisect_left(starts, prev.end) == bisect_left(starts, cur.start)


def _is_role(tokens: list[Token], i: int, run: list[int], core_after: set[int]) -> bool:
    """`core_after`: the run's token indexes that a core role word follows later in the run."""
    low = tokens[i].lower
    if tokens[i].possessive:
        return False
    if i == run[-1] and i != run[0] and low in OUTLET_NOUNS:
        return False  # "The Hollywood Reporter": the name of an outlet, not a reporter
    if low in CORE_ROLES or low in TITLES:
        return True
    # "Chief Executive Officer": a modifier counts when a core role follows in the run,
    # and so does one right before a given name ("Fire Department Chief James Steele")
    if low not in ROLE_WORDS:
        return False
    return i in core_after or (i != run[-1] and tokens[i + 1].capitalised and given_name(tokens[i + 1].text))


def _split_roles(tokens: list[Token], run: list[int]) -> list[tuple[list[int], str, str]]:
    """Cut a run at role words inside it: "Scale CEO Alexandr Wang" names an
    organisation ("Scale", the role's owner) and a person ("Alexandr Wang", role CEO);
    "CEO of Turing" names the role's owner. Returns (token indexes, role, kind cue)."""
    if len(run) == 1:  # most runs: a name of one word, or a role word alone ("CEO"), which names nobody
        return [] if _is_role(tokens, run[0], run, set()) else [([run[0]], "", "")]
    core_after: set[int] = set()
    seen_core = False
    for i in reversed(run):
        if seen_core:
            core_after.add(i)
        seen_core = seen_core or tokens[i].lower in CORE_ROLES or tokens[i].lower == "executive"
    parts: list[tuple[list[int], str, str]] = []
    current: list[int] = []
    current_role, current_cue = "", ""
    role: list[str] = []
    for i in run:
        if _is_role(tokens, i, run, core_after):
            if current:
                parts.append((current, current_role, current_cue or Kind.ORGANISATION))
                current, current_role, current_cue = [], "", ""
            role.append(tokens[i].text)
            continue
        if role:
            if tokens[i].lower in CONNECTORS:
                current_role, current_cue = "", Kind.ORGANISATION
            else:
                current_role, current_cue = " ".join(role), Kind.PERSON
            role = []
            if tokens[i].lower in CONNECTORS:
                continue
        current.append(i)
    if current:
        parts.append((current, current_role, current_cue))
    return parts


def _split_person_of(tokens: list[Token], parts: list[tuple[list[int], str, str]]) -> list[tuple[list[int], str, str]]:
    """"Jonathan Siddharth of Turing" is a person and where they work, unlike "Bank of
    America": the words before "of" are a given name and a surname."""
    out = []
    for part, role, cue in parts:
        # "of" needs two words or three before it and one after: a shorter part is never cut
        at = next((n for n, i in enumerate(part) if tokens[i].lower == "of"), None) if len(part) >= 4 else None
        if at is not None and 2 <= at <= 3 and at + 1 < len(part) and _given_name_first_of(tuple(tokens[i].text for i in part[:at])):
            out.append((part[:at], role, cue or Kind.PERSON))
            out.append((part[at + 1 :], "", Kind.ORGANISATION))
        else:
            out.append((part, role, cue))
    return out


def _mention(tokens: list[Token], part: list[int], vocab: Vocabulary, statement: int, headline: bool) -> Mention | None:
    found = _mention_of(tokens, part, vocab, statement, headline, strict=True)
    if found is None and len(part) >= 2 and tokens[part[0]].initial and not headline:
        # "Open AI declined ...": dropped as a sentence start and a generic word, unless the
        # corpus writes it elsewhere as a name ("OpenAI"); `events.entities` decides
        found = _mention_of(tokens, part, vocab, statement, headline, strict=False)
        if found is not None:
            found.fragile = True
    return found


def _mention_of(tokens: list[Token], part: list[int], vocab: Vocabulary, statement: int, headline: bool, strict: bool) -> Mention | None:
    part = list(part)
    opens_sentence = tokens[part[0]].initial or headline
    # a sentence start and the ordinary words after it: "Despite Google", "Such Strikes In The Port"
    while (
        strict and part and opens_sentence
        and (vocab.common(tokens[part[0]].text) or verb_form(tokens[part[0]].text))
        and not is_camel(tokens[part[0]].text)
        and not _opens_place(tokens, part)
    ):
        part.pop(0)  # also "Acquiring EDS": an inflected verb opens the sentence
    if part and tokens[part[0]].lower == "no." and len(part) <= 2:
        return None  # "No. 1"
    while part and (tokens[part[0]].lower in CONNECTORS or tokens[part[0]].lower in ("a", "an")):
        part.pop(0)
    while part and tokens[part[-1]].lower in _CONNECTORS_OR_THE:
        part.pop()
    # "Garat Lord Lord Lord": a word repeated back to back is a garble, not part of the name
    if len(part) > 1:
        part = [i for n, i in enumerate(part) if n == 0 or tokens[i].lower != tokens[part[n - 1]].lower]
    if not part:
        return None
    words = [tokens[i] for i in part]
    lows = [w.lower for w in words]
    if len(words) == 1 and (lows[0] in GENERIC_ACRONYMS or lows[0] in STOPWORDS or len(words[0].text) < 2):
        return None
    # most names hold no generic acronym: the set lookup settles them without a word-by-word look
    if not GENERIC_ACRONYMS.isdisjoint(lows) and all(low in GENERIC_ACRONYMS or low in ORG_SUFFIXES for low in lows):
        return None  # "AI Labs": a kind of company, not a company
    if len(words) == 1 and lows[0] in DEMONYMS:
        return None  # "Danish freight group": an adjective
    if strict and opens_sentence and all(vocab.common(w.text) or w.lower in ORG_SUFFIXES or w.lower in GENERIC_ACRONYMS for w in words):
        return None
    if words[0].text.isdigit() and all(w.text.isdigit() for w in words):
        return None
    first, last = words[0], words[-1]
    text = surface(words)
    mention = Mention(statement, first.start, last.end, text, first.initial or headline, last.possessive, headline=headline)
    _kind_cues(tokens, part, mention, vocab)
    return mention


def _opens_place(tokens: list[Token], part: list[int]) -> bool:
    """The run opens with a place's name of two or three words ("New York Yankees", "Las Vegas")."""
    return len(part) >= 2 and _opens_with_place(tuple(tokens[i].text for i in part[:3]))


@lru_cache(maxsize=1 << 16)
def _opens_with_place(words: tuple[str, ...]) -> bool:
    for n in (2, 3):
        if len(words) >= n:
            name = " ".join(words[:n])
            if known_place(name):
                return True
    return False


def _kind_cues(tokens: list[Token], part: list[int], m: Mention, vocab: Vocabulary) -> None:
    words = [tokens[i] for i in part]
    last_low = words[-1].lower
    texts = tuple(w.text for w in words)
    cues = m.cues
    # up to four words before the name, in its clause
    first = stop = part[0]
    while stop > 0 and first - stop < 4:
        gap = tokens[stop].gap
        if gap != " " and _CLAUSE_BREAK.search(gap):
            break
        stop -= 1
    before = tokens[stop:first]
    before_low = [t.lower for t in before]
    nxt = tokens[part[-1] + 1] if part[-1] + 1 < len(tokens) else None
    nxt_joined = nxt is not None and _gap_joins(nxt.gap)

    role = _role_before(tokens, part[0])
    if role:
        m.role = role
        cues[Kind.PERSON] += 3
    if before_low and before_low[-1] in TITLES:
        cues[Kind.PERSON] += 4
        m.role = m.role or before[-1].text
    if before and before[-1].text.split("-")[-1] in ORG_NOUNS and not role:  # "rival Meta", "the startup Scale AI"
        cues[Kind.ORGANISATION] += 2
    # "tech companies, including Microsoft", "firms such as Labelbox"
    lead = 1 if before_low[-1:] in (["including"], ["like"]) else 2 if before_low[-2:] == ["such", "as"] else 0
    if lead and any(w in ORG_NOUNS for w in before_low[-lead - 3 : -lead]):
        cues[Kind.ORGANISATION] += 2
    if before_low[-2:-1] and before_low[-2] in ("ceo", "founder", "chairman", "head", "cfo", "spokesperson", "spokesman", "spokeswoman", "executive") and before_low[-1] == "of":
        cues[Kind.ORGANISATION] += 2
    if before_low and before_low[-1] in PLACE_PREPS and not m.possessive:  # "in Meyer's series" is no place
        cues[Kind.PLACE] += 1
    elif len(before_low) >= 3 and before_low[-1] in ("and", "or") and before_low[-3] in PLACE_PREPS:
        cues[Kind.PLACE] += 1  # "in Germany and Poland"
    if len(before_low) >= 2 and before_low[-2:] in (["based", "in"], ["headquartered", "in"], ["city", "of"], ["port", "of"]):
        cues[Kind.PLACE] += 2
    if last_low.rstrip(".") in ORG_SUFFIXES and len(words) > 1:
        cues[Kind.ORGANISATION] += 2 if last_low in GENERIC_ACRONYMS else 3
    elif last_low in PLACE_SUFFIXES and len(words) > 1:
        cues[Kind.PLACE] += 3
    if _NUMBER.fullmatch(words[-1].text) and len(words) > 1:
        cues[Kind.PRODUCT] += 3
    if before_low and (before_low[-1] in PRODUCT_NOUNS or before_low[-1].split("-")[-1] in PRODUCT_NOUNS):
        cues[Kind.PRODUCT] += 2  # "the drug Cardivex"
    if nxt_joined and nxt.lower in PRODUCT_NOUNS and not simple_past(nxt.lower, or_base=True):
        cues[Kind.PRODUCT] += 3  # "the Cardivex drug", not "Teixeira hit a double"
    if nxt_joined and nxt.lower in GENERIC_ACRONYMS and part[-1] + 2 < len(tokens) and tokens[part[-1] + 2].lower in PRODUCT_NOUNS:
        cues[Kind.PRODUCT] += 3  # "Gemini AI model"
    if nxt is not None and nxt.lower in ORG_OWNED and (m.possessive or (nxt_joined and (not m.initial or nxt.lower in _ORG_ONLY))):
        cues[Kind.ORGANISATION] += 2
    if nxt_joined and nxt.lower in PERSON_VERBS and _person_shape(words, vocab, texts):
        cues[Kind.PERSON] += 1
    kind, appositive_role = _appositive(tokens, part[-1] + 1)
    if kind:
        cues[kind] += 2
        m.role = m.role or appositive_role
    # a dateline: "ROTTERDAM, March 8 (Reuters) -"
    if m.initial and len(words) == 1 and words[0].text.isupper() and nxt is not None and nxt.gap.strip() == "," and nxt.lower in MONTHS:
        cues[Kind.PLACE] += 4
    if len(words) == 1 and (is_acronym(words[0].text) or is_camel(words[0].text) and words[0].text[0].islower()):
        cues[Kind.ORGANISATION] += 0.5  # "eBay", "iPhone", "IBM": a brand's shape each time it is written
    elif len(words) == 1 and is_camel(words[0].text):
        # "DiLeo", "LaSalle", "OpenAI": a surname's shape as often as a brand's, taken once
        # per spelling, or "DiLeo said" eighteen times would make a company of the man
        m.priors[Kind.ORGANISATION] = max(m.priors[Kind.ORGANISATION], 0.5)
    _lexicon_cues(texts, m)
    if len(before_low) >= 2 and before_low[-1] == "of" and before_low[-2] in ("maker", "makers", "creator", "creators", "developer", "developers", "version", "versions", "users"):
        cues[Kind.PRODUCT] += 2  # "the maker of ChatGPT"
    if before_low and before_low[-1] in MAKING_VERBS:
        cues[Kind.PRODUCT] += 1  # "released Llama", "sang Billie Jean"
    if _quoted(tokens, part):
        cues[Kind.PRODUCT] += 1.5  # "'The Golden Compass'": a title in quotes is a work, not a person
    if nxt is not None and nxt.gap == "-" and nxt.lower == "based":
        cues[Kind.PLACE] += 3  # "Palo Alto-based HP"
    m.attribution = is_attribution(tokens, part[0], part[-1])
    if m.attribution:
        cues[Kind.ORGANISATION] += 1
    # the shape of a person's name is a prior, like a gazetteer's: counted once per
    # spelling, so what the story does with the name ("sang Billie Jean", "Korvex Systems
    # chief executive ...") outweighs it when it says otherwise
    if len(words) > 1:  # one word is never a given name and a surname
        shape = (0.5 if _person_shape(words, vocab, texts) else 0) + (1.5 if _given_name_first_of(texts) else 0)
        if shape:
            m.priors[Kind.PERSON] += shape


def lexicon_cues(words: list[Token], m: Mention) -> None:
    """What the wider world knows: legal forms (a cue), and gazetteers (priors: a
    place name is often a surname or a team's name too, so the story's own usage
    must be able to outweigh them)."""
    _lexicon_cues(tuple(w.text for w in words), m)


def _lexicon_cues(words: tuple[str, ...], m: Mention) -> None:
    """`lexicon_cues` of the mention written as `words`."""
    legal, place, after_place = _lexicon_facts(m.text, words)
    if legal:
        m.cues[Kind.ORGANISATION] += 3
        return
    if place:
        m.priors[Kind.PLACE] += place
    if after_place and not m.priors[Kind.PLACE]:
        # "San Diego Chargers", "Rotterdam Port Authority": named after a place, not the place
        m.cues[Kind.ORGANISATION] += 1.5


@lru_cache(maxsize=1 << 16)
def _lexicon_facts(text: str, words: tuple[str, ...]) -> tuple[bool, float, bool]:
    """What the lexicons say of one spelling (`text`, written as `words`), looked up once
    however often it is written: a legal form; the weight of its place prior ("San Diego"
    2, "Berlin" 2, a region 1.5); whether it opens with a place's name ("San Diego Chargers")."""
    if len(words) > 1 and legal_form(text):
        return True, 0, False
    place: float = 0
    if country(text):
        place = 3
    elif region(text):
        place = 1.5
    else:
        people = city_population(text)
        if people and (len(words) > 1 or people >= 1_000_000):
            place = 2
        elif people >= 100_000:
            place = 1
    after_place = False
    if len(words) > 1 and not _given_name_first_of(words) and words[-1].lower() not in PLACE_SUFFIXES:
        for n in range(min(len(words) - 1, 3), 0, -1):
            if city_population(" ".join(words[:n])) or country(" ".join(words[:n])):
                after_place = True
                break
    return False, place, after_place


_QUOTES = "'\"‘’“”"


def _quoted(tokens: list[Token], part: list[int]) -> bool:
    """The name is all that stands between quotation marks."""
    first, last = tokens[part[0]], tokens[part[-1]]
    gap = first.gap.rstrip()
    # an opening mark: at the start, or after a space ("said 'New Moon'"), not a closing one (",” Jackson")
    opens = gap != "" and gap[-1] in _QUOTES and (len(gap) == 1 or gap[-2].isspace() or gap[-2] in "([")
    if not opens:
        return False  # most names: no need to look for a closing mark
    after = tokens[part[-1] + 1].gap if part[-1] + 1 < len(tokens) else last.after
    follow = after.lstrip(",. ")[:1]
    closes = last.after != "" and (last.after in _QUOTES or (last.after in ",." and follow != "" and follow in _QUOTES))
    return closes and not last.possessive


@lru_cache(maxsize=1 << 16)
def _given_name_first_of(words: tuple[str, ...]) -> bool:
    """"Ilya Sutskever": a given name, then one or two more names (the words as written; asked
    once per spelling)."""
    lows = [w.lower() for w in words]
    names = [w for w, low in zip(words, lows) if low not in CONNECTORS]
    last = lows[-1].rstrip(".")
    return (
        2 <= len(names) <= 3
        and given_name(names[0])
        and not city_population(f"{names[0]} {names[1]}")  # "San Diego" is no Mr Diego
        and names[0][:1].isupper()
        and last not in ORG_SUFFIXES
        and last not in PLACE_SUFFIXES
        and not any(low in ("of", "&") or w.isupper() or any(c.isdigit() for c in w) for w, low in zip(words, lows))
    )


def _person_shape(words: list[Token], vocab: Vocabulary, texts: tuple[str, ...]) -> bool:
    """Given name + surname: two or three plain capitalised words (particles allowed);
    `texts`: the words as written."""
    if any(w.gap == "-" for w in words[1:]) and not given_name(texts[0]):
        return False  # "Rolls-Royce" is one word ("Jean-Luc Picard" has a given name)
    return vocab.person_shape(texts)
