"""Backfills: an archive extracted on a Dask cluster, loaded into SQLite by one writer.

The input files are cut into partitions (a run of lines of a .jsonl file, or a group of .json and
.txt files). Dask workers extract partitions in parallel, each into a shard of prepared rows
(JSON Lines) in the staging folder; this process loads the shards in partition order, which is
the order `tracker ingest` reads the same files in, so both make the same database. Each
partition is loaded in one transaction that also records it in `backfill_partitions`: a backfill
killed at any point and run again skips the partitions loaded, loads the shards already written
and extracts only the rest.
"""
import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass

from .articles import InvalidArticle, parse_article
from .extract import extract
from .names import ArticleSpeaker
from .sources import UnreadableSource, expand_paths, read_articles, read_jsonl_part
from .storage import PreparedArticle, loaded_partitions, prepare_article, save_partition, write_transaction

PARTITION_SIZE = 1000  # records (lines of a .jsonl, or .json/.txt files) per partition
# Partitions extracted ahead of the one being loaded, per worker: enough to keep the workers busy
# while the loader works, few enough that the staging folder stays small.
AHEAD_PER_WORKER = 4


@dataclass(frozen=True)
class Partition:
    part: str  # what it is, for people: 'crawl.jsonl lines 1001-2000'
    key: str  # the part, and the size and mtime of its files: a changed file is a new partition
    path: str = None  # a .jsonl file's partition: `lines` lines from byte `offset`, line `first_line`
    offset: int = 0
    first_line: int = 1
    lines: int = 0
    files: tuple = ()  # else: these .json/.txt files

    @property
    def records(self):
        return self.lines or len(self.files)


def _partition(part, stamped, **fields):
    key = hashlib.sha256(json.dumps([part, stamped]).encode()).hexdigest()[:32]
    return Partition(part=part, key=key, **fields)


def _stamp(path):
    try:
        stat = os.stat(path)
    except OSError:  # reported when the partition is read, as `tracker ingest` reports it
        return [os.path.abspath(path), None, None]
    return [os.path.abspath(path), stat.st_size, stat.st_mtime_ns]


def plan(paths, partition_size=PARTITION_SIZE):
    """The partitions of the files `tracker ingest PATHS` would read, in the order it reads them."""
    partitions, files = [], []

    def flush_files():
        if files:
            part = files[0] if len(files) == 1 else f"{files[0]} .. {files[-1]} ({len(files)} files)"
            partitions.append(_partition(part, [_stamp(f) for f in files], files=tuple(files)))
            files.clear()

    for path in expand_paths(paths):
        if not path.endswith(".jsonl") or not os.access(path, os.R_OK):
            files.append(path)
            if len(files) == partition_size:
                flush_files()
            continue
        flush_files()
        stamp = _stamp(path)
        with open(path, "rb") as f:
            offset, first_line, lines, size = 0, 1, 0, 0
            for line in f:
                lines, size = lines + 1, size + len(line)
                if lines == partition_size:
                    partitions.append(_jsonl_partition(path, stamp, offset, first_line, lines))
                    offset, first_line, lines, size = offset + size, first_line + lines, 0, 0
            if lines:
                partitions.append(_jsonl_partition(path, stamp, offset, first_line, lines))
    flush_files()
    return partitions


def _jsonl_partition(path, stamp, offset, first_line, lines):
    part = f"{path} lines {first_line}-{first_line + lines - 1}"
    return _partition(part, [stamp, offset], path=path, offset=offset, first_line=first_line, lines=lines)


def partition_records(partition):
    """The partition's `(where, data)` pairs, as `read_articles` gives them."""
    if partition.path:
        return read_jsonl_part(partition.path, partition.offset, partition.first_line, partition.lines)
    return read_articles(partition.files)


def prepared_to_json(prepared):
    return {
        "row": prepared.row,
        # Fields named one by one: dataclasses.asdict deep-copies every value on the way.
        "speakers": {name: {"name": s.name, "kind": s.kind, "aliases": sorted(s.aliases), "roles": s.roles}
                     for name, s in prepared.speakers.items()},
        "quotes": [[quote, sorted(terms)] for quote, terms in prepared.quotes],
    }


def prepared_from_json(data):
    return PreparedArticle(
        row=data["row"],
        speakers={name: ArticleSpeaker(**{**s, "aliases": set(s["aliases"])}) for name, s in data["speakers"].items()},
        quotes=[(quote, set(terms)) for quote, terms in data["quotes"]],
    )


def shard_path(staging, partition):
    return os.path.join(staging, f"{partition.key}.jsonl")


def extract_partition(partition, staging):
    """On a worker: extract the partition into its shard; returns the shard's path.

    The shard is written under another name and renamed when complete: a shard that exists is whole."""
    path = shard_path(staging, partition)
    writing = f"{path}.{os.getpid()}.part"
    with open(writing, "w", encoding="utf-8") as shard:
        for where, data in partition_records(partition):
            try:
                if isinstance(data, UnreadableSource):
                    raise data
                article = parse_article(data)
            except (InvalidArticle, UnreadableSource) as error:
                record = {"where": where, "error": str(error)}
            else:
                prepared = prepare_article(article, extract(article["text"], article["published"]))
                record = {"where": where, **prepared_to_json(prepared)}
            shard.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(writing, path)
    return path


@dataclass
class Loaded:
    """What loading one partition did."""
    partition: Partition
    created: int = 0  # articles stored
    already_stored: int = 0
    statements: int = 0
    errors: list = dataclasses.field(default_factory=list)  # (where, what is wrong) per record not stored


@dataclass
class Failed:
    """A partition that could not be extracted: nothing of it is stored, and a re-run tries it again."""
    partition: Partition
    reason: str


def load_shard(db, partition, path):
    """Load a shard into `db` in one transaction with its manifest row; the shard is then removed."""
    loaded = Loaded(partition)
    articles = []
    with open(path, encoding="utf-8") as shard:
        for line in shard:
            record = json.loads(line)
            if "error" in record:
                loaded.errors.append((record["where"], record["error"]))
            else:
                articles.append((record["where"], prepared_from_json(record)))
    with write_transaction(db):
        results = save_partition(db, partition.key, partition.part, partition.records,
                                 articles, failed=len(loaded.errors))
    statements = {where: len(prepared.quotes) for where, prepared in articles}
    for where, _, created in results:
        if created:
            loaded.created += 1
            loaded.statements += statements[where]
        else:
            loaded.already_stored += 1
    os.remove(path)
    return loaded


def _remove_unfinished_shards(staging):
    """Remove the shards killed workers were writing (a partition whose worker died is given to another)."""
    for name in os.listdir(staging):
        if name.endswith(".part"):
            os.remove(os.path.join(staging, name))


def backfill(db, client, partitions, staging, workers):
    """Extract `partitions` on the Dask `client`'s cluster and load them into `db`, in order.

    Yields a `Loaded` or a `Failed` per partition not loaded before (see `loaded_partitions`)."""
    from dask.distributed import as_completed

    os.makedirs(staging, exist_ok=True)
    _remove_unfinished_shards(staging)
    done = loaded_partitions(db)
    for partition in partitions:
        if partition.key in done and os.path.exists(shard_path(staging, partition)):
            os.remove(shard_path(staging, partition))  # loaded by a run killed before it removed the shard
    todo = [p for p in partitions if p.key not in done]
    ahead = max(1, workers) * AHEAD_PER_WORKER
    ready = {}  # index in todo: shard path, or Failed
    running = as_completed()
    indexes = {}
    submitted = 0

    def submit_more():
        nonlocal submitted
        while submitted < len(todo) and submitted - loaded_count < ahead:
            partition = todo[submitted]
            if os.path.exists(shard_path(staging, partition)):
                ready[submitted] = shard_path(staging, partition)  # extracted by a run killed before loading it
            else:
                future = client.submit(extract_partition, partition, staging, key=f"extract-{partition.key}")
                indexes[future.key] = submitted
                running.add(future)
            submitted += 1

    loaded_count = 0
    submit_more()
    while loaded_count < len(todo):
        while loaded_count not in ready:
            future = next(running)
            index = indexes.pop(future.key)
            if future.status == "finished":
                ready[index] = future.result()
            elif os.path.exists(shard_path(staging, todo[index])):
                # Extracted, then its result lost with the worker that held it (killed): the shard
                # on disk is whole (see `extract_partition`), and Dask has no error to give.
                ready[index] = shard_path(staging, todo[index])
            else:
                error = future.exception()
                ready[index] = Failed(todo[index], f"{type(error).__name__}: {error}")
            future.release()
        outcome = ready.pop(loaded_count)
        yield outcome if isinstance(outcome, Failed) else load_shard(db, todo[loaded_count], outcome)
        loaded_count += 1
        submit_more()
    _remove_unfinished_shards(staging)
    if not os.listdir(staging):
        os.rmdir(staging)
