"""sources stage: inputs → :class:`~eventwire.models.document.RawItem` s, or errors naming the input.

``files.read_inputs`` is the one entry point; it hands each input to its reader:

    files.py   .txt .html .json .jsonl files, folders, standard input; dispatches the others
    feeds.py   RSS / RDF / Atom feeds (files, or URLs whose content is a feed), one item per entry
    warc.py    .warc / .warc.gz archives (CC-NEWS), one item per HTML response record
    web.py     HTTP fetching: User-Agent, timeouts, retries with backoff, per-host delay, size cap
    base.py    decoding and sniffing shared by all of them
"""
