"""Capitalised hyphenated words: one name, two names, or a garble.

- "Open-AI" where the corpus also writes "OpenAI" or "Open AI": one name, the
  same as those (`reconcile` folds spacing and hyphen variants together);
- "Rolls-Royce", "Jean-Luc Picard": no part is a name of its own here, so the
  whole word is the name;
- "Meta-Scale AI deal": each part is a name seen on its own, two names;
- "Meta-Skele Deal": one part is a known name, the other is not: the known
  part is kept and the glued remainder ("Skele Deal") is dropped, not guessed.
"""

from __future__ import annotations

from scaletui.events.names import Mention, Token, lexicon_cues, surface


def squash(text_key: str) -> str:
    """A name key with spaces and hyphens gone: "open ai", "open-ai", "openai" -> "openai"."""
    return text_key.replace(" ", "").replace("-", "")


def split_hyphens(m: Mention, toks: list[Token], known: set[str], squashed: set[str]) -> list[Mention]:
    """`toks` are the mention's tokens; `known` the lower-cased names seen in running text
    without a hyphen, `squashed` the same with spaces removed."""
    if not any(t.gap == "-" for t in toks[1:]):
        return [m]
    # pieces: runs of tokens joined by hyphens ("Meta-Skele", "Deal")
    words: list[list[Token]] = []
    for t in toks:
        if words and t.gap == "-":
            words[-1].append(t)
        else:
            words.append([t])
    cuts: list[int] = []  # token positions where the mention is cut (a hyphen split)
    dropped: set[int] = set()  # token positions that are garble
    pos = 0
    for word in words:
        if len(word) > 1:
            whole = "".join(t.lower for t in word)
            parts_known = [t.lower in known for t in word]
            if whole not in squashed and any(parts_known):
                for n, t in enumerate(word):
                    if n:
                        cuts.append(pos + n)
                    if not parts_known[n]:
                        dropped.add(pos + n)
        pos += len(word)
    if not cuts:
        return [m]
    out: list[Mention] = []
    bounds = [0, *cuts, len(toks)]
    for a, b in zip(bounds, bounds[1:]):
        piece = toks[a:b]
        if a in dropped:
            continue  # "Skele Deal": what follows a glued garble is no name either
        if any(a <= d < b for d in dropped):
            piece = toks[a : min(d for d in dropped if a <= d < b)]
        if not piece:
            continue
        text = surface(piece)
        sub = Mention(m.statement, piece[0].start, piece[-1].end, text, m.initial if a == 0 else False,
                      piece[-1].possessive if b == len(toks) else False, headline=m.headline)
        if (a, b) == (0, len(toks)):
            sub.cues, sub.priors, sub.role = m.cues, m.priors, m.role
        else:
            lexicon_cues(piece, sub)
        sub.possessor = m.possessor if a == 0 else ""
        sub.attribution = m.attribution
        out.append(sub)
    return out
