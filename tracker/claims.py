"""Claims: the occurrences of one statement by one speaker, across articles and outlets.

A syndicated copy, a trimmed quote and a paraphrase next to its own direct quote share most of
their distinctive words. Each quote is reduced to its content terms (stemmed words, function
words dropped); it joins the speaker's claim whose terms hold most of its own (containment over
the smaller of the two sets), else it starts a claim. Candidates come from the `claim_terms`
index, keyed by speaker and term, so an ingest never reads the speaker's other quotes.

    >>> sorted(terms('her country was under de facto "military occupation"'))
    ['countri', 'de', 'facto', 'militari', 'occup']
"""
import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

# Words that carry no claim of their own; "said"-like verbs too, as paraphrases add them.
FUNCTION_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves also still even must may might shall
us let s t don doesn didn isn wasn aren weren won wouldn couldn shouldn ve ll re d m o
say says said saying tell told add added stress stressed insist insisted according
""".split())
# A claim match needs this much: enough shared terms, and most of the smaller text's terms.
MIN_SHARED_TERMS = 3
MIN_CONTAINMENT = 0.6
# How far candidate fetching goes: claims per term, and claims then checked exactly.
CANDIDATES_PER_TERM = 200
CHECKED_CANDIDATES = 20
# SQLite's limit on a compound select is 500 parts.
TERMS_PER_QUERY = 100
CANDIDATES_SQL = "select claim_id from claim_terms where speaker_id is ? and term = ? order by claim_id desc limit ?"

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer():
    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word):
    """Porter stemming is the slow part of `terms` and words recur across articles: cached, bounded."""
    return _stemmer().stem(word)


def terms(text):
    """The content terms of a statement: folded, stemmed words, function words dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).lower()
    return {_stem(w) for w in _WORD.findall(folded.replace("’", "'")) if w not in FUNCTION_WORDS}


def is_same_claim(shared, own, claim_size):
    """Whether a quote with `own` terms, sharing `shared` of them with a claim of `claim_size` terms, belongs to it."""
    if shared == own == claim_size:
        return shared > 0  # identical short statements ("Lukashenko knows this.")
    smaller = min(own, claim_size)
    return shared >= MIN_SHARED_TERMS and shared / smaller >= MIN_CONTAINMENT


def best_claim(db, speaker_id, quote_terms):
    """The id of the speaker's claim this quote's terms belong to, or None.

    Each term fetches at most CANDIDATES_PER_TERM of the speaker's newest claims holding it, so the
    cost stays flat however many claims share a common word: a claim a quote truly belongs to
    shares its distinctive (rarer) words, and those lists are complete. The claims hit most often
    are then checked exactly."""
    if not quote_terms:
        return None
    hits = Counter()
    ordered = sorted(quote_terms)
    # The terms' candidate lists in one statement per TERMS_PER_QUERY terms, not one statement per term.
    for start in range(0, len(ordered), TERMS_PER_QUERY):
        chunk = ordered[start:start + TERMS_PER_QUERY]
        sql = " union all ".join([f"select * from ({CANDIDATES_SQL})"] * len(chunk))
        params = [value for term in chunk for value in (speaker_id, term, CANDIDATES_PER_TERM)]
        hits.update(row[0] for row in db.execute(sql, params))
    marks = ", ".join("?" * len(quote_terms))
    matches = []
    for claim_id, _ in hits.most_common(CHECKED_CANDIDATES):
        shared, size = db.execute(
            f"""select (select count(*) from claim_terms where claim_id = ? and term in ({marks})),
                       (select count(*) from claim_terms where claim_id = ?)""",
            [claim_id, *sorted(quote_terms), claim_id],
        ).fetchone()
        if is_same_claim(shared, len(quote_terms), size):
            matches.append((shared / min(len(quote_terms), size), shared, -claim_id, claim_id))
    return max(matches)[-1] if matches else None


def add_terms(db, claim_id, speaker_id, new_terms):
    # One statement for all the terms (a JSON array), through db.execute for its transaction handling.
    db.execute(
        "insert or ignore into claim_terms (claim_id, speaker_id, term) select ?, ?, value from json_each(?)",
        [claim_id, speaker_id, json.dumps(sorted(new_terms))],
    )


def claim_for(db, speaker_id, text, quote_terms):
    """The id of the claim a statement with these `terms` belongs to, started when none fits; its
    terms join the claim's index. The caller stores the quote, then counts it (`quotes_added`)."""
    claim_id = best_claim(db, speaker_id, quote_terms)
    if claim_id is None:
        claim_id = db.execute(
            "insert into claims (speaker_id, text, n_quotes, n_articles, n_sources) values (?, ?, 0, 0, 0)",
            [speaker_id, text],
        ).lastrowid
    add_terms(db, claim_id, speaker_id, quote_terms)
    return claim_id


# Claim figures are kept up to date a change at a time, never recounted over a claim's quotes:
# a claim repeated 10,000 times must cost an ingest no more than a new one. The counts move by
# what changed; `claim_sources` holds, per claim and outlet, how many articles carry the claim,
# so an outlet's first or last article is seen without reading the others. The other figures
# are single index lookups (the indexes on quotes by claim_id).

def _quotes_in_article(db, claim_id, article_id):
    # Through the article_id index: an article holds a handful of quotes, a claim maybe thousands.
    return db.execute(
        "select count(*) from quotes where article_id = ? and +claim_id = ?", [article_id, claim_id]
    ).fetchone()[0]


def _count_source(db, claim_id, article_id, change):
    """Add (`change` 1) or remove (-1) an article from its outlet's count for the claim; returns
    how the claim's number of outlets changes (an article without a source is an outlet of its own)."""
    (source,) = db.execute("select coalesce(source, 'article ' || id) from articles where id = ?",
                           [article_id]).fetchone()
    row = db.execute("select n_articles from claim_sources where claim_id = ? and source = ?",
                     [claim_id, source]).fetchone()
    before = row[0] if row else 0
    if before + change > 0:
        db.execute("insert or replace into claim_sources (claim_id, source, n_articles) values (?, ?, ?)",
                   [claim_id, source, before + change])
    else:
        db.execute("delete from claim_sources where claim_id = ? and source = ?", [claim_id, source])
    return (before + change > 0) - (before > 0)


def quotes_added(db, claim_id, article_id, added):
    """Count `added` quotes of `article_id`, just linked to the claim, into its figures."""
    new_article = _quotes_in_article(db, claim_id, article_id) == added
    new_sources = _count_source(db, claim_id, article_id, 1) if new_article else 0
    db.execute(
        """update claims set n_quotes = n_quotes + ?, n_articles = n_articles + ?, n_sources = n_sources + ?,
          first_article_id = (select quotes.article_id from quotes join articles on articles.id = quotes.article_id
                              where quotes.article_id in (claims.first_article_id, ?) and +quotes.claim_id = claims.id
                              order by quotes.said_on, articles.published, articles.id limit 1)
        where id = ?""",
        [added, int(new_article), new_sources, article_id, claim_id],
    )


def quotes_removed(db, claim_id, article_id, removed):
    """Take `removed` quotes of `article_id`, just unlinked from the claim, out of its figures.
    Call it before the article's source changes: the outlet it counted under is read from it."""
    article_gone = _quotes_in_article(db, claim_id, article_id) == 0
    lost_sources = _count_source(db, claim_id, article_id, -1) if article_gone else 0
    db.execute(
        "update claims set n_quotes = n_quotes - ?, n_articles = n_articles - ?, n_sources = n_sources + ? where id = ?",
        [removed, int(article_gone), lost_sources, claim_id],
    )
    if article_gone:
        # The earliest occurrence may have gone: the earliest said_on's quotes are looked through.
        db.execute(
            """update claims set first_article_id = (
                 select quotes.article_id from quotes join articles on articles.id = quotes.article_id
                 where quotes.claim_id = claims.id and quotes.said_on is (
                   select said_on from quotes where claim_id = claims.id order by said_on limit 1)
                 order by articles.published, articles.id limit 1)
            where id = ? and first_article_id = ?""",
            [claim_id, article_id],
        )


# REPRESENTATIVE_ORDER is what the quotes_claim_representative index (see storage) is keyed by,
# so the claim's text is one index lookup. Its text is its fullest direct quote, else its
# fullest mixed or indirect statement.
REPRESENTATIVE_ORDER = "(case kind when 'direct' then 0 when 'mixed' then 1 else 2 end), length(text) desc, id"
_REFRESH = f"""
update claims set
  text = (select text from quotes where claim_id = claims.id order by {REPRESENTATIVE_ORDER} limit 1),
  first_said = (select min(said_on) from quotes where claim_id = claims.id),
  last_said = (select max(said_on) from quotes where claim_id = claims.id)
where id = ?
"""


def refresh(db, claim_ids, rebuild_terms=False):
    """Bring the text and dates of `claim_ids` up to date (their counts are kept by `quotes_added`
    and `quotes_removed`); remove the claims left with no quote.

    With `rebuild_terms`, their index terms are recomputed from the quotes they still hold
    (needed when quotes left them)."""
    for claim_id in set(claim_ids) - {None}:
        if db.execute("select 1 from quotes where claim_id = ? limit 1", [claim_id]).fetchone() is None:
            db.execute("delete from claim_terms where claim_id = ?", [claim_id])
            db.execute("delete from claim_sources where claim_id = ?", [claim_id])
            db.execute("delete from claims where id = ?", [claim_id])
            continue
        if rebuild_terms:
            db.execute("delete from claim_terms where claim_id = ?", [claim_id])
            (speaker_id,) = db.execute("select speaker_id from claims where id = ?", [claim_id]).fetchone()
            # Distinct texts: a claim repeated word for word is stemmed once, not once per copy.
            for (text,) in db.execute("select distinct text from quotes where claim_id = ?", [claim_id]).fetchall():
                add_terms(db, claim_id, speaker_id, terms(text))
        db.execute(_REFRESH, [claim_id])


def regroup(db, quote_ids):
    """Group `quote_ids` anew (their speaker changed): each leaves its claim and joins the
    claim that fits it under its current speaker."""
    if not quote_ids:
        return
    marks = ", ".join("?" * len(quote_ids))
    rows = list(db.query(
        f"select id, article_id, speaker_id, text, claim_id from quotes where id in ({marks}) order by id", quote_ids
    ))
    db.execute(f"update quotes set claim_id = null where id in ({marks})", quote_ids)
    left = Counter((row["claim_id"], row["article_id"]) for row in rows if row["claim_id"] is not None)
    for (claim_id, article_id), removed in left.items():
        quotes_removed(db, claim_id, article_id, removed)
    refresh(db, {claim_id for claim_id, _ in left}, rebuild_terms=True)
    joined = set()
    for row in rows:
        claim_id = claim_for(db, row["speaker_id"], row["text"], terms(row["text"]))
        db.execute("update quotes set claim_id = ? where id = ?", [claim_id, row["id"]])
        quotes_added(db, claim_id, row["article_id"], 1)
        joined.add(claim_id)
    refresh(db, joined)
