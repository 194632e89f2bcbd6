"""Training pairs from an audited story set: the claims a helper wrote about a story, with the
sentences the AUDIT file cites for each, become stance pairs in reporters' own wording."""

from __future__ import annotations

import json
from pathlib import Path

from bot.model.audit_pairs import HELD_OUT_FROM, audited_pairs, audited_sets, cited_sentences

ARTICLE = """Title: Sinkhole swallows two cars in Tessmoor parking lot
Outlet: Tessmoor Ledger
Date: 2026-03-10
Author: Ana Ruiz
URL: https://ledger.example/sinkhole
Dateline: TESSMOOR, Mo.

A sinkhole about 40 feet wide opened under the Plaza parking lot on Tuesday morning, swallowing two parked cars.

"Nobody was in either car, and nobody was hurt," said fire chief Dana Holt.

Officials evacuated 14 homes on Sixth Street as a precaution.

The city council will meet on Thursday to discuss repairs.
"""

OTHER_ARTICLE = """Title: Tessmoor council to meet on Plaza sinkhole
Outlet: Tessmoor Radio
Date: 2026-03-11
Author: Lee Park
URL: https://radio.example/sinkhole
Dateline: TESSMOOR, Mo.

Engineers said on Wednesday that the sinkhole under the Plaza parking lot had stopped growing overnight.
"""

AUDIT = """# AUDIT

| id | label | evidence |
|---|---|---|
| c{n}-01 | supported | 3000: "A sinkhole about 40 feet wide opened under the Plaza parking lot on Tuesday morning" |
| c{n}-02 | conflicting | 3000: "Officials evacuated 14 homes on Sixth Street as a precaution." |
| c{n}-03 | not_found | none |
| c{n}-04 | supported | 3000: ""Nobody was in either car, and nobody was hurt," said fire chief Dana Holt." |
"""

CLAIMS = [
    ("01", "A 40-foot sinkhole opened beneath the Plaza lot on Tuesday and took two parked cars.", "supported"),
    ("02", "Officials evacuated 41 homes on Sixth Street.", "conflicting"),
    ("03", "The sinkhole was caused by a broken water main under the Plaza lot.", "not_found"),
    ("04", "Fire chief Dana Holt said no one was injured.", "supported"),
]


def _story_set(eval_dir: Path, number: int) -> None:
    (eval_dir / f"corpus{number}").mkdir(parents=True)
    (eval_dir / f"corpus{number}" / "3000_tessmoor_ledger.txt").write_text(ARTICLE)
    (eval_dir / f"corpus{number}" / "3001_tessmoor_radio.txt").write_text(OTHER_ARTICLE)
    (eval_dir / f"corpus{number}_debunk{number}_AUDIT.md").write_text(AUDIT.format(n=number))
    (eval_dir / f"corpus{number}_claims.jsonl").write_text("".join(
        json.dumps({"id": f"c{number}-{i}", "claim": c, "label": label,
                    "docs": [] if label == "not_found" else ["3000"]}) + "\n"
        for i, c, label in CLAIMS
    ))


def test_each_claim_becomes_a_pair_with_the_sentences_its_audit_cites(tmp_path: Path, nlp) -> None:
    _story_set(tmp_path, 7)

    made = audited_pairs(tmp_path, nlp, seed=1)
    pairs = {p.hypothesis: p for p in made if p.label != "neutral" or p.hypothesis == CLAIMS[2][1]}

    supported = pairs[CLAIMS[0][1]]
    assert supported.label == "entailment"
    assert "swallowing two parked cars" in supported.premise  # the whole sentence, not the cited part
    assert pairs[CLAIMS[1][1]].label == "contradiction"
    assert pairs[CLAIMS[3][1]].premise.endswith('said fire chief Dana Holt.')  # a quote inside the citation
    not_found = pairs[CLAIMS[2][1]]
    assert not_found.label == "neutral" and "sinkhole" in not_found.premise  # the closest sentence
    assert {p.source for p in pairs.values()} == {"audited_set7"}
    # Every claim is also neutral against the story's closest sentence in an article its label does not cite.
    elsewhere = [p for p in made if p.hypothesis == CLAIMS[0][1] and p.label == "neutral"]
    assert len(elsewhere) == 1 and "stopped growing overnight" in elsewhere[0].premise


def test_later_sets_are_held_out_from_training(tmp_path: Path, nlp) -> None:
    _story_set(tmp_path, 7)
    _story_set(tmp_path, HELD_OUT_FROM)

    assert [s.number for s in audited_sets(tmp_path)] == [7, HELD_OUT_FROM]
    assert {p.source for p in audited_pairs(tmp_path, nlp)} == {"audited_set7"}
    assert {p.source for p in audited_pairs(tmp_path, nlp, held_out=True)} == {f"audited_set{HELD_OUT_FROM}"}


def test_a_fragment_too_short_to_identify_a_sentence_cites_nothing(nlp) -> None:
    from bot.model.audit_pairs import Sentence, _key

    sentences = [Sentence("", s, _key(s)) for s in ("Officials evacuated 14 homes.", "The council will meet.")]

    assert cited_sentences('3000: "14 homes"', sentences) == []
    assert cited_sentences('3000: "Officials evacuated 14 homes."', sentences) == sentences[:1]
