"""The `tracker` command."""
import json
import os
import sys

import click

from . import config as tracker_config
from .articles import InvalidArticle, parse_published
from .backfill import PARTITION_SIZE
from .db import open_database
from .extract import CUE_CLASSES
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetcher
from .ingest import ingest_stream
from .models import PACKAGED, RULES_ONLY, ModelError, extractor
from .models import load as load_model
from .sources import AlreadyStored, UnreadableSource, is_url, read_articles
from .storage import find_article
from .train import DEFAULT_ITERATIONS, GoldError
from .train import train as train_model


@click.group()
@click.version_option()
def cli():
    "Track who said what in the news: extract quotes and claims, store them, browse them."


def database_option(function):
    return click.option(
        "--db", "database", envvar="TRACKER_DB", default=tracker_config.DEFAULT_DB, show_default=True,
        type=click.Path(dir_okay=False), help="SQLite database file (env TRACKER_DB)",
    )(function)


def fetch_options(function):
    """How pages and feeds are fetched: the same for `ingest` and `follow`."""
    function = click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0.01),
                            help="Seconds a page or feed may take to arrive")(function)
    function = click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
                            help="Largest page, feed or archived page read, in bytes")(function)
    return click.option("--ignore-robots", is_flag=True, help="Fetch what the sites' robots.txt disallow")(function)


def model_options(function):
    function = click.option("--rules-only", is_flag=True,
                            help="Extract with the rules alone, without the attribution model")(function)
    return click.option("--model", "model_path", envvar="TRACKER_MODEL", type=click.Path(dir_okay=False),
                        help="Attribution model file from `tracker train` (env TRACKER_MODEL; "
                        "default: the packaged one)")(function)


def chosen_model(model_path, rules_only):
    """The model choice (see tracker.models) the options make, once it is known to load."""
    choice = RULES_ONLY if rules_only else (model_path or PACKAGED)
    try:
        load_model(choice)
    except ModelError as error:
        raise click.ClickException(str(error))
    return choice


def progress_bar(items, label):
    with click.progressbar(items, label=label, show_pos=True, file=sys.stderr, hidden=not sys.stderr.isatty()) as b:
        yield from b


def make_fetcher(timeout, max_bytes, ignore_robots):
    return Fetcher(timeout=timeout, max_bytes=max_bytes, respect_robots=not ignore_robots)


def paths_or_urls(context, parameter, values):
    for value in values:
        if not is_url(value) and not os.path.exists(value):
            raise click.BadParameter(f"Path '{value}' does not exist.", context, parameter)
    return values


@cli.command()
@click.argument("paths", nargs=-1, required=True, callback=paths_or_urls)
@database_option
@click.option("--replace", is_flag=True, help="Re-extract articles that are already stored")
@fetch_options
@model_options
def ingest(paths, database, replace, timeout, max_bytes, ignore_robots, model_path, rules_only):
    """Extract and store the articles in PATHS: .jsonl, .json, .txt, .html, .htm, .warc or .warc.gz
    files, folders of them, and http(s) URLs of pages or of RSS/Atom feeds (every entry's page).

    A .txt or .html file takes its metadata from NAME.json beside it or from a metadata
    index in its folder (a list of objects with a "file" key, like seeds/articles.json).

    \b
        tracker ingest seeds/ crawl/2025-01-27.jsonl saved-page.html CC-NEWS-20240502.warc.gz
        tracker ingest https://example.com/news/feed.xml
    """
    model = chosen_model(model_path, rules_only)
    db = open_database(database)
    counts = {"new": 0, "already stored": 0, "replaced": 0, "failed": 0}
    statements = 0
    # Streamed, never listed: a crawl's .jsonl can hold millions of articles.
    def is_stored(url):  # a feed's entry stored already is not fetched again, unless it is to be replaced
        return not replace and find_article(db, {"url": url}) is not None

    def to_ingest(items):
        for where, data in items:
            if isinstance(data, AlreadyStored):
                counts["already stored"] += 1
            else:
                yield where, data

    items = to_ingest(read_articles(paths, make_fetcher(timeout, max_bytes, ignore_robots), is_stored))
    bar = click.progressbar(items, label="Ingesting", show_pos=True, file=sys.stderr, hidden=not sys.stderr.isatty())
    with bar:
        for where, result in ingest_stream(db, database, bar, replace=replace, model=model):
            if isinstance(result, (InvalidArticle, UnreadableSource)):
                counts["failed"] += 1
                click.echo(f"{where}: {result}", err=True)
                continue
            if result.created:
                counts["new"] += 1
            else:
                counts["replaced" if replace else "already stored"] += 1
            if result.created or replace:
                statements += db.execute(
                    "select count(*) from quotes where article_id = ?", [result.article_id]
                ).fetchone()[0]
    summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n or what == "new")
    click.echo(f"{summary}; {statements} statements stored in {database}", err=True)
    if counts["failed"]:
        sys.exit(1)


@cli.command()
@click.argument("feed_urls", nargs=-1, required=True)
@database_option
@click.option("--interval", default=900, show_default=True, type=click.FloatRange(min=0),
              help="Seconds between two looks at the feeds")
@click.option("--once", is_flag=True, help="Look at each feed once, then stop")
@fetch_options
@model_options
def follow(feed_urls, database, interval, once, timeout, max_bytes, ignore_robots, model_path, rules_only):
    """Poll the RSS/Atom feeds FEED_URLS and store each new entry's article, until Ctrl-C.

    Each entry is fetched once; a feed unchanged since the last look (ETag, Last-Modified) costs
    one short request. One line per new article on standard output, failures on standard error.

        tracker follow https://example.com/news/feed.xml --interval 600
    """
    from .follow import follow as follow_feeds

    for url in feed_urls:
        if not is_url(url):
            raise click.BadParameter(f"'{url}' is not an http(s) URL", param_hint="FEED_URLS")
    model = chosen_model(model_path, rules_only)
    db = open_database(database)
    try:
        failed = follow_feeds(db, feed_urls, make_fetcher(timeout, max_bytes, ignore_robots), interval, once,
                              log=click.echo, warn=lambda line: click.echo(line, err=True), model=model)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        return
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True, dir_okay=False))
@click.option("--published", help="The articles' publication date (ISO), which statements are dated against")
@model_options
def extract(files, published, model_path, rules_only):
    """Extract statements from text FILES (- reads standard input), as JSON Lines; stores nothing.

    \b
        tracker extract seeds/004_e0203a718e2611c4.txt | jq .text
        tracker extract --published 2022-11-14 seeds/000_8201ca0dc342310a.txt
        tracker extract --rules-only seeds/004_e0203a718e2611c4.txt
    """
    extract_statements = extractor(chosen_model(model_path, rules_only))
    if published:
        try:
            published = parse_published(published)
        except InvalidArticle as error:
            raise click.BadParameter(str(error), param_hint="--published")
    for path in files:
        try:
            text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except UnicodeDecodeError as error:
            raise click.ClickException(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})")
        for statement in extract_statements(text, published):
            click.echo(json.dumps({"doc": path, **statement.to_dict()}, ensure_ascii=False))


@cli.command()
@database_option
@click.option("--host", envvar="TRACKER_HOST", default="127.0.0.1", show_default=True,
              help="Address both servers listen on (env TRACKER_HOST)")
@click.option("--port", envvar="TRACKER_PORT", default=5000, show_default=True, type=int,
              help="Port of the ingestion API (env TRACKER_PORT)")
@click.option("--datasette-port", envvar="DATASETTE_PORT", default=8001, show_default=True, type=int,
              help="Port of Datasette (env DATASETTE_PORT)")
@model_options
def serve(database, host, port, datasette_port, model_path, rules_only):
    """Run the ingestion API and Datasette on the same database, until Ctrl-C.

        TRACKER_DB=data/quotes.db tracker serve --port 5000 --datasette-port 8001
    """
    from .auth import ExposedWithoutToken, check_exposure
    from .serve import serve as run_servers

    try:
        check_exposure(host, tracker_config.from_environment()["TOKEN"])
    except ExposedWithoutToken as error:
        raise click.ClickException(str(error))
    model = chosen_model(model_path, rules_only)
    open_database(database).close()
    click.echo(f"API: http://{host}:{port}/api  Datasette: http://{host}:{datasette_port}/", err=True)
    sys.exit(run_servers({"DATABASE": database, "HOST": host, "PORT": port, "DATASETTE_PORT": datasette_port,
                          "MODEL": model}))


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Also write the statements as JSON Lines, e.g. for PolNeAR's score.py")
@click.option("--by-document", is_flag=True, help="The figures of each article instead of the totals")
@click.option("--matching", type=click.Choice(["one", "many"]), default="one", show_default=True,
              help="one: statements and gold paired one to one, per kind (PolNeAR's scorer); "
                   "many: many-to-many over all quotes (GGT's scorer)")
@click.option("--class", "classes", multiple=True, type=click.Choice(CUE_CLASSES),
              help="Score only the statements of this cue class (repeat for several), for gold "
                   "that annotates those only: GGT counts speech, not beliefs (thought)")
@model_options
def evaluate(gold_dir, as_json, out, by_document, matching, classes, model_path, rules_only):
    """Score extraction against annotated articles in GOLD_DIR (text/*.txt, attributions/*.ann).

    Precision, recall and F1 for direct (with mixed) and indirect statements, and speaker
    accuracy, by the rule of PolNeAR's reference scorer; speaker accuracy by name where the
    gold has resolved names (brat AnnotatorNotes); --matching many scores as GGT's scorer:

    \b
        tracker evaluate ../shared/polnear/dev
        tracker evaluate ../shared/ggt/dev --matching many
        tracker evaluate ../shared/ggt/dev --matching many --class speech --class evidence
        tracker evaluate my-annotations/ --json --out statements.jsonl
        tracker evaluate ../shared/polnear/dev --by-document
        tracker evaluate ../shared/polnear/dev --rules-only
        tracker evaluate my-annotations/ --model my.model
    """
    from .evaluate import (
        extract_records,
        format_documents,
        format_table,
        load_gold,
        of_classes,
        score,
        score_documents,
        write_records,
    )

    model = chosen_model(model_path, rules_only)
    gold = load_gold(gold_dir)
    if not gold:
        raise click.ClickException(f"{gold_dir} holds no attributions/*.ann with a text/*.txt beside them")
    records = extract_records(gold, extractor(model))
    if classes:
        records = of_classes(records, classes)
    if out:
        write_records(records, out)
    if by_document:
        result = score_documents(gold, records, matching)
        click.echo(json.dumps(result) if as_json else format_documents(result))
        return
    result = score(gold, records, matching)
    click.echo(json.dumps(result) if as_json else format_table(result))


@cli.command()
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Model file to write")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the training order")
@click.option("--iterations", default=DEFAULT_ITERATIONS, show_default=True, type=click.IntRange(1),
              help="L-BFGS iterations at most")
def train(gold_dirs, output, seed, iterations):
    """Train an attribution model on annotated articles in GOLD_DIRS (the layout `evaluate` reads).

    The same gold, seed and iterations give the same model file. The packaged model is:

    \b
        tracker train ../shared/polnear/train -o tracker/extract/models/attribution.model
        tracker evaluate my-annotations/ --model my.model
    """
    try:
        meta = train_model(gold_dirs, output, seed=seed, iterations=iterations, progress=progress_bar)
    except GoldError as error:
        raise click.ClickException(str(error))
    click.echo(f"{output}: trained on {meta['sentences']} sentences of {meta['articles']} articles", err=True)


@cli.group()
def speakers():
    """See and curate speakers: one per real person or organisation, whatever the spelling.

    What you decide is stored in the database and kept by later ingests and re-extractions.
    A SPEAKER is an id, a name or any alias (see `tracker speakers list`).
    """


def curate(database, action):
    """Run `action(db)` in one write transaction; a refusal becomes a clean error message."""
    from .storage import CurationError, write_transaction

    db = open_database(database)
    try:
        with write_transaction(db):
            return action(db)
    except CurationError as error:
        raise click.ClickException(str(error))


@speakers.command("list")
@database_option
@click.argument("name", required=False)
def list_speakers(database, name):
    """Speakers with their ids, quote counts and aliases; NAME keeps those with an alias holding it.

        tracker speakers list Tikhanovskaya
    """
    db = open_database(database)
    rows = db.query(
        """select id, name, kind, n_quotes, aliases from speaker_details
        where :name is null or id in (select speaker_id from speaker_aliases where alias like '%' || :name || '%')
        order by n_quotes desc, name""",
        {"name": name},
    )
    for row in rows:
        click.echo(f"{row['id']:>6}  {row['name']}  ({row['kind'] or 'unknown'}, {row['n_quotes']} quotes)"
                   f"  aliases: {row['aliases'] or ''}")


@speakers.command()
@database_option
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
def merge(database, keep, others):
    """Make OTHERS one speaker with KEEP: their quotes, aliases and roles move to KEEP.

        tracker speakers merge "Svetlana Tikhanovskaya" "Sviatlana Tsikhanouskaya"
    """
    from .storage import lookup_speaker, merge_speakers

    def action(db):
        keep_id = lookup_speaker(db, keep)
        merge_speakers(db, keep_id, [lookup_speaker(db, other) for other in others])
        return db["speakers"].get(keep_id)["name"]

    click.echo(f"merged into {curate(database, action)}")


@speakers.command()
@database_option
@click.argument("speaker")
@click.argument("aliases", nargs=-1, required=True)
@click.option("--name", help="Name of the new speaker (default: the first alias)")
def split(database, speaker, aliases, name):
    """Move the spellings ALIASES of SPEAKER, and the quotes made under them, to a new speaker.

        tracker speakers split "John Smith" "John Smyth"
    """
    from .storage import lookup_speaker, split_speaker

    def action(db):
        return split_speaker(db, lookup_speaker(db, speaker), list(aliases), new_name=name)

    click.echo(f"split off as speaker {curate(database, action)}")


@speakers.command()
@database_option
@click.argument("speaker")
@click.argument("new_name")
def rename(database, speaker, new_name):
    """Give SPEAKER the name NEW_NAME, which later ingests keep; the old name stays an alias.

        tracker speakers rename "Tikhonovskaya" "Sviatlana Tsikhanouskaya"
    """
    from .storage import lookup_speaker, rename_speaker

    curate(database, lambda db: rename_speaker(db, lookup_speaker(db, speaker), new_name))
    click.echo(f"renamed to {new_name}")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@database_option
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count(), show_default="the cores",
              help="Worker processes of the local Dask cluster")
@click.option("--scheduler", metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786) to use instead of a local cluster")
@click.option("--staging", type=click.Path(file_okay=False),
              help="Folder of the extracted shards, seen by every worker [default: DB.staging beside the database]")
@click.option("--partition-size", type=click.IntRange(min=1), default=PARTITION_SIZE, show_default=True,
              help="Records (lines of a .jsonl, or files) per partition")
def backfill(inputs, database, workers, scheduler, staging, partition_size):
    """Extract the articles in INPUTS on a Dask cluster and load them into the database.

    INPUTS are what `tracker ingest` reads. The result is what `tracker ingest` makes of them;
    killed and run again, it loads what is left.

    \b
        tracker backfill archive/*.jsonl --workers 2
        tracker backfill archive/ --scheduler tcp://10.0.0.5:8786 --staging /mnt/shared/staging
    """
    # Dask logs the failures it hands back, and its shutdown: they are reported here, a line each.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")
    from dask.distributed import Client, LocalCluster

    from .backfill import Failed, plan
    from .backfill import backfill as run_backfill

    db = open_database(database)
    staging = staging or f"{database}.staging"
    partitions = plan(inputs, partition_size)
    counts = {"new": 0, "already stored": 0, "failed": 0}
    statements = loaded = failed_partitions = 0
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            n_workers = len(client.scheduler_info()["workers"]) or workers
            for outcome in run_backfill(db, client, partitions, staging, n_workers):
                if isinstance(outcome, Failed):
                    failed_partitions += 1
                    click.echo(f"{outcome.partition.part}: not extracted: {outcome.reason}", err=True)
                    continue
                loaded += 1
                for where, error in outcome.errors:
                    click.echo(f"{where}: {error}", err=True)
                counts["new"] += outcome.created
                counts["already stored"] += outcome.already_stored
                counts["failed"] += len(outcome.errors)
                statements += outcome.statements
    finally:
        if cluster is not None:
            cluster.close()
    summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n or what == "new")
    skipped = len(partitions) - loaded - failed_partitions
    click.echo(f"{loaded} partitions loaded ({skipped} loaded before, {failed_partitions} failed): {summary};"
               f" {statements} statements stored in {database}", err=True)
    if counts["failed"] or failed_partitions:
        sys.exit(1)
