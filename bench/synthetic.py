"""Synthetic data for the ingest, memory and Datasette benchmarks: varied enough to look like news.

Every statement is made of made-up words, so no two articles repeat a claim by accident (repeated
claims are their own, much costlier, case for claim linking); speakers are drawn with a long tail,
as in real news, where a few people are quoted very often.

    articles(n)              -> article dicts, as the API and `tracker ingest` take them, streamed
    news_page(article)       -> the article as a news site's page: navigation, share buttons, related links
    write_jsonl(path, n)     -> a .jsonl crawl of n articles, written as it is generated
    build_lookup_db(path, n) -> a database of n quotes through the storage schema, by bulk inserts
"""
import datetime
import html
import json
import random

from benchlib import REPO  # noqa: F401  (puts the checkout on sys.path)
from tracker.db import open_database
from tracker.names import block_of, name_tokens

FIRST = ["Ana", "Peter", "Maria", "John", "Lena", "Omar", "Kofi", "Yuki", "Sven", "Amara", "Luis", "Ingrid",
         "Tariq", "Chen", "Olga", "David", "Fatima", "Mikhail", "Grace", "Rahul", "Elena", "Samuel", "Aiko", "Nadia"]
LAST = ["Costa", "Vance", "Lopez", "Carter", "Novak", "Haddad", "Mensah", "Ito", "Berg", "Silva", "Okafor",
        "Moreau", "Reyes", "Kowalski", "Nakamura", "Petrov", "Andersen", "Ibrahim", "Schmidt", "Rossi", "Dubois",
        "Tanaka", "Murphy", "Fischer", "Kumar", "Santos", "Larsen", "Wojcik", "Ahmed", "Ferrari"]
SOURCES = [f"{w} {kind}" for w in ("Harbour", "Capital", "Northern", "Evening", "Daily", "Global", "Valley",
                                   "Union", "Metro", "Coastal") for kind in ("Times", "Post", "Herald", "Wire", "News")]
ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t",
          "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
CODAS = ["", "n", "r", "s", "l", "nd", "st", "m"]
NARRATION = ["The vote is expected next week.", "Turnout was lower than in 2020.",
             "Prices rose 3 percent in October, the agency reported.",
             "The company, founded in 1998, employs 4,000 people in Ohio.",
             "The meeting ended without a joint statement."]
START = datetime.date(2019, 1, 1)


def person_names(count, seed=17):
    """`count` distinct full names; a surname is shared by about three people, as in real news."""
    rng = random.Random(seed)
    words = Words(rng)
    surnames = list(dict.fromkeys(words.word().capitalize() for _ in range(count // 3 + 50)))
    names = {}
    while len(names) < count:
        names.setdefault(f"{rng.choice(FIRST)} {rng.choice(surnames)}", None)
    return list(names)


class Words:
    def __init__(self, rng):
        self.rng = rng

    def word(self):
        rng = self.rng
        return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3))) + rng.choice(CODAS)

    def clause(self, length=(5, 12)):
        return " ".join(self.word() for _ in range(self.rng.randint(*length)))


def long_tail_index(rng, count):
    """An index in range(count), small ones far more often (roughly Zipf)."""
    return min(int(count ** rng.random()) - 1, count - 1)


def articles(n, seed=11, speakers=2000, paragraphs=(6, 14)):
    rng = random.Random(seed)
    words = Words(rng)
    names = person_names(speakers)
    low, high = paragraphs
    for number in range(n):
        paragraphs = []
        for _ in range(rng.randint(low, high)):
            name, clause = names[long_tail_index(rng, len(names))], words.clause()
            form = rng.randrange(5)
            if form == 0:
                paragraphs.append(f'"{clause.capitalize()}," {name} said on Monday.')
            elif form == 1:
                paragraphs.append(f"{name} said that {clause}.")
            elif form == 2:
                paragraphs.append(f'"{clause.capitalize()}," said {name}, a spokesperson for the {words.word()} '
                                  f'party. "{words.clause().capitalize()}."')
            elif form == 3:
                paragraphs.append(f'{name} told reporters that {clause} and that it was "{words.clause((2, 4))}."')
            else:
                paragraphs.append(rng.choice(NARRATION))
        day = START + datetime.timedelta(days=rng.randrange(6 * 365))
        yield {
            "url": f"https://news.example/{day:%Y/%m/%d}/{number}",
            "title": words.clause((3, 8)).capitalize(),
            "source": rng.choice(SOURCES),
            "published": day.isoformat(),
            "author": rng.choice(names),
            "text": "\n\n".join(paragraphs) + "\n",
        }


def news_page(article, related=("Markets close higher", "Weather: a wet weekend ahead", "Five things to know today")):
    """`article` as its outlet's page: the text in <p>s among a site's boilerplate, the metadata in JSON-LD."""
    e = html.escape
    metadata = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
                           "datePublished": article["published"], "author": {"@type": "Person", "name": article["author"]},
                           "publisher": {"@type": "Organization", "name": article["source"]}})
    body = "".join(f"<p>{e(paragraph)}</p>\n" for paragraph in article["text"].split("\n\n") if paragraph.strip())
    links = "".join(f'<li><a href="/related/{i}">{e(title)}</a></li>' for i, title in enumerate(related))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(article["title"])}</title>
<meta property="og:site_name" content="{e(article["source"])}"><link rel="canonical" href="{e(article["url"])}">
<script type="application/ld+json">{metadata}</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>{e(article["title"])}</h1><p class="byline">By {e(article["author"])}</p>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
{body}</article><aside class="related"><h2>Related</h2><ul>{links}</ul></aside></main>
<footer>&copy; {e(article["source"])}. All rights reserved.</footer></body></html>
"""


def write_jsonl(path, n, seed=11, **options):
    with open(path, "w", encoding="utf-8") as f:
        for article in articles(n, seed, **options):
            f.write(json.dumps(article) + "\n")
    return path


def build_lookup_db(path, quotes, seed=5, quotes_per_article=5, speakers=20_000, batch=50_000):
    """A database of `quotes` quotes, through the storage schema (tables, indexes, FTS triggers, views).

    Rows go in by bulk inserts, not through the extractor, speaker matching or claim linking:
    roughly one quote in five repeats an earlier claim of its speaker, so claims have several quotes."""
    rng = random.Random(seed)
    words = Words(rng)
    db = open_database(str(path))
    db.execute("PRAGMA synchronous = OFF")  # a scratch file: rebuilt if a crash leaves it half-written
    names = person_names(speakers)
    db["speakers"].insert_all(({"id": i + 1, "name": name, "kind": "person"} for i, name in enumerate(names)),
                              batch_size=batch)
    db["speaker_aliases"].insert_all(
        ({"speaker_id": i + 1, "alias": name, "key": " ".join(name_tokens(name)),
          "block": block_of(name_tokens(name)), "source": "article"} for i, name in enumerate(names)),
        batch_size=batch)
    n_articles = quotes // quotes_per_article
    article_days = [START + datetime.timedelta(days=rng.randrange(6 * 365)) for _ in range(n_articles)]
    db["articles"].insert_all(
        ({"id": a + 1, "url": f"https://news.example/{day:%Y/%m/%d}/{a}", "title": words.clause((3, 8)),
          "source": rng.choice(SOURCES), "published": day.isoformat(), "text": words.clause((40, 60)),
          "content_hash": f"{a:064x}", "ingested_at": "2026-01-01T00:00:00+00:00"}
         for a, day in enumerate(article_days)),
        batch_size=batch)

    claims = []  # (speaker_id, text) of each claim, its id being its place in the list + 1

    def quote_rows():
        for q in range(quotes):
            article = q // quotes_per_article
            said_on = article_days[article].isoformat()
            speaker_id = long_tail_index(rng, speakers) + 1
            if claims and rng.random() < 0.2:
                claim_id = rng.randrange(len(claims)) + 1
                speaker_id, text = claims[claim_id - 1][:2]
            else:
                text = words.clause()
                claims.append((speaker_id, text))
                claim_id = len(claims)
            kind = rng.choice(("direct", "direct", "indirect", "mixed"))
            yield {"id": q + 1, "article_id": article + 1, "speaker_id": speaker_id, "kind": kind, "text": text,
                   "start": 0, "end": len(text), "speaker_mention": names[speaker_id - 1], "cue": "said",
                   "said_on": said_on, "said_on_basis": "published", "claim_id": claim_id}

    with db.conn:
        db.execute("PRAGMA foreign_keys = OFF")  # claims are filled in from the quotes just below
        db["quotes"].insert_all(quote_rows(), batch_size=batch)
        db.execute("""
            insert into claims (id, speaker_id, text, first_said, last_said, n_quotes, n_articles, n_sources)
            select quotes.claim_id, min(quotes.speaker_id), min(quotes.text), min(quotes.said_on),
                   max(quotes.said_on), count(*), count(distinct quotes.article_id), count(distinct articles.source)
            from quotes join articles on articles.id = quotes.article_id
            group by quotes.claim_id""")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("ANALYZE")
    db.close()
    return path
