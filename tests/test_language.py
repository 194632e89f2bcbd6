"""Languages the engine does not read are named, not answered "no coverage found"."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.language.detection import foreign_language, language_name

SHORT_ENGLISH_CLAIMS = [  # mostly names, which read as Dutch or Italian to a language detector
    "Rutte met Orban",
    "Zelensky met Vance.",
    "Scholz met Merz in Berlin.",
    "Kallas met Rubio.",
    "Lula beat Bolsonaro.",
    "Modi met Xi in Kazan.",
    "Kim Jong Un met Moon Jae-in.",
    "Von der Leyen unveils tariffs",
    "Costa e Silva met Lula in Brasília.",
    "Milei met Musk in Texas.",
    "Merz won.",
    "Putin war in Minsk",
    "De Wever leads the N-VA.",
    "Did Scholz meet Merz?",
    "Trump and Putin spoke for 90 minutes.",
]
OTHER_LANGUAGES = [
    ("Путин и Трамп говорили по телефону полтора часа.", "ru"),
    ("Hegseth sagte, die USA würden keine Truppen in die Ukraine schicken.", "de"),
    ("Le président Macron a rencontré Zelensky à Paris.", "fr"),
    ("Sánchez dijo que España enviará tropas.", "es"),
    ("Zełenski spotkał się z Trumpem w Białym Domu.", "pl"),
    ("Der Kanzler sagt nein.", "de"),
]


@pytest.mark.parametrize("claim", SHORT_ENGLISH_CLAIMS)
def test_short_english_claims_are_read_as_english(nlp: Language, claim: str) -> None:
    assert foreign_language(claim, nlp.Defaults.stop_words) is None


@pytest.mark.parametrize(("text", "code"), OTHER_LANGUAGES)
def test_other_languages_are_recognised(nlp: Language, text: str, code: str) -> None:
    assert foreign_language(text, nlp.Defaults.stop_words) == code


def test_languages_are_named_in_words() -> None:
    assert (language_name("de"), language_name("ru"), language_name("zz-unknown")) == ("German", "Russian", "zz-unknown")


def test_a_german_claim_is_not_checked_and_the_report_says_why(nlp: Language) -> None:
    check: Check = checker_for(
        nlp, [("a.txt", "Gazette", "Talks", "Hegseth said the US would not send troops to Ukraine.")]
    )

    report = check("Hegseth sagte, die USA würden keine Truppen in die Ukraine schicken.")

    assert report.language == "de"
    assert report.note is not None and "German" in report.note and "only English is checked" in report.note
    assert report.evidence == [] and report.claims == []
