"""dedup stage: near-duplicate documents (:mod:`.documents`) and one event per real event (:mod:`.events`).

Pure functions only: the store decides what to do with the keys, fingerprints and decisions.
"""
