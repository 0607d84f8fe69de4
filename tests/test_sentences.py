"""The sentence splitter on news text: abbreviations, numbers, quotes, headings, lists, offsets."""

from pathlib import Path

import pytest

from scaletui.events.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def split(text: str) -> list:
    sentences = split_sentences("src", text)
    for number, sentence in enumerate(sentences):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.index == number
        assert sentence.source == "src"
    return sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split(text)]


# Each case: text, the sentences it must give.
CASES = [
    (
        "The U.S. government said on Friday it would act. Officials declined to comment.",
        ["The U.S. government said on Friday it would act.", "Officials declined to comment."],
    ),
    (
        "Apple Inc. CEO Tim Cook spoke on Tuesday. He said sales rose.",
        ["Apple Inc. CEO Tim Cook spoke on Tuesday.", "He said sales rose."],
    ),
    (
        "The stake was bought by Meta Platforms Inc. The company declined to comment.",
        ["The stake was bought by Meta Platforms Inc.", "The company declined to comment."],
    ),
    (
        "Dr. Jane Smith joined Acme Corp. in March. She leads research.",
        ["Dr. Jane Smith joined Acme Corp. in March.", "She leads research."],
    ),
    ("Mr. Wang will join Meta. Ms. Lee will stay.", ["Mr. Wang will join Meta.", "Ms. Lee will stay."]),
    (
        "It was founded on Jan. 5, 2016 in San Francisco. It grew fast.",
        ["It was founded on Jan. 5, 2016 in San Francisco.", "It grew fast."],
    ),
    (
        "The firm ranked No. 1 in the market. Rivals trailed far behind.",
        ["The firm ranked No. 1 in the market.", "Rivals trailed far behind."],
    ),
    (
        "Meta paid $14.3 billion for a 49% stake. Shares rose 3.5% on Friday.",
        ["Meta paid $14.3 billion for a 49% stake.", "Shares rose 3.5% on Friday."],
    ),
    (
        "Labelled data, e.g. street scenes, trains cars. Other data is text.",
        ["Labelled data, e.g. street scenes, trains cars.", "Other data is text."],
    ),
    (
        "J. P. Morgan advised the buyer. Goldman Sachs advised the seller.",
        ["J. P. Morgan advised the buyer.", "Goldman Sachs advised the seller."],
    ),
    (
        'He said: "It is necessary." Then he left the room.',
        ['He said: "It is necessary."', "Then he left the room."],
    ),
    (
        "“Leading labs feel neutrality is necessary.” Others disagreed.",
        ["“Leading labs feel neutrality is necessary.”", "Others disagreed."],
    ),
    ("“Why now?” he asked. Nobody answered.", ["“Why now?” he asked.", "Nobody answered."]),
    (
        "The numbers were... disappointing. Investors sold.",
        ["The numbers were... disappointing.", "Investors sold."],
    ),
    ("He paused… Then he spoke again.", ["He paused…", "Then he spoke again."]),
    (
        "Is this the end? Maybe not! Analysts think so.",
        ["Is this the end?", "Maybe not!", "Analysts think so."],
    ),
    (
        "The deal closed at 9 a.m. on Friday. Shares jumped.",
        ["The deal closed at 9 a.m. on Friday.", "Shares jumped."],
    ),
    ("The call ended at 5 p.m. The stock fell.", ["The call ended at 5 p.m.", "The stock fell."]),
    (
        "U.S. President Donald Trump said the deal was good.",
        ["U.S. President Donald Trump said the deal was good."],
    ),
    (
        "He joined in 2016 (as CTO). He left in 2020.",
        ["He joined in 2016 (as CTO).", "He left in 2020."],
    ),
    (
        "John F. Kennedy International Airport was closed on Monday.",
        ["John F. Kennedy International Airport was closed on Monday."],
    ),
    ("The buyer was Meta Platforms Inc.", ["The buyer was Meta Platforms Inc."]),
    (
        "The office in St. Louis opened on Sept. 30. It hired 50 people.",
        ["The office in St. Louis opened on Sept. 30.", "It hired 50 people."],
    ),
    (
        "It sells chips, servers, software etc. The rest is services.",
        ["It sells chips, servers, software etc.", "The rest is services."],
    ),
    ("Meta vs. Google is the story of the year.", ["Meta vs. Google is the story of the year."]),
    (
        "Revenue was $870 million in 2024. It expects more in 2025.",
        ["Revenue was $870 million in 2024.", "It expects more in 2025."],
    ),
    (
        "He earned a Ph.D. in physics. He then joined Google.",
        ["He earned a Ph.D. in physics.", "He then joined Google."],
    ),
    (
        "The company, valued at $29bn, said 5,000 staff would move. 2024 was its best year.",
        ["The company, valued at $29bn, said 5,000 staff would move.", "2024 was its best year."],
    ),
    (
        "'We are not selling,' the founder said. 'Not now.'",
        ["'We are not selling,' the founder said.", "'Not now.'"],
    ),
    (
        "Sales fell 3.2 per cent. \"It was a tough quarter,\" she said.",
        ["Sales fell 3.2 per cent.", '"It was a tough quarter," she said.'],
    ),
    (
        "The report (published on Monday) was leaked. Nobody knows by whom.",
        ["The report (published on Monday) was leaked.", "Nobody knows by whom."],
    ),
    (
        "Gov. Gavin Newsom and Sen. Alex Padilla met Gen. Smith. They spoke for an hour.",
        ["Gov. Gavin Newsom and Sen. Alex Padilla met Gen. Smith.", "They spoke for an hour."],
    ),
    ("Visit meta.com for details. The offer ends soon.", ["Visit meta.com for details.", "The offer ends soon."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_news_sentences(text, expected):
    assert texts(text) == expected


def test_paragraph_break_always_ends_a_sentence():
    text = "The first paragraph has no stop\n\nThe second one does."
    assert texts(text) == ["The first paragraph has no stop", "The second one does."]


def test_each_line_is_a_paragraph_in_an_unwrapped_file():
    text = (
        "Google planned to pay around $200 million this year for human-labeled training data, "
        "one of the sources said, adding that talks were under way with rivals\n"
        "The search giant already held talks with several rivals this week.\n"
    )
    got = split(text)
    assert [s.text for s in got] == [text.splitlines()[0], text.splitlines()[1]]
    assert not got[0].heading  # long, so run-on text rather than a heading


def test_headline_line_is_a_heading():
    text = "Google Cuts Ties With Scale AI\nGoogle said on Friday it would cut ties. It gave no reason."
    got = split(text)
    assert [s.heading for s in got] == [True, False, False]
    assert got[0].text == "Google Cuts Ties With Scale AI"


def test_section_headings_between_paragraphs():
    text = (
        "Meta bought a 49% stake in the startup on Thursday.\n"
        "Google's $200 Million Exit Strategy\n"
        "Google had planned to spend $200 million this year.\n"
    )
    got = split(text)
    assert [(s.text, s.heading) for s in got] == [
        ("Meta bought a 49% stake in the startup on Thursday.", False),
        ("Google's $200 Million Exit Strategy", True),
        ("Google had planned to spend $200 million this year.", False),
    ]


def test_title_case_question_is_a_heading_but_a_question_sentence_is_not():
    got = split("What’s Next for Scale AI?\nWill Google leave? It might.\n")
    assert [(s.text, s.heading) for s in got] == [
        ("What’s Next for Scale AI?", True),
        ("Will Google leave?", False),
        ("It might.", False),
    ]


def test_a_line_ending_in_a_colon_is_not_a_heading():
    got = split("The deal in numbers:\n- $14.3 billion paid\n")
    assert got[0].text == "The deal in numbers:" and not got[0].heading


def test_bullets_are_separate_sentences_without_their_markers():
    text = "Key points:\n- Meta buys a 49% stake\n- Google to cut ties\n* Wang joins Meta\n• Rivals gain\n"
    assert texts(text) == ["Key points:", "Meta buys a 49% stake", "Google to cut ties", "Wang joins Meta", "Rivals gain"]


def test_numbered_list_items():
    assert texts("1. Google leaves.\n2) Microsoft reviews its deal.\n") == [
        "Google leaves.",
        "Microsoft reviews its deal.",
    ]


def test_markdown_heading_drops_its_hashes():
    got = split("## The deal\n\nMeta paid $14.3 billion.\n")
    assert (got[0].text, got[0].heading) == ("The deal", True)
    assert got[1].text == "Meta paid $14.3 billion."


def test_surrounding_whitespace_is_stripped_and_offsets_hold():
    text = "  Leading spaces here.   \n\n\tA tabbed line.  \n\n\n"
    got = split(text)
    assert [s.text for s in got] == ["Leading spaces here.", "A tabbed line."]
    assert got[0].start == 2 and got[1].start == text.index("A tabbed")


def test_crlf_line_endings():
    assert texts("One thing happened.\r\nAnother thing happened.\r\n") == [
        "One thing happened.",
        "Another thing happened.",
    ]


def test_hard_wrapped_text_joins_lines_of_a_sentence():
    text = (
        "Meta Takes a Stake\n"
        "\n"
        "Meta Platforms has agreed to take a 49% stake in the data\n"
        "labelling startup Scale AI, valuing the company at $29 billion,\n"
        "according to people familiar with the matter. The deal was\n"
        "announced on Thursday and surprised many in the industry.\n"
        "\n"
        "Google, the startup's largest customer, plans to cut ties with\n"
        "it, sources said.\n"
    )
    got = split(text)
    assert [s.heading for s in got] == [True, False, False, False]
    assert got[1].text.startswith("Meta Platforms has agreed") and got[1].text.endswith("the matter.")
    assert "\n" in got[1].text  # the sentence spans the wrapped lines, offsets intact
    assert got[2].text.startswith("The deal was\nannounced")
    assert got[3].text.endswith("sources said.")


def test_empty_and_blank_text():
    assert split("") == []
    assert split("   \n\n  \n") == []


def test_chrome_lines_give_no_sentences():
    text = (
        "Share on Facebook\n"
        "Meta bought a stake in Scale AI on Thursday.\n"
        "Total views: 1,024\n"
    )
    assert texts(text) == ["Meta bought a stake in Scale AI on Thursday."]


# ---------------------------------------------------------------- the seeds


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_offsets_hold_everywhere():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        got = split(text)
        assert len(got) > 10, path.name


def test_seed_reuters_quotes_and_headings():
    got = split(seed("001"))
    found = {s.text: s.heading for s in got}
    assert found["“Leading AI Labs feel that neutrality is no longer alternate, it is necessary.”"] is False
    assert found["The scale was $ 14 billion before the deal."] is False
    assert found["Rivids see the opening of the opening"] is True
    assert not any("Thomson Reuters" in s.text or "syndicated" in s.text for s in got)


def test_seed_rewrite_headings_and_quotes():
    got = split(seed("002"))
    headings = [s.text for s in got if s.heading]
    assert headings[0] == "Tech Giants Cut Ties with Scale AI Following Meta's $14 Billion Investment"
    assert "Google's $200 Million Exit Strategy" in headings and len(headings) == 7
    assert (
        '"The data flowing through these partnerships contains the DNA of future products – the risk is simply too great."'
        in [s.text for s in got]
    )
    assert not any(s.text.startswith("Disclaimer") for s in got)


def test_seed_gigazine_headline_and_no_related_list():
    got = split(seed("003"))
    assert got[0].heading and got[0].text.startswith("Meta's 14.3 billion investment")
    assert sum("14.3 billion investment triggers" in s.text for s in got) == 1
    assert not any("Nissan" in s.text or "Related" in s.text or "Posted by" in s.text for s in got)
    assert got[-1].text.endswith("supply chain pattern of the AI industry.")


def test_seed_techtimes_question_heading_and_no_signoff():
    got = split(seed("004"))
    assert ("What’s Next for Scale AI?", True) in [(s.text, s.heading) for s in got]
    assert got[-1].text == "Meanwhile, Google is reportedly accelerating its investment in internal labeling systems and exploring partnerships with smaller, independent vendors to replace Scale."


def test_seed_view_counter_gives_nothing():
    got = split(seed("000"))
    assert not any("views" in s.text.lower() for s in got)
    assert len(got) == 19


def test_wrapped_bullet_item_continues_on_the_next_line():
    text = (
        "Analysts at several banks listed the main risks for the company in a note:\n"
        "- Google, its largest customer, may move all of its labelling work to\n"
        "  rivals within months, the note said.\n"
        "- Microsoft is reviewing its contracts with the startup as well.\n"
        "The note was sent to clients on Friday and seen by reporters here.\n"
    )
    got = texts(text)
    assert got[1].startswith("Google, its largest") and got[1].endswith("the note said.")
    assert len(got) == 4


def test_offsets_hold_on_scrambled_text():
    import random

    pieces = ["Meta", "U.S.", "Inc.", " ", "  ", "\n", "\n\n", "\r\n", ". ", "? ", "…", "“", "”", '"', "- ",
              "No. 1", "$14.3", "J. P.", "e.g.", "Related", "© 2025", "Share on X", "\t", "a", "Z", "(", ")"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        got = split(text)
        ends = [0] + [x for s in got for x in (s.start, s.end)]
        assert ends == sorted(ends)  # in order, never overlapping
        assert all(s.text for s in got)


def test_the_first_sentences_alone_are_the_whole_splits_first():
    # An article's headline is looked for among its first sentences: only those are cut.
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        whole = split_sentences("src", text)
        for first in (0, 1, 4, len(whole), len(whole) + 3):
            assert split_sentences("src", text, first=first) == whole[:first]
    assert [s.text for s in split_sentences("src", "# Ferry sold\n\nThe ferry was sold. It sank.", first=2)] == [
        "Ferry sold", "The ferry was sold."
    ]


@pytest.mark.parametrize(
    "stamp",
    ["on Feb. 04, 2009", "posted Jun 11th, 2012 at 1:23 PM", "published: 2012-04-04 11:47:35", "updated 12 / 19 / 2005 2:48:40 PM ET"],
)
def test_a_date_stamp_under_a_headline_is_not_part_of_it(stamp):
    # A line starting in lower case carries on the headline above it, unless it is the page's stamp.
    text = f"San Diego lineman arrested on suspicion of DUI\n{stamp}\n\nJamal Williams was arrested early Sunday."
    assert texts(text)[0] == "San Diego lineman arrested on suspicion of DUI"
    assert "Jamal Williams was arrested early Sunday." in texts(text)


def test_a_lower_case_line_that_is_no_stamp_still_carries_on_the_headline():
    text = "Council votes to close the old pier\nafter a decade of repairs\n\nThe vote was 7 to 2."
    assert texts(text)[0] == "Council votes to close the old pier\nafter a decade of repairs"
