"""SpeakerResolver: one canonical name per person, however an outlet writes it."""

from pathlib import Path

import pytest

from bot.core.errors import SettingsError
from bot.language.speakers import SpeakerResolver, strip_titles

ALIASES_FILE = Path(__file__).resolve().parent.parent / "config" / "aliases.toml"


@pytest.fixture
def resolver() -> SpeakerResolver:
    return SpeakerResolver.load(ALIASES_FILE)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("US Defense Secretary Pete Hegseth", "Pete Hegseth"),
        ("Secretary of State Marco Rubio", "Marco Rubio"),
        ("NATO Secretary General Mark Rutte", "Mark Rutte"),
        ("Russian Security Council Deputy Chairman Dmitry Medvedev", "Dmitry Medvedev"),
        ("EU foreign policy chief Kaja Kallas", "Kaja Kallas"),
        ("Ukraine's President Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Mr. Trump", "Trump"),
        ("Hegseth’s", "Hegseth"),
        (
            "President of the European Commission Ursula von der Leyen",
            "Ursula von der Leyen",
        ),
        ("Martin Luther King", "Martin Luther King"),
        ("the President", ""),
        ("his running mate", ""),
    ],
)
def test_strip_titles_keeps_only_the_name(mention, name):
    assert strip_titles(mention) == name


@pytest.mark.parametrize(
    "mention",
    [
        "Secretary Hegseth",
        "Hegseth",
        "Pete Hegseth",
        "US Defense Secretary Pete Hegseth",
        "Hegseth's",
    ],
)
def test_every_way_of_writing_hegseth_is_one_person(resolver, mention):
    assert resolver.canonical(mention) == "Pete Hegseth"


@pytest.mark.parametrize(
    "mention",
    [
        "Zelensky",
        "Zelenskiy",
        "Zelenskyy",
        "Volodymyr Zelenskiy",
        "Ukrainian President Volodymyr Zelenskyy",
    ],
)
def test_zelensky_spellings_merge(resolver, mention):
    assert resolver.canonical(mention) == "Volodymyr Zelensky"


def test_accents_do_not_matter(resolver):
    assert (
        resolver.canonical("Erdogan")
        == resolver.canonical("Erdoğan")
        == "Recep Tayyip Erdoğan"
    )


def test_bare_surname_resolves_to_a_registered_full_name():
    resolver = SpeakerResolver()
    resolver.register("Pat Caddell")
    assert resolver.canonical("Caddell") == "Pat Caddell"
    assert (
        resolver.canonical("longtime Democratic pollster Pat Caddell") == "Pat Caddell"
    )


def test_unknown_surname_comes_back_cleaned_of_titles():
    assert SpeakerResolver().canonical("Senator Jenkins") == "Jenkins"


def test_transliteration_merges_only_with_the_same_first_name():
    resolver = SpeakerResolver()
    resolver.register("Olena Kovalenko")
    assert resolver.canonical("Olena Kovalenkoo") == "Olena Kovalenko"
    assert resolver.canonical("Oleh Kovalenko") == "Oleh Kovalenko"
    assert not resolver.same_person("Olena Kovalenko", "Oleh Kovalenko")


def test_an_ambiguous_surname_goes_to_the_person_seen_most():
    resolver = SpeakerResolver()
    resolver.register("Anna Berg")
    resolver.register("Tom Berg")
    resolver.register("Tom Berg")
    assert resolver.canonical("Berg") == "Tom Berg"


def test_pronouns_and_descriptions_are_not_names(resolver):
    assert resolver.canonical("he") is None
    assert resolver.canonical("She") is None
    assert resolver.canonical("a source") is None


def test_organisations_keep_their_name(resolver):
    assert resolver.canonical("the Kremlin") == "Kremlin"
    assert resolver.canonical("Moscow") == "Moscow"


def test_same_person(resolver):
    assert resolver.same_person("Secretary Rubio", "Marco Rubio")
    assert resolver.same_person("Zelenskiy", "Volodymyr Zelensky")
    assert not resolver.same_person("Hegseth", "Rubio")
    assert not resolver.same_person("he", "he")


def test_a_full_name_with_a_description_before_it_is_the_same_person(resolver):
    # the index keeps a description the title list does not know ("Manager Curtis Oyelaran")
    assert resolver.same_person("Councilor Walt Ebersole", "Walt Ebersole")
    assert resolver.same_person("Curtis Oyelaran", "Manager Curtis Oyelaran")
    assert not resolver.same_person("Walt Ebersole", "Ruth Ebersole")
    assert not resolver.same_person("Councilor Walt Ebersole", "Councilor Ruth Ebersole")


def test_registering_ignores_single_words_and_noise():
    resolver = SpeakerResolver()
    resolver.register("Trump")
    resolver.register("he said")
    resolver.register("Jane Doe")
    assert resolver.known_speakers() == ["Jane Doe"]


def test_known_speakers_include_the_aliases_file(resolver):
    known = resolver.known_speakers()
    assert "Pete Hegseth" in known and "Mark Rutte" in known


def test_missing_aliases_file_gives_an_empty_resolver(tmp_path):
    assert SpeakerResolver.load(tmp_path / "nope.toml").known_speakers() == []
    assert SpeakerResolver.load(None).known_speakers() == []


def test_broken_aliases_file_is_a_settings_error(tmp_path):
    bad = tmp_path / "aliases.toml"
    bad.write_text("[aliases]\n'Jane Doe' = 'not a list'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="aliases"):
        SpeakerResolver.load(bad)
