"""Where recall is lost: is the labelled evidence among the candidates at all?

For each labelled claim with expected documents, the claim is parsed and searched as a
check would; the report says how often an expected article is among the full-text
candidates, and among those aligned well enough for the stance model to read. A low first
figure means retrieval loses the evidence (semantic candidates would help); a high first
and low verdict accuracy means the judgement does."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from bot.service import FactChecker
from bot.check.claim_selection import extract_claims
from bot.check.model_judgement import MAX_JUDGED, MIN_JUDGED_COVERAGE, is_fragment
from bot.check.retrieve import align, covered_keys, retrieve
from bot.evaluation.claims_eval import load_claims


class CandidateRecall(BaseModel):
    claims: int = 0
    retrieved: int = 0  # an expected article among the full-text candidates
    judged: int = 0  # ... and among those the model reads

    def format(self) -> str:
        if not self.claims:
            return "no labelled claims with expected documents\n"
        return (
            f"claims with expected documents: {self.claims}\n"
            f"  an expected article among the full-text candidates: {self.retrieved}/{self.claims} "
            f"({self.retrieved / self.claims:.3f})\n"
            f"  ... among the {MAX_JUDGED} the model reads: {self.judged}/{self.claims} "
            f"({self.judged / self.claims:.3f})\n"
        )


def candidate_recall(path: Path, checker: FactChecker) -> CandidateRecall:
    result = CandidateRecall()
    for item in load_claims(path):
        if not item.docs:
            continue
        result.claims += 1
        parsed = extract_claims(item.claim, nlp=checker.nlp, speakers=checker.speakers)
        retrieved = judged = False
        for claim in parsed:
            candidates = retrieve(claim, checker.store)
            scored = [(c, align(claim, c, covered=covered_keys(claim, c))) for c in candidates]
            pool = sorted(
                ((c, a) for c, a in scored if a.coverage >= MIN_JUDGED_COVERAGE and not is_fragment(c)),
                key=lambda ca: -ca[1].score,
            )[:MAX_JUDGED]

            def expected(found: list) -> bool:
                return any(Path(c.article.path).name.startswith(tuple(item.docs)) for c in found)

            retrieved |= expected(candidates)
            judged |= expected([c for c, _ in pool])
        result.retrieved += retrieved
        result.judged += judged
    return result
