"""A small news archive for the backfill tests, written to a folder: what a crawl of a few outlets looks like.

Statements recur (syndicated copies, the same claim quoted by several outlets on several days,
trimmed), speakers go by several spellings, some records are bad; everything `tracker ingest`
reads is there: .jsonl crawls, a .json list, .txt files with a metadata index.
"""
import json
import random
import shutil
from pathlib import Path

SEEDS = Path(__file__).parent.parent / "seeds"

SPEAKERS = [
    ("Svetlana Tikhanovskaya", ["Tikhanovskaya", "Svetlana Tikhonovskaya", "Tikhonovskaya"]),
    ("Ana Costa", ["Costa", "Ana Kosta"]),
    ("Peter Vance", ["Vance", "P. Vance"]),
    ("Maria Lopez", ["Lopez"]),
    ("John Carter", ["Carter"]),
    ("Lena Carter", ["Carter"]),  # a surname two people share
]
CLAIMS = [
    "The country is de facto under military occupation and the world must see it",
    "We will never accept the results of this rigged election",
    "Prices for bread and fuel have doubled since the spring",
    "The port strike will end when the workers get a fair contract",
    "Our hospitals cannot cope with another winter like the last one",
    "The new bridge will open to traffic before the end of the year",
    "Nobody in the ministry read the auditors' report before signing it",
    "The talks in Brussels brought nothing but promises",
]
OUTLETS = ["Harbour Times", "Capital Post", "Evening Herald", None]
CUES = ["said", "told reporters", "insisted", "added"]


def article(rng, number):
    name, variants = rng.choice(SPEAKERS)
    other, _ = rng.choice(SPEAKERS)
    first, second, third = rng.sample(CLAIMS, 3)
    if rng.random() < 0.3:
        second = " ".join(second.split()[2:])  # a trimmed quote
    later = rng.choice(variants)
    text = (f"Officials met on Tuesday in the capital.\n\n"
            f'"{first}," {name} {rng.choice(CUES)}.\n\n'
            f'"{second}," {later} said on Monday.\n\n'
            f'{other} said that {third.lower()}.\n\n'
            f"The meeting ended without a joint statement.\n")
    record = {"text": text, "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
              "source": rng.choice(OUTLETS), "title": f"Report {number}"}
    if number % 9:
        record["url"] = f"https://example.com/{number}"  # else: deduplicated by its text
    return record


def write_archive(folder, articles=120, seed=5):
    """Write the archive into `folder` (a Path); returns the paths to give `tracker ingest`, in order."""
    rng = random.Random(seed)
    records = [article(rng, n) for n in range(articles)]
    shutil.copytree(SEEDS, folder / "seeds")
    with open(folder / "crawl-1.jsonl", "w", encoding="utf-8") as f:
        for number, record in enumerate(records):
            f.write(json.dumps(record) + "\n")
            if number == 10:
                f.write("{not json\n")
                f.write(json.dumps({"text": "  "}) + "\n")
                f.write(json.dumps(records[3]) + "\n")  # the same article twice
            if number == 40:
                f.write("\n")
                f.write(json.dumps({**records[7], "published": "last Tuesday"}) + "\n")
    with open(folder / "crawl-2.jsonl", "w", encoding="utf-8") as f:
        for number, record in enumerate(records[::3]):  # syndicated: the same texts from other outlets
            copy = {**record, "source": OUTLETS[number % 3], "url": f"https://wire.example.org/{number}"}
            f.write(json.dumps(copy) + "\n")
    (folder / "more").mkdir()
    (folder / "more" / "list.json").write_text(json.dumps(records[5:9]), encoding="utf-8")
    (folder / "more" / "broken.json").write_text('{"text": "cut short', encoding="utf-8")
    return [str(folder / "seeds"), str(folder / "crawl-1.jsonl"), str(folder / "crawl-2.jsonl"), str(folder / "more")]


# What two databases must hold alike: every row but the times they were written.
CONTENT = {
    "articles": "select id, url, title, source, published, author, text, content_hash from articles order by id",
    "quotes": "select * from quotes order by id",
    "speakers": "select * from speakers order by id",
    "speaker_aliases": "select speaker_id, alias, key, block, source, n_articles from speaker_aliases order by 1, 2",
    "alias_articles": "select speaker_id, alias, article_id from alias_articles order by 1, 2, 3",
    "claims": "select * from claims order by id",
    "claim_terms": "select claim_id, speaker_id, term from claim_terms order by 1, 3",
    "claim_sources": "select claim_id, source, n_articles from claim_sources order by 1, 2",
}


def content(db):
    """{table: its rows} of a sqlite3 or sqlite_utils connection, for comparing two databases."""
    execute = getattr(db, "execute")
    return {table: [tuple(row) for row in execute(sql).fetchall()] for table, sql in CONTENT.items()}
