"""`factcheck eval`: accuracy per label, evidence recall, reasonless conflicts, misses."""

from __future__ import annotations

import json
from pathlib import Path

from check_world import checker_for

from bot.evaluation.claims_eval import evaluate_claims, format_claims_eval

HARBOUR = """Harbour master Ines Walsh said on Tuesday that the north pier would reopen in May.

"The repairs took eleven weeks and cost 2 million euros," Walsh said.
"""


class Checker:
    """The one method evaluate_claims needs from FactChecker."""

    def __init__(self, check) -> None:  # type: ignore[no-untyped-def]
        self.check = check


def write_claims(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_scores_labels_evidence_and_lists_misses(nlp, tmp_path: Path) -> None:
    checker = Checker(checker_for(nlp, [("port/007_pier.txt", "Port Weekly", "Pier reopens", HARBOUR)]))
    claims = write_claims(
        tmp_path / "claims.jsonl",
        [
            {"id": "a", "claim": "Walsh said the repairs took eleven weeks.", "label": "supported", "docs": ["007"]},
            {"id": "b", "claim": "Walsh said the repairs cost 5 million euros.", "label": "conflicting", "docs": ["007"]},
            {"id": "c", "claim": "The city zoo welcomed two pandas.", "label": "not_found", "docs": []},
            {"id": "d", "claim": "Walsh said the north pier would reopen in May.", "label": "conflicting", "docs": ["007"]},
        ],
    )

    result = evaluate_claims(claims, checker)
    text = format_claims_eval(result)

    assert result.accuracy == 0.75
    assert text.startswith("claims: 4   accuracy: 0.750")
    assert "conflicts without a reason: 0" in text
    assert "check latency, one process, warm: p50" in text
    assert "misses: 1" in text and "- d: expected conflicting, got supported" in text
