"""Entities scored on real coverage: three ECB+ stories whose named participants
were written down by reading them (`bench/data/entities/`, see its README), plus
the bundled seeds without their curated `entities.toml`.

Run by hand from the repository root:

    python bench/bench_entities.py                    # this checkout
    python bench/bench_entities.py --compare 3adb899  # and that revision's code, side by side
    python bench/bench_entities.py --json

Each corpus goes through what `scaletui export` does (load_corpus, build_timeline).
Per story:

- found: participants with at least one of their spellings among the entities;
- joined: participants named more than one way (and found more than one way) whose
  spellings all sit in one entity;
- merged wrongly: entities holding the spellings of two participants;
- kind right: found participants whose entity has the participant's kind;
- name right: found participants whose entity is named as the gold says;
- outlets as actors: outlets (named only as reporters) listed as entities;
- junk: entities matching no participant, outlet or other real name of the story;
- rows: how many entities the sidebar lists.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "entities"
SEEDS = ROOT / "seeds"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import code_tree  # noqa: E402


def norm(text: str) -> str:
    """Compare spellings up to case, dots, a leading 'the' and spacing."""
    k = re.sub(r"\s+", " ", text.replace("’", "'").replace(".", "").lower()).strip()
    return k[4:] if k.startswith("the ") else k


def score_story(timeline, gold: dict) -> dict:
    entities = timeline.entities
    events_naming = Counter(e for event in timeline.events for e in set(event.entities))
    alias_keys = {e.id: {norm(a.text) for a in e.aliases} for e in entities}
    participants = gold["participants"]
    outlets = {norm(n) for n in gold.get("outlets", {}).get("names", [])}
    others = {norm(n) for n in gold.get("other", {}).get("names", [])}
    every_variant = {norm(v) for p in participants for v in p["variants"]}

    found = joined = joinable = kind_right = name_right = 0
    misses, split, wrong_kind, wrong_name = [], [], [], []
    owners: Counter = Counter()  # entity id -> participants whose spellings it holds
    for p in participants:
        variants = {norm(v) for v in p["variants"]}
        holders = {eid: keys & variants for eid, keys in alias_keys.items() if keys & variants}
        for eid in holders:
            owners[eid] += 1
        if not holders:
            misses.append(p["name"])
            continue
        found += 1
        spelt = set().union(*holders.values())
        if len(variants) > 1 and len(spelt) > 1:
            joinable += 1
            if len(holders) == 1:
                joined += 1
            else:
                split.append(p["name"])
        main = max(holders, key=lambda eid: (len(holders[eid]), events_naming[eid], eid))
        entity = next(e for e in entities if e.id == main)
        if entity.kind.value == p["kind"]:
            kind_right += 1
        else:
            wrong_kind.append(f"{p['name']} ({entity.kind.value})")
        if norm(entity.name) == norm(p["name"]):
            name_right += 1
        else:
            wrong_name.append(f"{p['name']} as {entity.name!r}")
    merged = sorted(e.name for e in entities if owners[e.id] > 1)
    as_actors = sorted(e.name for e in entities if alias_keys[e.id] & outlets and not alias_keys[e.id] & every_variant)
    junk = sorted(e.name for e in entities if not alias_keys[e.id] & (every_variant | outlets | others))
    top = sorted(entities, key=lambda e: (-events_naming[e.id], e.name))[:6]
    return {
        "participants": len(participants), "found": found, "joinable": joinable, "joined": joined,
        "kind_right": kind_right, "name_right": name_right, "merged_wrongly": merged,
        "outlets_as_actors": as_actors, "rows": len(entities), "junk": junk,
        "missed": misses, "split": split, "wrong_kind": wrong_kind, "wrong_name": wrong_name,
        "top": [f"{e.name} ({events_naming[e.id]})" for e in top],
    }


def score_seeds(timeline) -> dict:
    """The seeds without entities.toml: rows, and what the reader would call junk or an outlet."""
    outlets = {norm(s.outlet) for s in timeline.sources if getattr(s, "outlet", "")} | {"reuters", "the information", "information"}
    names = sorted(e.name for e in timeline.entities)
    return {"rows": len(names), "outlets_as_actors": sorted(n for n in names if norm(n) in outlets), "names": names}


def measure(code_root: Path) -> dict:
    pipeline = code_tree.import_pipeline(code_root)
    results: dict = {}
    for gold_file in sorted(DATA.glob("*.gold.toml")):
        story = gold_file.name.removesuffix(".gold.toml")
        gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
        timeline = pipeline.build_timeline(pipeline.load_corpus(DATA / story))
        results[story] = score_story(timeline, gold)
    with tempfile.TemporaryDirectory(prefix="bench-seeds-") as temp:
        for path in SEEDS.iterdir():
            if path.is_file() and path.name != "entities.toml":
                shutil.copy(path, Path(temp) / path.name)
        results["seeds (no entities.toml)"] = score_seeds(pipeline.build_timeline(pipeline.load_corpus(Path(temp))))
    return results


def measure_revision(revision: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-rev-") as temp:
        code_tree.extract_revision(revision, Path(temp))
        child = subprocess.run([sys.executable, __file__, "--code", temp, "--json"], capture_output=True, text=True, check=False)
    if child.returncode:
        raise SystemExit(f"bench_entities: run on {revision} failed:\n{child.stderr.strip()}")
    return json.loads(child.stdout)


def totals(result: dict) -> dict:
    stories = [v for k, v in result.items() if "participants" in v]
    add = lambda field: sum(s[field] for s in stories)  # noqa: E731
    entities = add("rows")
    return {
        "found": f"{add('found')}/{add('participants')}",
        "variants joined": f"{add('joined')}/{add('joinable')}",
        "merged wrongly": str(sum(len(s["merged_wrongly"]) for s in stories)),
        "kind right": f"{add('kind_right')}/{add('found')}",
        "name right": f"{add('name_right')}/{add('found')}",
        "outlets as actors": str(sum(len(s["outlets_as_actors"]) for s in stories)),
        "junk share": f"{sum(len(s['junk']) for s in stories)}/{entities} = {sum(len(s['junk']) for s in stories) / max(entities, 1):.0%}",
        "rows (3 stories)": str(entities),
    }


def report(runs: dict[str, dict]) -> None:
    labels = list(runs)
    table = {label: totals(result) for label, result in runs.items()}
    width = max(len(k) for k in next(iter(table.values())))
    print(f"{'':{width}}  " + "  ".join(f"{label:>18}" for label in labels))
    for row in next(iter(table.values())):
        print(f"{row:{width}}  " + "  ".join(f"{table[label][row]:>18}" for label in labels))
    for label, result in runs.items():
        print(f"\n== {label}")
        for story, s in result.items():
            if "participants" not in s:
                print(f"{story}: {s['rows']} rows, outlets as actors {s['outlets_as_actors']}")
                print("   " + ", ".join(s["names"]))
                continue
            print(f"{story}: top {', '.join(s['top'])}")
            for field in ("missed", "split", "merged_wrongly", "wrong_kind", "wrong_name", "outlets_as_actors", "junk"):
                if s[field]:
                    print(f"   {field}: {', '.join(s[field])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", metavar="REV", help="also run on this git revision's code")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    runs: dict[str, dict] = {}
    if args.compare:
        runs[args.compare] = measure_revision(args.compare)
    runs["this checkout" if args.code == ROOT else str(args.code)] = measure(args.code)
    if args.json:
        print(json.dumps(runs if args.compare else next(iter(runs.values())), indent=1))
    else:
        report(runs)


if __name__ == "__main__":
    main()
