"""The command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path

RAID = (
    "Gunmen killed seven villagers in an attack on Gajiram in Borno State on Tuesday, residents said. "
    "The attackers also burned several houses."
)


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ},
        timeout=300,
        check=False,
    )


@pytest.mark.usefixtures("cache_dir")
def test_app_extract_seed_prints_one_event() -> None:
    seed = shared_path("seed", "anbar-raid.txt")
    result = run("extract", "--published", "2024-09-06", str(seed))
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert (event["event_type"], event["sub_event_type"], event["actor2"]) == (
        "Battles",
        "Armed clash",
        "Islamic State",
    )


@pytest.mark.usefixtures("cache_dir")
def test_app_bad_inputs_are_named_and_the_rest_processed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(RAID, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "latin1.txt").write_bytes("Attaque à Gao".encode("latin-1"))
    (tmp_path / "docs.jsonl").write_text(
        f'{{"id": "x", "text": "{RAID}", "published": "2024-09-06"}}\n{{oops\n'
    )
    result = run("extract", "--published", "2024-09-06", str(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in err
    assert f"{tmp_path / 'empty.txt'}: is empty" in err
    assert f"{tmp_path / 'binary.txt'}: is binary" in err
    assert f"{tmp_path / 'latin1.txt'}: is not valid UTF-8" in err
    assert f"{tmp_path / 'docs.jsonl'}:2: is not valid JSON" in err
    assert err.strip().splitlines()[-1] == "2 documents, 2 events, 4 errors"
    assert len(result.stdout.decode().splitlines()) == 2


@pytest.mark.usefixtures("cache_dir")
def test_app_stdin_csv_and_explain() -> None:
    text = RAID + " The governor threatened to launch an offensive against the group."
    result = run(
        "extract", "--published", "2024-09-06", "--format", "csv", "--explain", "-", stdin=text.encode()
    )
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode().splitlines()
    assert out[0].startswith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1")
    assert len(out) == 2 and "Violence against civilians" in out[1]
    assert "rejected:" in result.stderr.decode() and "threat" in result.stderr.decode()


@pytest.mark.usefixtures("cache_dir")
def test_app_no_publication_date_keeps_relative_dates_as_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Gunmen killed seven villagers in Borno State last week, residents said.", encoding="utf-8"
    )
    result = run("extract", str(path))
    event = json.loads(result.stdout.decode().splitlines()[0])
    assert (event["date_start"], event["date_end"], event["event_date"], event["time_precision"]) == (
        None, None, None, 4,
    )  # fmt: skip
    assert event["date_text"] == "last week"


@pytest.mark.usefixtures("cache_dir")
def test_app_ingest_is_idempotent_and_events_reads_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RAID, encoding="utf-8")
    db = tmp_path / "e.db"
    first = run("ingest", "--db", str(db), "--published", "2024-09-06", str(tmp_path / "a.txt"))
    assert first.returncode == 0, first.stderr.decode()
    again = run("ingest", "--db", str(db), "--published", "2024-09-06", str(tmp_path / "a.txt"))
    assert "1 already stored" in again.stderr.decode()
    listed = run("events", "--db", str(db), "--format", "jsonl")
    assert len(listed.stdout.decode().splitlines()) == 1
    table = run("events", "--db", str(db))
    assert "Violence against civilians" in table.stdout.decode()
