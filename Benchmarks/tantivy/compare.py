#!/usr/bin/env python3
"""Runs Wayfinder's search benchmark query mix against tantivy (via its Python binding).

Builds a tantivy index from the corpus that `wayfinder bench corpus` writes, then times the query mix
that `wayfinder bench queries` prints, so the figures can be set beside `wayfinder bench search`.

    python3 Benchmarks/tantivy/compare.py --corpus FILE.jsonl --queries queries.json \
        [--rounds 20] [--index-dir DIR] [--reuse-index] [--hits-out FILE] \
        [--wayfinder BIN --wayfinder-data-dir DIR]

With --wayfinder it also starts `BIN serve` on DIR and alternates the two engines query by query (tantivy
in-process, Wayfinder over HTTP), so both are timed under the same machine load.

See README.md beside this file for what is measured and how tantivy's semantics differ.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
from datetime import datetime
from urllib.parse import parse_qsl

import tantivy
from tantivy import FieldType, Occur, Order, Query

# Wayfinder's stop words (Sources/Search/Analysis/StopWords.swift), so both engines drop the same words.
STOP_WORDS = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with", "we", "you", "our", "your",
]
# Wayfinder's field weights (Sources/Search/Index/SearchField.swift).
TEXT_FIELDS = [("title", 3.0), ("company", 1.5), ("description", 1.0)]
TEXT_ANALYZER = "wayfinder_en"  # simple tokenizer, remove_long(40), lowercase, ascii_fold, stop words, English stemmer
FOLD_ANALYZER = "wayfinder_fold"  # simple tokenizer, lowercase, ascii_fold (no stemming): locations
HEAP_BYTES = 1_000_000_000
PAGE_SIZE = 20
MINIMUM_PREFIX_LENGTH = 2
I64_MAX = 2**63 - 1
# Wayfinder's full-time convention for turning pay per interval into pay per year.
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
I64_MIN = -(2**63)


def text_analyzer():
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.custom_stopword(STOP_WORDS))
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def fold_analyzer():
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .build())


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("job_id", stored=True, tokenizer_name="raw", index_option="basic")
    for name, _ in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=TEXT_ANALYZER, index_option="position")
    builder.add_text_field("location", tokenizer_name=FOLD_ANALYZER, index_option="basic")
    builder.add_text_field("employment_type", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("currency", tokenizer_name="raw", index_option="basic")
    builder.add_boolean_field("remote", indexed=True, fast=True)
    builder.add_integer_field("posted_at", fast=True)
    builder.add_integer_field("expires_at", indexed=True, fast=True)
    builder.add_integer_field("salary_low", indexed=True, fast=True)
    builder.add_integer_field("salary_high", indexed=True, fast=True)
    return builder.build()


def open_index(schema, directory, create):
    index = tantivy.Index(schema, path=directory, reuse=not create)
    index.register_tokenizer(TEXT_ANALYZER, text_analyzer())
    index.register_tokenizer(FOLD_ANALYZER, fold_analyzer())
    return index


def epoch_seconds(iso):
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def fold(text):
    """Lowercase and strip accents, like Wayfinder's TextFolding and tantivy's lowercase + ascii_fold."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    return [w for w in re.split(r"[^\w]|_", fold(text)) if w]


def memory_mb(key="VmRSS", pid="self"):
    """Resident set size (VmRSS) or its peak (VmHWM) in MB, from /proc/<pid>/status (0 where unavailable)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return 0.0


def directory_bytes(directory):
    total = 0
    for root, _, files in os.walk(directory):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def build_index(corpus_path, directory):
    """Indexes the open postings of the corpus; returns (indexed, skipped_closed)."""
    schema = build_schema()
    index = open_index(schema, directory, create=True)
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=0)
    indexed = skipped = 0
    python_seconds = 0.0
    start = time.perf_counter()
    cpu_start, main_cpu_start = time.process_time(), time.thread_time()
    with open(corpus_path, encoding="utf-8") as corpus:
        for line in corpus:
            converting = time.perf_counter()
            posting = json.loads(line)
            # Like Wayfinder's index follower: only open postings are indexed; expiry is checked at query time.
            if posting.get("status") != "open":
                skipped += 1
                python_seconds += time.perf_counter() - converting
                continue
            document = tantivy.Document()
            document.add_text("job_id", posting["job_id"])
            document.add_text("title", posting.get("title") or "")
            document.add_text("company", posting.get("company") or "")
            document.add_text("description", posting.get("description") or "")
            document.add_text("location", posting.get("location") or "")
            if posting.get("employment_type"):
                document.add_text("employment_type", posting["employment_type"])
            if posting.get("currency"):
                document.add_text("currency", posting["currency"])
            document.add_boolean("remote", bool(posting.get("remote")))
            document.add_integer("posted_at", epoch_seconds(posting["posted_date"]))
            expires = posting.get("expires_at")
            document.add_integer("expires_at", epoch_seconds(expires) if expires else I64_MAX)
            # Salaries are stated per `interval`; Wayfinder stores and filters them per year.
            per_year = PERIODS_PER_YEAR[posting.get("interval") or "year"]
            low, high = posting.get("min_salary"), posting.get("max_salary")
            low = low * per_year if low is not None else None
            high = high * per_year if high is not None else None
            if low is not None or high is not None:
                # A missing side equals the other side, as in Wayfinder.
                document.add_integer("salary_low", low if low is not None else high)
                document.add_integer("salary_high", high if high is not None else low)
            python_seconds += time.perf_counter() - converting
            writer.add_document(document)
            indexed += 1
    added = time.perf_counter()
    writer.commit()
    committed = time.perf_counter()
    writer.wait_merging_threads()
    merged = time.perf_counter()
    main_cpu = time.thread_time() - main_cpu_start
    all_cpu = time.process_time() - cpu_start
    del writer
    return {
        "indexed": indexed, "skipped": skipped, "total_seconds": merged - start,
        "python_seconds": python_seconds, "add_seconds": added - start,
        "commit_seconds": committed - added, "merge_seconds": merged - committed,
        "main_cpu_seconds": main_cpu, "other_cpu_seconds": all_cpu - main_cpu,
    }


class QueryBuilder:
    """Turns one `GET /api/v1/jobs` query string into a tantivy query, following Wayfinder's QueryParser."""

    def __init__(self, index, now):
        self.schema = index.schema
        self.analyzer = text_analyzer()
        self.now = now

    def parse(self, url_query):
        """URL query string -> parameters (done before timing, as Wayfinder's benchmark does)."""
        params = {}
        for key, value in parse_qsl(url_query, keep_blank_values=True):
            params.setdefault(key, []).append(value)
        return params

    def analyzed(self, text):
        return [(token.position, token.text) for token in self.analyzer.pre_tokenize(text).tokens]

    def phrase_clause(self, text):
        """A word or quoted phrase: must occur in some text field; matching fields' weighted BM25 add up."""
        terms = self.analyzed(text)
        if not terms:
            return None  # only stop words
        first = terms[0][0]
        per_field = []
        for field, weight in TEXT_FIELDS:
            if len(terms) == 1:
                query = Query.term_query(self.schema, field, terms[0][1])
            else:
                query = Query.phrase_query(self.schema, field, [(position - first, term) for position, term in terms])
            per_field.append((Occur.Should, Query.boost_query(query, weight)))
        return Query.boolean_query(per_field)

    def prefix_clause(self, word):
        """prefix*: indexed terms starting with the folded (unstemmed) prefix, plus stems the prefix starts with
        ("manag" for "managi"); scored as the best field's weight, as Wayfinder's PrefixSource does."""
        tokens = words(word)
        if len(tokens) != 1 or len(tokens[0]) < MINIMUM_PREFIX_LENGTH:
            return self.phrase_clause(word)
        prefix = tokens[0]
        alternatives = [re.escape(prefix) + ".*"]
        alternatives += [re.escape(prefix[:-cut]) for cut in range(1, 5) if len(prefix) - cut >= 4]
        pattern = "(" + "|".join(alternatives) + ")"
        return Query.disjunction_max_query([
            Query.const_score_query(Query.regex_query(self.schema, field, pattern), weight)
            for field, weight in TEXT_FIELDS
        ])

    def text_clauses(self, text):
        """Wayfinder's q syntax: words ANDed, "quoted phrases", -excluded words or phrases, prefix*."""
        required, excluded = [], []
        i, n = 0, len(text)
        while i < n:
            if text[i].isspace():
                i += 1
                continue
            negated = False
            if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
                negated = True
                i += 1
            if text[i] == '"':
                close = text.find('"', i + 1)
                close = n if close < 0 else close
                clause = self.phrase_clause(text[i + 1:close])
                i = close + 1
            else:
                end = i
                while end < n and not text[end].isspace() and text[end] != '"':
                    end += 1
                word = text[i:end]
                i = end
                if word.endswith("*"):
                    clause = self.prefix_clause(word.strip("*"))
                else:
                    clause = self.phrase_clause(word)
            if clause is not None:
                (excluded if negated else required).append(clause)
        return required, excluded

    def filters(self, params):
        """Filters as constant-score (0) clauses, so they restrict without changing BM25 ranking."""
        schema = self.schema
        filters = [Query.range_query(schema, "expires_at", FieldType.Integer, self.now + 1, I64_MAX)]
        # Each location: all of its words; several locations are ORed (as in Wayfinder).
        locations = [Query.boolean_query([(Occur.Must, Query.term_query(schema, "location", w)) for w in ws])
                     for ws in (words(location) for location in params.get("location", [])) if ws]
        if len(locations) == 1:
            filters.append(locations[0])
        elif locations:
            filters.append(Query.boolean_query([(Occur.Should, q) for q in locations]))
        remote = (params.get("remote", [""])[-1] or "").lower()
        if remote in ("true", "1", "false", "0"):
            filters.append(Query.term_query(schema, "remote", remote in ("true", "1")))
        types = [t.strip() for value in params.get("employment_type", []) for t in value.split(",") if t.strip()]
        if types:
            filters.append(Query.term_set_query(schema, "employment_type", types))
        min_salary = params.get("min_salary", [None])[-1]
        max_salary = params.get("max_salary", [None])[-1]
        currency = params.get("currency", [None])[-1]
        if min_salary is not None:
            # posting.max >= min_salary
            filters.append(Query.range_query(schema, "salary_high", FieldType.Integer, int(min_salary), I64_MAX))
        if max_salary is not None:
            # posting.min <= max_salary
            filters.append(Query.range_query(schema, "salary_low", FieldType.Integer, I64_MIN, int(max_salary)))
        if currency:
            filters.append(Query.term_query(schema, "currency", currency.upper()))
            if min_salary is None and max_salary is None:
                # Wayfinder checks the currency inside its salary filter: a posting without salary never matches.
                filters.append(Query.exists_query("salary_low"))
        return [Query.const_score_query(f, 0.0) for f in filters]

    def build(self, params):
        """Returns (query, by_date)."""
        required, excluded = self.text_clauses(params.get("q", [""])[-1])
        by_date = params.get("sort", ["relevance"])[-1] == "date" or not required
        clauses = [(Occur.Must, q) for q in required]
        clauses += [(Occur.Must, q) for q in self.filters(params)]
        clauses += [(Occur.MustNot, q) for q in excluded]
        return Query.boolean_query(clauses), by_date


def run_query(searcher, builder, params):
    """One timed call: build the query, search top 20 + exact count, read the hits' stored job_id."""
    query, by_date = builder.build(params)
    if by_date:
        result = searcher.search(query, PAGE_SIZE, count=True, order_by_field="posted_at", order=Order.Desc)
    else:
        result = searcher.search(query, PAGE_SIZE, count=True)
    job_ids = [searcher.doc(address)["job_id"][0] for _, address in result.hits]
    return result.count, job_ids


def percentile(samples, p):
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = -(-p * len(ordered) // 100) - 1  # nearest rank, like Wayfinder's LatencyRecorder
    return ordered[max(0, min(len(ordered) - 1, int(rank)))]


def benchmark_tantivy_alone(searcher, builder, parsed, url_queries, rounds):
    """The tantivy-only mode: times the mix in-process; returns the warm-up's (total, job_ids) per query."""
    warm_up = [run_query(searcher, builder, params) for params in parsed]
    totals = [total for total, _ in warm_up]
    samples, per_query = [], [[] for _ in parsed]
    for _ in range(rounds):
        for number, params in enumerate(parsed):
            start = time.perf_counter()
            run_query(searcher, builder, params)
            elapsed = (time.perf_counter() - start) * 1000
            samples.append(elapsed)
            per_query[number].append(elapsed)
    print(f"queries: {len(parsed)} in the mix, {rounds} rounds after 1 warm-up round; "
          f"totals per query: {' '.join(map(str, totals))}")
    print(f"tantivy search: n={len(samples)} p50={percentile(samples, 50):.2f} ms "
          f"p95={percentile(samples, 95):.2f} ms p99={percentile(samples, 99):.2f} ms "
          f"max={max(samples, default=0):.2f} ms")
    print("  (in-process: query construction + top 20 + exact count + stored job_id of the hits; "
          "no facets, no highlights, no database fetch, unlike Wayfinder)")
    for url_query, total, times in zip(url_queries, totals, per_query):
        print(f"  total {total:>9}  p50 {percentile(times, 50):7.2f} ms  {url_query}")
    print(f"process RSS after searching: {memory_mb():.1f} MB (peak {memory_mb('VmHWM'):.1f} MB)")
    return warm_up


def time_tantivy(searcher, builder, params):
    """One timed tantivy call (the same work as in the tantivy-only mode); returns (nanoseconds, total)."""
    start = time.perf_counter_ns()
    total, _ = run_query(searcher, builder, params)
    return time.perf_counter_ns() - start, total


# --- Interleaved with Wayfinder over HTTP ---------------------------------------------------------------

READY_PATH = "/api/v1/jobs?limit=1"
READY_POLL_SECONDS = 0.02
READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 10
LOG_TAIL_LINES = 30


def free_port():
    """A TCP port nobody listens on now (the kernel's pick for port 0); `serve` binds it right after."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log_tail(path, lines=LOG_TAIL_LINES):
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            return "".join(log.readlines()[-lines:])
    except OSError as error:
        return f"(no log: {error})"


def check_wayfinder_data_dir(data_dir):
    """Returns an error message unless `data_dir` holds what `wayfinder bench search --data-dir` leaves there."""
    for name in ("wayfinder.sqlite", "index"):
        if not os.path.exists(os.path.join(data_dir, name)):
            return f"{data_dir} has no {name}; make it with `wayfinder bench search --postings N --data-dir {data_dir}`"
    return None


class WayfinderServer:
    """A `wayfinder serve` child on a free local port, its output in a log file; a context manager that
    always stops the child (SIGTERM, then SIGKILL) and removes the log unless the run failed."""

    def __init__(self, binary, data_dir):
        self.binary, self.data_dir = binary, data_dir
        self.port = free_port()
        self.log_dir = tempfile.mkdtemp(prefix="wayfinder-serve-")
        self.log_path = os.path.join(self.log_dir, "serve.log")
        self.process = None
        self.spawned_ns = None

    def __enter__(self):
        command = [self.binary, "serve", "--data-dir", self.data_dir, "--port", str(self.port), "--host", "127.0.0.1"]
        # One client asks far more often than the anonymous rate limit (100 a minute) allows a visitor.
        environment = dict(os.environ, WAYFINDER_LOG_LEVEL="warning", WAYFINDER_RATE_ANONYMOUS="1000000")
        with open(self.log_path, "wb") as log:
            self.spawned_ns = time.perf_counter_ns()
            self.process = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT)
        return self

    def __exit__(self, error_type, *_):
        self.stop()
        if error_type is None:
            shutil.rmtree(self.log_dir, ignore_errors=True)

    def fail(self, reason):
        sys.exit(f"wayfinder serve {reason}; last lines of {self.log_path}:\n{log_tail(self.log_path)}")

    def wait_until_ready(self):
        """Polls READY_PATH every 20 ms; returns seconds from spawn to the first 200 (restart to ready)."""
        deadline = self.spawned_ns + READY_TIMEOUT_SECONDS * 1_000_000_000
        while True:
            if self.process.poll() is not None:
                self.fail(f"exited with status {self.process.returncode} before it was ready")
            remaining = (deadline - time.perf_counter_ns()) / 1e9
            if remaining <= 0:
                self.fail(f"did not answer 200 on {READY_PATH} within {READY_TIMEOUT_SECONDS} s")
            if self.answers_ok(timeout=remaining):
                return (time.perf_counter_ns() - self.spawned_ns) / 1e9
            time.sleep(READY_POLL_SECONDS)

    def answers_ok(self, timeout):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", READY_PATH)
            response = connection.getresponse()
            response.read()
            return response.status == 200
        except (OSError, http.client.HTTPException):
            return False  # not listening yet, or dropped the connection while starting
        finally:
            connection.close()

    def memory_mb(self, key):
        return memory_mb(key, pid=self.process.pid)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class WayfinderClient:
    """Sends `GET /api/v1/jobs?<query>` over one keep-alive connection, the way a browser would reuse one."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.connections_opened = 0

    def search(self, url_query):
        """One timed request, send to last byte of the body; returns (nanoseconds, total)."""
        if self.connection.sock is None:
            self.connections_opened += 1  # http.client (re)connects inside request(); a kept-alive one is reused
        start = time.perf_counter_ns()
        self.connection.request("GET", "/api/v1/jobs?" + url_query)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter_ns() - start
        if response.status != 200:
            sys.exit(f"wayfinder answered {response.status} to {url_query}: {body[:500]!r}")
        return elapsed, json.loads(body)["total"]

    def close(self):
        self.connection.close()


def interleaved_round(engines, parsed, url_queries, round_number, samples, totals):
    """Runs the mix once on both engines, query by query. Which engine goes first flips from one query to
    the next and, for the same query, from one round to the next, so neither always meets a warmer cache.
    Appends each call's milliseconds to samples[engine][query] and its total to totals[engine][query]."""
    for number, (params, url_query) in enumerate(zip(parsed, url_queries)):
        order = engines if (round_number + number) % 2 == 0 else engines[::-1]
        for name, search in order:
            elapsed_ns, total = search(params, url_query)
            samples[name][number].append(elapsed_ns / 1e6)
            totals[name][number].add(total)


def latency_line(label, samples):
    return (f"{label}: n={len(samples)} p50={percentile(samples, 50):.2f} ms p95={percentile(samples, 95):.2f} ms "
            f"p99={percentile(samples, 99):.2f} ms max={max(samples, default=0):.2f} ms")


def ratio(numerator, denominator):
    return f"{numerator / denominator:.1f}x" if denominator else "n/a"


def report_interleaved(url_queries, rounds, samples, totals, server, ready_seconds, connections_opened):
    tantivy_all = [ms for times in samples["tantivy"] for ms in times]
    wayfinder_all = [ms for times in samples["wayfinder"] for ms in times]
    print(f"interleaved: {len(url_queries)} queries in the mix, {rounds} rounds after 1 warm-up round on both "
          f"engines; {len(tantivy_all)} timed queries per engine; the engine going first alternates per query")
    print(f"wayfinder restart to ready: {ready_seconds:.2f} s (spawn of `serve` until GET {READY_PATH} "
          f"answered 200)")
    print(latency_line("tantivy search", tantivy_all))
    print("  (in-process, as in the tantivy-only mode: query construction + top 20 + exact count + stored job_id)")
    print(latency_line("wayfinder HTTP", wayfinder_all))
    print(f"  (GET /api/v1/jobs?<query> over one keep-alive connection, send to last byte of the body; "
          f"connections opened: {connections_opened})")
    print(f"ratio wayfinder/tantivy: p50 {ratio(percentile(wayfinder_all, 50), percentile(tantivy_all, 50))}, "
          f"p99 {ratio(percentile(wayfinder_all, 99), percentile(tantivy_all, 99))}")
    for url_query, tantivy_times, wayfinder_times in zip(url_queries, samples["tantivy"], samples["wayfinder"]):
        print(f"  p50 tantivy {percentile(tantivy_times, 50):7.2f} ms  "
              f"wayfinder {percentile(wayfinder_times, 50):7.2f} ms  {url_query}")
    queries_served = len(url_queries) * (rounds + 1)
    print(f"wayfinder serve RSS after {queries_served} searches: {server.memory_mb('VmRSS'):.1f} MB "
          f"(peak {server.memory_mb('VmHWM'):.1f} MB); this process: {memory_mb():.1f} MB "
          f"(peak {memory_mb('VmHWM'):.1f} MB)")
    report_totals(url_queries, totals)


def report_totals(url_queries, totals):
    """Compares each query's total across engines (every call's, warm-up included); prints mismatches only."""
    mismatches = [(url_query, sorted(ours), sorted(theirs))
                  for url_query, ours, theirs in zip(url_queries, totals["wayfinder"], totals["tantivy"])
                  if ours != theirs or len(ours) != 1]
    print(f"totals: {len(url_queries) - len(mismatches)} of {len(url_queries)} queries equal")
    for url_query, ours, theirs in mismatches:
        print(f"  differs: wayfinder {' '.join(map(str, ours))}  tantivy {' '.join(map(str, theirs))}  {url_query}")


def benchmark_interleaved(args, searcher, builder, parsed, url_queries):
    """Starts `wayfinder serve`, then times both engines query by query in this one process tree, so both
    see the same machine load at the same moment."""
    with WayfinderServer(args.wayfinder, args.wayfinder_data_dir) as server:
        ready_seconds = server.wait_until_ready()
        client = WayfinderClient(server.port)
        try:
            engines = [("tantivy", lambda params, _: time_tantivy(searcher, builder, params)),
                       ("wayfinder", lambda _, url_query: client.search(url_query))]
            samples = {name: [[] for _ in parsed] for name, _ in engines}
            totals = {name: [set() for _ in parsed] for name, _ in engines}
            warm_up_samples = {name: [[] for _ in parsed] for name, _ in engines}  # not reported
            interleaved_round(engines, parsed, url_queries, 0, warm_up_samples, totals)
            for round_number in range(args.rounds):
                interleaved_round(engines, parsed, url_queries, round_number, samples, totals)
            report_interleaved(url_queries, args.rounds, samples, totals, server, ready_seconds,
                               client.connections_opened)
        finally:
            client.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="JSON Lines from `wayfinder bench corpus`")
    parser.add_argument("--queries", required=True, help="JSON array from `wayfinder bench queries`")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--index-dir", help="where to build the index (default: a temporary directory, removed after)")
    parser.add_argument("--reuse-index", action="store_true",
                        help="search the index already in --index-dir instead of building it")
    parser.add_argument("--hits-out", help="also write each query's total and top-20 job_ids here (JSON)")
    parser.add_argument("--wayfinder", metavar="BIN",
                        help="also start `BIN serve` and time it over HTTP, alternating with tantivy query by query")
    parser.add_argument("--wayfinder-data-dir", metavar="DIR",
                        help="with --wayfinder: data directory from `wayfinder bench search --data-dir DIR`")
    args = parser.parse_args()
    if args.wayfinder:
        if not args.wayfinder_data_dir:
            parser.error("--wayfinder needs --wayfinder-data-dir")
        problem = check_wayfinder_data_dir(args.wayfinder_data_dir)
        if problem:
            parser.error(problem)
    elif args.wayfinder_data_dir:
        parser.error("--wayfinder-data-dir is only used with --wayfinder")

    with open(args.queries, encoding="utf-8") as handle:
        url_queries = json.load(handle)
    temporary = args.index_dir is None
    directory = args.index_dir or tempfile.mkdtemp(prefix="tantivy-bench-")
    try:
        print(f"{tantivy.__version__}; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
              f"index directory {directory}")
        if args.reuse_index:
            if not tantivy.Index.exists(directory):
                sys.exit(f"no tantivy index in {directory}")
            print("index build: skipped (--reuse-index)")
        else:
            if os.path.isdir(directory):
                shutil.rmtree(directory)
            os.makedirs(directory)
            stats = build_index(args.corpus, directory)
            total = stats["total_seconds"]
            print(f"corpus: {stats['indexed'] + stats['skipped']} postings from {args.corpus}; "
                  f"{stats['indexed']} open postings indexed, {stats['skipped']} closed skipped")
            print(f"tantivy index build: {stats['indexed'] / total:.0f} postings/s ({total:.1f} s end to end from "
                  f"JSONL; writer heap {HEAP_BYTES / 1e9:.1f} GB, default thread count)")
            print(f"  of which: adding documents {stats['add_seconds']:.1f} s (Python JSON parsing and Document "
                  f"construction {stats['python_seconds']:.1f} s of it), commit {stats['commit_seconds']:.1f} s, "
                  f"waiting for merges {stats['merge_seconds']:.1f} s")
            print(f"  CPU time: {stats['main_cpu_seconds']:.1f} s in the Python main thread (JSON, Documents, "
                  f"add_document), {stats['other_cpu_seconds']:.1f} s in tantivy's indexing and merging threads")
            print(f"process RSS after building: {memory_mb():.1f} MB (peak so far {memory_mb('VmHWM'):.1f} MB)")

        index = open_index(build_schema(), directory, create=False)
        index.reload()
        searcher = index.searcher()
        print(f"index size: {directory_bytes(directory) / 1e6:.1f} MB on disk ({searcher.num_docs} documents, "
              f"{searcher.num_segments} segments; stored fields: job_id only)")

        builder = QueryBuilder(index, int(time.time()))
        parsed = [builder.parse(q) for q in url_queries]
        if args.wayfinder:
            benchmark_interleaved(args, searcher, builder, parsed, url_queries)
            hits = None
        else:
            hits = benchmark_tantivy_alone(searcher, builder, parsed, url_queries, args.rounds)
        if args.hits_out:
            hits = hits or [run_query(searcher, builder, params) for params in parsed]
            with open(args.hits_out, "w", encoding="utf-8") as handle:
                json.dump([{"query": q, "total": total, "job_ids": ids}
                           for q, (total, ids) in zip(url_queries, hits)], handle, indent=1)
    finally:
        if temporary:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
