"""How fast `eventwire ingest` reads a web archive into SQLite, and how much memory it takes.

Builds, in a temporary folder (never in the repository), a WARC.gz of real news articles, CC-NEWS style:
a warcinfo record, then a request and a response record per article, each response an HTML page
(title, site name, publication date, paragraphs). The articles are MUC-4's train texts and GeoWebNews's
200 articles from ../shared/benchmarks, repeated until there are ``--limit`` records; each repeat gets its
own URL and title (the body is the same, as with syndicated wire copy). Then runs, as a user would:

    eventwire ingest --db TMP/unique.db TMP/unique.warc.gz    # every article once: extraction-bound
    eventwire ingest --db TMP/all.db TMP/all.warc.gz          # --limit records, repeats included

with `ingest`'s default workers (the cores it may use), and the unique archive once more with
``--workers 1`` (one process) to show what the workers add

and writes documents/s, events, errors and the peak resident memory of each run to
bench/results/ingest_warc.json. Skips with a message where ../shared is absent.

    python bench/ingest_warc.py [--limit 10000] [--out bench/results/ingest_warc.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from eventwire.pipeline import default_workers

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "benchmarks").resolve()
MUC = SHARED / "muc4" / "full_templates" / "train.jsonl"
GWN = SHARED / "geoparsing" / "geowebnews" / "brat"
_GWN_HEAD = re.compile(r"^TITLE:\s*(?P<title>.*?)\s*LINK:\s*(?P<link>\S+)\s*$")
_MUC_HEAD = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]+),\s*(?P<date>\d{1,2} [A-Z]{3} \d{2})")


def articles() -> list[dict[str, str]]:
    """The real articles: id, title, url, outlet, published (if known) and paragraphs (blank-line split)."""
    found: list[dict[str, str]] = []
    if MUC.exists():
        with MUC.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = record["text"].strip()
                head = _MUC_HEAD.match(text)
                published = ""
                if head:
                    try:
                        published = dt.datetime.strptime(head.group("date"), "%d %b %y").date().isoformat()
                    except ValueError:
                        published = ""
                found.append({
                    "id": record["docid"], "title": f"{head.group('place').title() if head else 'Report'}: "
                    f"{record['docid']}", "url": f"https://fbis.example.org/{record['docid'].lower()}",
                    "outlet": "FBIS", "published": published, "text": text,
                })  # fmt: skip
    if GWN.exists():
        for path in sorted(GWN.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0):
            first, _, body = path.read_text(encoding="utf-8").partition("\n")
            head = _GWN_HEAD.match(first)
            found.append({
                "id": f"gwn-{path.stem}", "title": head.group("title") if head else path.stem,
                "url": head.group("link") if head else f"https://gwn.example.org/{path.stem}",
                "outlet": "", "published": "", "text": body.strip(),
            })  # fmt: skip
    return found


def page(article: dict[str, str], copy: int) -> bytes:
    """An article as a news site would serve it."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", article["text"]) if p.strip()]
    title = article["title"] + (f" (edition {copy + 1})" if copy else "")
    meta = (
        [f'<meta property="og:site_name" content="{html.escape(article["outlet"])}">']
        if article["outlet"]
        else []
    )
    if article["published"]:
        meta.append(f'<meta property="article:published_time" content="{article["published"]}T12:00:00Z">')
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>{''.join(meta)}</head>\n<body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/about'>About us</a></nav>"
        f"</header><main><article><h1>{html.escape(title)}</h1>\n{body}</article></main>"
        "<footer><p>Copyright. All rights reserved.</p></footer></body></html>"
    ).encode()


def records(corpus: list[dict[str, str]], limit: int) -> Iterator[tuple[str, bytes]]:
    for n in range(limit):
        article, copy = corpus[n % len(corpus)], n // len(corpus)
        url = article["url"] + (f"?edition={copy + 1}" if copy else "")
        yield url, page(article, copy)


def write_warc(path: Path, corpus: list[dict[str, str]], limit: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "eventwire bench/ingest_warc.py"})
        writer.write_record(info)
        count = 0
        for url, body in records(corpus, limit):
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("User-Agent", "eventwire-bench"), ("Host", "example.org")],
                is_http_request=True,
            )  # fmt: skip
            empty = io.BytesIO(b"")
            writer.write_record(
                writer.create_warc_record(url, "request", empty, length=0, http_headers=request)
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )  # fmt: skip
            writer.write_record(
                writer.create_warc_record(
                    url, "response", io.BytesIO(body), length=len(body), http_headers=headers
                )
            )
            count += 1
    return count


_SUMMARY = re.compile(r"(?P<documents>\d+) documents?, (?P<events>\d+) events?.*?(?P<errors>\d+) errors?")
_DUPLICATES = re.compile(r"(?P<duplicates>\d+) duplicates?")


def _tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and its descendants (shared pages counted once), in MB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, flags=re.M)
        total += int(found.group(1)) if found else 0
    return total / 1024


def ingest(warc: Path, db: Path, workers: int | None) -> dict[str, object]:
    """Run `eventwire ingest` on the archive in a child process; its time, summary and peak memory (the
    largest process, and all its processes together, sampled twice a second)."""
    exe = Path(sys.executable).with_name("eventwire")
    command = [
        str(exe) if exe.exists() else "eventwire",
        "ingest",
        "--no-progress",
        *(["--workers", str(workers)] if workers else []),
        "--db",
        str(db),
        str(warc),
    ]
    env = {**os.environ, "EVENTWIRE_CACHE_DIR": os.environ.get("EVENTWIRE_CACHE_DIR", "/tmp/ewcache")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak_total = 0.0
    watching = Path("/proc").exists()
    while proc.poll() is None:
        if watching:
            peak_total = max(peak_total, _tree_pss_mb(proc.pid))
        time.sleep(0.5)
    stderr = proc.communicate()[1]
    done = subprocess.CompletedProcess(command, proc.returncode, "", stderr)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    summary = next((line for line in reversed(lines) if _SUMMARY.search(line)), lines[-1] if lines else "")
    found = _SUMMARY.search(summary)
    documents = int(found.group("documents")) if found else 0
    return {
        "command": " ".join(command[1:]),
        "exit_status": done.returncode,
        "summary": summary,
        "documents": documents,
        "events": int(found.group("events")) if found else None,
        "errors": int(found.group("errors")) if found else None,
        "duplicates": int(dup.group("duplicates")) if (dup := _DUPLICATES.search(summary)) else 0,
        "seconds": round(seconds, 1),
        "documents_per_s": round(documents / seconds, 1) if seconds else None,  # extracted and stored
        "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),  # Linux reports KiB; the largest child so far
        "peak_total_pss_mb": round(peak_total, 1) if watching else None,  # every process of the run
        "workers": workers or default_workers(),
        "first_errors": [line for line in lines if line.startswith("error:")][:5],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=10_000, help="Articles in the archive (default 10,000).")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest_warc.json")
    parser.add_argument("--skip-unique", action="store_true", help="Time only the full archive.")
    parser.add_argument(
        "--workers", type=int, help="`eventwire ingest --workers` (default: its own, and 1 for comparison)."
    )
    args = parser.parse_args()
    corpus = articles()
    if not corpus:
        print(f"skipped: no benchmark texts under {SHARED} (MUC-4 train, GeoWebNews)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        runs: dict[str, object] = {}
        unique = min(len(corpus), args.limit)
        plan: list[tuple[str, str, int, int | None]] = [("all", "all", args.limit, args.workers)]
        if not args.skip_unique:
            plan[:0] = [("unique", "unique", unique, args.workers)]
            if args.workers is None and default_workers() > 1:
                plan[1:1] = [("unique_1_worker", "unique", unique, 1)]
        for label, name, limit, workers in plan:
            warc = tmp / f"{name}.warc.gz"
            if not warc.exists():
                started = time.perf_counter()
                write_warc(warc, corpus, limit)
                built = time.perf_counter() - started
                size = warc.stat().st_size / 1e6
                print(f"{name}: {limit:,} articles, {size:.1f} MB, built in {built:.0f} s")
            count = limit
            run = ingest(warc, tmp / f"{label}.db", workers)
            seconds = float(run["seconds"])  # type: ignore[arg-type]
            run.update(
                articles=count,
                articles_per_s=round(count / seconds, 1) if seconds else None,
                warc_mb=round(warc.stat().st_size / 1e6, 1),
            )
            print(f"{label}: {run['summary']} in {run['seconds']} s, peak {run['peak_rss_mb']} MB")
            if run["events"] is None:  # no summary line: the run itself failed, there is nothing to report
                print(f"failed: `eventwire {run['command']}` ended without its summary (exit status "
                      f"{run['exit_status']}); {args.out} is left as it was", file=sys.stderr)  # fmt: skip
                return 1
            runs[label] = run
        result = {
            "benchmark": "eventwire ingest of a WARC.gz into SQLite (bench/ingest_warc.py)",
            "corpus": f"{len(corpus)} distinct real articles (MUC-4 train, GeoWebNews), repeated to --limit",
            "limit": args.limit,
            "runs": runs,
            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                        "cpus": os.cpu_count()},
            "date": dt.date.today().isoformat(),
        }  # fmt: skip
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"→ {args.out}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
