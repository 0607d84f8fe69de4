"""Page chrome: found by shape and position, on the seeds and on other sites' styles."""

from pathlib import Path

from scaletui.events.chrome import chrome_ranges
from scaletui.events.published import dateline_length
from scaletui.events.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def chrome_lines(text: str) -> list[str]:
    return [text[start:end] for start, end in chrome_ranges(text)]


def content(text: str) -> list[str]:
    return [s.text for s in split_sentences("t", text)]


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seeds


def test_seed_related_block_and_its_headlines():
    text = seed("003")
    chrome = chrome_lines(text)
    assert any(line.startswith("Nissan plans") for line in chrome)
    assert any("Related articles" in line for line in chrome)
    assert any("Recommended" in line for line in chrome)
    assert "Copy article title and URL" in chrome
    assert "in Business, Posted by xudeyong" in chrome
    assert chrome[0] == "Business"  # the section label above the headline
    # the headline itself stays: only its repeat in the list is chrome
    assert content(text)[0] == "Meta's 14.3 billion investment triggers a wave of customer exodus from Scale AI"


def test_seed_view_counter():
    assert chrome_lines(seed("000")) == ["Total views: 656"]


def test_seed_copyright_and_syndication_disclaimer():
    chrome = chrome_lines(seed("001"))
    assert chrome == [
        "© Thomson Reuters 2025",
        "(This story is not edited by NDTV employees and auto-generated from a syndicated feed.)",
    ]


def test_seed_disclaimer_paragraph():
    chrome = chrome_lines(seed("002"))
    assert len(chrome) == 1 and chrome[0].startswith("Disclaimer: This analysis")


def test_seed_capital_sign_off():
    assert chrome_lines(seed("004")) == ["TECH TIMES NEWS"]


def test_ranges_are_whole_lines_in_order():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ranges = chrome_ranges(text)
        assert ranges == sorted(ranges)
        for start, end in ranges:
            assert start == 0 or text[start - 1] in "\r\n"
            assert end == len(text) or text[end] in "\r\n"


# ---------------------------------------------------------------- other sites


STORY = "Meta agreed on Thursday to buy a 49% stake in the startup for $14.3 billion."


def test_share_bar_and_social_links():
    text = f"Share this article\nFacebook | Twitter | LinkedIn | Email\n{STORY}\nFollow us on X\nPrint\n"
    assert content(text) == [STORY]


def test_share_words_in_a_story_are_not_chrome():
    text = "Share Prices Tumble\nShares of Meta fell 2% after the news.\nCopy editors worked late on the story.\n"
    assert content(text) == [
        "Share Prices Tumble",
        "Shares of Meta fell 2% after the news.",
        "Copy editors worked late on the story.",
    ]


def test_tight_related_list_ends_at_the_blank_line():
    text = (
        f"{STORY}\n\n"
        "RELATED STORIES\n"
        "Google weighs its options on data labelling\n"
        "Microsoft reviews supplier contracts\n"
        "\n"
        "Google had planned to spend $200 million with the firm this year.\n"
    )
    assert content(text) == [STORY, "Google had planned to spend $200 million with the firm this year."]


def test_spaced_you_may_also_like_list_at_the_end():
    text = (
        f"{STORY}\n\n"
        "You may also like\n\n"
        "» Why data labelling became big business\n\n"
        "» Five startups to watch in 2025\n\n"
        "» Inside the race for AI talent\n"
    )
    assert content(text) == [STORY]


def test_inline_read_more_and_advertisement():
    text = (
        f"{STORY}\n"
        "READ MORE: Google to cut ties with Scale AI, sources say\n"
        "Advertisement\n"
        "The company declined to comment.\n"
        "Also read - Why Meta wants Scale's chief executive\n"
    )
    assert content(text) == [STORY, "The company declined to comment."]


def test_bylines_but_not_sentences_that_start_with_by():
    text = (
        "By Jane Doe and John Roe\n"
        "Posted by newsdesk | 3 min read\n"
        f"{STORY}\n"
        "By the end of the year, Google will have moved its contracts.\n"
        "The deal was reported by Reuters.\n"
    )
    assert content(text) == [
        STORY,
        "By the end of the year, Google will have moved its contracts.",
        "The deal was reported by Reuters.",
    ]


def test_counters_read_times_and_credits():
    text = (
        "5 min read\n"
        f"{STORY}\n"
        "1,234 views\n"
        "Comments: 17\n"
        "(Reporting by Jane Doe in San Francisco; Editing by John Roe and Richard Moe)\n"
    )
    assert content(text) == [STORY]


def test_copyright_lines_and_a_sentence_about_copyright():
    text = (
        f"{STORY}\n"
        "The lawsuit turns on copyright in the training data.\n"
        "Copyright 2024 The Associated Press. All rights reserved.\n"
        "(c) 2025 Example Media Group\n"
    )
    assert content(text) == [STORY, "The lawsuit turns on copyright in the training data."]


def test_disclaimers_and_sponsored_notes():
    text = (
        f"{STORY}\n"
        "Disclosure: The author holds no shares in the companies mentioned.\n"
        "[This article was produced by a partner content team and is sponsored.]\n"
    )
    assert content(text) == [STORY]


def test_a_parenthesised_sentence_in_the_story_is_kept():
    text = f"{STORY}\n(The company did not say how many staff would move.)\n"
    assert content(text) == [STORY, "(The company did not say how many staff would move.)"]


def test_tags_and_sign_off_at_the_end():
    text = f"{STORY}\nTags: Meta, Scale AI, Google\nThe Daily Ledger\nDAILY LEDGER STAFF\n"
    assert content(text) == [STORY]


def test_repeated_headline_at_the_top():
    text = "Meta Buys Into Scale AI\n\nMeta Buys Into Scale AI\n\n" + STORY + "\n"
    got = split_sentences("t", text)
    assert [s.text for s in got] == ["Meta Buys Into Scale AI", STORY]
    assert got[0].start == 0  # the first copy is the headline; the second is chrome


def test_section_label_above_the_headline_but_not_a_short_headline_alone():
    labelled = "World\n\nGoogle Cuts Ties With Scale AI After Meta Deal\n\n" + STORY
    assert content(labelled)[0] == "Google Cuts Ties With Scale AI After Meta Deal"
    short = "Google Quits\n\n" + STORY
    assert content(short) == ["Google Quits", STORY]


def test_short_headings_inside_the_story_are_kept():
    text = f"{STORY}\nBackground\nScale AI was founded in 2016.\n"
    assert content(text) == [STORY, "Background", "Scale AI was founded in 2016."]


def test_markdown_front_matter():
    text = "---\ntitle: Meta and Scale\ndate: 2025-06-13\n---\n\n# Meta and Scale\n\n" + STORY + "\n"
    assert content(text) == ["Meta and Scale", STORY]


def test_boilerplate_navigation():
    text = (
        "Skip to main content\n"
        "Sign up for our daily newsletter\n"
        f"{STORY}\n"
        "Story continues below advertisement\n"
        "The firm said it remains independent.\n"
        "Next article: Nvidia's chips sell out again\n"
    )
    assert content(text) == [STORY, "The firm said it remains independent."]


def test_plain_story_has_no_chrome():
    text = "Meta Deal Shakes Up AI Labelling\n\n" + STORY + "\n\nGoogle said it would review its contracts.\n"
    assert chrome_ranges(text) == []


def test_dateline_is_cut_from_the_first_sentence_only():
    text = (
        "SAN FRANCISCO, June 13 (Reuters) - Google plans to cut ties with Scale AI. It said so.\n"
        "LONDON (AP) — The second paragraph keeps its own words.\n"
    )
    got = content(text)
    assert got[:2] == ["Google plans to cut ties with Scale AI.", "It said so."]
    assert got[2] == "The second paragraph keeps its own words."
    ranges = chrome_ranges(text)
    assert [text[a:b] for a, b in ranges] == ["SAN FRANCISCO, June 13 (Reuters) - ", "LONDON (AP) — "]


def test_wire_copy_dateline_with_an_underscore_for_its_dash():
    """AP and New York Times wire copy typed the dash as " _ "."""
    text = "NEW YORK (AP) _ Stocks fell sharply Tuesday as oil prices jumped.\nThe rule _ dating back to 1986 _ ended.\n"
    assert content(text) == ["Stocks fell sharply Tuesday as oil prices jumped.", "The rule _ dating back to 1986 _ ended."]
    assert [text[a:b] for a, b in chrome_ranges(text)] == ["NEW YORK (AP) _ "]


def test_a_dateline_of_a_known_place_alone():
    """No agency in brackets: the gazetteer must know the place, and running text must follow."""
    text = "WASHINGTON _ The Senate voted on Tuesday.\nLOS ANGELES, Calif. - A fire broke out downtown.\n"
    assert content(text) == ["The Senate voted on Tuesday.", "A fire broke out downtown."]
    for kept in ("NASA - the agency said it would launch a probe.", "CHINA - US Trade Talks Resume In Geneva"):
        assert dateline_length(kept) == 0, kept


def test_an_agency_alone_opening_the_story_is_a_dateline():
    text = "(CNN) -- A powerful earthquake struck the coast on Tuesday.\n(1) - The first point stays.\n"
    assert content(text) == ["A powerful earthquake struck the coast on Tuesday.", "(1) - The first point stays."]


def test_dashes_inside_a_sentence_are_not_a_dateline():
    text = "AI — the technology everyone talks about — is big business.\nMeta - and Google - said nothing.\n"
    assert content(text) == text.splitlines()
