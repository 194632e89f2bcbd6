"""The benchmark's corpus generator: variants stay internally consistent.

A variant reuses the source article's parse, so every derived field must be
rewritten the same way as the text; otherwise the benchmark would index
evidence that contradicts its own sentences.
"""

from __future__ import annotations

import datetime as dt
import random

from bot.core.models import Article, Entity, ParsedArticle, Passage, Quantity, Quote
from bot.evaluation.bench_report import format_bench
from bot.evaluation.bench_results import (
    BenchOptions,
    BenchResult,
    IngestFigures,
    MachineInfo,
    Percentiles,
    ProbeResult,
    SizeResult,
)
from bot.evaluation.bench_corpus import (
    build_claim_set,
    corpus_sentences,
    make_variant,
    negate,
    reword_numbers,
    swap_names,
    variants,
)

BODY = (
    "Mayor Ada Lovelace said on Monday that 12 new schools will open in 2016. "
    "Lovelace added: \"We are not done yet.\""
)


def tiny_article() -> ParsedArticle:
    return ParsedArticle(
        article=Article(
            path="corpus/city-hall.txt",
            content_hash="abc",
            title="Lovelace promises 12 schools",
            outlet="The Daily Example",
            byline="Charles Babbage",
            published=dt.date(2016, 3, 7),
            body=BODY,
        ),
        passages=[
            Passage(
                position=0,
                text="Mayor Ada Lovelace said on Monday that 12 new schools will open in 2016.",
                lemmas="mayor ada lovelace say on monday that 12 new school will open in 2016 .",
                entities=[
                    Entity(text="Ada Lovelace", label="PERSON", canonical="Ada Lovelace"),
                    Entity(text="2016", label="DATE", canonical="2016"),
                ],
                quantities=[Quantity(text="12 new schools", value=12.0)],
                dates=[dt.date(2016, 3, 7)],
            ),
            Passage(
                position=1,
                text="Lovelace added: \"We are not done yet.\"",
                lemmas="lovelace add : \" we be not do yet . \"",
                entities=[Entity(text="Lovelace", label="PERSON", canonical="Ada Lovelace")],
                negated=True,
            ),
        ],
        quotes=[
            Quote(
                passage_position=1,
                text="We are not done yet.",
                speaker="Ada Lovelace",
                speaker_mention="Lovelace",
                cue="added",
                context="Lovelace added: \"We are not done yet.\"",
                lemmas="we be not do yet .",
            )
        ],
    )


def test_a_variant_renames_people_everywhere_the_parse_mentions_them():
    source = tiny_article()

    variant = make_variant(source, index=3)

    new_speaker = variant.quotes[0].speaker
    assert new_speaker and new_speaker != "Ada Lovelace"
    new_surname = new_speaker.split()[-1]
    assert "Lovelace" not in variant.article.body
    assert new_speaker in variant.article.body
    assert new_speaker in variant.passages[0].text
    assert variant.passages[0].entities[0].text == new_speaker
    assert variant.passages[1].entities[0].text == new_surname  # the surname alone, same person
    assert variant.quotes[0].speaker_mention == new_surname
    assert new_surname.lower() in variant.passages[1].lemmas.split()
    assert "lovelace" not in variant.passages[0].lemmas


def test_a_variant_changes_numbers_and_years_consistently_in_text_and_model():
    source = tiny_article()

    variant = make_variant(source, index=3)

    quantity = variant.passages[0].quantities[0]
    new_count = int(quantity.text.split()[0])
    assert new_count != 12
    assert quantity.value == new_count
    assert f"{new_count} new schools" in variant.passages[0].text
    shifted_year = variant.article.published.year
    assert shifted_year > 2016
    assert variant.article.published.replace(year=2016) == dt.date(2016, 3, 7)
    assert str(shifted_year) in variant.passages[0].text
    assert variant.passages[0].dates == [variant.article.published]


def test_each_variant_is_a_distinct_new_article_and_the_source_is_untouched():
    source = tiny_article()
    before = source.model_dump()

    first, second = make_variant(source, 1), make_variant(source, 2)

    assert source.model_dump() == before
    assert first.article.content_hash != second.article.content_hash
    assert first.article.path != second.article.path != source.article.path
    assert first.article.id is None and all(p.id is None for p in first.passages)
    assert first.passages[1].negated  # what the parse found is kept
    assert make_variant(source, 1) == first  # deterministic


def test_variants_cycle_through_the_pool():
    pool = [tiny_article(), tiny_article().model_copy(update={"quotes": []})]

    made = list(variants(pool, start=0, stop=5))

    assert len(made) == 5
    assert [len(v.quotes) for v in made] == [1, 0, 1, 0, 1]
    assert len({v.article.content_hash for v in made}) == 5


def test_claim_rewordings_change_numbers_names_and_polarity():
    assert reword_numbers("They spoke for over three hours.", random.Random(0)) not in (
        None,
        "They spoke for over three hours.",
    )
    assert reword_numbers("Nothing countable here.", random.Random(0)) is None
    assert swap_names("Lovelace said schools will open.", ["Lovelace", "Babbage"]) == (
        "Babbage said schools will open."
    )
    assert negate("Lovelace said the schools will open.") == "Lovelace said the schools will not open."
    assert negate("The plan is not realistic.") == "The plan is realistic."


def test_the_claim_set_interleaves_every_kind_within_the_limit():
    claims = build_claim_set(
        ["Lovelace said 12 schools will open.", "Babbage is the mayor."],
        names=["Lovelace", "Babbage"],
        corpus_sentences=corpus_sentences([tiny_article()], count=5),
        limit=6,
    )

    assert len(claims) == 6
    assert {c.kind for c in claims} >= {"dev", "numbers", "names", "negated", "corpus"}
    assert len({c.text for c in claims}) == len(claims)


# --------------------------------------------------------------------------
# options and the printed report (no timing involved)


def test_bench_options_take_the_cli_strings():
    options = BenchOptions(sizes="5000,1000, 20000", backends="sqlite,postgres", quick=False)

    assert options.sizes == [1000, 5000, 20000]
    assert options.backends == ["sqlite", "postgresql"]
    assert BenchOptions(quick=True).effective_sizes == [200, 1000]
    assert BenchOptions(quick=True, sizes="50").effective_sizes == [50]


def test_percentiles_use_the_nearest_rank():
    latency = Percentiles.of([i / 1000 for i in range(1, 101)])  # 1..100 ms

    assert latency is not None
    assert (round(latency.p50_ms), round(latency.p95_ms), round(latency.p99_ms)) == (50, 95, 99)
    assert Percentiles.of([]) is None


def test_the_report_shows_each_backend_and_the_growth():
    def step(size: int, p95: float) -> SizeResult:
        latency = Percentiles(count=3, p50_ms=p95 / 2, p95_ms=p95, p99_ms=p95, max_ms=p95, mean_ms=p95 / 2)
        return SizeResult(
            backend="sqlite", size=size, articles=size, real_articles=min(size, 100),
            variant_articles=max(0, size - 100), index_bytes=size * 10_000,
            ingest=IngestFigures(articles=100, words=50_000, processes=2, engine_seconds=10,
                                 bare_seconds=8, added=100, failed=0) if size == 100 else None,
            probe=ProbeResult(open_seconds=1.0, latency=latency, rss_mb=300.0, verdicts={"supported": 3}),
        )

    result = BenchResult(
        options=BenchOptions(backends="sqlite"),
        machine=MachineInfo(cpus=2, platform="test", python="3.11", spacy="3.8", pipeline="sm",
                            load_at_start=(0.1, 0.1, 0.1)),
        started=dt.datetime(2025, 1, 1),
        steps=[step(100, 40.0), step(400, 60.0)],
    )

    text = format_bench(result)

    assert "5,000" in text and "0.80" in text  # engine 5,000 w/s at ratio 0.80 of bare spaCy
    assert "articles x4.0" in text and "p95 x1.50" in text


def test_the_ack_bench_waits_for_the_report_not_the_checking_note():
    """Counting the progress note as the answer would overlap checks in the ack bench."""
    import urllib.parse

    from bot.evaluation.bench_probe import _is_report
    from handlers.commands import checking_text

    note = urllib.parse.urlencode({"channel": "C1", "text": checking_text("Rates rose 2%")}).encode()
    report = urllib.parse.urlencode({"channel": "C1", "text": "Supported: rates rose 2%"}).encode()

    assert not _is_report("/api/chat.postMessage", note)
    assert _is_report("/api/chat.update", report)  # the note turned into the report
    assert _is_report("/api/chat.postMessage", report)  # fallback: a fresh report
    assert _is_report("/respond/3", report)
    assert not _is_report("/api/auth.test", b"")
