from __future__ import annotations

import pytest

from eventwire.text.numbers import Count, read_count, word_number


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("at least 14 ISIS fighters", Count(14, 14, None)),
        ("no fewer than nine people", Count(9, 9, None)),
        ("More than 200 troops", Count(201, 201, None)),
        ("seven U.S. soldiers", Count(7, 7, 7)),
        ("twenty-one people", Count(21, 21, 21)),
        ("between 10 and 15 civilians", Count(10, 12, 15)),
        ("10-15 people", Count(10, 12, 15)),
        ("a dozen others", Count(12, 12, 12)),
        ("dozens of people", Count(24, 24, 99)),
        ("hundreds of protesters", Count(200, 200, 999)),
        ("thousands marched", Count(2000, 2000, 9999)),
        ("hundreds of thousands of people", Count(200000, 200000, 999999)),
        ("scores were wounded", Count(40, 40, None)),
        ("nearly 30", Count(27, 30, 30)),
        ("about 40", Count(36, 40, 44)),
        ("up to 20", Count(1, 20, 20)),
        ("2,500 troops", Count(2500, 2500, 2500)),
        ("one hundred and five", Count(105, 105, 105)),
        ("AT LEAST FOURTEEN", Count(14, 14, None)),
    ],
)
def test_numbers_read_counts_as_ranges(text: str, count: Count) -> None:
    assert read_count(text) == count


def test_numbers_word_number_refuses_non_numbers() -> None:
    assert word_number("soldiers") is None
    assert word_number("forty-two") == 42


def test_numbers_percentages_are_not_counts() -> None:
    assert read_count("turnout was 40 percent") is None
