"""The factcheck CLI, driven the way a user types it (click's runner, real SQLite)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner whose store is a fresh SQLite file and whose corpus is the shipped seeds."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'index.db'}")
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", str(SEEDS))
    return CliRunner()


@pytest.fixture(scope="module")
def indexed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite index of the seeds shared by the read-only tests of this module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'seeds.db'}"
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--database-url", url])
    assert result.exit_code == 0, result.output
    return url


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"factcheck {name} has no help text"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0


def test_ingest_reports_a_summary_and_is_idempotent(runner: CliRunner) -> None:
    first = runner.invoke(cli, ["ingest", str(SEEDS)])
    assert first.exit_code == 0, first.output
    assert "added 5, updated 0, unchanged 0, failed 0" in first.output

    again = runner.invoke(cli, ["ingest", str(SEEDS)])
    assert "added 0, updated 0, unchanged 5, failed 0" in again.output


def test_an_engine_that_indexes_differently_reindexes_the_same_files(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.ingest import loading as corpus_loading

    runner.invoke(cli, ["ingest", str(SEEDS)])
    monkeypatch.setattr(corpus_loading, "INDEX_VERSION", corpus_loading.INDEX_VERSION + 1)

    upgraded = runner.invoke(cli, ["ingest", str(SEEDS)])

    assert "added 5, updated 0, unchanged 0, failed 0" in upgraded.output  # each replaces its old version
    listed = json.loads(runner.invoke(cli, ["sources", "--json"]).output)
    assert len(listed) == 5  # replaced, not duplicated


def test_a_bad_file_is_reported_and_the_rest_indexed(runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(
        "Senator Jane Roe said on Monday that the bridge would reopen in May.\n\n"
        '"We will finish the repairs on time," Roe said.\n',
        encoding="utf-8",
    )
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    result = runner.invoke(cli, ["ingest", str(batch)])

    assert result.exit_code == 1
    assert "added 1, updated 0, unchanged 0, failed 2" in result.output
    assert "empty.txt" in result.output and "image.txt" in result.output
    listed = runner.invoke(cli, ["sources", "--json"])
    assert [Path(a["path"]).name for a in json.loads(listed.output)] == ["good.txt"]


def test_check_indexes_the_corpus_when_the_store_is_empty(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "Trump and Putin talked on the phone for four hours.", "--json"])
    assert result.exit_code == 0, result.output
    assert "index is empty: indexing" in result.stderr.lower()
    assert json.loads(result.stdout)["verdict"] == "conflicting"


def test_check_json_follows_the_contract(indexed_db: str) -> None:
    result = CliRunner().invoke(
        cli, ["check", "Hegseth said American troops would be deployed to Ukraine.", "--json", "--database-url", indexed_db]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) >= {"claim", "verdict", "evidence", "claims"}
    assert report["verdict"] == "conflicting"
    first = report["evidence"][0]
    assert set(first) >= {"stance", "kind", "text", "speaker", "score", "reasons", "article"}
    assert set(first["article"]) >= {"path", "outlet", "title", "published", "url"}
    assert first["stance"] == "conflicts" and first["reasons"]


def test_check_jsonl_answers_each_line_in_order(indexed_db: str) -> None:
    claims = "Fogel flew home to the US on Tuesday.\nThe Bank of Japan raised interest rates in March.\n"
    result = CliRunner().invoke(cli, ["check", "--jsonl", "--database-url", indexed_db], input=claims)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["supported", "not_found"]


def test_check_jsonl_keeps_one_line_per_input_line(indexed_db: str) -> None:
    claims = "Fogel flew home to the US on Tuesday.\n\n   \nThe Bank of Japan raised interest rates in March.\n"

    result = CliRunner().invoke(cli, ["check", "--jsonl", "--database-url", indexed_db], input=claims)

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["supported", "not_found", "not_found", "not_found"]
    assert rows[1]["note"] == rows[2]["note"] == "empty line: nothing to check"
    assert rows[3]["note"] is None  # checked and not found, not skipped


def test_from_an_empty_index_check_names_it_and_fails_instead_of_no_coverage(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", str(tmp_path / "no-such-folder"))

    result = runner.invoke(cli, ["check", "Trump and Putin talked on the phone for four hours."])

    assert result.exit_code == 1
    assert "No coverage found" not in result.stdout
    assert f"index at {tmp_path / 'index.db'} is empty" in result.stderr
    assert "no-such-folder does not exist" in result.stderr and "factcheck ingest PATH" in result.stderr


def test_a_question_is_reported_as_what_was_asked(indexed_db: str) -> None:
    result = CliRunner().invoke(
        cli, ["check", "Did Hegseth say the US will send troops to Ukraine?", "--database-url", indexed_db]
    )

    assert result.stdout.startswith(
        "Conflicting — You asked whether Hegseth said the US will send troops to Ukraine"
    )


def test_a_message_in_another_language_is_not_checked_and_says_so(indexed_db: str) -> None:
    result = CliRunner().invoke(
        cli, ["check", "Путин и Трамп говорили по телефону полтора часа.", "--database-url", indexed_db]
    )

    assert result.exit_code == 0
    assert result.stdout.startswith("Not checked — This looks like Russian (ru); only English is checked for now")


def test_over_the_claim_limit_the_report_says_how_many_were_not_checked(
    indexed_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS", "2")
    message = "Fogel flew home on Tuesday. Trump called Putin on Wednesday. Hegseth was in Brussels on Wednesday."

    result = CliRunner().invoke(cli, ["check", message, "--database-url", indexed_db])

    assert "Note: 1 more sentence was not checked (at most 2 claims per message)." in result.stdout


def test_readable_report_names_source_and_reason(indexed_db: str) -> None:
    result = CliRunner().invoke(
        cli, ["check", "Trump and Putin talked on the phone for four hours.", "--database-url", indexed_db]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Conflicting")
    assert "number_mismatch" in result.stdout and "90 minutes" in result.stdout


def test_quotes_json_filters_by_any_name_of_the_speaker(indexed_db: str) -> None:
    result = CliRunner().invoke(cli, ["quotes", "--json", "--speaker", "Hegseth", "--database-url", indexed_db])
    rows = json.loads(result.stdout)
    assert rows and {r["speaker"] for r in rows} == {"Pete Hegseth"}
    assert {r["kind"] for r in rows} <= {"direct", "partial", "reported"}
    assert any("best negotiator on the planet" in r["text"] for r in rows)


def test_sources_lists_outlets_dates_and_counts(indexed_db: str) -> None:
    rows = json.loads(CliRunner().invoke(cli, ["sources", "--json", "--database-url", indexed_db]).stdout)
    listed = CliRunner().invoke(cli, ["sources", "--database-url", indexed_db]).stdout
    assert len(rows) == 5
    assert all(r["outlet"] and r["published"] for r in rows)
    assert all(r["passages"] > 1 and r["quotes"] > 0 for r in rows)  # the headline counts as a passage
    assert f"{rows[0]['passages']} passages, {rows[0]['quotes']} quotes" in listed


def test_an_empty_claim_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "  "])
    assert result.exit_code == 2
    assert "give a claim" in result.output


def test_an_invalid_setting_is_one_clear_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", "mysql://nope")
    result = runner.invoke(cli, ["sources"])
    assert result.exit_code == 1
    assert "FACTCHECK_DATABASE_URL" in result.output


def test_the_progress_line_shows_a_bar_and_the_count() -> None:
    from bot.cli import progress_line

    line = progress_line("Indexing", 3, 12, "/corpus/2025/bridge-reopens.txt", width=12)

    assert line == "Indexing [###.........] 3/12 bridge-reopens.txt"


def test_large_batches_use_several_spacy_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.ingest import pipeline as ingest

    monkeypatch.setattr(ingest.os, "cpu_count", lambda: 2)

    assert ingest.worker_processes(0, articles=5) == 1  # starting workers would cost more
    assert ingest.worker_processes(0, articles=ingest.PARALLEL_FROM) == 2
    assert ingest.worker_processes(3, articles=5) == 3  # asked for explicitly


@pytest.mark.postgres
def test_migrate_store_copies_the_index_to_postgresql_once(indexed_db: str) -> None:
    """The path a newsroom takes when it outgrows the embedded store."""
    from store_fixtures import temporary_pg_database

    with temporary_pg_database() as pg_url:
        first = CliRunner().invoke(cli, ["migrate-store", "--to", pg_url, "--database-url", indexed_db])
        again = CliRunner().invoke(cli, ["migrate-store", "--to", pg_url, "--database-url", indexed_db])
        on_pg = json.loads(CliRunner().invoke(cli, ["sources", "--json", "--database-url", pg_url]).stdout)
        report = json.loads(
            CliRunner()
            .invoke(cli, ["check", "Trump and Putin talked on the phone for four hours.", "--json", "--database-url", pg_url])
            .stdout
        )

    assert first.exit_code == 0, first.output
    assert "articles: 5 added" in first.stdout
    assert "articles: 0 added, 0 replaced, 5 unchanged" in again.stdout
    assert len(on_pg) == 5
    assert report["verdict"] == "conflicting"


@pytest.mark.postgres
def test_migrate_store_keeps_earlier_versions_fetch_records_and_changed_ratings(tmp_path: Path) -> None:
    """A newsroom moving from the embedded default to PostgreSQL loses nothing, and a second run writes nothing."""
    from store_fixtures import hegseth_article, parsed_article, passage, temporary_pg_database

    from bot.core.models import Review
    from bot.store import open_store
    from bot.store.base import FetchRecord

    page = "https://news.example/hegseth"
    sqlite_url = f"sqlite:///{tmp_path / 'factcheck.db'}"
    source = open_store(sqlite_url)
    source.save_article(hegseth_article(page))
    source.save_article(parsed_article(page, [passage(0, "Hegseth later clarified his remarks on NATO membership.")]))
    fetch = FetchRecord(url=page, article_path=page, content_hash=source.articles()[0].content_hash,
                        index_version=3, etag='"v2"', last_modified="Wed, 03 Dec 2026 09:00:00 GMT")
    source.save_fetch_record(fetch)
    masks = dict(key="https://checks.example/masks", claim_reviewed="Face masks cause oxygen deprivation in children",
                 reviewer="Harbour Checks", url="https://checks.example/masks")
    source.save_reviews([Review(rating="Unproven", **masks)])
    source.save_reviews([Review(rating="False", **masks)])
    (review_before,) = source.reviews()
    versions_before = source.article_versions(page)
    source.close()

    with temporary_pg_database() as pg_url:
        first = CliRunner().invoke(cli, ["migrate-store", "--to", pg_url, "--database-url", sqlite_url])
        again = CliRunner().invoke(cli, ["migrate-store", "--to", pg_url, "--database-url", sqlite_url])
        shown = CliRunner().invoke(cli, ["versions", page, "--database-url", pg_url])
        back_url = f"sqlite:///{tmp_path / 'back' / 'factcheck.db'}"  # and back again, PostgreSQL -> SQLite
        back = CliRunner().invoke(cli, ["migrate-store", "--to", back_url, "--database-url", pg_url])
        target = open_store(pg_url)
        try:
            versions_after = target.article_versions(page)
            fetch_after = target.fetch_record(page)
            reviews_after = target.reviews()
        finally:
            target.close()

    assert first.exit_code == 0 and again.exit_code == 0, first.output + again.output
    headline = first.stdout.splitlines()[0]
    assert headline.endswith(": 1 article, 1 earlier version, 1 fetch record, 1 fact-check")
    assert again.stdout.splitlines()[0].endswith(": nothing new, all already there")
    assert "article versions: 0 added, 1 already there" in again.stdout
    assert "fetch records: 0 added, 0 updated, 1 unchanged" in again.stdout
    assert [(v.version, v.body, v.content_hash) for v in versions_after] == [
        (v.version, v.body, v.content_hash) for v in versions_before
    ]
    assert versions_after[0].replaced_at == versions_before[0].replaced_at
    assert "version 2" in shown.stdout and "+Hegseth later clarified" in shown.stdout
    assert fetch_after == fetch
    assert back.stdout.splitlines()[0].endswith(": 1 article, 1 earlier version, 1 fetch record, 1 fact-check")
    returned = open_store(back_url)
    try:
        assert [(v.version, v.body) for v in returned.article_versions(page)] == [
            (v.version, v.body) for v in versions_before
        ]
        assert returned.fetch_record(page) == fetch
        assert [r.previous_rating for r in returned.reviews()] == ["Unproven"]
    finally:
        returned.close()
    (review_after,) = reviews_after
    assert (review_after.rating, review_after.previous_rating) == ("False", "Unproven")
    assert review_after.rating_changed_at == review_before.rating_changed_at
