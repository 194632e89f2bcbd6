"""The shipped seed articles end to end: ingest through FactChecker, then check claims.

The claims here are our own wordings about the seed stories (paraphrases,
changed numbers, days, speakers and words), not the labelled dev claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.service.checker import FactChecker
from bot.core.models import CheckReport
from bot.settings import load_settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> FactChecker:
    folder = tmp_path_factory.mktemp("seeds-check")
    fc = FactChecker.open(
        load_settings(FACTCHECK_DATABASE_URL=f"sqlite:///{folder / 'index.db'}")
    )
    report = fc.ingest([SEEDS])
    assert report.ok and len(report.added) == 5
    yield fc
    fc.close()


def reasons(report: CheckReport) -> set[str]:
    return {r.code for e in report.evidence for r in e.reasons}


@pytest.mark.parametrize(
    "claim",
    [
        "Pete Hegseth said the United States will not deploy troops to Ukraine.",
        "Hegseth said NATO members should spend 5 percent of their GDP on defence.",
        "Trump said Ukraine cannot go into NATO.",
        "Fogel flew home to the US on Tuesday.",
        "Healey said members of the Ukraine Defence Contact Group heard the message clearly.",
    ],
)
def test_paraphrases_of_what_the_seeds_say_are_supported(
    checker: FactChecker, claim: str
) -> None:
    report = checker.check(claim)
    assert report.verdict == "supported", report.evidence
    assert all(e.stance == "supports" for e in report.evidence)


@pytest.mark.parametrize(
    ("claim", "code"),
    [
        ("Marc Fogel was imprisoned in Russia for five years.", "number_mismatch"),
        ("Fogel flew home to the US on Friday.", "date_mismatch"),
        (
            "Trump said he could have prevented the war had he been reelected in 2016.",
            "date_mismatch",
        ),
        (
            "Zelenskiy said Ukraine will accept any agreement made without it.",
            "negation",
        ),
        (
            "Rubio said many NATO allies are doing enough for their own security.",
            "negation",
        ),
        ("Kallas said any quick fix is a fair deal.", "antonym"),
        ('Trump said: "Any quick fix is an unfair deal."', "speaker_mismatch"),
        (
            (
                'Hegseth said: "NATO is a very good alliance, the most successful military alliance in '
                'history, but to face the future our partners must do much less to defend Europe."'
            ),
            "misquote",
        ),
    ],
)
def test_altered_claims_conflict_with_a_reason(
    checker: FactChecker, claim: str, code: str
) -> None:
    report = checker.check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert code in reasons(report)
    assert all(e.reasons for e in report.evidence if e.stance == "conflicts")


def test_the_misquote_shows_the_changed_words(checker: FactChecker) -> None:
    report = checker.check(
        'Hegseth said: "NATO is a very good alliance, the most successful military alliance in history, '
        'but to face the future our partners must do much less to defend Europe."'
    )
    detail = next(
        r.detail for e in report.evidence for r in e.reasons if r.code == "misquote"
    )
    assert "much more" in detail and "much less" in detail


def test_a_translation_variant_across_outlets_is_not_a_misquote(
    checker: FactChecker,
) -> None:
    report = checker.check(
        'Hegseth said: "Chasing this illusory goal will only prolong the war and cause more suffering."'
    )
    assert report.verdict == "supported"
    assert reasons(report) <= {"variant"}
    assert report.outlets_supporting == 2


def test_stories_the_seeds_do_not_cover_are_not_found(checker: FactChecker) -> None:
    assert (
        checker.check("The Bank of Japan raised interest rates.").verdict == "not_found"
    )
    # headlines of unrelated stories listed on a seed page are not evidence
    assert (
        checker.check(
            "Erdogan was welcomed with an official ceremony in Pakistan."
        ).verdict
        == "not_found"
    )


def test_json_contract(checker: FactChecker) -> None:
    payload = checker.check(
        "Marc Fogel was imprisoned in Russia for five years."
    ).model_dump(mode="json")
    assert payload["verdict"] == "conflicting"
    evidence = payload["evidence"][0]
    assert evidence["stance"] == "conflicts" and evidence["kind"] in ("fact", "quote")
    assert evidence["reasons"][0] == {
        "code": "number_mismatch",
        "detail": evidence["reasons"][0]["detail"],
    }
    assert (
        evidence["article"]["path"].endswith(".txt")
        and evidence["article"]["published"]
    )
