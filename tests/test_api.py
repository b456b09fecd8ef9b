"""The Python API: `from eventwire import extract` keeps working once the extraction stage is imported."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.usefixtures("cache_dir")
def test_extract_function_survives_loading_the_extraction_package() -> None:
    import eventwire.extraction.pipeline  # noqa: F401  (a submodule import must not shadow the function)
    from eventwire import extract

    assert callable(extract)
    events = extract(
        "Gunmen killed five villagers in Borno State on Tuesday, police said.", published="2024-09-06"
    )
    assert len(events) == 1
    event = events[0]
    assert event.fatalities is not None and event.fatalities.best == 5
    assert event.country == "Nigeria"
    assert str(event.event_date) == "2024-09-03"


@pytest.mark.usefixtures("cache_dir")
def test_extract_reads_a_path(tmp_path: Path) -> None:
    from eventwire import extract

    path = tmp_path / "report.txt"
    path.write_text("Police arrested 12 protesters in Nairobi on Monday.", encoding="utf-8")
    events = extract(path, published="2024-09-06")
    assert [e.event_type for e in events] in ([], ["Protests"], ["Riots"], ["Strategic developments"])
