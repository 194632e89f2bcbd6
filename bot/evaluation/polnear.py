"""Quote and speaker extraction measured on PolNeAR (political news attributions).

Gold: `derived_{split}_attributions.jsonl` lists, per attribution, the Source
span (the speaker as written) and `direct_quotes`, the text inside the quote
marks with character offsets into `data/{split}/text/<article>.txt`. Those
offsets exclude the marks, as our quote segments do, so spans compare
directly.

- quote P/R/F1, overlap: a predicted quote segment (direct or partial) counts
  when it overlaps a gold segment; a gold segment is found when some
  prediction overlaps it.
- quote P/R/F1, exact: the same with identical offsets (whitespace trimmed).
- speaker accuracy: over found gold segments whose attribution has a Source,
  the share whose predicted speaker mention overlaps the Source span, or
  whose predicted speaker resolves to the same person as the Source text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, Field
from spacy.language import Language

from bot.core import FactCheckError
from bot.ingest.quotes import FoundQuote, find_quotes
from bot.language import SpeakerResolver

Segment = tuple[int, int]


class PolnearMiss(BaseModel):
    article: str
    kind: str  # "missed_quote", "spurious_quote", "wrong_speaker"
    text: str
    detail: str = ""


class PolnearResult(BaseModel):
    split: str
    articles: int
    gold_quotes: int
    predicted_quotes: int
    overlap_precision: float
    overlap_recall: float
    overlap_f1: float
    exact_precision: float
    exact_recall: float
    exact_f1: float
    speaker_total: int
    speaker_correct: int
    speaker_accuracy: float
    reported_gold: int = 0
    reported_found: int = 0
    misses: list[PolnearMiss] = Field(default_factory=list)


class _GoldQuote(BaseModel):
    start: int
    end: int
    text: str
    source_text: str | None
    source_spans: list[Segment]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: Segment, b: Segment) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trim(text: str, seg: Segment) -> Segment:
    start, end = seg
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _load_gold(
    root: Path, split: str
) -> tuple[dict[str, list[_GoldQuote]], dict[str, list[Segment]]]:
    path = root / f"derived_{split}_attributions.jsonl"
    if not path.exists():
        raise FactCheckError(
            f"{path} not found: point ROOT at the PolNeAR benchmark folder"
        )
    quotes: dict[str, list[_GoldQuote]] = defaultdict(list)
    indirect: dict[str, list[Segment]] = defaultdict(list)
    seen: set[tuple[str, int, int]] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            article = row["article"]
            quotes.setdefault(article, [])
            source = row.get("source") or {}
            source_spans = [tuple(s) for s in source.get("spans", [])]
            for q in row.get("direct_quotes", []):
                key = (article, q["start"], q["end"])
                if key in seen:
                    continue
                seen.add(key)
                quotes[article].append(
                    _GoldQuote(
                        start=q["start"],
                        end=q["end"],
                        text=q["text"],
                        source_text=source.get("text"),
                        source_spans=source_spans,
                    )
                )
            if not row.get("direct_quotes") and source.get("text"):
                for span in row.get("content", {}).get("spans", []):
                    indirect[article].append((span[0], span[1]))
    return quotes, indirect


def _speaker_right(
    found: FoundQuote, gold: _GoldQuote, resolver: SpeakerResolver
) -> bool:
    attribution = found.attribution
    if attribution.mention_span and any(
        _overlaps(attribution.mention_span, s) for s in gold.source_spans
    ):
        return True
    if not gold.source_text:
        return False
    predicted = attribution.speaker or attribution.mention
    return bool(predicted) and resolver.same_person(predicted, gold.source_text)


def evaluate_polnear(
    root: Path,
    split: str = "dev",
    *,
    nlp: Language | None = None,
    limit: int | None = None,
    resolver: SpeakerResolver | None = None,
    max_misses: int = 40,
) -> PolnearResult:
    """Run quote extraction over a PolNeAR split and score it against the gold attributions."""
    if nlp is None:
        from bot.language import load_pipeline

        nlp = load_pipeline()
    if resolver is None:
        from bot.settings import load_settings

        resolver = SpeakerResolver.load(load_settings().aliases_file)
    root = Path(root)
    gold, indirect = _load_gold(root, split)
    articles = sorted(gold)[:limit] if limit else sorted(gold)
    texts = []
    for article in articles:
        path = root / "data" / split / "text" / f"{article}.txt"
        texts.append(path.read_text(encoding="utf-8"))

    tp_pred_overlap = tp_pred_exact = n_pred = 0
    tp_gold_overlap = tp_gold_exact = n_gold = 0
    speaker_total = speaker_correct = 0
    reported_gold = reported_found = 0
    misses: list[PolnearMiss] = []

    for article, text, doc in zip(articles, texts, nlp.pipe(texts, batch_size=16)):
        found = find_quotes(doc, resolver=resolver)
        quoted = [f for f in found if f.quote.kind != "reported"]
        predicted = [(_trim(text, seg), f) for f in quoted for seg in f.segments]
        golds = gold[article]
        gold_segments = [(_trim(text, (g.start, g.end)), g) for g in golds]
        n_pred += len(predicted)
        n_gold += len(gold_segments)
        for seg, f in predicted:
            if any(_overlaps(seg, g) for g, _ in gold_segments):
                tp_pred_overlap += 1
            elif len(misses) < max_misses:
                misses.append(
                    PolnearMiss(
                        article=article,
                        kind="spurious_quote",
                        text=text[seg[0] : seg[1]][:160],
                    )
                )
            if any(seg == g for g, _ in gold_segments):
                tp_pred_exact += 1
        for g_seg, g in gold_segments:
            hits = [f for seg, f in predicted if _overlaps(seg, g_seg)]
            if any(seg == g_seg for seg, _ in predicted):
                tp_gold_exact += 1
            if not hits:
                if len(misses) < max_misses:
                    misses.append(
                        PolnearMiss(
                            article=article, kind="missed_quote", text=g.text[:160]
                        )
                    )
                continue
            tp_gold_overlap += 1
            if g.source_spans:
                speaker_total += 1
                if _speaker_right(hits[0], g, resolver):
                    speaker_correct += 1
                elif len(misses) < max_misses:
                    a = hits[0].attribution
                    misses.append(
                        PolnearMiss(
                            article=article,
                            kind="wrong_speaker",
                            text=g.text[:120],
                            detail=f"gold {g.source_text!r}; predicted {a.mention!r} -> {a.speaker!r}",
                        )
                    )
        reported = [
            seg for f in found if f.quote.kind == "reported" for seg in f.segments
        ]
        for content in indirect.get(article, []):
            reported_gold += 1
            if any(_overlaps(content, seg) for seg in reported):
                reported_found += 1

    op = tp_pred_overlap / n_pred if n_pred else 0.0
    orr = tp_gold_overlap / n_gold if n_gold else 0.0
    ep = tp_pred_exact / n_pred if n_pred else 0.0
    er = tp_gold_exact / n_gold if n_gold else 0.0
    return PolnearResult(
        split=split,
        articles=len(articles),
        gold_quotes=n_gold,
        predicted_quotes=n_pred,
        overlap_precision=op,
        overlap_recall=orr,
        overlap_f1=_f1(op, orr),
        exact_precision=ep,
        exact_recall=er,
        exact_f1=_f1(ep, er),
        speaker_total=speaker_total,
        speaker_correct=speaker_correct,
        speaker_accuracy=speaker_correct / speaker_total if speaker_total else 0.0,
        reported_gold=reported_gold,
        reported_found=reported_found,
        misses=misses,
    )


def _metric_line(label: str, precision: float, recall: float, f1: float) -> str:
    return f"{label:24} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def format_polnear(result: PolnearResult, *, show_misses: int = 15) -> str:
    """The report `factcheck eval-quotes` prints."""
    lines = [
        (
            f"PolNeAR {result.split}: {result.articles} articles, "
            f"{result.gold_quotes} gold quote segments, {result.predicted_quotes} predicted"
        ),
        _metric_line(
            "direct quotes (overlap)",
            result.overlap_precision,
            result.overlap_recall,
            result.overlap_f1,
        ),
        _metric_line(
            "direct quotes (exact)",
            result.exact_precision,
            result.exact_recall,
            result.exact_f1,
        ),
        (
            f"speaker accuracy         {result.speaker_accuracy:.3f}  "
            f"({result.speaker_correct}/{result.speaker_total} found gold quotes with a source)"
        ),
    ]
    if result.reported_gold:
        lines.append(
            f"reported speech (info)   {result.reported_found}/{result.reported_gold} indirect "
            f"attributions overlapped by a reported quote "
            f"({result.reported_found / result.reported_gold:.3f}; gold includes beliefs and intentions)"
        )
    if show_misses and result.misses:
        lines.append("")
        lines.append("first misses (of those kept):")
        for miss in result.misses[:show_misses]:
            detail = f"  [{miss.detail}]" if miss.detail else ""
            lines.append(f"  {miss.kind:15} {miss.article}: {miss.text!r}{detail}")
    return "\n".join(lines)
