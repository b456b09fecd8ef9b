"""Rebuild ``src/eventwire/evaluate/data/muc4_merge_gold.json`` from the MUC-4 answer keys.

    .venv/bin/python bench/build_merge_gold.py [MUC4_DIR]

The rules are in :mod:`eventwire.evaluate.merging`; the output holds labels only (document ids,
template numbers, incident ids), never texts.
"""

from __future__ import annotations

import sys

from eventwire.evaluate.merging import GOLD_PATH, GOLD_SPLITS, build_gold, save_gold
from eventwire.evaluate.muc4 import load_muc4


def main() -> None:
    data_dir = sys.argv[1] if len(sys.argv) > 1 else None
    documents = [doc for split in GOLD_SPLITS for doc in load_muc4(split, data_dir)]
    gold = build_gold(documents)
    save_gold(gold)
    summary = gold.to_dict()
    print(
        f"{GOLD_PATH}: {summary['templates']} templates, {summary['incidents']} incidents, "
        f"{summary['multi_document_incidents']} reported by several documents"
    )


if __name__ == "__main__":
    main()
