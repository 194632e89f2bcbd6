"""The same archive gives the same answer, whatever order its articles were indexed in.

Ingest resolves a bare surname ("Oduya said") against the names it has met so far. The
first story below quotes the fire marshal by his surname only; the second names him in
full but quotes somebody else. Indexed second-story-first, the first story's quote is
stored as Keith Oduya's; indexed first-story-first, as "Oduya"'s. A check reads both
stores alike, names him in full, and says the same after a restart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bot.service.checker import FactChecker
from bot.settings import Settings

FIRST = """FIRE AT GREYLING PLANT STILL UNDER INVESTIGATION

The fire that destroyed the Greyling recycling plant on Saturday is still under investigation, state officials said Monday.

"We have found no sign that this fire was set on purpose," Oduya said at a briefing outside the plant.

Crews remained at the site on Monday to watch for flare-ups.
"""
SECOND = """STATE FIRE MARSHAL TAKES OVER GREYLING INQUIRY

Keith Oduya, the deputy state fire marshal, took charge of the inquiry into the Greyling plant fire on Tuesday.

"We will cooperate fully with the state," said Mara Linden, the plant's owner.

Oduya's office said a report could take several weeks.
"""
CLAIM = "Keith Oduya said investigators have found no sign the Greyling fire was set on purpose."


def _archive(root: Path, order: list[tuple[str, str]], nlp: Language) -> FactChecker:
    """A store filled one article per ingest call, in `order`."""
    folder = root / "articles"
    folder.mkdir(parents=True)
    checker = FactChecker.open(
        Settings(_env_file=None, database_url=f"sqlite:///{root / 'archive.db'}", corpus_dir=folder), nlp=nlp
    )
    for name, body in order:
        path = folder / name
        path.write_text(body)
        checker.ingest([path])
    return checker


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, FactChecker]:
    first, second = ("710_first.txt", FIRST), ("711_second.txt", SECOND)
    made = {
        "first story first": _archive(tmp_path_factory.mktemp("forward"), [first, second], nlp),
        "second story first": _archive(tmp_path_factory.mktemp("backward"), [second, first], nlp),
    }
    yield made
    for checker in made.values():
        checker.close()


def _stored_speaker(checker: FactChecker) -> str | None:
    return next(h.quote.speaker for h in checker.store.quotes() if "set on purpose" in h.quote.text)


def test_the_stored_name_depends_on_the_order(archives: dict[str, FactChecker]) -> None:
    assert _stored_speaker(archives["first story first"]) == "Oduya"
    assert _stored_speaker(archives["second story first"]) == "Keith Oduya"


def test_a_check_reads_both_stores_alike(archives: dict[str, FactChecker]) -> None:
    answers = {}
    for order, checker in archives.items():
        report = checker.check(CLAIM)
        answers[order] = (report.verdict, [(e.stance, e.speaker, e.text) for e in report.evidence])
    assert answers["first story first"] == answers["second story first"]
    verdict, evidence = answers["first story first"]
    assert verdict == "supported"
    assert ("supports", "Keith Oduya") in {(stance, who) for stance, who, text in evidence if "set on purpose" in text}


def test_a_restarted_checker_answers_as_the_one_that_indexed(
    archives: dict[str, FactChecker], nlp: Language
) -> None:
    indexed = archives["first story first"]
    restarted = FactChecker.open(indexed.settings, nlp=nlp)
    try:
        assert restarted.check(CLAIM) == indexed.check(CLAIM)
    finally:
        restarted.close()


def test_his_quotes_are_listed_under_either_name(archives: dict[str, FactChecker]) -> None:
    for checker in archives.values():
        for name in ("Oduya", "Keith Oduya", "Fire Marshal Keith Oduya"):
            words = [h.quote.text for h in checker.quotes(name)]
            assert any("set on purpose" in w for w in words), (name, words)
