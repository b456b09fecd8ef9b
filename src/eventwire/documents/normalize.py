"""Text as it comes → text eventwire can read: mojibake repaired, quotes straightened, spaces unified.

The normalized text is the document's text: every offset eventwire reports points into it.
"""

from __future__ import annotations

import re

import ftfy

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # HTML is handled by the HTML stage; a literal "&amp;" in text stays as written
    normalization="NFC",
    explain=False,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Repair mojibake ("â€™" → "'"), straighten curly quotes, unify line ends and spacing."""
    text = ftfy.fix_text(text, _CONFIG)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
