"""What a running API is configured with: the store, the write token, CORS and the limits."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.errors import ConfigError

DEFAULT_MAX_BODY = 2 * 1024 * 1024
MAX_PAGE = 500
DEFAULT_PAGE = 50


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Settings of one API instance.

    ``db`` is what :func:`eventwire.store.open_store` opens (a SQLite path or a database URL).
    ``token`` enables writing (``POST /api/documents``) for requests that send it as a bearer token; with
    no token, writing is refused. ``cors_origins`` empty means no CORS headers at all.
    """

    db: str
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY
    fetch_urls: bool = True
    fetch_timeout: float = 15.0

    @classmethod
    def from_env(cls, db: str, env: Mapping[str, str] | None = None) -> ApiSettings:
        """Read ``EVENTWIRE_API_TOKEN``, ``EVENTWIRE_CORS_ORIGINS`` (comma-separated) and
        ``EVENTWIRE_MAX_BODY_BYTES`` from the environment."""
        env = os.environ if env is None else env
        token = env.get("EVENTWIRE_API_TOKEN") or None
        origins = tuple(o.strip() for o in env.get("EVENTWIRE_CORS_ORIGINS", "").split(",") if o.strip())
        raw_max = env.get("EVENTWIRE_MAX_BODY_BYTES", "")
        try:
            max_body = int(raw_max) if raw_max else DEFAULT_MAX_BODY
        except ValueError:
            raise ConfigError(
                f"EVENTWIRE_MAX_BODY_BYTES={raw_max!r} is not a whole number of bytes"
            ) from None
        if max_body <= 0:
            raise ConfigError(f"EVENTWIRE_MAX_BODY_BYTES={raw_max!r} must be a positive number of bytes")
        if token is not None and len(token) < 8:
            raise ConfigError("EVENTWIRE_API_TOKEN is shorter than 8 characters: choose a longer secret")
        return cls(db=db, token=token, cors_origins=origins, max_body_bytes=max_body)
