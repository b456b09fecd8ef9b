"""Opening a store: the schema is created once, a store at the newest revision opens without alembic, and
``prepared_aside`` creates it in a child process while the caller loads something else."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from eventwire.errors import StoreError
from eventwire.store import open_store, prepared_aside
from eventwire.store.sql import HEAD_REVISION, MIGRATIONS, REVISIONS


def test_store_head_revision_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def _no_alembic(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("alembic ran on a store already at the newest revision")


def test_store_at_head_opens_without_alembic(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(target) as store:  # created (and migrated) here
        assert store.counts() == (0, 0)
    monkeypatch.setattr("alembic.command.upgrade", _no_alembic)
    with open_store(target) as store:
        assert store.counts() == (0, 0)


def test_store_behind_head_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    # taken back one revision, as a database written before the newest would be
    with open_store(path) as store, store.engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
        conn.commit()
    assert _revision(path) != HEAD_REVISION
    with open_store(path):
        pass
    assert _revision(path) == HEAD_REVISION


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prepared_aside forks on Linux only")
def test_store_prepared_aside_creates_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "aside.db"
    with prepared_aside(path):
        pass
    assert path.exists()
    monkeypatch.setattr("alembic.command.upgrade", _no_alembic)  # the child did it
    with open_store(path) as store:
        assert store.counts() == (0, 0)


def test_store_prepared_aside_leaves_errors_to_open_store(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with prepared_aside(folder):  # the child fails; nothing is raised here
        pass
    with pytest.raises(StoreError, match="is a folder"):
        open_store(folder)


def test_store_revisions_are_alembics() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    shipped = [script.revision for script in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(shipped)) == REVISIONS


def test_store_written_by_a_newer_eventwire_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with open_store(path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(
        StoreError, match=r"newer.db: was written by a newer eventwire \(schema revision 9999"
    ):
        open_store(path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prepared_aside forks on Linux only")
def test_store_prepared_aside_removes_what_it_created_when_the_command_fails(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(RuntimeError, match="actors file"), prepared_aside(path):
        raise RuntimeError("the actors file does not load")
    assert list(tmp_path.iterdir()) == []
    kept = tmp_path / "kept.db"
    with open_store(kept):
        pass
    with pytest.raises(RuntimeError), prepared_aside(kept):
        raise RuntimeError("the actors file does not load")
    assert kept.exists()  # a database that was there before is never removed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prepared_aside forks on Linux only")
def test_store_prepared_aside_keeps_a_new_database_another_command_wrote_to(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with pytest.raises(RuntimeError), prepared_aside(path):
        # another ingest opens the new database and stores a document while this command loads
        with open_store(path), sqlite3.connect(path) as conn:
            conn.execute(
                "INSERT INTO documents (id, content_hash, text, ingested_at) VALUES ('d1', 'h', 't', 'now')"
            )
        raise RuntimeError("this command's actors file does not load")
    assert path.exists()
