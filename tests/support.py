"""What tests share besides fixtures: the paths of the project and of ../shared.

Importable from any test module as ``from support import shared_path`` (pytest puts ``tests/`` on the
path: see ``pythonpath`` in pyproject.toml); a module named ``conftest`` would be ambiguous once test
folders have conftests of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here: tests that read ../shared skip where it is absent")
    return path
