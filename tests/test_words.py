"""Word look-ups that stand in for a package's own, answering as it does."""

from wordfreq import zipf_frequency

from scaletui.events import words


def test_zipf_answers_as_wordfreq_for_plain_words_and_the_rest():
    # plain words sharing a frequency with one asked before, words the list lacks, and what
    # wordfreq reads as more than a plain word (capitals, digits, hyphens, accents, apostrophes)
    asked = ["said", "the", "heist", "robbers", "quake", "earthquake", "nadella", "nadela", "qzxvbm",
             "googleqzkvbm", "Paris", "OpenAI", "covid-19", "2016", "café", "don't", "rock'n'roll", "x", ""]
    for word in asked + asked:
        assert words.zipf(word) == zipf_frequency(word, "en"), word
