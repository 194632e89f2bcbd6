"""Links from Slack: `/factcheck add <url>` and the offer to index a link in a flagged thread,
end to end against the local news site (tests/web_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack_api import FakeSlackAPI
from slack_harness import SlackSender, event_callback, load_payload, message_ts
from web_server import Answer, NewsSite, article_html, rss, running_site

LIGHTHOUSE = [
    "The old lighthouse on the north pier will be turned into a maritime museum, the port board decided.",
    "Restoration will start in June and is expected to cost 3.5 million euros over two years.",
    '"The lighthouse belongs to everyone who grew up here," board chair Saskia Mol said.',
    "The museum will show ship models, old charts and the original lens of the lighthouse.",
]
DUNES = [
    "Volunteers planted forty thousand marram grass shoots on the eroded dunes south of the harbour.",
    "The water board said the dunes lost eight metres of sand during the winter storms.",
    "Planting will continue every weekend in March if the weather allows it, organisers said.",
]
TRAM = [
    "The harbour tram line will run every six minutes from May, the transport authority said.",
    "Four new low-floor trams were delivered this week and will be tested at night in April.",
    "Passenger numbers on the line rose by 12 percent last year as offices moved to the quay.",
]


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with running_site() as news:
        news.page("/news/lighthouse", article_html("Lighthouse to become a museum", LIGHTHOUSE))
        news.page("/news/dunes", article_html("Volunteers replant the dunes", DUNES))
        news.page("/news/tram", article_html("Harbour tram to run every six minutes", TRAM))
        yield news


def to_caller(channel: str):
    return lambda call: call.path.endswith(f"command-{channel}")


def test_add_indexes_a_page_and_says_what_was_added(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str, site: NewsSite
) -> None:
    url = site.url("/news/lighthouse")

    reply = slack.command(f"add <{url}>", channel=channel)

    assert "Fetching" in reply.body
    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "added 1, updated 0, unchanged 0, failed 0" in answer.text
    assert url in answer.text
    assert checker.check("The lighthouse restoration will cost 3.5 million euros.").verdict == "supported"


def test_add_indexes_every_article_of_a_feed(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str, site: NewsSite
) -> None:
    site.page("/rss", rss([("d", site.url("/news/dunes")), ("missing", site.url("/news/missing"))]), "application/rss+xml")

    slack.command(f"add {site.url('/rss')}", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "added 1, updated 0, unchanged 0, failed 1" in answer.text
    assert f"added: {site.url('/news/dunes')}" in answer.text
    assert f"{site.url('/news/missing')}: HTTP 404" in answer.text
    assert site.url("/news/dunes") in {a.path for a in checker.sources()}


def test_add_refuses_a_link_that_leads_to_an_internal_address(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str, site: NewsSite
) -> None:
    site.answer("/go", Answer(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))

    slack.command(f"add <{site.url('/go')}>", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "failed 1" in answer.text
    assert "refused: 169.254.169.254 resolves to 169.254.169.254, a cloud metadata address" in answer.text


def test_add_without_a_url_says_how_to_use_it(slack: SlackSender, fake_api: FakeSlackAPI, channel: str) -> None:
    slack.command("add the lighthouse story", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "Usage: /factcheck add &lt;url" in answer.text


def test_a_link_in_a_flagged_thread_is_offered_with_a_button_and_indexed_on_click(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str, site: NewsSite
) -> None:
    root = message_ts()
    checker.store.flag_thread(channel, root, user="W333", team="T111")
    url = site.url("/news/tram")

    slack.event(
        event_callback(
            "message.channels.event_callback.json",
            text=f"Background here: <{url}|the tram story>",
            channel=channel,
            ts=message_ts(),
            thread_ts=root,
        )
    )

    [offer] = fake_api.wait_for(
        "chat.postMessage", lambda c: c.params.get("channel") == channel and "Index this article" in c.text
    )
    assert offer.params["thread_ts"] == root
    assert site.hits("/news/tram") == [] and checker.store.fetch_record(url) is None  # not indexed silently

    button = next(e for b in offer.params["blocks"] if b["type"] == "actions" for e in b["elements"])
    payload = load_payload("block_actions.json")
    payload["channel"] = {"id": channel, "name": "news"}
    payload["container"] = {"type": "message", "message_ts": offer.response["ts"], "channel_id": channel}
    payload["message"] = {"type": "message", "ts": offer.response["ts"], "text": offer.params["text"]}
    payload["response_url"] = fake_api.response_url(f"offer-{channel}")
    payload["actions"] = [{**button, "block_id": "index_offer_0", "type": "button", "action_ts": "1700000100.000002"}]
    assert slack.interactive(payload).status == 200

    [done] = fake_api.wait_for(
        "response_url", lambda c: c.path.endswith(f"offer-{channel}") and "Indexed" in c.text
    )
    assert done.params["replace_original"] is True
    assert "added 1" in done.text
    assert url in {a.path for a in checker.sources()}
