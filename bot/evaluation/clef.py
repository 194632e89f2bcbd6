"""`factcheck eval-matching ROOT --split dev|test`: CLEF 2020 CheckThat! task 2 (claim matching).

The 10,375 verified claims (claim text + fact-check title) are ingested into a
fresh temporary store as review records (no rating: the benchmark has none),
through the same analysis and vectors as fact-checks read by `factcheck
ingest` (`review_index.index_reviews`). Each tweet, cleaned of its signature,
links and handles, is matched like a checked claim (`ReviewMatcher.rank`);
the ranking is scored with MAP@5 (the official metric), MRR and P@1. The
benchmark is read from ROOT, never copied.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel
from spacy.language import Language

from bot.core import FactCheckError
from bot.core.models import Review
from bot.language import load_pipeline
from bot.store.review_index import SentenceEncoder, index_reviews
from bot.check.review_matching import SHOW_THRESHOLD, STRONG_THRESHOLD, ReviewMatcher
from bot.settings import Settings
from bot.store import open_store

K = 5
TWEET_SIGNATURE = re.compile(r"\s*[—–-]\s*[^—–]*\(@\w+\)\s*\w+\s+\d{1,2},\s+\d{4}\s*$")
TWEET_NOISE = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|@\w+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
CLEF_KEY = "clef:"
CALIBRATION_DEPTH = 50  # ranked verified claims read per tweet when calibrating


class ClefResult(BaseModel):
    split: str
    queries: int
    verified_claims: int
    map_at_5: float
    mrr: float
    p_at_1: float
    recall_at_5: float
    encoder: str = ""


def _read_tsv(path: Path, *, quoting: int) -> Iterator[list[str]]:
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=quoting)
            next(reader, None)  # header
            yield from reader
    except OSError as exc:
        raise FactCheckError(f"cannot read {path}: {exc}") from exc


def read_verified_claims(root: Path) -> dict[str, tuple[str, str]]:
    """vclaim_id -> (claim, title)."""
    claims: dict[str, tuple[str, str]] = {}
    for row in _read_tsv(root / "verified_claims.docs.tsv", quoting=csv.QUOTE_MINIMAL):
        if len(row) >= 3 and row[0].strip():
            claims[row[0].strip()] = (row[1].strip(), row[2].strip())
    return claims


def read_queries(root: Path, split: str) -> dict[str, str]:
    queries: dict[str, str] = {}
    for row in _read_tsv(root / split / "tweets.queries.tsv", quoting=csv.QUOTE_NONE):
        if len(row) >= 2 and row[0].strip():
            queries[row[0].strip()] = row[1]
    return queries


def read_qrels(root: Path, split: str) -> dict[str, set[str]]:
    relevant: dict[str, set[str]] = {}
    path = root / split / "tweet-vclaim-pairs.qrels"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FactCheckError(f"cannot read {path}: {exc}") from exc
    for line in lines:
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            relevant.setdefault(parts[0], set()).add(parts[2])
    return relevant


def clean_tweet(text: str) -> str:
    """The tweet's words: signature, links and handles dropped, #CamelCase split."""
    text = TWEET_SIGNATURE.sub("", text.strip().strip('"').replace('""', '"'))
    text = TWEET_NOISE.sub(" ", text)
    text = re.sub(r"#(\w+)", lambda m: CAMEL.sub(" ", m.group(1)), text)
    return " ".join(text.split())


def verified_claim_reviews(claims: dict[str, tuple[str, str]], root: Path) -> list[Review]:
    """Each verified claim as a review record: its wording, its fact-check's title, no rating
    (the benchmark publishes none)."""
    source = str(root / "verified_claims.docs.tsv")
    return [
        Review(key=f"{CLEF_KEY}{vclaim_id}", claim_reviewed=claim, title=title or None, rating="", source=source)
        for vclaim_id, (claim, title) in claims.items()
    ]


def rank_verified_claims(tweet: str, matcher: ReviewMatcher, keys: dict[int, str]) -> list[str]:
    """Verified-claim ids for one tweet, best first (at most K), as a check would rank reviews."""
    text = clean_tweet(tweet)
    if not text:
        return []
    return [keys[r.review_id][len(CLEF_KEY):] for r in matcher.rank(text, K)]


def average_precision(ranked: list[str], relevant: set[str], k: int = K) -> float:
    hits, total = 0, 0.0
    for position, item in enumerate(ranked[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k) if relevant else 0.0


def evaluate_clef(
    root: Path,
    split: str,
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    encoder: SentenceEncoder | None = None,
    store_url: str | None = None,
) -> ClefResult:
    """Ingest the verified claims as reviews into a temporary store, match each tweet, score.

    `store_url` keeps the ingested reviews in a store of your choice (a second run on it
    skips the embedding, as re-ingest of an unchanged review writes nothing).
    """
    root = Path(root)
    pipeline = nlp or load_pipeline(settings.spacy_model if settings else None)
    claims = read_verified_claims(root)
    queries = read_queries(root, split)
    qrels = read_qrels(root, split)
    with tempfile.TemporaryDirectory(prefix="factcheck-clef-") as folder:
        store = open_store(store_url or f"sqlite:///{Path(folder) / 'clef.db'}")
        try:
            index_reviews(verified_claim_reviews(claims, root), nlp=pipeline, store=store, encoder=encoder)
            keys = {r.id: r.key for r in store.reviews() if r.id is not None}
            matcher = ReviewMatcher(store, pipeline, encoder)
            ap, rr, p1, r5 = [], [], [], []
            for tweet_id, relevant in qrels.items():
                if tweet_id not in queries:
                    continue
                ranked = rank_verified_claims(queries[tweet_id], matcher, keys)
                ap.append(average_precision(ranked, relevant))
                first = next(
                    (i for i, item in enumerate(ranked, 1) if item in relevant), None
                )
                rr.append(1.0 / first if first else 0.0)
                p1.append(1.0 if ranked[:1] and ranked[0] in relevant else 0.0)
                r5.append(len(relevant & set(ranked[:K])) / len(relevant))
        finally:
            store.close()
    n = len(ap) or 1
    return ClefResult(
        split=split,
        queries=len(ap),
        verified_claims=len(claims),
        map_at_5=sum(ap) / n,
        mrr=sum(rr) / n,
        p_at_1=sum(p1) / n,
        recall_at_5=sum(r5) / n,
        encoder="all-MiniLM-L6-v2 (ONNX) + lexical" if encoder else "lexical only (no encoder)",
    )


class Calibration(BaseModel):
    """Thresholds on the fused score, chosen on the tweets of `splits`.

    Positive: the best score of a relevant verified claim (what a claim that HAS a
    published fact-check gets); negative: the best score of a non-relevant one (what a
    claim with no fact-check of its own would get: often a near-duplicate check of the
    same topic, so this side is pessimistic).
    """

    splits: list[str]
    positives: int
    negatives: int
    show: float  # the best balanced accuracy (TPR + TNR) / 2
    show_tpr: float
    show_tnr: float
    strong: float  # the lowest threshold keeping 95% of the negatives out
    strong_tpr: float
    strong_tnr: float


def calibrate_thresholds(
    root: Path,
    splits: tuple[str, ...] = ("train", "dev"),
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    encoder: SentenceEncoder | None = None,
    store_url: str | None = None,
) -> Calibration:
    root = Path(root)
    pipeline = nlp or load_pipeline(settings.spacy_model if settings else None)
    claims = read_verified_claims(root)
    positives: list[float] = []
    negatives: list[float] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-clef-") as folder:
        store = open_store(store_url or f"sqlite:///{Path(folder) / 'clef.db'}")
        try:
            index_reviews(verified_claim_reviews(claims, root), nlp=pipeline, store=store, encoder=encoder)
            keys = {r.id: r.key[len(CLEF_KEY):] for r in store.reviews() if r.id is not None}
            matcher = ReviewMatcher(store, pipeline, encoder)
            for split in splits:
                queries, qrels = read_queries(root, split), read_qrels(root, split)
                for tweet_id, relevant in qrels.items():
                    text = clean_tweet(queries.get(tweet_id, ""))
                    ranked = matcher.rank(text, CALIBRATION_DEPTH) if text else []
                    hits = [r.score for r in ranked if keys[r.review_id] in relevant]
                    misses = [r.score for r in ranked if keys[r.review_id] not in relevant]
                    if hits:
                        positives.append(max(hits))
                    if misses:
                        negatives.append(max(misses))
        finally:
            store.close()

    def rates(t: float) -> tuple[float, float]:
        tpr = sum(s >= t for s in positives) / max(len(positives), 1)
        tnr = sum(s < t for s in negatives) / max(len(negatives), 1)
        return tpr, tnr

    grid = [round(0.30 + i / 100, 2) for i in range(66)]
    show = max(grid, key=lambda t: (sum(rates(t)), -t))
    strong = next((t for t in grid if rates(t)[1] >= 0.95), grid[-1])
    return Calibration(
        splits=list(splits), positives=len(positives), negatives=len(negatives),
        show=show, show_tpr=rates(show)[0], show_tnr=rates(show)[1],
        strong=strong, strong_tpr=rates(strong)[0], strong_tnr=rates(strong)[1],
    )


def format_calibration(c: Calibration) -> str:
    return (
        f"Thresholds on the fused score, from CLEF 2020 {' + '.join(c.splits)} "
        f"({c.positives} tweets with their fact-check ranked, {c.negatives} best wrong matches)\n"
        f"show   {c.show:.2f}  (best balanced accuracy: {c.show_tpr:.1%} of true matches shown, "
        f"{c.show_tnr:.1%} of wrong best matches hidden)\n"
        f"strong {c.strong:.2f}  (95% of wrong best matches below it: {c.strong_tpr:.1%} of true "
        f"matches above, {c.strong_tnr:.1%} wrong ones below)\n"
        f"now in bot/check/review_matching.py: SHOW_THRESHOLD {SHOW_THRESHOLD}, "
        f"STRONG_THRESHOLD {STRONG_THRESHOLD}\n"
    )


def format_clef(result: ClefResult) -> str:
    return (
        f"CLEF 2020 CheckThat! task 2 ({result.split}): {result.queries} tweets, "
        f"{result.verified_claims} verified claims\n"
        f"matching: {result.encoder}\n"
        f"MAP@5 {result.map_at_5:.3f}   MRR {result.mrr:.3f}   P@1 {result.p_at_1:.3f}   "
        f"R@5 {result.recall_at_5:.3f}\n"
    )
