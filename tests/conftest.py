"""Shared fixtures: the loaded extractor (once per session, gazetteer cache in a temp dir) and ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import ARTICLES, ROOT, SHARED, shared_path

__all__ = ["ARTICLES", "ROOT", "SHARED", "shared_path"]


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The gazetteer cache: the user's own when EVENTWIRE_CACHE_DIR is set, else one per test session."""
    configured = os.environ.get("EVENTWIRE_CACHE_DIR")
    path = Path(configured) if configured else tmp_path_factory.mktemp("eventwire-cache")
    old = os.environ.get("EVENTWIRE_CACHE_DIR")
    os.environ["EVENTWIRE_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("EVENTWIRE_CACHE_DIR", None)


@pytest.fixture(scope="session")
def extractor(cache_dir: Path):  # type: ignore[no-untyped-def]
    from eventwire.extraction.pipeline import Extractor

    return Extractor.load(cache_dir=cache_dir)
