"""Fetching pages over HTTP politely: a clear User-Agent, timeouts, retries with backoff, a per-host rate
and a size cap. Every failure is a :class:`~eventwire.errors.FetchError` naming the URL."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from eventwire.errors import FetchError, TooLargeError
from eventwire.sources.base import DEFAULT_MAX_BYTES

_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


def _version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "dev"


DEFAULT_USER_AGENT = (
    f"eventwire/{_version()} (+https://github.com/eventwire/eventwire; news event extraction)"
)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How eventwire fetches: every value can also be set from the environment (see :meth:`from_env`)."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 2  # further tries after a timeout, a refused connection or a 429/5xx status
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_backoff: float = 60.0  # the longest wait, also for a server's Retry-After
    host_delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> FetchSettings:
        """Defaults, then ``EVENTWIRE_USER_AGENT``, ``EVENTWIRE_HTTP_TIMEOUT``, ``EVENTWIRE_HTTP_RETRIES``,
        ``EVENTWIRE_HTTP_BACKOFF``, ``EVENTWIRE_HOST_DELAY``, then ``overrides``."""
        env = os.environ if environ is None else environ
        settings = cls()
        names = {
            "EVENTWIRE_USER_AGENT": ("user_agent", str),
            "EVENTWIRE_HTTP_TIMEOUT": ("timeout", float),
            "EVENTWIRE_HTTP_RETRIES": ("retries", int),
            "EVENTWIRE_HTTP_BACKOFF": ("backoff", float),
            "EVENTWIRE_HOST_DELAY": ("host_delay", float),
        }
        values: dict[str, object] = {}
        for variable, (name, kind) in names.items():
            if env.get(variable):
                try:
                    values[name] = kind(env[variable])
                except ValueError:
                    raise FetchError(
                        f"{variable}={env[variable]!r} is not a valid {kind.__name__}", where=variable
                    ) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(settings, **values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: the URL asked for, the URL it ended at, its status, content type and bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes


@dataclass(slots=True)
class Fetcher:
    """An HTTP client that waits ``host_delay`` between requests to one host and retries transient
    failures. Use it as a context manager, or call :meth:`close`."""

    settings: FetchSettings = field(default_factory=FetchSettings.from_env)
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.settings.user_agent, "Accept": _ACCEPT},
                timeout=httpx.Timeout(self.settings.timeout),
                follow_redirects=True,
                max_redirects=self.settings.max_redirects,
                transport=self.transport,
            )  # fmt: skip
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _wait_for(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, float("-inf")) + self.settings.host_delay
            wait = max(0.0, ready - now)
            self._last[host] = now + wait
        if wait:
            self.sleep(wait)

    def _finished(self, host: str) -> None:
        """The delay to a host counts from the end of the last response, so a slow server gets more room."""
        with self._lock:
            self._last[host] = max(self._last.get(host, float("-inf")), time.monotonic())

    def _retry_after(self, response: httpx.Response, attempt: int) -> float:
        """The wait before the next try: the server's Retry-After (seconds or a date), else the backoff."""
        wait = self.settings.backoff * 2**attempt
        value = str(response.headers.get("Retry-After") or "")
        if value.strip().isdigit():
            wait = float(value)
        elif value:
            with contextlib.suppress(TypeError, ValueError):
                wait = parsedate_to_datetime(value).timestamp() - time.time()
        return float(min(max(wait, 0.0), self.settings.max_backoff))

    def get(self, url: str) -> Page:
        """Fetch ``url``; raise :class:`FetchError` (or :class:`TooLargeError`) naming it on failure."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError("is not an http(s) URL", where=url)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self._wait_for(parts.hostname)
            try:
                page, wait = self._get_once(url, attempt)
            except httpx.TimeoutException:
                if last:
                    raise FetchError(
                        f"timed out after {self.settings.timeout:g} s ({attempts} tries)", where=url
                    ) from None
                wait = min(self.settings.backoff * 2**attempt, self.settings.max_backoff)
            except httpx.TooManyRedirects:
                raise FetchError(
                    f"redirects more than {self.settings.max_redirects} times", where=url
                ) from None
            except (httpx.TransportError, httpx.InvalidURL) as err:
                if last or isinstance(err, httpx.UnsupportedProtocol | httpx.InvalidURL):
                    raise FetchError(
                        f"could not be fetched: {err or type(err).__name__}", where=url
                    ) from None
                wait = min(self.settings.backoff * 2**attempt, self.settings.max_backoff)
            else:
                if page is not None:
                    return page
            finally:
                self._finished(parts.hostname)
            if wait:
                self.sleep(wait)
        raise FetchError(f"could not be fetched after {attempts} tries", where=url)  # pragma: no cover

    def _get_once(self, url: str, attempt: int) -> tuple[Page | None, float]:
        limit = self.settings.max_bytes
        last = attempt == self.settings.retries
        with self._http().stream("GET", url) as response:
            status = response.status_code
            if status in _RETRY_STATUS and not last:
                return None, self._retry_after(response, attempt)
            if status != 200:
                reason = response.reason_phrase or "error"
                tries = f" after {attempt + 1} tries" if attempt else ""
                raise FetchError(f"answered HTTP {status} {reason}{tries}", where=url)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise TooLargeError(
                    f"is {int(declared):,} bytes, over the limit of {limit:,} (see --max-bytes)", where=url
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(f"is over the limit of {limit:,} bytes (see --max-bytes)", where=url)
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "")
            return Page(
                url=url,
                final_url=str(response.url),
                status=status,
                content_type=content_type.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
                content=b"".join(chunks),
            ), 0.0
