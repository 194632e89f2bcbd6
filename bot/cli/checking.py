"""`factcheck check`: claims in, verdicts printed (text, JSON, or JSON Lines)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.base import _checker, cli, database_option
from bot.core import FactCheckError

if TYPE_CHECKING:
    from bot.service import FactChecker
    from bot.core.models import CheckReport, ReviewMatch
    from bot.store.base import CheckAudit


VERDICT_LABELS = {
    "supported": "Supported",
    "conflicting": "Conflicting",
    "mixed": "Mixed",
    "not_found": "No coverage found",
}


RELATED_ONLY = "Not stated (related coverage below)"  # not_found, with related excerpts


TITLE_WIDTH = 80


STANCE_MARKS = {"supports": "✔ supports ", "conflicts": "✘ conflicts", "related": "~ related  "}


CLAIM_WIDTH = 300  # a pasted article is not echoed whole


def _shorten(text: str, width: int) -> str:
    """Cut at a word boundary with an ellipsis, so a long headline stays one line."""
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def format_reviews(reviews: list[ReviewMatch]) -> list[str]:
    """'Previously checked' lines: rating, reviewer, date and link, then the reviewed wording."""
    lines: list[str] = []
    if reviews:
        lines.append("  Previously checked:")
    for review in reviews:
        source = " · ".join(
            part
            for part in (review.reviewer, review.date and review.date.isoformat(), review.url)
            if part
        )
        lines.append(f"  ★ {review.rating or 'no rating'}{' — ' + source if source else ''}")
        claimant = f" — {review.claimant}" if review.claimant else ""
        lines.append(f"               reviewed: \"{review.claim_reviewed}\"{claimant} (match {review.score:.2f})")
    return lines


def format_report(report: CheckReport) -> str:
    """A terminal rendering of a report: verdict, published fact-checks that match, then each
    excerpt with its source and reasons."""
    if report.language is not None:  # nothing was checked: no verdict to show
        return f"Not checked — {report.note}\n"
    lines: list[str] = []
    claims = report.claims or [report]
    for claim in claims:
        label = VERDICT_LABELS[claim.verdict]
        if claim.verdict == "not_found" and claim.evidence:
            label = RELATED_ONLY
        text = claim.text if claims is report.claims else _shorten(" ".join(report.claim.split()), CLAIM_WIDTH)
        if claim.asked_whether:
            text = f"You asked whether {claim.asked_whether}"
        lines.append(f"{label} — {text}")
        lines.extend(format_reviews(claim.reviews))
        lines.append(
            f"  {claim.outlets_supporting} outlet(s) support, {claim.outlets_conflicting} conflict"
        )
        for ev in claim.evidence:
            mark = STANCE_MARKS[ev.stance]
            lines.append(f"  {mark}  \"{ev.text}\"")
            source = " · ".join(
                part
                for part in (
                    ev.speaker and f"— {ev.speaker}",
                    ev.article.outlet or Path(ev.article.path).name,
                    ev.article.title and _shorten(ev.article.title, TITLE_WIDTH),
                    ev.article.published and ev.article.published.isoformat(),
                    ev.article.updated and f"updated {ev.article.updated.isoformat()}",
                )
                if part
            )
            lines.append(f"               {source}")
            if ev.also_in:
                others = ", ".join(a.outlet or Path(a.path).name for a in ev.also_in)
                lines.append(f"               also in: {others}")
            for reason in ev.reasons:
                lines.append(f"               {reason.code}: {reason.detail}")
        lines.append("")
    if report.note:
        lines.append(f"Note: {report.note}")
    return "\n".join(lines).rstrip() + "\n"


@cli.command()
@click.argument("claim", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract object.")
@click.option("--jsonl", is_flag=True, help="Read one claim per line on stdin; print one JSON object per line.")
@database_option
def check(claim: str | None, as_json: bool, jsonl: bool, database_url: str | None) -> None:
    """Check CLAIM against the indexed corpus."""
    if not jsonl and not (claim and claim.strip()):
        raise click.UsageError('give a claim, e.g. factcheck check "Hegseth said ..." (or --jsonl)')
    with _checker(database_url) as checker:
        if jsonl:
            for line in sys.stdin:  # one answer per line, so output lines up with input by position
                click.echo(_jsonl_answer(checker, line).model_dump_json())
            return
        report = checker.check(claim or "")
        checker.record_check(_cli_audit(report, checker))
    click.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) if as_json else format_report(report), nl=not as_json)
    if as_json:
        click.echo("")


def _jsonl_answer(checker: FactChecker, line: str) -> CheckReport:
    """The report for one input line: a blank line, or one the engine refuses, still gets an object."""
    from bot.core.models import CheckReport

    text = line.strip()
    if not text:
        return CheckReport(claim="", verdict="not_found", note="empty line: nothing to check")
    try:
        return checker.check(text)
    except FactCheckError as exc:  # one bad line must not end the batch
        return CheckReport(claim=text, verdict="not_found", note=f"not checked: {exc}")


def _cli_audit(report: CheckReport, checker: FactChecker) -> CheckAudit:
    from bot.store.base import CheckAudit

    return CheckAudit(
        source="cli", claim=report.claim, verdict=report.verdict, evidence_ids=checker.evidence_ids(report)
    )
