"""Training pairs from the project's own audited story sets: claims as reporters word them.

Each set under `eval/` is a story (its articles), claims about it labelled supported,
conflicting or not found, and an AUDIT file that cites, for every claim, the sentences that
decide its label. Helpers who never read the engine wrote them. The generated news pairs
(`pairs.py`) teach slot swaps; these teach what swaps cannot: a claim that rewords its
sentence ("The co-op identified the missing worker as Dale Orcutt, 47" against "The missing
worker was 47-year-old Dale Orcutt"), and a debunk's restatement followed by its finding.

- supported: the cited sentences (at most three; the first one's headline above them for
  half the pairs, as checks show them) entail the claim;
- conflicting: they contradict it;
- neutral: for every claim, the sentence that shares most words with it in an article
  the label does not cite (the same story, another fact: "the order for Zone 5 was lifted"
  against "the orders for Zones 3 and 4 went out at 3:20"). Without these the model reads
  every near paraphrase with a detail of its own as a contradiction.

Sets numbered from HELD_OUT_FROM on are never trained on: they measure the model
("audited claims" on its card), as the blind set of each session does once it is written.
Deterministic for a seed: sets, claims and articles are read in sorted order."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from bot.ingest.corpus import load_articles
from bot.ingest.outlets import OutletDirectory
from bot.model.nli_data import Pair
from bot.model.stance_model import under_headline

HELD_OUT_FROM = 46  # corpus46 / debunk41 on were written after this data was fixed
AUDITED = "audited claims (held-out story sets)"
HEADLINE_SHARE = 0.5
MAX_EVIDENCE_SENTENCES = 3
MIN_FRAGMENT_WORDS = 5
MIN_NEUTRAL_WORDS = 8  # a heading or a menu line is no sentence to compare a claim with
MIN_SHARED_WORDS = 2  # content words a neutral sentence shares with the claim: the same story
LABEL_OF = {"supported": "entailment", "conflicting": "contradiction", "not_found": "neutral"}
_AUDIT_NAME = re.compile(r"^corpus(\d+)_(debunk\d*)_AUDIT\.md$")
_CLAIM_ID = re.compile(r"\b[cd]\d+-\d+\b")
# Quotation marks (an apostrophe only at a word's edge) and ellipses cut the audit's
# citations into fragments; each long fragment is matched against the articles' sentences.
_CUTS = re.compile(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)|\.\.\.|…|\n")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]{2,}")


class AuditedSet(NamedTuple):
    number: int
    audit: Path
    claims: list[Path]
    folders: list[Path]


class Sentence(NamedTuple):
    title: str
    text: str
    key: str  # normalised for matching


def _key(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text).strip().strip(".,;:!?\"' ").lower()


def audited_sets(eval_dir: Path) -> list[AuditedSet]:
    """Every set that has an AUDIT file, its claims files and article folders, by number."""
    found = []
    for audit in sorted(eval_dir.glob("*_AUDIT.md")):
        match = _AUDIT_NAME.match(audit.name)
        if not match:
            continue
        names = (f"corpus{match[1]}", match[2])
        found.append(AuditedSet(
            int(match[1]), audit,
            [eval_dir / f"{n}_claims.jsonl" for n in names if (eval_dir / f"{n}_claims.jsonl").is_file()],
            [eval_dir / n for n in names if (eval_dir / n).is_dir()],
        ))
    return sorted(found, key=lambda s: s.number)


def _blocks(audit_text: str) -> dict[str, str]:
    """Each claim id's parts of the audit: from each mention of it (a list of claims, then a
    table of evidence, say) to the next mention of any claim."""
    mentions = list(_CLAIM_ID.finditer(audit_text))
    ends = [m.start() for m in mentions[1:]] + [len(audit_text)]
    blocks: dict[str, str] = {}
    for mention, end in zip(mentions, ends):
        blocks[mention[0]] = blocks.get(mention[0], "") + "\n" + audit_text[mention.start():end]
    return blocks


def _article_sentences(folders: list[Path], nlp: Language) -> dict[str, list[Sentence]]:
    """Sentences of each article of the set, keyed by its document id (the file's prefix)."""
    outlets = OutletDirectory([])
    by_doc: dict[str, list[Sentence]] = {}
    files = sorted(p for folder in folders for p in folder.iterdir() if p.is_file())
    articles = [(path.name.split("_", 1)[0], article) for path in files
                for article in load_articles(path, max_bytes=2_000_000, outlets=outlets)]
    for (doc, article), parsed in zip(articles, nlp.pipe(a.body for _, a in articles)):
        by_doc.setdefault(doc, []).extend(
            Sentence(article.title or "", s.text.strip(), _key(s.text)) for s in parsed.sents if s.text.strip()
        )
    return by_doc


def cited_sentences(block: str, sentences: list[Sentence]) -> list[Sentence]:
    """The article sentences an audit block cites: a sentence quoted whole, or one holding a
    quoted fragment of at least MIN_FRAGMENT_WORDS words."""
    block_key = _key(block)
    fragments = [k for k in (_key(part) for part in _CUTS.split(block)) if len(k.split()) >= MIN_FRAGMENT_WORDS]
    return [s for s in sentences
            if len(s.key.split()) >= 3 and (s.key in block_key or any(f in s.key for f in fragments))]


def _closest(sentences: list[Sentence], claim: str) -> Sentence | None:
    """The sentence sharing most content words with the claim (at least MIN_SHARED_WORDS),
    ties broken by their likeness as strings; headings and menu lines are no sentences here."""
    wanted, key = _content_words(claim), _key(claim)
    scored = [((len(wanted & _content_words(s.key)), fuzz.token_sort_ratio(s.key, key)), s)
              for s in sentences if len(s.key.split()) >= MIN_NEUTRAL_WORDS]
    best = max(scored, key=lambda item: item[0], default=None)
    return best[1] if best is not None and best[0][0] >= MIN_SHARED_WORDS else None


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def _premise(title: str, sentences: Iterable[Sentence], rng: random.Random) -> str:
    text = " ".join(s.text for s in sentences)
    return under_headline(title, text) if rng.random() < HEADLINE_SHARE else text


def set_pairs(audited: AuditedSet, nlp: Language, rng: random.Random) -> list[Pair]:
    """One pair per claim with its cited sentences, and one neutral pair per claim."""
    by_doc = _article_sentences(audited.folders, nlp)
    blocks = _blocks(audited.audit.read_text(encoding="utf-8"))
    source = f"audited_set{audited.number}"
    pairs: list[Pair] = []
    for claims_file in audited.claims:
        for line in claims_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            claim = json.loads(line)
            label = LABEL_OF.get(claim["label"])
            if label is None:  # "mixed": no single stance
                continue
            docs = {str(d) for d in claim.get("docs") or []}
            closest = _closest([s for doc in sorted(by_doc) if doc not in docs for s in by_doc[doc]], claim["claim"])
            if closest is not None:
                # the story told elsewhere: the closest sentence of an article the label does not cite
                pairs.append(Pair(premise=_premise(closest.title, [closest], rng),
                                  hypothesis=claim["claim"], label="neutral", source=source))
            if label == "neutral":
                continue
            block = blocks.get(claim["id"], "")
            # All the cited sentences together: a claim joining facts from two articles is not
            # entailed by either alone, and a longer premise would be cut (the model reads 128 tokens).
            cited = [s for doc in sorted(docs) for s in cited_sentences(block, by_doc.get(doc, []))]
            if 0 < len(cited) <= MAX_EVIDENCE_SENTENCES:
                pairs.append(Pair(premise=_premise(cited[0].title, cited, rng),
                                  hypothesis=claim["claim"], label=label, source=source))
    return pairs


def audited_pairs(eval_dir: Path, nlp: Language, *, seed: int = 13, held_out: bool = False) -> list[Pair]:
    """Pairs of the training sets (numbered below HELD_OUT_FROM), or of the held-out ones."""
    rng = random.Random(seed)
    return [pair for audited in audited_sets(eval_dir)
            if (audited.number >= HELD_OUT_FROM) == held_out
            for pair in set_pairs(audited, nlp, rng)]
