"""Canonical URLs: one spelling per article, so the same page fetched twice is recognised.

Lower-case scheme and host, ``http`` as ``https``, no ``www.``, no default port, no fragment, no tracking
parameters (``utm_*``, ``fbclid``, ...), the other parameters sorted, no trailing slash.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "ref", "ref_src", "ref_url", "cmpid", "ocid", "smid", "spm", "_ga", "_gl", "share", "src", "at_medium",
    "at_campaign", "cmp", "s_cid",
})  # fmt: skip


def canonical_url(url: str | None) -> str | None:
    """The canonical form of ``url``; None for None or an empty string, the input as given if it is no URL."""
    if not url or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))
