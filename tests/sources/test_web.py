"""URLs and URL lists fetched from a real local server: retries, timeouts, size cap, politeness."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from localweb import Server, article_page, local_server  # noqa: F401 (the server fixture)

from eventwire.errors import EncodingError, FetchError, TooLargeError, UnsupportedInputError
from eventwire.models.document import RawItem
from eventwire.sources.files import read_inputs
from eventwire.sources.web import Fetcher, FetchSettings

FAST = FetchSettings(timeout=2.0, retries=2, backoff=0.05, host_delay=0.0)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_web_url_on_the_command_line_gives_the_page(server: Server) -> None:
    server.routes["/borno"] = lambda: (200, HTML, article_page("01-borno-convoy-ambush.json"))
    (item,) = list(read_inputs([server.url("/borno")], fetch=FAST))
    assert isinstance(item, RawItem) and item.media_type == "text/html"
    assert item.origin == server.url("/borno") and item.get("url") == server.url("/borno")
    assert "ambushed a Nigerian army convoy" in item.content
    assert server.hits[0][2].startswith("eventwire/")  # a clear User-Agent


def test_web_url_list_fetches_each_and_names_the_failures(server: Server, tmp_path: Path) -> None:
    server.routes["/a"] = lambda: (200, HTML, article_page("05-kandahar-roadside-bomb.json"))
    server.routes["/gone"] = lambda: (410, {"Content-Type": "text/plain"}, b"gone")
    server.routes["/pdf"] = lambda: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ...")
    listing = tmp_path / "today.urls"
    listing.write_text(f"# morning run\n{server.url('/a')}\n\n{server.url('/missing')}\n"
                       f"{server.url('/gone')}\n{server.url('/pdf')}\n")  # fmt: skip
    results = list(read_inputs([str(listing)], fetch=FAST))
    assert isinstance(results[0], RawItem) and "Kandahar" in results[0].content
    missing, gone, pdf = results[1:]
    assert isinstance(missing, FetchError) and "HTTP 404" in str(missing)
    assert missing.where == server.url("/missing") and "today.urls" in str(missing)
    assert isinstance(gone, FetchError) and "HTTP 410" in str(gone)
    assert isinstance(pdf, UnsupportedInputError) and "application/pdf" in str(pdf)


def test_web_txt_file_of_urls_is_a_url_list(server: Server, tmp_path: Path) -> None:
    server.routes["/x"] = lambda: (200, {"Content-Type": "text/plain"}, b"Gunmen attacked a village.")
    listing = tmp_path / "links.txt"
    listing.write_text(server.url("/x") + "\n")
    (item,) = list(read_inputs([str(listing)], fetch=FAST))
    assert isinstance(item, RawItem) and item.media_type == "text/plain"
    assert item.content == "Gunmen attacked a village."


def test_web_bad_line_in_a_url_list_is_named(tmp_path: Path) -> None:
    listing = tmp_path / "bad.urls"
    listing.write_text("https://example.org/a\nnot a url\n")
    (error,) = list(read_inputs([str(listing)], fetch=FAST))
    assert "line 2" in str(error) and "bad.urls" in str(error)


def test_web_server_errors_are_retried_with_backoff(server: Server) -> None:
    calls: list[int] = []

    def flaky() -> tuple[int, dict[str, str], bytes]:
        calls.append(1)
        if len(calls) < 3:
            return 503, {"Content-Type": "text/plain", "Retry-After": "0"}, b"busy"
        return 200, HTML, article_page("03-afgoye-suicide-car-bomb.json")

    server.routes["/flaky"] = flaky
    (item,) = list(read_inputs([server.url("/flaky")], fetch=FAST))
    assert isinstance(item, RawItem) and len(calls) == 3

    server.routes["/down"] = lambda: (500, {"Content-Type": "text/plain"}, b"boom")
    (error,) = list(read_inputs([server.url("/down")], fetch=FAST))
    assert isinstance(error, FetchError) and "HTTP 500" in str(error) and "3 tries" in str(error)


def test_web_timeout_is_an_error_naming_the_url(server: Server) -> None:
    def slow() -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, HTML, b"<html><body><p>late</p></body></html>"

    server.routes["/slow"] = slow
    settings = FetchSettings(timeout=0.3, retries=1, backoff=0.0, host_delay=0.0)
    (error,) = list(read_inputs([server.url("/slow")], fetch=settings))
    assert isinstance(error, FetchError) and "timed out" in str(error) and "/slow" in str(error)


def test_web_size_cap_stops_huge_pages(server: Server) -> None:
    big = b"<html><body>" + b"<p>word</p>" * 200_000 + b"</body></html>"
    server.routes["/huge"] = lambda: (200, HTML, big)
    server.routes["/huge-chunked"] = lambda: (200, {**HTML, "Content-Length": str(len(big))}, big)
    settings = FetchSettings(max_bytes=100_000, host_delay=0.0, retries=0)
    for path in ("/huge", "/huge-chunked"):
        (error,) = list(read_inputs([server.url(path)], fetch=settings))
        assert isinstance(error, TooLargeError) and "100,000" in str(error)


def test_web_refused_connection_is_an_error(tmp_path: Path) -> None:
    settings = FetchSettings(timeout=1.0, retries=1, backoff=0.0, host_delay=0.0)
    (error,) = list(read_inputs(["http://127.0.0.1:9/nothing-listens-here"], fetch=settings))
    assert isinstance(error, FetchError) and "127.0.0.1:9" in str(error)


def test_web_broken_encoding_is_named(server: Server) -> None:
    body = "Attaque à Gao: trois morts. ".encode("latin-1") * 20
    server.routes["/lying"] = lambda: (200, {"Content-Type": "text/plain; charset=utf-8"}, body)
    server.routes["/honest"] = lambda: (200, {"Content-Type": "text/plain; charset=iso-8859-1"}, body)
    lying, honest = list(read_inputs([server.url("/lying"), server.url("/honest")], fetch=FAST))
    assert isinstance(lying, EncodingError) and "utf-8" in str(lying) and "/lying" in str(lying)
    assert isinstance(honest, RawItem) and "Attaque à Gao" in honest.content


def test_web_waits_between_requests_to_one_host(server: Server) -> None:
    server.routes["/p"] = lambda: (200, {"Content-Type": "text/plain"}, b"Troops were deployed.")
    settings = FetchSettings(host_delay=0.3, retries=0)
    with Fetcher(settings) as fetcher:
        for _ in range(3):
            fetcher.get(server.url("/p"))
    times = [hit[0] for hit in server.hits]
    assert len(times) == 3
    assert all(later - earlier >= 0.29 for earlier, later in itertools.pairwise(times))


def test_web_settings_from_environment() -> None:
    env = {"EVENTWIRE_HOST_DELAY": "2.5", "EVENTWIRE_USER_AGENT": "lab-crawler/1"}
    settings = FetchSettings.from_env(env)
    assert settings.host_delay == 2.5 and settings.user_agent == "lab-crawler/1"
    try:
        FetchSettings.from_env({"EVENTWIRE_HTTP_TIMEOUT": "soon"})
    except FetchError as err:
        assert "EVENTWIRE_HTTP_TIMEOUT" in str(err)
    else:  # pragma: no cover
        raise AssertionError("a bad setting must be refused")
