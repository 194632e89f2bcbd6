"""In-domain NLI training pairs generated from real news sentences (FactCC-style).

Public NLI data teaches a stance model the general task; these pairs teach it
news prose: a sentence with one slot changed (a number, date, person, place,
organisation, speaker, the main verb's polarity, or a verb or adjective for its listed
opposite: "opened" -> "closed") contradicts it; a shorter clause, a reporting-verb
paraphrase or the sentence itself is entailed; another sentence of the same or a
related article, or the whole sentence given only its shorter clause, is neutral. The
sentence as an article writes it once its names are known ("He told the agency ...") entails
the sentence naming them, as a claim names them.
Reported claims get their own pairs: "A post claims that S" is neutral for S and
entails "A post said that S" (issue 11, point 5); half of those frames go on with a
fact-check's ruling ("A post claims that S. That is false."), which contradicts, entails or
leaves open S by what it rules, and leaves another sentence neutral. Premises take the form the checker
shows the model: half the sentences under their article's headline, and a quote given to
its speaker ('Hartley said: "We cannot wait"'), which entails the reported speech and is
neutral for the words given to someone else.

Output is deterministic for a seed: files are read in sorted order and every
choice draws from one `random.Random(seed)`.
"""

from __future__ import annotations

import calendar
import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from bot.core.models import Quote
from bot.ingest.corpus import clean_text
from bot.ingest.quotes import extract_quotes
from bot.ingest.paragraphs import is_prose, split_paragraphs
from bot.language.numbers import SMALL_NUMBERS
from bot.language.speakers import SpeakerResolver
from bot.model.attribution_frames import (
    ATTRIBUTED_VERBS,
    CLAIM_VERBS,
    FRAME_VERBS,
    GENERIC_SOURCES,
    PLURAL_SOURCES,
    VERDICTS,
)
from bot.model.sentence_slots import MAX_WORDS, SentenceSlots, Slot, analyse, usable
from bot.model.stance_model import quote_premise, under_headline

Label = Literal["entailment", "neutral", "contradiction"]
HELD_OUT_PARTS = frozenset({"dev", "test"})
MAX_SENTENCES_PER_ARTICLE = 40
REPORTED_SHARE = 0.6  # share of sentences also wrapped in an attribution frame
VERDICT_SHARE = 0.5  # share of those frames followed by a fact-check's ruling ("That is false.")
IDENTITY_SHARE = 0.04
ENTAILMENTS_PER_SENTENCE = 2
QUOTES_PER_ARTICLE = 6  # a random sample of an article's direct quotes
MIN_QUOTE_WORDS = 5
HEADLINE_SHARE = 0.5  # sentences whose premises carry the article's headline, as checks show them
DESCRIBED_SHARE = 0.3  # sentences whose names the premise gives as "he" or "the company"
DESCRIBED_NAME = 0.6  # chance that each further name of such a sentence is described too
# how an article refers to what it has named before: the description a claim's name stands for
DESCRIPTIONS = {
    "person": ("the official", "the spokesperson", "the man", "the woman"),
    "org": ("the company", "the agency", "the group", "the organisation", "the department"),
    "place": ("the city", "the country", "the state", "the town"),
}
SUBJECT_PRONOUNS = ("He", "She")
MONTH_NAMES = tuple(calendar.month_name[1:])
DAY_NAMES = tuple(calendar.day_name)
NUMBER_WORDS = tuple(w for w, v in SMALL_NUMBERS.items() if 2 <= v <= 20 or v in (30, 40, 50))
_NAME = re.compile(r"^(?=.*[A-Za-z]{3})[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)*$")  # not "Trump’s", "Jr."
_POSSESSIVE = re.compile(r"['’]s$")
_PRONOUNS = frozenset("he she they it we i you".split())


class Pair(BaseModel):
    """One training example; `kind` names the generator that made it."""

    premise: str
    hypothesis: str
    label: Label
    kind: str


class PairsSummary(BaseModel):
    articles: int
    sentences: int
    pairs: int
    seconds: float
    by_label: dict[str, int]
    by_kind: dict[str, int]

    def format(self) -> str:
        lines = [
            f"{self.pairs} pairs from {self.sentences} sentences of {self.articles} articles "
            f"in {self.seconds:.1f} s",
            "by label: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items())),
        ]
        lines += [f"  {k:<28} {v}" for k, v in sorted(self.by_kind.items())]
        return "\n".join(lines)


def article_files(src_dir: Path) -> list[Path]:
    """The .txt articles of `src_dir`, sorted. A dev or test split is refused: those texts
    are what the model is evaluated on."""
    if HELD_OUT_PARTS & {part.lower() for part in src_dir.resolve().parts}:
        raise ValueError(f"{src_dir} is a held-out split (dev/test); generate from train texts only")
    return sorted(src_dir.glob("*.txt"))


def article_parts(path: Path) -> tuple[str, str]:
    """The article's headline and its prose paragraphs, cleaned as ingest cleans them:
    dateline ("NEW YORK (AP) —"), furniture, headings and links dropped."""
    cleaned = clean_text(path.read_text(encoding="utf-8", errors="replace"))
    prose = "\n\n".join(p for p in split_paragraphs(cleaned.body) if is_prose(p))
    return cleaned.head.title or "", prose


class ArticleReading(NamedTuple):
    sentences: list[SentenceSlots]
    quotes: list[Quote]  # direct quotes with the speakers ingest resolves, as checks show them


def read_articles(
    texts: Iterable[str], nlp: Language, *, rng: random.Random, batch_size: int = 16
) -> list[ArticleReading]:
    """Usable sentences per article, at most MAX_SENTENCES_PER_ARTICLE, and its attributed
    direct quotes, at most QUOTES_PER_ARTICLE (random samples)."""
    articles: list[ArticleReading] = []
    for article, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        sents = [s for s in doc.sents if usable(s)]
        if len(sents) > MAX_SENTENCES_PER_ARTICLE:
            keep = sorted(rng.sample(range(len(sents)), MAX_SENTENCES_PER_ARTICLE))
            sents = [sents[i] for i in keep]
        quotes = [q for q in extract_quotes(doc, resolver=SpeakerResolver()) if q.kind == "direct" and q.speaker]
        if len(quotes) > QUOTES_PER_ARTICLE:
            quotes = [quotes[i] for i in sorted(rng.sample(range(len(quotes)), QUOTES_PER_ARTICLE))]
        articles.append(ArticleReading([analyse(s, article=article, index=i) for i, s in enumerate(sents)], quotes))
    return articles


class Pools:
    """Values of each slot kind seen in the corpus and in each article, for swaps."""

    def __init__(self, articles: Sequence[Sequence[SentenceSlots]]) -> None:
        self.corpus: dict[str, list[str]] = defaultdict(list)
        self.article: list[dict[str, list[str]]] = []
        self.by_entity: dict[str, list[SentenceSlots]] = defaultdict(list)
        # a name spaCy tagged only once is often a tagging error ("Cuccinelli Compass" as ORG)
        counts = Counter((slot.kind, _key(slot.text)) for a in articles for s in a for slot in s.slots)
        # a name tagged as a person more often than an organisation is kept as a person only
        best: dict[str, tuple[int, str]] = {}
        self.kind_of: dict[str, str] = {}
        for (kind, key), n in counts.items():
            if kind in ("person", "place", "org") and (key not in best or n > best[key][0]):
                best[key] = (n, kind)
        self.kind_of = {key: kind for key, (_, kind) in best.items()}
        self.after_the: set[str] = {
            slot.text for a in articles for s in a for slot in s.slots
            if slot.start > 0 and s.words[slot.start - 1].strip().lower() == "the"
        }
        seen: dict[str, set[str]] = defaultdict(set)
        for sentences in articles:
            local: dict[str, list[str]] = defaultdict(list)
            for s in sentences:
                for slot in s.slots:
                    key = _key(slot.text)
                    if slot.kind not in ("person", "place", "org") or counts[slot.kind, key] < 2:
                        continue
                    if best[key][1] != slot.kind or not _NAME.match(slot.text):
                        continue
                    if slot.text.isupper() and len(slot.text) > 4:
                        continue  # a dateline's "BUENA PARK", not a name in running text
                    if slot.text not in local[slot.kind]:
                        local[slot.kind].append(slot.text)
                    if slot.text not in seen[slot.kind]:
                        seen[slot.kind].add(slot.text)
                        self.corpus[slot.kind].append(slot.text)
                if (
                    s.report
                    and s.report.speaker_is_name
                    and len(s.report.speaker.split()) <= 6
                    and "," not in s.report.speaker
                    and s.report.speaker not in seen["source"]
                ):
                    seen["source"].add(s.report.speaker)
                    self.corpus["source"].append(s.report.speaker)
                for name in sorted(s.entities):
                    self.by_entity[name].append(s)
            self.article.append(local)


def _key(name: str) -> str:
    """A name's last word: "Sam Okoro" and "Okoro" are one person for counting mentions."""
    return name.casefold().split()[-1]


def _differs(old: str, new: str, sentence: str) -> bool:
    """A swap must name something else: not the same name, surname or a name already there."""
    a, b = old.casefold().split(), new.casefold().split()
    return bool(a and b) and a[-1] != b[-1] and a[0] != b[0] and new not in sentence


def swap_entity(s: SentenceSlots, slot: Slot, pools: Pools, rng: random.Random) -> str | None:
    kind = slot.entity_kind
    local = pools.article[s.article].get(kind, [])
    width = len(slot.text.split())
    for attempt in range(8):
        source = local if local and rng.random() < 0.5 else pools.corpus.get(kind, [])
        if not source:
            return None
        new = rng.choice(source)
        if attempt < 5 and len(new.split()) != width:
            continue  # "Mr. Rubio" -> "Mr. Cruz", not "Mr. Peter Morici"
        needs_the = slot.start > 0 and s.words[slot.start - 1].strip().lower() == "the"
        if needs_the and new not in pools.after_the or _POSSESSIVE.search(new):
            continue  # "in the Kremlin" -> "in the White House", never "in the Trump"
        if _differs(slot.text, new, s.text):
            return s.replaced(slot.start, slot.end, new)
    return None


def _format_like(old: str, value: float) -> str:
    decimals = len(old.split(".")[1]) if "." in old else 0
    text = f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    return text


def swap_number(s: SentenceSlots, slot: Slot, rng: random.Random) -> str | None:
    old = slot.text
    if slot.kind == "number_word":
        choices = [w for w in NUMBER_WORDS if w != old.lower()]
        new = rng.choice(choices)
        return s.replaced(slot.start, slot.end, new.capitalize() if old[0].isupper() else new)
    value = float(old.replace(",", ""))
    if slot.kind == "year":
        new_year = int(value) + rng.choice((-4, -3, -2, -1, 1, 2, 3, 4))
        return s.replaced(slot.start, slot.end, str(new_year))
    step = max(1.0, round(abs(value) * rng.uniform(0.2, 0.6)))
    candidates = [value * 2, value * 3, value / 2, value + step, value - step]
    if "." not in old:
        candidates = [round(c) for c in candidates]
    options = [c for c in candidates if c > 0 and c != value and _format_like(old, c) != old]
    if not options:
        return None
    return s.replaced(slot.start, slot.end, _format_like(old, rng.choice(options)))


def swap_calendar(s: SentenceSlots, slot: Slot, rng: random.Random) -> str:
    names = MONTH_NAMES if slot.kind == "month" else DAY_NAMES
    new = rng.choice([n for n in names if n.lower() != slot.text.lower().rstrip(".")])
    return s.replaced(slot.start, slot.end, new)


def contradiction(s: SentenceSlots, pools: Pools, rng: random.Random) -> Pair | None:
    """One slot changed, the slot kind drawn evenly among those the sentence has."""
    by_kind: dict[str, list[Slot]] = defaultdict(list)
    for slot in s.slots:
        if slot.kind in ("person", "place", "org") and pools.kind_of.get(_key(slot.text)) != slot.kind:
            continue  # "Trump" tagged as an organisation here: swapping it for "ITV" teaches noise
        by_kind["number" if slot.kind == "number_word" else slot.kind].append(slot)
    kinds = sorted(by_kind)
    if s.negation_flip and (not kinds or rng.random() < 0.5):  # else it would be half of all
        kinds.append("negation")
    if s.opposite and (not kinds or rng.random() < 0.5):
        kinds.append("antonym")
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "negation":
            return Pair(premise=s.text, hypothesis=s.negation_flip or "", label="contradiction",
                        kind="contra_negation")
        if kind == "antonym" and s.opposite:
            index, word = s.opposite
            return Pair(premise=s.text, hypothesis=s.replaced(index, index + 1, word),
                        label="contradiction", kind="contra_antonym")
        slot = rng.choice(by_kind[kind])
        if slot.kind in ("number", "number_word", "year"):
            new = swap_number(s, slot, rng)
        elif slot.kind in ("month", "weekday"):
            new = swap_calendar(s, slot, rng)
        else:
            new = swap_entity(s, slot, pools, rng)
        if new and new != s.text:
            return Pair(premise=s.text, hypothesis=new, label="contradiction", kind=f"contra_{kind}")
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stated(verb: str) -> str:
    return {"says": "states", "say": "state"}.get(verb.lower(), "stated")


def entailment(s: SentenceSlots, rng: random.Random) -> list[Pair]:
    """Shorter clauses and reporting-verb paraphrases (two at most), or (rarely) the
    sentence itself. Entailments are the scarcest label: a sentence gives what it has."""
    options: list[tuple[str, str]] = [("entail_clause", c) for c in s.shorter]
    report = s.report
    if report and report.quoted:
        options.append(("entail_quote_attribution", f"{_capital(report.speaker)} said: “{report.clause}.”"))
    elif report and report.lemma == "say":
        who = report.speaker
        stated = f"{_capital(who)} {_stated(report.verb)} that {report.clause}."
        options.append(("entail_reporting", stated))
        if who.lower() not in _PRONOUNS:  # "According to he" would not do
            options.append(("entail_reporting", f"According to {who}, {report.clause}."))
    if rng.random() < IDENTITY_SHARE:
        options = [("entail_identity", s.text)]
    chosen = rng.sample(options, min(ENTAILMENTS_PER_SENTENCE, len(options)))
    return [Pair(premise=s.text, hypothesis=h, label="entailment", kind=kind) for kind, h in chosen]


def quoted(quote: Quote, pools: Pools, rng: random.Random) -> list[Pair]:
    """A quote as the checker shows it, given to the speaker ingest resolved ('Alice Hartley
    said: "We cannot wait"'), entails the reported speech; the same words given to another
    person of the corpus are neutral (the rules name the right speaker)."""
    words = quote.text.rstrip(".,;:!?…—–- ")
    if not quote.speaker or not MIN_QUOTE_WORDS <= len(words.split()) <= MAX_WORDS:
        return []
    premise = quote_premise(quote.speaker, quote.text)
    said = rng.choice(("said", "said that", "says"))
    first = words.split()[0]
    if first != "I" and first.lower() in STOP_WORDS:  # "We", "The": not a name
        words = words[:1].lower() + words[1:]
    mention = quote.speaker_mention if quote.speaker_mention and _NAME.match(quote.speaker_mention) else None
    reports = [f"{quote.speaker} {said} {words}.", f"According to {quote.speaker}, {words}."]
    if mention and mention != quote.speaker:
        reports.append(f"{mention} said “{words}.”")
    pairs = [Pair(premise=premise, hypothesis=rng.choice(reports), label="entailment", kind="entail_quote_reported")]
    people = pools.corpus.get("person", [])
    other = next((o for o in rng.sample(people, min(8, len(people))) if _differs(quote.speaker, o, quote.text)), None)
    if other:
        pairs.append(Pair(premise=premise, hypothesis=f"{other} {said} {words}.",
                          label="neutral", kind="neutral_quote_other_speaker"))
    return pairs


def described(s: SentenceSlots, pools: Pools, rng: random.Random) -> Pair | None:
    """The sentence as an article writes it once the names are known ("He told the agency
    ...") entails the sentence naming them ("Okafor told the FDA ..."), as a claim does.
    Name swaps alone teach the model that a name missing from the premise is a contradiction;
    the rules, not the model, tell a quote's speaker from another person's."""
    slots = [slot for slot in s.slots if slot.referent and pools.kind_of.get(_key(slot.text)) == slot.entity_kind]
    if not slots:
        return None
    first = rng.choice(slots)
    chosen = sorted({first.start: first, **{x.start: x for x in slots if rng.random() < DESCRIBED_NAME}}.values(),
                    key=lambda x: x.start)
    if any(a.end > b.start for a, b in zip(chosen, chosen[1:])):
        return None  # overlapping slots ("Sen. Tim Kaine", "Kaine"): the sentence is left as it is
    spans = []
    for slot in reversed(chosen):  # drawn in the order the shipped reader's pairs were
        start = slot.start - 1 if slot.start > 0 and s.words[slot.start - 1].strip().lower() == "the" else slot.start
        possessive = slot.end < len(s.words) and s.words[slot.end].strip() in ("'s", "’s")
        if start == 0 and slot.entity_kind == "person" and not possessive:
            new = rng.choice(SUBJECT_PRONOUNS)
        else:
            new = rng.choice(DESCRIPTIONS[slot.entity_kind])
            new = _capital(new) if start == 0 else new
        spans.append((start, slot.end, new))
    premise = s.rewritten(spans)
    if premise == s.text or premise.count(" ") < 4:
        return None
    return Pair(premise=premise, hypothesis=s.text, label="entailment", kind="entail_named")


def _overlap(a: SentenceSlots, b: SentenceSlots) -> float:
    union = a.content_words | b.content_words
    return len(a.content_words & b.content_words) / len(union) if union else 0.0


def neutral(
    s: SentenceSlots, article: Sequence[SentenceSlots], pools: Pools, rng: random.Random
) -> Pair | None:
    """Another sentence that shares a word or a name but says something else; the whole
    sentence given only a shorter clause of it; or, for "X claimed that S", the bare S."""
    options: list[tuple[str, str]] = []
    same = sorted(
        (o for o in article if o is not s and 0 < _overlap(s, o) < 0.35),
        key=lambda o: -_overlap(s, o),
    )
    if same:  # the closest few: the hardest neutrals share the most words
        options.append(("neutral_same_article", rng.choice(same[:3]).text))
    names = sorted(s.entities)
    if names:
        sharing = pools.by_entity[rng.choice(names)]
        others = sorted(
            (o for o in sharing if o.article != s.article and _overlap(s, o) < 0.35),
            key=lambda o: -_overlap(s, o),
        )
        if others:
            options.append(("neutral_related_article", rng.choice(others[:3]).text))
    if s.report and s.report.lemma in CLAIM_VERBS and not s.report.quoted:
        options.append(("neutral_claimed_bare", _capital(s.report.clause) + "."))
    if s.shorter:  # the shorter clause does not say what the whole sentence adds
        options.append(("neutral_added_detail", s.text))
    if not options:
        return None
    kind, hypothesis = rng.choice(options)
    premise = rng.choice(s.shorter) if kind == "neutral_added_detail" else s.text
    return Pair(premise=premise, hypothesis=hypothesis, label="neutral", kind=kind)


def ruled(premise: str, s: SentenceSlots, others: Sequence[SentenceSlots], rng: random.Random) -> list[Pair]:
    """A debunk's restatement with its ruling after it ("A post claims that S. That is false."),
    once with each kind of ruling, so that the ruling is all that tells the pairs apart: it
    contradicts, entails or leaves open S. A ruling of "true" also entails a shorter clause of
    S, and no ruling says anything of another sentence of the article. A claim that changes S
    gets no pair: the change is the rules' to find."""
    said = {label: f"{premise} {rng.choice(VERDICTS[label])}" for label in sorted(VERDICTS)}
    pairs = [Pair(premise=said[label], hypothesis=s.text, label=label, kind=f"ruled_{label}") for label in said]
    if s.shorter:
        pairs.append(Pair(premise=said["entailment"], hypothesis=rng.choice(s.shorter), label="entailment",
                          kind="ruled_true_clause"))
    other = rng.choice(others) if others else None
    if other is not None and other is not s and _overlap(s, other) < 0.5:
        pairs.append(Pair(premise=said[rng.choice(sorted(said))], hypothesis=other.text, label="neutral",
                          kind="ruled_other"))
    return pairs


def reported(
    s: SentenceSlots, pools: Pools, rng: random.Random, others: Sequence[SentenceSlots] = ()
) -> list[Pair]:
    """Wrap the sentence in an attribution frame: neutral for the bare claim, entailment for
    the attributed one; some frames go on with a fact-check's ruling (`ruled`)."""
    if s.report is not None or not s.as_clause:
        return []
    names = pools.corpus.get("source", [])
    source = rng.choice(names) if names and rng.random() < 0.5 else rng.choice(GENERIC_SOURCES)
    past = source in PLURAL_SOURCES or rng.random() < 0.5
    verb = rng.choice(FRAME_VERBS)[1 if past else 0]
    # what any framing verb entails: that the source said, or put forward, the claim
    other = rng.choice([v[1 if past else 0] for v in ATTRIBUTED_VERBS if verb not in v])
    if rng.random() < 0.2:
        premise = f"According to {source}, {s.as_clause}."
        attributed = f"{_capital(source)} {other} that {s.as_clause}."
    elif rng.random() < 0.2:
        premise = f"{_capital(source)} {verb} that {s.as_clause}."
        attributed = f"According to {source}, {s.as_clause}."
    else:
        premise = f"{_capital(source)} {verb} that {s.as_clause}."
        attributed = f"{_capital(source)} {other} that {s.as_clause}."
    # the bare claim, or the claim denied or changed: a report of a claim is evidence for none
    bare, kind = s.text, "neutral_reported_bare"
    changed = contradiction(s, pools, rng) if rng.random() < 0.3 else None
    if changed is not None:
        bare = changed.hypothesis
        kind = "neutral_reported_denied" if changed.kind == "contra_negation" else "neutral_reported_changed"
    pairs = [
        Pair(premise=premise, hypothesis=bare, label="neutral", kind=kind),
        Pair(premise=premise, hypothesis=attributed, label="entailment", kind="entail_reported_attributed"),
    ]
    if rng.random() < VERDICT_SHARE:
        pairs += ruled(premise, s, others, rng)
    return pairs


def generate(
    articles: Sequence[ArticleReading], rng: random.Random, titles: Sequence[str] = ()
) -> list[Pair]:
    """All pairs, then each label cut to the rarest label's count (kept in corpus order).
    A sentence's or quote's premises go under its article's title (`titles`, one per
    article) or none do."""
    pools = Pools([a.sentences for a in articles])
    pairs: list[Pair] = []
    for n, (sentences, quotes) in enumerate(articles):
        title = titles[n] if n < len(titles) else ""
        made_from: list[list[Pair | None]] = []
        for s in sentences:
            made = [contradiction(s, pools, rng), *entailment(s, rng), neutral(s, sentences, pools, rng)]
            if rng.random() < REPORTED_SHARE:
                made += reported(s, pools, rng, sentences)
            if rng.random() < DESCRIBED_SHARE:
                made.append(described(s, pools, rng))
            made_from.append(made)
        made_from += [quoted(q, pools, rng) for q in quotes]
        for made in made_from:
            headed = rng.random() < HEADLINE_SHARE
            pairs += [
                p.model_copy(update={"premise": under_headline(title, p.premise)}) if headed else p
                for p in made
                if p is not None and p.hypothesis
            ]
    return balance(pairs, rng)


def balance(pairs: list[Pair], rng: random.Random) -> list[Pair]:
    """Keep an equal number of each label (a seeded sample of the larger ones)."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        by_label[pair.label].append(i)
    if len(by_label) < 3:
        return pairs
    n = min(len(v) for v in by_label.values())
    keep = sorted(i for label in sorted(by_label) for i in rng.sample(by_label[label], n))
    return [pairs[i] for i in keep]


def build_pairs(
    src_dir: Path, nlp: Language, *, seed: int = 13, limit: int | None = None
) -> tuple[list[Pair], PairsSummary]:
    """Read the articles of `src_dir` and generate balanced pairs."""
    started = time.perf_counter()
    files = article_files(src_dir)[:limit] if limit else article_files(src_dir)
    rng = random.Random(seed)
    parts = [article_parts(p) for p in files]
    articles = read_articles((prose for _, prose in parts), nlp, rng=rng)
    pairs = generate(articles, rng, [title for title, _ in parts])
    summary = PairsSummary(
        articles=len(files),
        sentences=sum(len(a.sentences) for a in articles),
        pairs=len(pairs),
        seconds=round(time.perf_counter() - started, 1),
        by_label=dict(Counter(p.label for p in pairs)),
        by_kind=dict(Counter(p.kind for p in pairs)),
    )
    return pairs, summary


def write_jsonl(pairs: Iterable[Pair], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for pair in pairs:
            fh.write(json.dumps(pair.model_dump(), ensure_ascii=False) + "\n")

