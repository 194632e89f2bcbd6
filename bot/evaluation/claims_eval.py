"""`factcheck eval CLAIMS.jsonl`: verdict accuracy, evidence recall@3, reasonless conflicts.

Each line: {"id", "claim", "label": supported|conflicting|mixed|not_found,
"docs": ["002", ...]} where a doc id is the prefix of an evidence article's
file name. Evidence counts for recall only with the right stance (supports
for a supported claim, conflicts for a conflicting one).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field, ValidationError

from bot.core import FactCheckError
from bot.core.models import CheckReport, Evidence

LABELS = ("supported", "conflicting", "mixed", "not_found")
RIGHT_STANCE = {"supported": "supports", "conflicting": "conflicts"}
RECALL_K = 3


class ClaimChecker(Protocol):
    def check(self, text: str) -> CheckReport: ...


class LabelledClaim(BaseModel):
    id: str
    claim: str
    label: str
    docs: list[str] = Field(default_factory=list)


class ClaimOutcome(BaseModel):
    """One claim's result: what was expected, what the bot said, and its top evidence."""

    id: str
    claim: str
    label: str
    verdict: str
    docs_expected: list[str]
    docs_found: list[str]  # expected docs among the top-k right-stance evidence
    reasonless_conflicts: int
    top_evidence: list[str]
    millis: float = 0.0  # how long the check took
    # excerpts cited from articles outside the story's own folder (`home`), when one is given:
    # with a large archive indexed beside a story, these are evidence from unrelated stories
    foreign: list[str] = Field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.label == self.verdict


class ClaimsEvalResult(BaseModel):
    outcomes: list[ClaimOutcome]

    def latency(self, fraction: float) -> float:
        """Nearest-rank percentile of check time in ms; the first check (warm-up) left out."""
        times = sorted(o.millis for o in self.outcomes[1:])
        return times[min(len(times) - 1, int(fraction * len(times)))] if times else 0.0

    @property
    def accuracy(self) -> float:
        return (
            sum(o.correct for o in self.outcomes) / len(self.outcomes)
            if self.outcomes
            else 0.0
        )

    def per_label(self) -> dict[str, tuple[int, int]]:
        """label -> (correct, total)."""
        table: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            right, total = table.get(o.label, (0, 0))
            table[o.label] = (right + o.correct, total + 1)
        return table

    @property
    def recall_at_k(self) -> float:
        """Share of the expected (claim, doc) pairs found in the top-k evidence with the right stance."""
        expected = sum(
            len(o.docs_expected) for o in self.outcomes if o.label in RIGHT_STANCE
        )
        found = sum(len(o.docs_found) for o in self.outcomes if o.label in RIGHT_STANCE)
        return found / expected if expected else 0.0

    @property
    def hit_at_k(self) -> float:
        """Share of supported/conflicting claims with at least one expected doc in the top k."""
        scored = [
            o for o in self.outcomes if o.label in RIGHT_STANCE and o.docs_expected
        ]
        return sum(bool(o.docs_found) for o in scored) / len(scored) if scored else 0.0

    @property
    def reasonless_conflicts(self) -> int:
        return sum(o.reasonless_conflicts for o in self.outcomes)

    @property
    def misses(self) -> list[ClaimOutcome]:
        return [o for o in self.outcomes if not o.correct]


def load_claims(path: Path) -> list[LabelledClaim]:
    """Read the JSON Lines file, naming the line of any malformed record."""
    claims: list[LabelledClaim] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FactCheckError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            claims.append(LabelledClaim.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise FactCheckError(
                f"{path}:{number}: not a labelled claim ({exc})"
            ) from exc
    return claims


def _under(home: str, path: str) -> bool:
    return Path(home).resolve() in Path(path).resolve().parents


def _doc_matches(doc: str, evidence: Evidence) -> bool:
    return any(
        Path(a.path).name.startswith(doc) for a in [evidence.article, *evidence.also_in]
    )


def _all_evidence(report: CheckReport) -> list[Evidence]:
    return (
        [e for c in report.claims for e in c.evidence]
        if report.claims
        else report.evidence
    )


def _summary(evidence: Evidence) -> str:
    reasons = "; ".join(f"{r.code}: {r.detail}" for r in evidence.reasons)
    where = Path(evidence.article.path).name
    return (
        f"{evidence.stance} {evidence.score:.2f} [{where}] {evidence.text[:90]!r}"
        + (f" ({reasons})" if reasons else "")
    )


def evaluate_claims(path: Path, checker: ClaimChecker, home: str | None = None) -> ClaimsEvalResult:
    """Check every labelled claim once and compare with its label and expected documents."""
    outcomes: list[ClaimOutcome] = []
    for item in load_claims(Path(path)):
        started = time.perf_counter()
        report = checker.check(item.claim)
        millis = (time.perf_counter() - started) * 1000
        evidence = _all_evidence(report)
        stance = RIGHT_STANCE.get(item.label)
        top = [e for e in evidence if e.stance == stance][:RECALL_K] if stance else []
        found = [d for d in item.docs if any(_doc_matches(d, e) for e in top)]
        outcomes.append(
            ClaimOutcome(
                id=item.id,
                claim=item.claim,
                label=item.label,
                verdict=report.verdict,
                docs_expected=item.docs if stance else [],
                docs_found=found,
                reasonless_conflicts=sum(
                    1 for e in evidence if e.stance == "conflicts" and not e.reasons
                ),
                top_evidence=[_summary(e) for e in evidence[:RECALL_K]],
                millis=millis,
                foreign=[
                    _summary(e) for e in evidence if home and not _under(home, e.article.path)
                ],
            )
        )
    return ClaimsEvalResult(outcomes=outcomes)


def format_claims_eval(result: ClaimsEvalResult) -> str:
    """Accuracy per label and overall, recall@3, reasonless conflicts, then every miss."""
    lines = [f"claims: {len(result.outcomes)}   accuracy: {result.accuracy:.3f}"]
    for label in LABELS:
        right, total = result.per_label().get(label, (0, 0))
        if total:
            lines.append(f"  {label:<12} {right}/{total}  ({right / total:.3f})")
    lines.append(
        f"evidence recall@{RECALL_K} (right article and stance): {result.recall_at_k:.3f}"
        f"   claims with a hit@{RECALL_K}: {result.hit_at_k:.3f}"
    )
    lines.append(f"conflicts without a reason: {result.reasonless_conflicts}")
    lines.append(
        f"check latency, one process, warm: p50 {result.latency(0.5):.0f} ms, "
        f"p95 {result.latency(0.95):.0f} ms, max {result.latency(1.0):.0f} ms"
    )
    foreign = [o for o in result.outcomes if o.foreign]
    if foreign:
        lines.append(
            f"excerpts cited from outside the story's folder: "
            f"{sum(len(o.foreign) for o in foreign)} across {len(foreign)} claims"
        )
        for o in foreign:
            lines.append(f"- {o.id}: {o.claim}")
            lines.extend(f"    {line}" for line in o.foreign)
    misses = result.misses
    lines.append(f"misses: {len(misses)}")
    for o in misses:
        lines.append(f"- {o.id}: expected {o.label}, got {o.verdict}: {o.claim}")
        lines.extend(f"    {line}" for line in _indent(o.top_evidence))
    partial = [
        o
        for o in result.outcomes
        if o.correct and o.docs_expected and len(o.docs_found) < len(o.docs_expected)
    ]
    if partial:
        lines.append("right verdict, expected documents missing from the top evidence:")
        for o in partial:
            missing = sorted(set(o.docs_expected) - set(o.docs_found))
            lines.append(f"- {o.id}: missing {', '.join(missing)}: {o.claim}")
    return "\n".join(lines) + "\n"


def _indent(items: Iterable[str]) -> list[str]:
    return list(items) or ["(no evidence)"]
