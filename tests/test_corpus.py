"""The corpus layer: files in, clean article text with metadata out.

The seed tests check the furniture the ingest issue lists; the hand-written
texts prove that the rules are general (other promos, other link lists, other
bios), so unseen pages are cleaned the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from bot.ingest import corpus
from bot.ingest.corpus import (
    OutletDirectory,
    clean_text,
    discover,
    load_articles,
    read_articles,
)
from bot.core.errors import IngestError
from bot.core.models import HEADLINE_POSITION, STANDFIRST_POSITION, Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTLETS_FILE = ROOT / "config" / "outlets.toml"
LIMIT = 1_000_000


@pytest.fixture(scope="module")
def outlets() -> OutletDirectory:
    return OutletDirectory.load(OUTLETS_FILE)


def seed(name_prefix: str, outlets: OutletDirectory, folder: Path = SEEDS):
    (path,) = sorted(folder.glob(f"{name_prefix}_*.txt"))
    (article,) = load_articles(path, max_bytes=LIMIT, outlets=outlets)
    return article


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ seeds
def test_discover_lists_the_five_seeds_and_skips_the_manifest():
    files, failures = discover([SEEDS], max_bytes=LIMIT)
    assert failures == []
    assert [f.name[:3] for f in files] == ["000", "001", "002", "003", "004"]
    assert all(f.suffix == ".txt" for f in files)


def test_tass_seed(outlets):
    article = seed("000", outlets)
    body = article.body
    assert "All news" not in body
    assert "/TASS/" not in body and not body.startswith("BRUSSELS")
    assert body.startswith("The US administration expects that the telephone conversation")
    # the standfirst repeats the start of a body paragraph: it is kept once
    assert body.count("In a telephone conversation on February 12, Putin and Trump discussed") == 1
    assert "the best negotiator on the planet." in body
    assert (
        article.title
        == "US hopes Trump-Putin talks to lead to lasting peace in Ukraine — top defense official"
    )
    assert article.title not in body
    assert article.outlet == "TASS"
    assert "state-owned" in (article.notes or "")
    assert article.dateline == "BRUSSELS"
    assert article.published == dt.date(2025, 2, 13)
    assert article.byline is None


def test_unattributed_seed_keeps_its_text_and_is_honest_about_the_outlet(outlets):
    article = seed("001", outlets)
    assert article.title == "End of war in Ukraine nearer after Trump-Putin talks"
    assert article.published == dt.date(2025, 2, 13)
    assert article.outlet.startswith("Unidentified outlet")
    assert "date 2025-02-13" not in article.body
    assert "he discussed for over 90 minutes" in article.body
    assert paragraphs(article.body)[0] == "Trump and Putin agreed: they both want peace"
    assert article.body.rstrip().endswith("Dmitry Medvedev wrote on social media.")


def test_sydney_morning_herald_seed(outlets):
    article = seed("002", outlets)
    body = article.body
    for furniture in (
        "Advertisement",
        "Loading",
        "Sign up",
        "newsletter",
        "Discover more",
        "Subscribe",
        "Connect via Twitter",
        "is the North America correspondent",
        "By Michael Koziol",
        "4.16am",
    ):
        assert furniture not in body, furniture
    first_line = "Donald Trump said the two men had a lengthy and productive phone call"
    assert body.count(first_line) == 0  # the page's standfirst (printed twice), read apart from the body
    assert article.standfirst.startswith(first_line)
    assert article.title is None  # the page prints no headline: a sentence is never taken for one
    assert body.startswith("US President Donald Trump says negotiations to end the war")
    assert (
        "“To be clear, as part of any security guarantee, there will not be US troops deployed to Ukraine,” Hegseth said."
        in body
    )
    assert paragraphs(body)[-1].startswith("“On stepping up for Ukraine, we are and we will.")
    assert article.byline == "Michael Koziol"
    assert article.dateline == "Washington"
    assert article.published == dt.date(2025, 2, 13)
    assert article.outlet == "The Sydney Morning Herald"


def test_anadolu_seed_drops_template_junk_and_the_trailing_block_of_other_stories(outlets):
    article = seed("003", outlets)
    body = article.body
    for furniture in (
        "Quark.Models",
        "LATEST NEWS",
        "Recommended",
        "Erdoğan",
        "Rushdie",
        "La Scala",
        "Pompeipolis",
        "Prisoner swap",
        "WORLD ",
        "ECONOMY",
        "SPORTS",
        "Şengün",
        "DOGE",
        "US, Donald Trump,",
        "Palestinians",
    ):
        assert furniture not in body, furniture
    title = "Trump intends to end Russia-Ukraine war through diplomacy: Defense secretary"
    assert article.title == title
    assert title not in body
    assert body.startswith("U.S. Secretary of Defense Pete Hegseth said on Wednesday")
    assert paragraphs(body)[-1] == (
        'Calling for increased defense spending, he said: "2 percent is not enough. '
        'President Trump has called for 5 percent and I agree."'
    )
    assert article.dateline == "BRUSSELS"
    assert article.published == dt.date(2025, 2, 12)
    assert article.outlet == "Anadolu Agency"
    assert "state-run" in article.notes


def test_a2_cnn_seed(outlets):
    article = seed("004", outlets)
    body = article.body
    for furniture in (
        "A2 CNN Livestream",
        "Latest Videos",
        "Nga A2 CNN",
        "22:25:00",
        "| Bota",
        "/ VOA",
    ):
        assert furniture not in body, furniture
    assert (
        article.title
        == "Secretary Hegseth: US seeks diplomatic solution for lasting peace in Ukraine"
    )
    assert title_count(body, article.title) == 0
    assert body.startswith("US Defense Secretary Pete Hegseth on Thursday rejected criticism")
    assert body.endswith('or assist in its security."')
    assert '"Any quick fix is an unfair deal," said EU foreign policy chief Kaja Kallas.' in body
    assert article.dateline == "BRUSSELS"
    assert article.published == dt.date(2025, 2, 13)
    assert article.outlet == "A2 CNN"
    assert "credited to VOA" in article.notes


def title_count(body: str, title: str) -> int:
    return body.count(title)


def test_seed_text_alone_gives_the_metadata_it_states(tmp_path, outlets):
    """Without the manifest: outlets from the dateline, the 'Nga' line and the bio."""
    for source in SEEDS.glob("*.txt"):
        shutil.copy(source, tmp_path / source.name)
    assert seed("000", outlets, tmp_path).outlet == "TASS"
    assert seed("000", outlets, tmp_path).published is None  # "February 13" has no year
    assert seed("002", outlets, tmp_path).outlet == "The Sydney Morning Herald"
    assert seed("004", outlets, tmp_path).outlet == "A2 CNN"
    assert seed("001", outlets, tmp_path).outlet is None


def test_manifest_wins_over_the_text(tmp_path, outlets):
    shutil.copy(next(SEEDS.glob("004_*.txt")), tmp_path / "story.txt")
    write(
        tmp_path,
        "manifest.toml",
        '[files."story.txt"]\noutlet = "VOA"\npublished = 2025-02-14\n'
        'title = "Hegseth defends Ukraine stance"\nurl = "https://example.org/a"\n',
    )
    (article,) = load_articles(tmp_path / "story.txt", max_bytes=LIMIT, outlets=outlets)
    assert article.outlet == "VOA"
    assert article.published == dt.date(2025, 2, 14)
    assert article.title == "Hegseth defends Ukraine stance"
    assert article.url == "https://example.org/a"
    assert "credited to VOA" not in (article.notes or "")  # the outlet now is the credited one


def test_a_broken_manifest_is_reported_with_its_path(tmp_path, outlets):
    story = write(
        tmp_path,
        "story.txt",
        "Headline here today\n\nA sentence of body text that is long enough.\n",
    )
    write(tmp_path, "manifest.toml", '[files."story.txt"]\noutlett = "Typo"\n')
    with pytest.raises(IngestError, match="manifest.toml.*story.txt"):
        load_articles(story, max_bytes=LIMIT, outlets=outlets)


def test_shipped_seed_manifest_has_no_urls_it_cannot_vouch_for():
    text = (SEEDS / "manifest.toml").read_text(encoding="utf-8")
    assert "url =" not in text


# ------------------------------------------------------------------------ general rules
COUNCIL_PAGE = """\
Council approves new harbour bridge
Council approves new harbour bridge
By Sam Carter
March 3, 2024 — 9.30pm
PORTSMOUTH — The city council voted 7 to 2 on Tuesday to approve a new bridge across the harbour, ending a decade of debate.
Supporters said the bridge would cut commuting times by 20 minutes.
Advertisement
"This is a historic day for the city," said council leader Maria Lopez.
Share this article
Opponents warned that the cost, estimated at 40 million pounds, would rise.
Follow us on Facebook
Get our morning briefing in your inbox. Sign up for the Daily Wrap newsletter.
Sam Carter is a local government reporter for the Harbour Gazette. He previously covered courts.
Most Popular
1. Storm damages pier
2. School wins award
3. Mayor opens market
"""


def test_a_made_up_page_with_other_promos_and_a_numbered_list(outlets):
    cleaned = clean_text(COUNCIL_PAGE, outlets=outlets)
    assert paragraphs(cleaned.body) == [
        "The city council voted 7 to 2 on Tuesday to approve a new bridge across the harbour, ending a decade of debate.",
        "Supporters said the bridge would cut commuting times by 20 minutes.",
        '"This is a historic day for the city," said council leader Maria Lopez.',
        "Opponents warned that the cost, estimated at 40 million pounds, would rise.",
    ]
    assert cleaned.head.title == "Council approves new harbour bridge"
    assert cleaned.head.byline == "Sam Carter"
    assert cleaned.head.published == dt.date(2024, 3, 3)
    assert cleaned.dateline.city == "PORTSMOUTH"
    kinds = {r.kind for r in cleaned.removed}
    assert {"promo", "bio", "heading", "numbered_headline"} <= kinds
    assert "harbour bridge" not in cleaned.body  # the repeated headline


def test_an_author_bio_without_a_byline_is_dropped():
    text = (
        "Farmers protest over new water rules\n\n"
        "Hundreds of farmers drove tractors into the capital on Monday to protest against water limits.\n\n"
        "The agriculture minister said the limits would stay in place until the reservoirs recover.\n\n"
        "Lena Hart is a senior reporter covering rural affairs. She joined the paper in 2019.\n"
    )
    body = clean_text(text).body
    assert "Lena Hart" not in body
    assert body.endswith("until the reservoirs recover.")


def test_a_trailing_block_of_unrelated_stories_goes_but_the_article_stays():
    text = (
        "Port strike enters third week\n\n"
        "ROTTERDAM - Dock workers at the Port of Rotterdam extended their strike on Friday, "
        "leaving hundreds of containers stranded on the quays.\n\n"
        "The union said the Port of Rotterdam had refused to discuss pay, and that workers would "
        "stay out until management returned to the table.\n\n"
        '"We are ready to talk tomorrow," a union spokesman told reporters in Rotterdam.\n\n'
        "Read More\n\n"
        "Heatwave grips southern Spain\n\n"
        "Temperatures in Seville passed 44 degrees on Thursday, the national weather service said, "
        "as authorities opened cooling centres.\n\n"
        "BUSINESS Tech shares slide after earnings\n\n"
        "Shares in chipmakers fell sharply in early trading after disappointing quarterly results.\n"
    )
    body = clean_text(text).body
    assert "Seville" not in body and "Heatwave" not in body and "chipmakers" not in body
    assert body.endswith("a union spokesman told reporters in Rotterdam.")


def test_a_related_links_box_in_the_middle_only_takes_its_links():
    opening = " ".join(
        ["The parliament debated the pension reform for a second day on Wednesday."] * 2
    )
    text = (
        "Pension reform debate continues\n\n"
        f"{opening}\n\n"
        "Related\n\n"
        "Pension age rises in neighbouring country\n\n"
        "Unions call general strike\n\n"
        "The finance minister told parliament that the reform would save 3 billion euros a year "
        "and that the pension age would rise gradually over ten years.\n\n"
        "Opposition deputies said the government had ignored the unions and promised to challenge "
        "the pension reform in the constitutional court.\n\n"
        "The vote is expected next week, after the parliament finishes the debate on amendments.\n"
    )
    body = clean_text(text).body
    assert "Related" not in body and "Unions call general strike" not in body
    assert "save 3 billion euros a year" in body
    assert body.endswith("finishes the debate on amendments.")


def test_template_junk_tag_lines_and_section_teasers_are_removed():
    text = (
        "Election turnout hits record\n\n"
        "{{ article.headline | upper }}\n\n"
        "Voter turnout reached 78 percent, the highest since 1990, the electoral commission said on Sunday.\n\n"
        "The commission thanked volunteers who staffed polling stations across the country.\n\n"
        "Elections, Electoral Commission, Turnout,\n\n"
        "POLITICS Coalition talks begin\n"
    )
    body = clean_text(text).body
    assert paragraphs(body) == [
        "Voter turnout reached 78 percent, the highest since 1990, the electoral commission said on Sunday.",
        "The commission thanked volunteers who staffed polling stations across the country.",
    ]


def test_hard_wrapped_paragraphs_are_joined_and_wire_datelines_read():
    text = (
        "Central bank holds rates\n\n"
        "FRANKFURT (Reuters) - The European Central Bank kept interest rates\n"
        "unchanged on Thursday, saying inflation was still too high,\n"
        "and signalled no cut before the summer.\n\n"
        "Economists had expected the decision.\n"
    )
    cleaned = clean_text(text)
    assert paragraphs(cleaned.body)[0] == (
        "The European Central Bank kept interest rates unchanged on Thursday, saying inflation "
        "was still too high, and signalled no cut before the summer."
    )
    assert cleaned.dateline.city == "FRANKFURT"
    assert cleaned.dateline.outlet == "Reuters"


def test_head_with_section_label_capitalised_byline_and_publish_stamp():
    text = (
        "Opinion\n"
        "Why the bridge matters\n"
        "By JANE DOE\n"
        "Published: 23/04/2024\n\n"
        "The bridge matters because the city needs it, and everyone knows it.\n\n"
        "Jane Doe writes about cities for the paper.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.head.section == "Opinion"
    assert cleaned.head.title == "Why the bridge matters"
    assert cleaned.head.byline == "Jane Doe"
    assert cleaned.head.published == dt.date(2024, 4, 23)
    assert cleaned.body == "The bridge matters because the city needs it, and everyone knows it."


def test_a_standfirst_between_headline_and_byline_is_read_apart_from_the_body():
    text = (
        "Council approves harbour tunnel\n"
        "The mayor won the vote after promising that no tolls would be charged for ten years.\n"
        "By Lena Fischer\n"
        "March 4, 2025 — 9.30am\n"
        "Rotterdam: The city council approved the harbour tunnel on Monday by 31 votes to 14.\n"
        "Construction is due to start next spring.\n"
    )

    cleaned = clean_text(text)

    assert cleaned.head.title == "Council approves harbour tunnel"
    assert cleaned.head.standfirst == (
        "The mayor won the vote after promising that no tolls would be charged for ten years."
    )
    assert cleaned.head.byline == "Lena Fischer"  # no longer stuck in the body behind the standfirst
    assert cleaned.head.published == dt.date(2025, 3, 4)
    assert cleaned.dateline.city == "Rotterdam"
    assert paragraphs(cleaned.body) == [
        "The city council approved the harbour tunnel on Monday by 31 votes to 14.",
        "Construction is due to start next spring.",
    ]


def test_a_sentence_under_the_headline_without_a_byline_after_it_stays_body():
    text = (
        "Council approves harbour tunnel\n"
        "The city council approved the harbour tunnel on Monday by 31 votes to 14.\n"
        "Construction is due to start next spring.\n"
    )

    cleaned = clean_text(text)

    assert cleaned.head.standfirst is None
    assert paragraphs(cleaned.body)[0].startswith("The city council approved")


def article_with(title, standfirst, body):
    return Article(path="x.txt", content_hash="h", title=title, standfirst=standfirst, body=body)


def test_headline_and_standfirst_become_passages_before_the_body():
    article = article_with(
        "Council approves harbour tunnel",
        "The mayor promised that no tolls would be charged for ten years.",
        "The city council approved the tunnel on Monday by 31 votes to 14.",
    )

    headings = corpus.heading_passages(article)

    assert headings == [
        (HEADLINE_POSITION, "Council approves harbour tunnel"),
        (STANDFIRST_POSITION, "The mayor promised that no tolls would be charged for ten years."),
    ]
    assert all(position < 0 for position, _ in headings)  # body sentences count from 0


def test_a_heading_the_body_already_states_is_not_indexed_twice():
    body = (
        "The mayor promised that no tolls would be charged for ten years. "
        "The city council approved the tunnel on Monday."
    )

    assert corpus.heading_passages(
        article_with("Tunnel vote", "The mayor promised that no tolls would be charged for ten years.", body)
    ) == []  # "Tunnel vote" is a label (two words); the standfirst is the first sentence
    assert corpus.heading_passages(
        article_with("Mayor promises ten toll-free years", "Mayor promises ten toll-free years", body)
    ) == [(HEADLINE_POSITION, "Mayor promises ten toll-free years")]
    assert corpus.heading_passages(
        article_with("Mayor promises ten toll-free years", "The mayor promised that no tolls would be…", body)
    ) == [(HEADLINE_POSITION, "Mayor promises ten toll-free years")]  # a cut-off summary


def test_exports_and_pages_give_their_summary_as_standfirst(tmp_path, outlets):
    record = {
        "title": "Port strike ends",
        "dek": "Dock workers accepted a 6 percent pay rise after a week-long strike.",
        "text": "ANTWERP - Dock workers returned to work on Monday after their union accepted the offer.",
        "outlet": "Reuters",
    }
    page = NEWS_PAGE.replace(
        "<title>", '<meta name="description" content="The defence budget will grow by 5 percent.">\n<title>'
    )

    (from_export,) = load_articles(write(tmp_path, "port.jsonl", json.dumps(record)), max_bytes=LIMIT, outlets=outlets)
    (from_page,) = load_articles(write(tmp_path, "page.html", page), max_bytes=LIMIT, outlets=outlets)

    assert from_export.standfirst == "Dock workers accepted a 6 percent pay rise after a week-long strike."
    assert from_page.standfirst == "The defence budget will grow by 5 percent."


def test_a_plain_text_header_block_gives_the_fields_an_export_would(tmp_path, outlets):
    text = (
        "Title: Viral ride video is not from the Corley County Fair\n"
        "Outlet: TruthMeter North\n"
        "Author: Hollis Brandt\n"
        "Date: 2025-07-23\n"
        "URL: https://www.truthmeternorth.org/checks/ride-video\n"
        "\n"
        "The video is real, but it was not filmed at the Corley County Fair.\n"
    )
    update = "Update: The county has banned backyard chickens as of Monday.\n\nThe ban starts in May.\n"

    (article,) = load_articles(write(tmp_path, "ride.txt", text), max_bytes=LIMIT, outlets=outlets)
    (plain,) = load_articles(write(tmp_path, "update.txt", update), max_bytes=LIMIT, outlets=outlets)

    assert article.title == "Viral ride video is not from the Corley County Fair"
    assert article.outlet == "TruthMeter North"
    assert article.published == dt.date(2025, 7, 23)
    assert article.url == "https://www.truthmeternorth.org/checks/ride-video"
    assert article.byline == "Hollis Brandt"
    assert article.body == "The video is real, but it was not filmed at the Corley County Fair."
    assert plain.body.startswith("Update: The county has banned backyard chickens")  # one line: no header


def test_inline_read_more_links_and_copyright_lines_go(outlets, tmp_path):
    text = (
        "WASHINGTON (AP) — The Senate passed the bill on Friday by a vote of 60 to 40, sending it "
        "to the president.\n\n"
        "Read more: Senate leaders strike deal on budget\n\n"
        "The measure now goes to the White House.\n\n"
        "Copyright 2025 The Associated Press. All rights reserved.\n"
    )
    (article,) = load_articles(write(tmp_path, "wire.txt", text), max_bytes=LIMIT, outlets=outlets)
    assert paragraphs(article.body) == [
        "The Senate passed the bill on Friday by a vote of 60 to 40, sending it to the president.",
        "The measure now goes to the White House.",
    ]
    assert article.dateline == "WASHINGTON"
    assert article.outlet == "Associated Press"  # from "(AP)" in the dateline


def test_embedded_post_markup_is_stripped_but_its_words_kept():
    text = (
        "Senator reacts to ruling\n\n"
        "The senator responded within minutes of the court's decision on Tuesday.\n\n"
        '<blockquote class="post" data-id="123">This ruling is a victory for every family in our state.</blockquote>\n\n'
        "Her office later issued a longer statement.\n"
    )
    body = clean_text(text).body
    assert "This ruling is a victory for every family in our state." in body
    assert "<blockquote" not in body and "data-id" not in body


def test_the_date_stamp_forms_of_the_seeds_are_read():
    from bot.ingest.text_dates import date_line, find_date

    assert date_line("February 13, 2025 — 4.16am") == (dt.date(2025, 2, 13), False)
    assert date_line("2025-02-13 22:25:00 | Bota") == (dt.date(2025, 2, 13), False)
    assert date_line("Updated 14 March 2024, 10:02 GMT") == (dt.date(2024, 3, 14), True)
    assert (
        date_line("Trump and Putin spoke on February 12, 2025 for ninety minutes about Ukraine")
        is None
    )
    assert find_date("2025-03-01T10:00:00Z") == dt.date(2025, 3, 1)


# ------------------------------------------------------------------------ outlets
def test_outlet_directory_lookups(outlets):
    assert outlets.lookup(name="the associated press").name == "Associated Press"
    assert outlets.lookup(name="Sydney Morning Herald").name == "The Sydney Morning Herald"
    assert outlets.lookup(url="https://edition.cnn.com/2025/02/13/world").name == "CNN"
    assert outlets.lookup(url="www.theguardian.com").name == "The Guardian"
    assert outlets.lookup(text="BRUSSELS, February 13. /TASS/.").name == "TASS"
    assert (
        outlets.lookup(text="for The Age and Sydney Morning Herald.").name
        == "The Sydney Morning Herald"
    )
    assert outlets.lookup(name="Nonexistent Gazette") is None
    assert outlets.lookup() is None


def test_shipped_outlets_cover_major_outlets_and_note_state_media(outlets):
    names = {o.name for o in outlets.outlets}
    for expected in (
        "Reuters",
        "Associated Press",
        "AFP",
        "BBC",
        "CNN",
        "The New York Times",
        "The Washington Post",
        "The Guardian",
        "Politico",
        "USA Today",
        "Fox News",
        "Al Jazeera",
        "VOA",
        "RIA Novosti",
        "Xinhua",
        "Breitbart News",
        "HuffPost",
        "TASS",
        "Anadolu Agency",
        "A2 CNN",
        "The Sydney Morning Herald",
    ):
        assert expected in names
    for state in ("TASS", "RIA Novosti", "Xinhua", "Anadolu Agency"):
        info = outlets.lookup(name=state)
        assert info.state_media and "state" in info.notes


def test_a_missing_outlets_file_is_an_empty_directory(tmp_path):
    assert len(OutletDirectory.load(tmp_path / "none.toml")) == 0


# ------------------------------------------------------------------------ HTML and JSON Lines
NEWS_PAGE = """<!doctype html><html lang="en"><head>
<title>Minister says budget will rise | Example</title>
<meta property="og:site_name" content="Reuters">
<meta property="og:url" content="https://www.reuters.com/world/minister-budget-2025-03-01/">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-01T10:00:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article><h1>Minister says budget will rise</h1>
<p>LISBON (Reuters) - The finance minister said on Friday that the defence budget would rise by 5 percent next year, citing new threats.</p>
<p>"We cannot afford to wait any longer," she told reporters, adding that parliament would vote on the plan in April.</p>
<p>Advertisement</p>
<p>Opposition parties said the increase was unrealistic given the state of public finances.</p>
</article>
<aside><h2>Recommended</h2><ul><li><a href="/a">Storm hits coast</a></li>
<li><a href="/b">Football club wins cup</a></li></ul></aside></main>
<footer><p>© 2025 Example Media. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_page_main_text_and_metadata(tmp_path, outlets):
    path = write(tmp_path, "page.html", NEWS_PAGE)
    (article,) = load_articles(path, max_bytes=LIMIT, outlets=outlets)
    assert paragraphs(article.body) == [
        "The finance minister said on Friday that the defence budget would rise by 5 percent next year, citing new threats.",
        '"We cannot afford to wait any longer," she told reporters, adding that parliament would vote on the plan in April.',
        "Opposition parties said the increase was unrealistic given the state of public finances.",
    ]
    assert article.title == "Minister says budget will rise"
    assert article.byline == "Jane Roe"
    assert article.outlet == "Reuters"
    assert article.published == dt.date(2025, 3, 1)
    assert article.url == "https://www.reuters.com/world/minister-budget-2025-03-01/"
    assert article.dateline == "LISBON"


def test_jsonl_export_gives_one_article_per_line_and_skips_bad_lines(tmp_path, outlets):
    good = {
        "title": "Dam opens after delays",
        "text": "The new dam opened on Monday after three years of delays, the energy ministry said.\n\n"
        "It will supply power to 200,000 homes.\n\nAdvertisement",
        "url": "https://apnews.com/article/dam-123",
        "date": "2024-05-06T08:00:00Z",
        "author": ["Ann Lee", "Raj Patel"],
    }
    other = {
        "headline": "Bridge closes for repairs",
        "body": "The old bridge closed on Tuesday for six months of repairs.",
        "source": {"name": "Harbour Gazette"},
        "published": "May 7, 2024",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps(other),
    ]
    path = write(tmp_path, "export.jsonl", "\n".join(lines) + "\n")

    loaded = read_articles(path, max_bytes=LIMIT, outlets=outlets)
    first, second = loaded.articles
    assert first.path == f"{path}#L1" and second.path == f"{path}#L5"
    assert first.body == (
        "The new dam opened on Monday after three years of delays, the energy ministry said.\n\n"
        "It will supply power to 200,000 homes."
    )
    assert first.outlet == "Associated Press"  # from the URL
    assert first.byline == "Ann Lee and Raj Patel"
    assert first.published == dt.date(2024, 5, 6)
    assert second.outlet == "Harbour Gazette"  # not in the directory: kept as the export names it
    assert second.published == dt.date(2024, 5, 7)
    assert first.content_hash != second.content_hash
    assert [f.path.rsplit("#", 1)[1] for f in loaded.skipped] == ["L2", "L3"]
    assert "invalid JSON" in loaded.skipped[0].reason
    assert len(load_articles(path, max_bytes=LIMIT, outlets=outlets)) == 2


def test_jsonl_with_no_usable_line_fails_as_a_whole(tmp_path, outlets):
    path = write(tmp_path, "bad.jsonl", "[1, 2]\n{oops\n")
    with pytest.raises(IngestError, match=r"bad\.jsonl: no usable line"):
        load_articles(path, max_bytes=LIMIT, outlets=outlets)


def test_content_hash_covers_the_raw_bytes_and_the_index_version(outlets, monkeypatch):
    import hashlib

    from bot.ingest import loading as corpus_loading

    path = next(SEEDS.glob("000_*.txt"))
    article = seed("000", outlets)
    versioned = f"factcheck-index-v{corpus_loading.INDEX_VERSION}\n".encode() + path.read_bytes()
    assert article.content_hash == hashlib.sha256(versioned).hexdigest()
    assert article.path == str(path)

    # an engine that indexes differently sees the same file as new content, so it re-indexes it
    monkeypatch.setattr(corpus_loading, "INDEX_VERSION", corpus_loading.INDEX_VERSION + 1)
    assert seed("000", outlets).content_hash != article.content_hash


# ------------------------------------------------------------------------ bad input
ARTICLE = (
    "Mayor opens market\n\nThe mayor opened the new covered market on Saturday, the council said.\n"
)


def test_binary_files_are_rejected_with_a_reason(tmp_path, outlets):
    png = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    blob = write(tmp_path, "blob.txt", b"abc\x00\x01\x02\xff" * 100)
    with pytest.raises(IngestError, match=r"image\.txt: binary file \(a PNG image\)"):
        load_articles(png, max_bytes=LIMIT, outlets=outlets)
    with pytest.raises(IngestError, match=r"blob\.txt: binary file"):
        load_articles(blob, max_bytes=LIMIT, outlets=outlets)


def test_empty_files_are_rejected(tmp_path, outlets):
    for name, content in (
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n \n"),
        ("junk.txt", "Advertisement\n\nLoading\n"),
    ):
        path = write(tmp_path, name, content)
        with pytest.raises(IngestError, match=rf"{name}: (empty file|no article text left)"):
            load_articles(path, max_bytes=LIMIT, outlets=outlets)


def test_legacy_and_utf16_encodings_are_detected(tmp_path, outlets):
    text = (
        ARTICLE.replace("covered market", "café market")
        + "Residents said the prices were à la carte.\n"
    )
    for name, raw in (
        ("latin1.txt", text.encode("latin-1")),
        ("utf16.txt", text.encode("utf-16")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
    ):
        (article,) = load_articles(write(tmp_path, name, raw), max_bytes=LIMIT, outlets=outlets)
        assert "café market" in article.body and "à la carte" in article.body, name
        assert article.title == "Mayor opens market"


def test_undecodable_bytes_are_rejected(tmp_path, outlets):
    path = write(tmp_path, "garbled.txt", bytes(range(128, 256)) * 4)
    with pytest.raises(IngestError, match=r"garbled\.txt: undecodable bytes"):
        load_articles(path, max_bytes=LIMIT, outlets=outlets)


def test_files_over_the_size_limit_are_rejected(tmp_path, outlets):
    path = write(tmp_path, "big.txt", ARTICLE * 50)
    with pytest.raises(IngestError, match=r"big\.txt: file is .* over the 1,000 bytes limit"):
        load_articles(path, max_bytes=1000, outlets=outlets)
    files, failures = discover([path], max_bytes=1000)
    assert files == [] and "over the" in failures[0].reason


def test_discover_reports_what_cannot_be_indexed(tmp_path):
    write(tmp_path, "corpus/a.txt", ARTICLE)
    write(tmp_path, "corpus/sub/b.html", NEWS_PAGE)
    write(tmp_path, "corpus/c.jsonl", "{}\n")
    write(tmp_path, "corpus/manifest.toml", "")
    write(tmp_path, "corpus/.hidden.txt", ARTICLE)
    write(tmp_path, "corpus/notes.pdf", b"%PDF-1.4")
    write(tmp_path, "nothing/readme.md", "# hi")
    (tmp_path / "empty").mkdir()
    a = tmp_path / "corpus" / "a.txt"

    files, failures = discover(
        [
            tmp_path / "corpus",
            a,
            tmp_path / "nothing",
            tmp_path / "empty",
            tmp_path / "missing.txt",
        ],
        max_bytes=LIMIT,
    )
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "corpus/a.txt",
        "corpus/c.jsonl",
        "corpus/sub/b.html",
    ]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons["notes.pdf"].startswith("unsupported file type '.pdf'")
    assert reasons["readme.md"].startswith("unsupported file type '.md'")
    assert reasons["nothing"].startswith("folder holds no indexable files")
    assert reasons["empty"].startswith("folder holds no indexable files")
    assert reasons["missing.txt"] == "no such file or folder"


def test_rejections_carry_path_and_reason_separately(tmp_path, outlets):
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(corpus.FileRejected) as caught:
        load_articles(path, max_bytes=LIMIT, outlets=outlets)
    assert caught.value.path == str(path)
    assert caught.value.reason == "empty file"
