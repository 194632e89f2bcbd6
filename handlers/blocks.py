"""Pure Block Kit builders: engine models in, Slack blocks (as dicts) plus fallback text out.

Nothing here talks to Slack, so the limits Slack enforces (50 blocks, 3000
characters per section, 150 per header) are tested here with plain data.
Every piece of user or corpus text goes through `escape` before it reaches
mrkdwn, so a claim holding `<!channel>` or `<@U123>` never pings anyone.
Blocks are built with slack_sdk's models and turned into dicts at once:
`to_dict()` validates them, so a block that breaks a limit fails in tests,
not in Slack.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.core.models import (
    ArticleRef,
    ArticleSummary,
    CheckReport,
    ClaimReport,
    Evidence,
    IngestReport,
    Reason,
    ReviewMatch,
)
from bot.store.base import CheckAudit, QuoteHit

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_CONTEXT_CHARS = 2000
MAX_FALLBACK_CHARS = 3000
MAX_EXCERPT_CHARS = 600  # one excerpt; keeps a report readable long before the 3000 limit
EXCERPTS_SINGLE_CLAIM = 4
EXCERPTS_PER_CLAIM = 2
MAX_CLAIMS_SHOWN = 8
MAX_REVIEWED_CLAIM_CHARS = 400
REVIEWS_SINGLE_CLAIM = 3
REVIEWS_PER_CLAIM = 1

FEEDBACK_UP = "feedback_up"
FEEDBACK_DOWN = "feedback_down"
FEEDBACK_BLOCK_ID = "feedback_counts"
INDEX_URL = "index_url"  # the button offering to index a link posted in a flagged thread
ELLIPSIS = "…"

Blocks = list[dict[str, Any]]

VERDICT_LABELS = {
    "supported": ("✅", "Supported"),
    "conflicting": ("❌", "Conflicting"),
    "mixed": ("⚖️", "Mixed"),
    "not_found": ("🔍", "No coverage found"),
}
STANCE_EMOJI = {"supports": "✅", "conflicts": "❌", "related": "🔗"}
REASON_WORDS = {
    "negation": "the source says the opposite",
    "antonym": "the source uses the opposite word",
    "number_mismatch": "the number differs",
    "date_mismatch": "the date differs",
    "entity_mismatch": "a name differs",
    "speaker_mismatch": "someone else said it",
    "misquote": "the wording differs",
    "variant": "harmless wording difference",
    "bound": "related only: the source gives a bound, not the figure",
}


# text helpers ----------------------------------------------------------------
def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """Cut plain text to `limit` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def escape_within(text: str, limit: int) -> str:
    """Escape `text` and make the escaped form fit `limit` without splitting an entity.

    Escaping can grow text (`&` -> `&amp;`), so the raw text is shortened until
    its escaped form fits, instead of cutting the escaped string mid-entity.
    """
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    lo, hi = 0, min(len(text), limit)
    while lo < hi:  # longest raw prefix whose escaped, ellipsised form fits
        mid = (lo + hi + 1) // 2
        if len(escape(text[:mid].rstrip())) + 1 <= limit:
            lo = mid
        else:
            hi = mid - 1
    return escape(text[:lo].rstrip()) + ELLIPSIS


def plain_text(text: str, limit: int) -> PlainTextObject:
    return PlainTextObject(text=truncate(text, limit), emoji=True)


def mrkdwn_section(markdown: str, block_id: str | None = None) -> SectionBlock:
    """A section from already-escaped mrkdwn, hard-capped at the section limit."""
    return SectionBlock(
        text=MarkdownTextObject(text=_cap_markdown(markdown, MAX_SECTION_CHARS)), block_id=block_id
    )


def context(markdown: str, block_id: str | None = None) -> ContextBlock:
    return ContextBlock(
        elements=[MarkdownTextObject(text=_cap_markdown(markdown, MAX_CONTEXT_CHARS))], block_id=block_id
    )


def _cap_markdown(markdown: str, limit: int) -> str:
    """Last-resort cap for escaped mrkdwn: never cut inside an `&…;` entity."""
    if len(markdown) <= limit:
        return markdown
    cut = markdown[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + ELLIPSIS


def _dicts(blocks: Sequence[Block]) -> Blocks:
    return [b.to_dict() for b in blocks]


# report --------------------------------------------------------------------------
def verdict_headline(verdict: str, supporting: int, conflicting: int) -> str:
    """'Conflicting — 2 sources conflict, 0 support' (plain text, no user input)."""
    emoji, label = VERDICT_LABELS.get(verdict, ("❔", verdict))
    if verdict == "not_found":
        return f"{emoji} {label}"
    return f"{emoji} {label} — {_count(conflicting, 'source conflicts', 'sources conflict')}, {supporting} support"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def excerpt_markdown(evidence: Evidence, limit: int = MAX_EXCERPT_CHARS) -> str:
    """The excerpt, escaped, with the aligned words in bold and cut around them when long."""
    text = " ".join(evidence.text.split())
    highlight = " ".join((evidence.highlight or "").split())
    start = text.lower().find(highlight.lower()) if highlight else -1
    if start == -1 or not highlight:
        return escape_within(text, limit)
    end = start + len(highlight)
    if len(text) > limit:  # keep a window around the highlight
        room = max(limit - len(highlight), 0)
        lead = min(start, room // 2)
        lo = start - lead
        hi = min(len(text), end + (room - lead))
        prefix, suffix = (ELLIPSIS if lo > 0 else ""), (ELLIPSIS if hi < len(text) else "")
        before, bold, after = text[lo:start], text[start:end], text[end:hi]
        if len(bold) > limit:
            bold, after, suffix = bold[: limit - 1], "", ELLIPSIS
    else:
        prefix = suffix = ""
        before, bold, after = text[:start], text[start:end], text[end:]
    bold_md = f"*{escape(bold.strip())}*" if bold.strip() else ""
    # bold needs word boundaries to render: keep the spaces outside the asterisks
    lead_space = " " if bold[:1].isspace() else ""
    trail_space = " " if bold[-1:].isspace() else ""
    return f"{prefix}{escape(before)}{lead_space}{bold_md}{trail_space}{escape(after)}{suffix}"


def reason_words(reason: Reason) -> str:
    label = REASON_WORDS.get(reason.code, reason.code.replace("_", " "))
    detail = " ".join(reason.detail.split())
    return f"{label} ({escape_within(detail, 300)})" if detail else label


def source_line(ref: ArticleRef) -> str:
    """'Outlet · Byline · 13 Feb 2025 · <url|link>' in escaped mrkdwn."""
    parts = [escape_within(ref.outlet or ref.title or ref.path, 120)]
    if ref.byline:
        parts.append(escape_within(ref.byline, 80))
    if ref.published:
        parts.append(format_date(ref.published))
    if ref.updated:
        parts.append(f"updated {format_date(ref.updated)}")
    if ref.url and ref.url.startswith(("http://", "https://")):
        parts.append(f"<{_link_target(ref.url)}|link>")
    return " · ".join(parts)


def _link_target(url: str) -> str:
    """A URL safe inside `<url|label>`: no `|`, `<` or `>`, `&` escaped."""
    return escape(url.replace("|", "%7C"))[:1000]


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def evidence_blocks(evidence: Evidence) -> list[Block]:
    """One excerpt: the quoted text with its speaker, then where it comes from and why."""
    emoji = STANCE_EMOJI.get(evidence.stance, "•")
    speaker = f" — {escape_within(evidence.speaker, 100)}" if evidence.speaker else ""
    body = f"{emoji} “{excerpt_markdown(evidence)}”{speaker}"
    lines = [source_line(evidence.article)]
    if evidence.reasons:
        lines.append("why: " + "; ".join(reason_words(r) for r in evidence.reasons[:4]))
    if evidence.also_in:
        outlets = _unique(escape_within(r.outlet or r.title or r.path, 80) for r in evidence.also_in)
        lines.append(
            "also in: " + ", ".join(outlets[:8]) + (f" +{len(outlets) - 8}" if len(outlets) > 8 else "")
        )
    return [mrkdwn_section(body), context("\n".join(lines))]


def review_markdown(review: ReviewMatch) -> str:
    """'*False* — Reviewer · 3 Mar 2025 · <link>' then the reviewed claim's wording, escaped."""
    parts = [escape_within(review.reviewer, 100)] if review.reviewer else []
    if review.date:
        parts.append(format_date(review.date))
    if review.url and review.url.startswith(("http://", "https://")):
        parts.append(f"<{_link_target(review.url)}|link>")
    rating = f"*{escape_within(_one_line(review.rating), 100)}*" if review.rating.strip() else "_no rating_"
    claimant = f" — {escape_within(review.claimant, 100)}" if review.claimant else ""
    wording = escape_within(_one_line(review.claim_reviewed), MAX_REVIEWED_CLAIM_CHARS)
    return (
        f"☑️ {rating}" + (" — " + " · ".join(parts) if parts else "")
        + f"\nreviewed claim: “{wording}”{claimant}"
    )


def reviews_section(reviews: Sequence[ReviewMatch], shown: int) -> SectionBlock:
    """The 'Previously checked' section: published fact-checks matching the claim, best first."""
    lines = [review_markdown(r) for r in reviews[:shown]]
    more = len(reviews) - len(lines)
    if more > 0:
        lines.append(f"+{more} more")
    return mrkdwn_section("*Previously checked*\n" + "\n".join(lines))


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))


def feedback_actions(check_id: int) -> ActionsBlock:
    return ActionsBlock(
        block_id="feedback",
        elements=[
            ButtonElement(text=plain_text("👍 Helpful", 75), action_id=FEEDBACK_UP, value=str(check_id)),
            ButtonElement(text=plain_text("👎 Wrong", 75), action_id=FEEDBACK_DOWN, value=str(check_id)),
        ],
    )


def report_blocks(report: CheckReport, *, check_id: int | None) -> tuple[Blocks, str]:
    """Blocks and plain-text fallback for one check, within Slack's limits whatever the input.

    The engine's `report.note` (what it left unchecked, in plain words) is
    shown under the headline; a question is shown as "You asked whether …".
    """
    if report.language is not None:  # nothing was checked: no verdict to show
        return _not_checked_blocks(report)
    blocks: list[Block] = []
    claims: list[ClaimReport] = report.claims if len(report.claims) > 1 else []
    if claims:
        counts = Counter(c.verdict for c in claims)
        summary = ", ".join(f"{n} {VERDICT_LABELS.get(v, ('', v))[1].lower()}" for v, n in counts.items())
        headline = f"{len(claims)} claims checked: {summary}"
    elif report.verdict == "not_found" and report.evidence:
        headline = "🔍 Not stated — related coverage below"
    else:
        headline = verdict_headline(report.verdict, report.outlets_supporting, report.outlets_conflicting)
    blocks.append(HeaderBlock(text=plain_text(headline, MAX_HEADER_CHARS)))
    if report.note:
        blocks.append(context(escape_within(report.note, 300)))
    reserve = 3 if check_id is not None else 1  # room for "+N more", buttons, feedback counts
    if not claims:
        label, text = ("You asked whether", report.asked_whether) if report.asked_whether else ("Claim", report.claim)
        blocks.append(mrkdwn_section(f"*{label}:* " + escape_within(_one_line(text), 2500)))
        if report.reviews:
            blocks.append(reviews_section(report.reviews, REVIEWS_SINGLE_CLAIM))
        _add_evidence(blocks, report.evidence, EXCERPTS_SINGLE_CLAIM, MAX_BLOCKS - reserve)
        if not report.evidence:
            blocks.append(context("Nothing in the indexed articles speaks to this claim."))
    else:
        for index, claim in enumerate(claims[:MAX_CLAIMS_SHOWN], start=1):
            if len(blocks) + 3 + bool(claim.reviews) > MAX_BLOCKS - reserve:
                break
            emoji, label = VERDICT_LABELS.get(claim.verdict, ("❔", claim.verdict))
            asked = "You asked whether " if claim.asked_whether else ""
            blocks.append(DividerBlock())
            blocks.append(
                mrkdwn_section(
                    f"*{index}.* {asked}{escape_within(_one_line(claim.text), 2000)}\n{emoji} *{label}*"
                )
            )
            if claim.reviews:
                blocks.append(reviews_section(claim.reviews, REVIEWS_PER_CLAIM))
            _add_evidence(blocks, claim.evidence, EXCERPTS_PER_CLAIM, MAX_BLOCKS - reserve)
        hidden = len(claims) - min(len(claims), MAX_CLAIMS_SHOWN)
        if hidden > 0 and len(blocks) < MAX_BLOCKS - reserve + 1:
            blocks.append(context(f"+{hidden} more claims not shown"))
    if check_id is not None:
        blocks.append(feedback_actions(check_id))
    return _dicts(blocks[:MAX_BLOCKS]), report_fallback(report)


def _not_checked_blocks(report: CheckReport) -> tuple[Blocks, str]:
    """A message the engine cannot read: say so plainly instead of "No coverage found"."""
    note = report.note or "This message was not checked."
    blocks = [
        HeaderBlock(text=plain_text("🌐 Not checked: only English is checked for now", MAX_HEADER_CHARS)),
        mrkdwn_section("*Message:* " + escape_within(_one_line(report.claim), 2500)),
        context(escape_within(note, 300)),
    ]
    return _dicts(blocks), escape_within(note, MAX_FALLBACK_CHARS)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _add_evidence(blocks: list[Block], evidence: list[Evidence], shown: int, budget: int) -> None:
    """Append up to `shown` excerpts (two blocks each) and a '+N more' line, inside `budget`."""
    added = 0
    for item in evidence[:shown]:
        if len(blocks) + 2 > budget - (1 if len(evidence) > added + 1 else 0):
            break
        blocks.extend(evidence_blocks(item))
        added += 1
    more = len(evidence) - added
    if more > 0 and len(blocks) < budget:
        blocks.append(context(f"+{more} more {'excerpt' if more == 1 else 'excerpts'}"))


def report_fallback(report: CheckReport) -> str:
    """Plain-text version for notifications and clients without blocks (escaped: Slack parses it)."""
    claims: list[CheckReport | ClaimReport] = list(report.claims) if len(report.claims) > 1 else [report]
    lines = []
    for claim in claims:
        text = claim.claim if isinstance(claim, CheckReport) else claim.text
        if claim.asked_whether:
            text = f"You asked whether {claim.asked_whether}"
        headline = verdict_headline(claim.verdict, claim.outlets_supporting, claim.outlets_conflicting)
        lines.append(f"{headline}: {_one_line(text)}")
        if claim.reviews:
            best = claim.reviews[0]
            by = f" by {best.reviewer}" if best.reviewer else ""
            lines.append(f"Previously checked: {best.rating or 'no rating'}{by}: {_one_line(best.claim_reviewed)}")
    return escape_within("\n".join(lines), MAX_FALLBACK_CHARS)


# other answers -------------------------------------------------------------------
def help_blocks(command: str) -> tuple[Blocks, str]:
    cmd = escape(command)
    text = (
        f"*{cmd} <claim>* — check a claim against the indexed articles\n"
        f'*{cmd} who said "<words>"* — find who said it, and where\n'
        f"*{cmd} reviews <words>* — published fact-checks about those words\n"
        f"*{cmd} sources* — what the corpus holds\n"
        f"*{cmd} add <url>* — index an article page, or every article of a feed or sitemap\n"
        f"*{cmd} unwatch <thread link>* — stop automatic answers in a flagged thread\n"
        "You can also DM me, @mention me, or flag any message with the flag reaction "
        "or the *Fact-check this message* shortcut."
    )
    return _dicts(
        [HeaderBlock(text=plain_text("How to fact-check", MAX_HEADER_CHARS)), mrkdwn_section(text)]
    ), (f'Usage: {cmd} <claim> | help | sources | who said "<words>" | reviews <words> | unwatch')


def usage_text(command: str) -> str:
    return escape(f"Usage: {command} <claim>  (or: {command} help)")


def sources_blocks(articles: Sequence[ArticleSummary], *, shown: int = 20) -> tuple[Blocks, str]:
    """Corpus size, outlets with their article counts, and the latest titles."""
    outlets = Counter(a.outlet or "unknown outlet" for a in articles)
    summary = f"{len(articles)} articles from {len(outlets)} outlets"
    outlet_lines = ", ".join(f"{escape_within(name, 80)} ({n})" for name, n in outlets.most_common(30))
    latest = sorted(articles, key=lambda a: a.published or dt.date.min, reverse=True)[:shown]
    title_lines = "\n".join(
        f"• {escape_within(a.title or a.path, 150)} — {escape_within(a.outlet or '?', 60)}"
        + (f", {format_date(a.published)}" if a.published else "")
        + (f" ({a.versions} versions)" if a.versions > 1 else "")
        for a in latest
    )
    blocks: list[Block] = [HeaderBlock(text=plain_text(summary, MAX_HEADER_CHARS))]
    if outlet_lines:
        blocks.append(mrkdwn_section("*Outlets:* " + outlet_lines))
    if title_lines:
        blocks.append(mrkdwn_section("*Latest:*\n" + title_lines))
    if len(articles) > shown:
        blocks.append(context(f"+{len(articles) - shown} more articles"))
    return _dicts(blocks), summary


def who_said_blocks(words: str, hits: Sequence[QuoteHit]) -> tuple[Blocks, str]:
    """Each matching quote with its speaker and the outlets that carry it."""
    asked = escape_within(_one_line(words), 500)
    if not hits:
        text = f"No quote matching “{asked}” in the indexed articles."
        return _dicts([mrkdwn_section(text)]), text
    blocks: list[Block] = [
        HeaderBlock(text=plain_text(f"Who said it: {len(hits)} matching quotes", MAX_HEADER_CHARS))
    ]
    for hit in hits[: (MAX_BLOCKS - 1) // 2]:
        quote = hit.quote
        speaker = escape_within(quote.speaker or quote.speaker_mention or "unknown speaker", 100)
        blocks.append(
            mrkdwn_section(f"“{escape_within(_one_line(quote.text), MAX_EXCERPT_CHARS)}” — *{speaker}*")
        )
        ref = ArticleRef(
            path=hit.article.path,
            outlet=hit.article.outlet,
            title=hit.article.title,
            published=hit.article.published,
            url=hit.article.url,
            byline=hit.article.byline,
            updated=hit.article.updated,
        )
        blocks.append(context(f"{quote.kind} quote · {source_line(ref)}"))
    best = hits[0].quote
    fallback = f"“{_one_line(best.text)}” — {best.speaker or 'unknown speaker'}"
    return _dicts(blocks), escape_within(fallback, MAX_FALLBACK_CHARS)


def reviews_blocks(words: str, reviews: Sequence[ReviewMatch]) -> tuple[Blocks, str]:
    """`/factcheck reviews <words>`: the published fact-checks about those words, best first."""
    asked = escape_within(_one_line(words), 500)
    if not reviews:
        text = f"No published fact-check matching “{asked}”."
        return _dicts([mrkdwn_section(text)]), text
    title = f"Previously checked: {len(reviews)} matching fact-checks"
    blocks: list[Block] = [HeaderBlock(text=plain_text(title, MAX_HEADER_CHARS))]
    blocks.extend(mrkdwn_section(review_markdown(r)) for r in reviews[: MAX_BLOCKS - 1])
    best = reviews[0]
    fallback = f"{best.rating or 'no rating'}: {_one_line(best.claim_reviewed)}"
    return _dicts(blocks), escape_within(fallback, MAX_FALLBACK_CHARS)


def index_offer_blocks(urls: Sequence[str]) -> tuple[Blocks, str]:
    """A link posted in a flagged thread: offer to index it (never done without a click)."""
    blocks: list[Block] = [
        mrkdwn_section("This thread links to an article I haven't indexed. Add it, so checks can use it?")
    ]
    for n, url in enumerate(urls[:5]):
        blocks.append(mrkdwn_section(f"<{_link_target(url)}|{escape_within(url, 200)}>"))
        blocks.append(
            ActionsBlock(
                block_id=f"index_offer_{n}",
                elements=[ButtonElement(text=plain_text("Index this article", 75), action_id=INDEX_URL, value=url[:2000])],
            )
        )
    return _dicts(blocks), "Index the linked article? " + " ".join(urls[:5])


def ingest_blocks(report: IngestReport) -> tuple[Blocks, str]:
    """What `add` indexed: counts, then the pages added or updated and each failure with its reason."""
    lines = [f"*Indexed:* {escape(report.summary())}"]
    for label, paths in (("added", report.added), ("updated", report.updated)):
        for path in paths[:10]:
            lines.append(f"• {label}: {escape_within(path, 300)}")
        if len(paths) > 10:
            lines.append(f"• … and {len(paths) - 10} more {label}")
    for failure in report.failed[:10]:
        lines.append(f"• :warning: {escape_within(failure.path, 300)}: {escape_within(failure.reason, 400)}")
    text = _cap_markdown("\n".join(lines), MAX_SECTION_CHARS)
    return _dicts([mrkdwn_section(text)]), escape_within(report.summary(), MAX_FALLBACK_CHARS)


def error_blocks(message: str) -> tuple[Blocks, str]:
    text = f":warning: couldn't check that: {escape_within(_one_line(message), 500)}"
    return _dicts([mrkdwn_section(text)]), text


def notice_blocks(message: str) -> tuple[Blocks, str]:
    """A one-line notice in plain words (already free of user text or escaped by the caller)."""
    return _dicts([mrkdwn_section(message)]), message


def with_feedback_counts(blocks: Blocks, counts: dict[str, int]) -> Blocks:
    """The message's blocks with one 'Feedback counted' line (replaced, never stacked)."""
    line = ContextBlock(
        block_id=FEEDBACK_BLOCK_ID,
        elements=[
            MarkdownTextObject(
                text=f"Feedback counted: 👍 {counts.get('up', 0)} · 👎 {counts.get('down', 0)}"
            )
        ],
    ).to_dict()
    kept = [b for b in blocks if b.get("block_id") != FEEDBACK_BLOCK_ID]
    return kept[: MAX_BLOCKS - 1] + [line]


# App Home --------------------------------------------------------------------------
def home_view(
    article_count: int, articles: Sequence[ArticleSummary], recent: Sequence[CheckAudit]
) -> dict[str, Any]:
    """The App Home tab: what the corpus holds and the latest checks in this workspace."""
    outlets = Counter(a.outlet or "unknown outlet" for a in articles)
    blocks: list[Block] = [
        HeaderBlock(text=plain_text("Newsroom fact-check", MAX_HEADER_CHARS)),
        mrkdwn_section(f"*{article_count}* articles indexed from *{len(outlets)}* outlets"),
    ]
    if outlets:
        blocks.append(
            mrkdwn_section(
                "*Outlets:* " + ", ".join(f"{escape_within(o, 80)} ({n})" for o, n in outlets.most_common(40))
            )
        )
    blocks.append(DividerBlock())
    blocks.append(HeaderBlock(text=plain_text("Recent checks", MAX_HEADER_CHARS)))
    if not recent:
        blocks.append(context("No checks yet. Try `/factcheck <claim>`."))
    for audit in recent[:20]:
        emoji, label = VERDICT_LABELS.get(audit.verdict, ("❔", audit.verdict))
        when = audit.created_at.strftime("%d %b %H:%M") if audit.created_at else ""
        who = f" · <@{audit.user}>" if audit.user and audit.user.isalnum() else ""
        blocks.append(
            mrkdwn_section(
                f"{emoji} *{label}* — {escape_within(_one_line(audit.claim), 300)}\n_{audit.source} · {when}_{who}"
            )
        )
    return View(type="home", blocks=blocks[:100]).to_dict()
