"""The command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import shared_path

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
    header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1"
    assert out[0].startswith(header)
    assert len(out) == 2 and "Violence against civilians" in out[1]
    assert "rejected:" in result.stderr.decode() and "threat" in result.stderr.decode()


@pytest.mark.usefixtures("cache_dir")
def test_app_extract_scope_muc4_reports_what_it_drops() -> None:
    # An army-guerrilla clash is an ACLED battle and, by MUC-4's task definition, not a terrorist incident.
    clash = (
        "Army troops clashed with FMLN guerrillas near San Miguel on Tuesday. Three soldiers and five rebels "
        "were killed in the fighting, the armed forces said."
    )
    every = run("extract", "--published", "1990-01-10", "-", stdin=clash.encode())
    assert every.returncode == 0 and len(every.stdout.decode().splitlines()) == 1
    scoped = run(
        "extract", "--published", "1990-01-10", "--scope", "muc4", "--explain", "-", stdin=clash.encode()
    )
    assert scoped.returncode == 0, scoped.stderr.decode()
    assert scoped.stdout.decode().strip() == ""
    assert "outside scope muc4" in scoped.stderr.decode()
    assert run("extract", "--scope", "gdelt", "-", stdin=b"x").returncode == 2


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


@pytest.mark.usefixtures("cache_dir")
def test_app_ingest_records_errors_and_events_exports(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(RAID, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "e.db"
    first = run("ingest", "--db", str(db), "--published", "2024-09-06", str(inputs))
    assert first.returncode == 1, "a failed input makes the exit status non-zero"
    assert "1 document, 1 event" in first.stderr.decode() and "1 error" in first.stderr.decode()
    listed = run("errors", "--db", str(db))
    assert "empty.txt" in listed.stdout.decode()
    csv_out = run("events", "--db", str(db), "--format", "csv").stdout.decode().splitlines()
    header = csv_out[0].split(",")
    assert header[:8] == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1",
    ]  # fmt: skip
    assert header[header.index("fatalities") + 1 : header.index("timestamp") + 1] == ["tags", "timestamp"]
    assert len(csv_out) == 2 and "Political violence" in csv_out[1]
    none = run("events", "--db", str(db), "--country", "Peru", "--format", "jsonl")
    assert none.returncode == 0 and none.stdout == b""
    geo = run("events", "--db", str(db), "--format", "geojson")
    collection = json.loads(geo.stdout)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) + ("left out" in geo.stderr.decode()) == 1
    parquet = tmp_path / "e.parquet"
    assert run("events", "--db", str(db), "--format", "parquet", "--output", str(parquet)).returncode == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 1 and table.column("fatalities_best").to_pylist() == [7]
    event_id = (
        collection["features"][0]["id"]
        if collection["features"]
        else json.loads(run("events", "--db", str(db), "--format", "jsonl").stdout)["event_id"]
    )
    explained = run("explain", event_id, "--db", str(db))
    assert explained.returncode == 0 and "1 report(s)" in explained.stdout.decode()
    missing = run("events", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 1 and "no such database" in missing.stderr.decode()


@pytest.mark.usefixtures("cache_dir")
def test_app_places_flags_toponyms_inside_organisation_names() -> None:
    text = b"Militants attacked a checkpoint in Mosul on Sunday, The Washington Post reported."
    result = run("places", "-", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    records = {r["text"]: r for r in map(json.loads, result.stdout.decode().splitlines())}
    assert records["Mosul"]["literal"] is True and records["Mosul"]["iso3"] == "IRQ"
    assert records["Washington"]["literal"] is False and records["Washington"]["iso3"] == "USA"


def test_app_leave_in_process_raises_system_exit() -> None:
    # Only the eventwire program itself ends without tearing the interpreter down (os._exit); a test or a
    # script that drives the command in its own process gets SystemExit, as from any click command.
    from eventwire.cli.app import _leave

    with pytest.raises(SystemExit) as leaving:
        _leave(1)
    assert leaving.value.code == 1
