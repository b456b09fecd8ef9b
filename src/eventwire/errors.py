"""The one exception tree of eventwire.

    EventwireError            every error eventwire raises on purpose
    ├── SourceError           an input could not be read (missing, empty, binary, too large, bad encoding,
    │   │                     malformed JSON); carries the input's name and, where known, the line
    │   ├── FetchError        a URL could not be fetched (HTTP error status, timeout, refused, too large)
    │   └── SkippedRecordError  an archive record deliberately not read (not HTML, not status 200)
    ├── DocumentError         an input was read but holds no usable document text
    │   └── LanguageSkippedError  the document is not in English: recorded, not extracted
    ├── ExtractionError       an extractor failed on a document
    ├── ResolutionError       a gazetteer, actor registry or date could not be resolved or loaded
    ├── StoreError            the database refused a read or a write
    └── ConfigError           a setting or user data file is invalid

Library code raises; only the CLI turns errors into messages and exit codes. Each error has a stable
code (``E0xx``) so users can search for it.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``code`` is stable across releases; ``where`` names the input (path[:line])."""

    code = "E000"
    skipped = False  # True for inputs left out on purpose (a language, a non-HTML record), not failures

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class SourceError(EventwireError):
    code = "E010"


class EmptyInputError(SourceError):
    code = "E011"


class BinaryInputError(SourceError):
    code = "E012"


class EncodingError(SourceError):
    code = "E013"


class TooLargeError(SourceError):
    code = "E014"


class MalformedInputError(SourceError):
    code = "E015"


class UnsupportedInputError(SourceError):
    code = "E016"


class FetchError(SourceError):
    code = "E017"


class SkippedRecordError(SourceError):
    code = "E018"
    skipped = True


class DocumentError(EventwireError):
    code = "E020"


class LanguageSkippedError(DocumentError):
    code = "E021"
    skipped = True


class ExtractionError(EventwireError):
    code = "E030"


class ResolutionError(EventwireError):
    code = "E040"


class StoreError(EventwireError):
    code = "E050"


class BatchLostError(StoreError):
    """A write failed and took a batch's open transaction with it: ``lost`` names (by origin) the
    documents the batch had written since its last commit, which are not stored either."""

    def __init__(self, message: str, *, where: str | None = None, lost: tuple[str, ...] = ()) -> None:
        super().__init__(message, where=where)
        self.lost = lost


class ConfigError(EventwireError):
    code = "E060"
