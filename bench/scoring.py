"""Scores of an exported timeline against human annotation (ECB+, MEANTIME) and checks any corpus should pass.

Everything here reads the timeline a user gets: the file `scaletui export` writes,
reopened as the app reopens it, and turned by `timeline_tables` into plain tables
named as in the first version of the file format (statement `char_start`, `time_text`,
`start`...), whatever the pipeline's internals or the format's version. Gold comes
from `bench/data/*/gold.json` (see its README).

ECB+ (cross-article event coreference). Each gold action mention is mapped to ONE
exported statement of its article: the shortest statement holding its trigger,
else one holding the trigger's first character, else the one overlapping the
mention's sentence most; unmapped mentions stand alone. Its system cluster is
that statement's event. Scored across articles only:
  sentence pairs  sentences holding gold mentions, from different articles: positive
                  when they share a gold cluster, linked when a mention of each sits
                  in one event (the headline figure: the tool groups whole statements);
  mention pairs   positive when in one gold cluster, linked when in one event;
  B-cubed         mention-weighted precision and recall over all gold mentions.

MEANTIME (dates and cross-article events):
  time expressions  gold TIMEX3 DATEs with a calendar value; found when a statement's
                    time_text overlaps it, correct when a found statement's [start, end]
                    is the gold interval, with the usual leniencies (modifier words,
                    ISO weeks, weekends, seasons); false dates: distinct time_texts in
                    the annotated sentences that overlap no gold TIMEX3 at all;
  sentence pairs    sentences mentioning a cross-document event instance, from different
                    articles: positive when they share an instance, linked when the
                    events of their statements (on the triggers, else on the sentence)
                    meet; baseline: link when the gold dates of their instances meet.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple


class Score(NamedTuple):
    p: float
    r: float
    f1: float
    tp: int
    fp: int
    fn: int

    def __str__(self) -> str:
        return f"P {self.p:.3f} R {self.r:.3f} F1 {self.f1:.3f}"


def prf(tp: int, fp: int, fn: int) -> Score:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, tp, fp, fn)


# ---------------------------------------------------------------- the export


def _span_of(statement: Any) -> dict:
    span = getattr(statement, "span", None)  # an undated statement may one day have none
    if span is None:
        return {}
    return {"start": span.start, "end": span.end, "modifier": str(span.modifier)}


def timeline_tables(timeline: Any) -> dict:
    """A Timeline as plain tables, from the model's fields (which only ever grow, never change name)."""
    return {
        "sources": [
            {"id": s.id, "path": s.path, "title": s.title, "published": s.published, "published_basis": s.published_basis}
            for s in timeline.sources
        ],
        "events": [
            {
                "id": e.id,
                "sources": list(getattr(e, "sources", None) or []),  # its statements' outlets and those naming it in passing
                "statements": [
                    {"source": st.source, "text": st.text, "char_start": st.start, "char_end": st.end,
                     "time_text": st.time_text, "time_char_start": st.time_start, "time_char_end": st.time_end,
                     **_span_of(st)}
                    for st in e.statements
                ],
            }
            for e in timeline.events
        ],
    }


@dataclass
class Stated:
    """One exported statement, located in its article file."""

    event: str
    start: int
    end: int
    time_text: str
    time_start: int | None
    time_end: int | None
    span: tuple[date, date] | None


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def statements_by_file(export: dict, folder: Path) -> tuple[dict[str, list[Stated]], int]:
    """{article file name: its statements}, and how many statements' offsets miss their text.

    A statement whose offsets disagree with the file is relocated when its text
    occurs exactly once there, so an offset bug costs a count, not the score.
    """
    files = {s.get("id"): Path(str(s.get("path", ""))).name for s in export.get("sources", [])}
    texts: dict[str, str | None] = {}
    out: dict[str, list[Stated]] = defaultdict(list)
    bad = 0
    for event in export.get("events", []):
        for st in event.get("statements", []):
            name = files.get(st.get("source"), str(st.get("source")))
            if name not in texts:
                path = folder / name
                texts[name] = path.read_text(encoding="utf-8") if path.is_file() else None
            text, said = texts[name], st.get("text", "")
            a, b = st.get("char_start"), st.get("char_end")
            if text is not None and (not isinstance(a, int) or not isinstance(b, int) or text[a:b] != said):
                bad += 1
                at = text.find(said) if said else -1
                if at >= 0 and text.find(said, at + 1) < 0:
                    a, b = at, at + len(said)
                elif not isinstance(a, int) or not isinstance(b, int):
                    continue
            time_text = st.get("time_text") or ""
            ts, te = st.get("time_char_start"), st.get("time_char_end")
            if time_text and not (isinstance(ts, int) and isinstance(te, int)):
                inside = said.find(time_text)
                ts, te = (a + inside, a + inside + len(time_text)) if inside >= 0 else (None, None)
            start, end = _as_date(st.get("start")), _as_date(st.get("end"))
            out[name].append(
                Stated(event["id"], a, b, time_text, ts if time_text else None, te if time_text else None,
                       (start, end) if start and end else None)
            )
    return dict(out), bad


_MONTH_WORDS = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])} | {"sept"}
_DAY_WORDS = {d.lower() for d in (*calendar.day_name, *calendar.day_abbr)}
_STAMP_WORDS = {
    "am", "pm", "a", "m", "p", "updated", "update", "published", "posted", "last", "modified", "on", "at", "of",
    "st", "nd", "rd", "th", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "mt", "gmt", "utc", "bst",
    "cet", "cest", "ist", "jst", "aest", "hrs", "today", "yesterday",
}


def looks_like_date_line(title: str) -> bool:
    """A title made only of a date or time stamp ("May 2, 2013, 1:12 PM", "Updated: 13 June 2025")."""
    words = re.findall(r"[a-z]+", title.lower())
    return bool(re.search(r"\d", title)) and all(
        w in _MONTH_WORDS or w in _DAY_WORDS or w in _STAMP_WORDS for w in words
    )


def corpus_checks(export: dict) -> dict:
    """What every corpus should pass: events, their sources, dating and titles."""
    sources_of: dict[str, set[str]] = {
        ev["id"]: {st.get("source") for st in ev.get("statements", [])} for ev in export.get("events", [])
    }
    sources = export.get("sources", [])
    return {
        "articles": len(sources),
        "events": len(sources_of),
        "statements": sum(len(ev.get("statements", [])) for ev in export.get("events", [])),
        "events_2plus_sources": sum(len(s) >= 2 for s in sources_of.values()),
        "single_source_share": sum(len(s) == 1 for s in sources_of.values()) / len(sources_of) if sources_of else 0.0,
        "dated_by_file_mtime": sum("modification" in str(s.get("published_basis", "")) for s in sources),
        "date_line_titles": [s.get("title", "") for s in sources if looks_like_date_line(str(s.get("title", "")))],
    }


def same_dating(reference: dict, other: dict) -> dict:
    """How many of `reference`'s dated time expressions `other` dates identically.

    A time expression is known by its article file and character offsets, so the
    two exports may name their sources differently (a folder with and without
    sources.toml).
    """

    def dated(export: dict) -> dict[tuple, tuple]:
        files = {s.get("id"): s.get("path") for s in export.get("sources", [])}
        out = {}
        for ev in export.get("events", []):
            for st in ev.get("statements", []):
                if st.get("time_text"):
                    key = (files.get(st.get("source")), st.get("time_char_start"), st.get("time_char_end"), st["time_text"])
                    out[key] = (_as_date(st.get("start")), _as_date(st.get("end")), st.get("modifier", ""))
        return out

    ref, got = dated(reference), dated(other)
    return {"dated": len(ref), "same": sum(got.get(key) == span for key, span in ref.items()), "dated_other": len(got)}


# ---------------------------------------------------------------- crafted stories


def crafted_checks(export: dict, together: list[list[str]], apart: list[list[str]]) -> list[dict]:
    """Each check of a story (bench/data/crafted/checks.toml) with whether it holds.

    A check names two statements by outlet and a piece of their text; "together" holds
    when both lie in one event, "apart" when they lie in two. A piece no statement of
    that outlet holds fails its check, whatever its kind.
    """
    event_of: dict[tuple[str, str], set[str]] = {}

    def events_of(source: str, piece: str) -> set[str]:
        key = (source, piece)
        if key not in event_of:
            event_of[key] = {
                ev["id"] for ev in export["events"] for st in ev["statements"]
                if st["source"] == source and piece in st["text"]
            }
        return event_of[key]

    results = []
    for kind, checks in (("together", together), ("apart", apart)):
        for source_a, piece_a, source_b, piece_b in checks:
            a, b = events_of(source_a, piece_a), events_of(source_b, piece_b)
            if not a or not b:
                holds, why = False, "not found"
            else:
                holds = bool(a & b) if kind == "together" else not (a & b)
                why = ""
            results.append({"kind": kind, "a": [source_a, piece_a], "b": [source_b, piece_b], "holds": holds, "why": why})
    return results


# ---------------------------------------------------------------- ECB+


def map_mention(mention: dict, statements: list[Stated]) -> tuple[str | None, str]:
    """(event id or None, how it was mapped: trigger / sentence / none)."""
    holding = [s for s in statements if s.start <= mention["start"] and mention["end"] <= s.end]
    if holding:
        return min(holding, key=lambda s: s.end - s.start).event, "trigger"
    for s in statements:
        if s.start <= mention["start"] < s.end:
            return s.event, "trigger"
    first, last = mention["sent"]
    best, most = None, 0
    for s in statements:
        if min(s.end, last) - max(s.start, first) > most:
            best, most = s.event, min(s.end, last) - max(s.start, first)
    return (best, "sentence") if best is not None else (None, "none")


def _cross_doc_pairs(docs: list[str], keys: list) -> int:
    """Pairs of items with equal keys from different articles (None never pairs)."""
    by_key: dict[object, Counter] = defaultdict(Counter)
    for doc, key in zip(docs, keys):
        if key is not None:
            by_key[key][doc] += 1
    pairs = 0
    for per_doc in by_key.values():
        n = sum(per_doc.values())
        pairs += n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in per_doc.values())
    return pairs


def _bcubed_sums(gold: list, system: list) -> tuple[float, float]:
    gold_sets, system_sets = defaultdict(set), defaultdict(set)
    for i, (g, s) in enumerate(zip(gold, system)):
        gold_sets[g].add(i)
        system_sets[s].add(i)
    p = r = 0.0
    for g, s in zip(gold, system):
        common = len(gold_sets[g] & system_sets[s])
        p += common / len(system_sets[s])
        r += common / len(gold_sets[g])
    return p, r


def _sentence_pair_counts(mentions: list[dict], gold: list, system: list) -> tuple[int, int, int]:
    nodes: dict[tuple, tuple[set, set]] = {}
    for m, g, s in zip(mentions, gold, system):
        golds, systems = nodes.setdefault((m["doc"], m["sentence"]), (set(), set()))
        golds.add(g)
        if s is not None:
            systems.add(s)
    tp = fp = fn = 0
    for (a, (ga, sa)), (b, (gb, sb)) in combinations(nodes.items(), 2):
        if a[0] == b[0]:
            continue
        positive, linked = not ga.isdisjoint(gb), not sa.isdisjoint(sb)
        tp += positive and linked
        fp += linked and not positive
        fn += positive and not linked
    return tp, fp, fn


def ecbplus_counts(story: dict, statements: dict[str, list[Stated]]) -> dict:
    """Counts for one ECB+ story (summed over stories, then turned into scores by `ecbplus_scores`)."""
    mentions = sorted(
        (dict(m, cluster=c["id"]) for c in story["clusters"] for m in c["mentions"]), key=lambda m: (m["doc"], m["start"])
    )
    gold = [m["cluster"] for m in mentions]
    docs = [m["doc"] for m in mentions]
    mapped = Counter()
    system = []
    for m in mentions:
        event, how = map_mention(m, statements.get(f"{m['doc']}.txt", []))
        system.append(event)
        mapped[how] += 1
    counts = {"mentions": len(mentions), "mapped": dict(mapped)}
    for name, clusters in (("system", system), ("one_cluster", [0] * len(mentions))):
        positive = _cross_doc_pairs(docs, gold)
        linked = _cross_doc_pairs(docs, clusters)
        tp = _cross_doc_pairs(docs, [(g, s) if s is not None else None for g, s in zip(gold, clusters)])
        alone = [s if s is not None else ("alone", i) for i, s in enumerate(clusters)]
        b3_p, b3_r = _bcubed_sums(gold, alone)
        counts[name] = {
            "mention_pairs": (tp, linked - tp, positive - tp),
            "sentence_pairs": _sentence_pair_counts(mentions, gold, clusters),
            "b3_sums": (b3_p, b3_r),
        }
    return counts


def ecbplus_reporters(
    story: dict, statements: dict[str, list[Stated]], export: dict, every_article: bool = False
) -> tuple[int, int, int]:
    """Whether each event's outlets are the articles that report it, as the app's "silent" marks say.

    An event holding gold mentions stands for the gold cluster most of them belong
    to; the articles with a mention of that cluster report it. Counted over events:
    (listed and reporting, listed but not reporting, reporting but marked silent).
    An article may report a happening in a sentence ECB+ left unannotated, so the
    middle count is an upper bound; the last is the wrong "silent" marks.
    """
    files = {s.get("id"): Path(str(s.get("path", ""))).name for s in export.get("sources", [])}
    listed = {ev["id"]: {files.get(src, src) for src in ev.get("sources", [])} for ev in export.get("events", [])}
    reporting: dict[object, set[str]] = defaultdict(set)
    clusters_of: dict[str, Counter] = defaultdict(Counter)
    for cluster in story["clusters"]:
        for m in cluster["mentions"]:
            reporting[cluster["id"]].add(f"{m['doc']}.txt")
            event, how = map_mention(m, statements.get(f"{m['doc']}.txt", []))
            if event is not None and how == "trigger":
                clusters_of[event][cluster["id"]] += 1
    tp = fp = fn = 0
    for event, counts in clusters_of.items():
        cluster = min(counts, key=lambda c: (-counts[c], str(c)))
        gold, got = reporting[cluster], set(files.values()) if every_article else listed.get(event, set())
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    return tp, fp, fn


def ecbplus_scores(per_story: list[dict]) -> dict:
    """Pooled scores over stories' counts."""
    mentions = sum(c["mentions"] for c in per_story)
    out: dict = {"mentions": mentions, "mapped": dict(sum((Counter(c["mapped"]) for c in per_story), Counter()))}
    for name in ("system", "one_cluster"):
        pooled = {}
        for measure in ("mention_pairs", "sentence_pairs"):
            pooled[measure] = prf(*(sum(c[name][measure][k] for c in per_story) for k in range(3)))._asdict()
        b3_p = sum(c[name]["b3_sums"][0] for c in per_story) / mentions if mentions else 0.0
        b3_r = sum(c[name]["b3_sums"][1] for c in per_story) / mentions if mentions else 0.0
        pooled["b_cubed"] = {"p": b3_p, "r": b3_r, "f1": 2 * b3_p * b3_r / (b3_p + b3_r) if b3_p + b3_r else 0.0}
        out[name] = pooled
    if all("reporters" in c for c in per_story):
        for key in ("reporters", "reporters_every_article"):
            out[key] = prf(*(sum(c[key][k] for c in per_story) for k in range(3)))._asdict()
    return out


# ---------------------------------------------------------------- MEANTIME

_MODIFIER_WORDS = re.compile(
    r"\b(early|earlier|late|later|beginning|begin|start|end|ending|mid|middle|around|about|approximately|"
    r"roughly|nearly|almost|half|turn|dawn|close|closing)\b|mid-",
    re.I,
)


def interval_right(granularity: str, gold: tuple[date, date], got: tuple[date, date] | None, text: str) -> bool:
    """The exported span is the gold interval, or as near as the annotation allows."""
    if got is None:
        return False
    (gs, ge), (s, e) = gold, got
    if (s, e) == (gs, ge):
        return True
    # MEANTIME has no mod attribute: "early 2008" is annotated as 2008.
    if _MODIFIER_WORDS.search(text) and ((gs <= s and e <= ge) or (s <= gs and ge <= e)):
        return True
    if granularity == "week":
        return (min(e, ge) - max(s, gs)).days + 1 >= 5 and (e - s).days <= 7
    if granularity == "weekend":  # Friday evening counts
        return gs - timedelta(days=1) <= s and e <= ge
    if granularity == "season":  # meteorological or astronomical, give or take a month
        return gs - timedelta(days=31) <= s and e <= ge + timedelta(days=31) and (e - s).days <= 122
    return False


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def meantime_timex(gold: dict, statements: dict[str, list[Stated]]) -> dict:
    files = {doc: Path(d["file"]).name for doc, d in gold["docs"].items()}
    total = found = correct = 0
    gold_spans = defaultdict(list)
    misses = []
    for t in gold["timexes"]:
        gold_spans[t["doc"]].append((t["start"], t["end"]))
        if not t["scored"] or t["type"] != "DATE":
            continue
        total += 1
        hits = [
            s for s in statements.get(files[t["doc"]], [])
            if s.time_start is not None and _overlap(s.time_start, s.time_end, t["start"], t["end"])
        ]
        interval = tuple(date.fromisoformat(x) for x in t["interval"])
        right = any(interval_right(t["granularity"], interval, s.span, t["text"]) for s in hits)
        found += bool(hits)
        correct += right
        if not right:
            misses.append(f'{t["doc"]} "{t["text"]}" = {t["value"]} -> '
                          f'{[(s.time_text, *map(str, s.span or ())) for s in hits][:2] or "not found"}')
    false_dates, judged = [], 0
    for doc, d in gold["docs"].items():
        annotated = [d["sentences"][str(k)] for k in d["annotated_sentences"]]
        seen = set()
        for s in statements.get(files[doc], []):
            key = (s.time_start, s.time_end, s.time_text) if s.time_start is not None else (s.start, s.time_text)
            if not s.time_text or key in seen:
                continue
            seen.add(key)
            a, b = (s.time_start, s.time_end) if s.time_start is not None else (s.start, s.end)
            if not any(_overlap(a, b, x, y) for x, y in annotated):
                continue  # MEANTIME did not annotate time there: unjudged
            judged += 1
            if s.time_start is None or not any(_overlap(a, b, x, y) for x, y in gold_spans[doc]):
                false_dates.append(f'{doc}: "{s.time_text}" -> {s.span}')
    return {"total": total, "found": found, "correct": correct, "false_dates": len(false_dates),
            "judged_time_texts": judged, "misses": misses, "false_examples": false_dates}


def _gold_day(value: str | None) -> str | None:
    """'2008-02-XX' -> '2008-02'; None when the year is unknown."""
    value = re.sub(r"(-XX)+$", "", (value or "").strip())
    return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None


def meantime_pairs(gold: dict, statements: dict[str, list[Stated]]) -> dict:
    files = {doc: Path(d["file"]).name for doc, d in gold["docs"].items()}
    nodes: dict[tuple, dict] = {}
    for instance in gold["events"]:
        when = _gold_day(instance.get("time")) or _gold_day(instance.get("begin"))
        for m in instance["mentions"]:
            node = nodes.setdefault((m["doc"], m["sentence"]), {"instances": set(), "dates": set(), "triggers": []})
            node["instances"].add(instance["id"])
            node["dates"] |= {when} if when else set()
            node["triggers"].append((m["start"], m["end"]))
    for (doc, sentence), node in nodes.items():
        own = statements.get(files[doc], [])
        on = [s for s in own for a, b in node["triggers"] if _overlap(s.start, s.end, a, b)]
        if not on:
            first, last = gold["docs"][doc]["sentences"][str(sentence)]
            on = [s for s in own if _overlap(s.start, s.end, first, last)]
        node["events"] = {s.event for s in on}
    counts = {"system": [0, 0, 0], "same_gold_date": [0, 0, 0]}
    for (a, na), (b, nb) in combinations(sorted(nodes.items()), 2):
        if a[0] == b[0]:
            continue
        positive = not na["instances"].isdisjoint(nb["instances"])
        for name, linked in (("system", not na["events"].isdisjoint(nb["events"])),
                             ("same_gold_date", not na["dates"].isdisjoint(nb["dates"]))):
            c = counts[name]
            c[0] += positive and linked
            c[1] += linked and not positive
            c[2] += positive and not linked
    return {name: prf(*c)._asdict() for name, c in counts.items()}
