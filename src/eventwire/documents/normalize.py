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
# A run of spaces that is not already one plain space: substituting every single space by itself built the
# text anew from a piece per word (the same text either way, in half the time).
_SPACES = re.compile(
    r"(?: [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000])"
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*"
)
_BLANK_LINES = re.compile(r"\n{3,}")


# ASCII without control characters (tab and line feed aside) is text that no ftfy fix changes: mojibake,
# curly quotes, ligatures, wide forms and odd line breaks are all outside ASCII, and so is what the other
# fixes act on, once carriage returns, escapes and controls are ruled out. Most news is such text.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _plain(segment: str) -> bool:
    return segment.isascii() and not _ASCII_CONTROL.search(segment)


def _fix_text(text: str) -> str:
    """``ftfy.fix_text(text, _CONFIG)``, skipping the lines that it would leave as they are.

    ftfy fixes a text line by line (each line with its line feed); the lines are cut where it cuts them.
    """
    if _plain(text):
        return text
    out: list[str] = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        segment = text[pos:end]
        out.append(segment if _plain(segment) else ftfy.fix_text(segment, _CONFIG))
        pos = end
    return "".join(out)


def normalize_text(text: str) -> str:
    """Repair mojibake ("â€™" → "'"), straighten curly quotes, unify line ends and spacing."""
    text = _fix_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
