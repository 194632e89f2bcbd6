"""`factcheck eval-matching ROOT --split dev|test`: CLEF 2020 CheckThat! task 2 (claim matching).

The 10,375 verified claims (claim text + fact-check title) are indexed into a
fresh temporary store, each as one small article, through the same analysis
(`facts.analyse_sentence`) and the same retrieval (`retrieve.retrieve` +
`retrieve.align`) a check uses. Each tweet is parsed as one claim; its
candidates are ranked and scored with MAP@5 (the official metric), MRR and
P@1. The benchmark is read from ROOT, never copied.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel
from spacy.language import Language

from bot.engine import facts
from bot.engine.claims import parse_claim
from bot.engine.errors import FactCheckError
from bot.engine.models import Article, ParsedArticle
from bot.engine.nlp import load_pipeline
from bot.engine.retrieve import align, covered_keys, key_weights, retrieve
from bot.engine.speakers import SpeakerResolver
from bot.settings import Settings
from bot.store import open_store
from bot.store.base import Store

K = 5
TWEET_SIGNATURE = re.compile(r"\s*[—–-]\s*[^—–]*\(@\w+\)\s*\w+\s+\d{1,2},\s+\d{4}\s*$")
TWEET_NOISE = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|@\w+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Weights of the ranking signals, chosen on the TRAIN split: full-text rank
# (BM25 over lemmas, normalised per query), weighted coverage of the tweet's
# content words, and rapidfuzz token-set similarity of the lemma strings.
W_FTS, W_COVERAGE, W_TOKEN_SET = 0.5, 0.25, 0.25


class ClefResult(BaseModel):
    split: str
    queries: int
    verified_claims: int
    map_at_5: float
    mrr: float
    p_at_1: float
    recall_at_5: float


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


def index_verified_claims(
    claims: dict[str, tuple[str, str]],
    *,
    nlp: Language,
    store: Store,
    progress: Callable[[int], None] | None = None,
) -> None:
    """One article per verified claim, its claim and title analysed as ONE passage.

    A fact-check is one unit of evidence: splitting it into sentences would
    rank a tweet against half a claim.
    """
    ids = list(claims)
    texts = (f"{claims[i][0]}\n{claims[i][1]}" for i in ids)
    for count, (vclaim_id, doc) in enumerate(
        zip(ids, nlp.pipe(texts, batch_size=256)), 1
    ):
        claim, title = claims[vclaim_id]
        body = f"{claim}\n{title}"
        passages = [facts.analyse_sentence(doc[:], position=0, published=None)]
        article = Article(
            path=f"vclaim/{vclaim_id}",
            content_hash=hashlib.sha256(f"{vclaim_id}\0{body}".encode()).hexdigest(),
            title=title,
            body=body,
        )
        store.save_article(ParsedArticle(article=article, passages=passages, quotes=[]))
        if progress and count % 1000 == 0:
            progress(count)


def rank_verified_claims(
    tweet: str, *, nlp: Language, store: Store, speakers: SpeakerResolver
) -> list[str]:
    """Verified-claim ids for one tweet, best first (at most K)."""
    text = clean_tweet(tweet)
    if not text:
        return []
    claim = parse_claim(nlp(text)[:], nlp=nlp, speakers=speakers)
    candidates = retrieve(claim, store)
    if not candidates:
        return []
    top_rank = max(c.rank for c in candidates) or 1.0
    covered = [covered_keys(claim, c) for c in candidates]
    weights = key_weights(claim, covered)
    best: dict[str, float] = {}
    for candidate, keys in zip(candidates, covered):
        alignment = align(claim, candidate, weights=weights, covered=keys)
        score = (
            W_FTS * (candidate.rank / top_rank)
            + W_COVERAGE * alignment.coverage
            + W_TOKEN_SET * alignment.token_set
        )
        vclaim_id = candidate.article.path.split("/", 1)[1]
        best[vclaim_id] = max(best.get(vclaim_id, 0.0), score)
    return sorted(best, key=lambda i: -best[i])[:K]


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
    progress: Callable[[int], None] | None = None,
) -> ClefResult:
    """Index the verified claims into a temporary store, rank them per tweet, score."""
    root = Path(root)
    pipeline = nlp or load_pipeline(settings.spacy_model if settings else None)
    claims = read_verified_claims(root)
    queries = read_queries(root, split)
    qrels = read_qrels(root, split)
    speakers = SpeakerResolver()
    with tempfile.TemporaryDirectory(prefix="factcheck-clef-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'clef.db'}")
        try:
            index_verified_claims(claims, nlp=pipeline, store=store, progress=progress)
            ap, rr, p1, r5 = [], [], [], []
            for tweet_id, relevant in qrels.items():
                if tweet_id not in queries:
                    continue
                ranked = rank_verified_claims(
                    queries[tweet_id], nlp=pipeline, store=store, speakers=speakers
                )
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
    )


def format_clef(result: ClefResult) -> str:
    return (
        f"CLEF 2020 CheckThat! task 2 ({result.split}): {result.queries} tweets, "
        f"{result.verified_claims} verified claims\n"
        f"MAP@5 {result.map_at_5:.3f}   MRR {result.mrr:.3f}   P@1 {result.p_at_1:.3f}   "
        f"R@5 {result.recall_at_5:.3f}\n"
    )
