"""Claims: the occurrences of one statement by one speaker, across articles and outlets.

A syndicated copy, a trimmed quote and a paraphrase next to its own direct quote share most of
their distinctive words. Each quote is reduced to its content terms (stemmed words, function
words dropped); it joins the speaker's claim whose terms hold most of its own (containment over
the smaller of the two sets), else it starts a claim. Candidates come from the `claim_terms`
index, keyed by speaker and term, so an ingest never reads the speaker's other quotes.

    >>> sorted(terms('her country was under de facto "military occupation"'))
    ['countri', 'de', 'facto', 'militari', 'occup']
"""
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
CANDIDATES_SQL = "select claim_id from claim_terms where speaker_id is ? and term = ? order by claim_id desc limit ?"

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer():
    return PorterStemmer()


def terms(text):
    """The content terms of a statement: folded, stemmed words, function words dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).lower()
    stem = _stemmer().stem
    return {stem(w) for w in _WORD.findall(folded.replace("’", "'")) if w not in FUNCTION_WORDS}


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
    for term in quote_terms:
        hits.update(row[0] for row in db.execute(CANDIDATES_SQL, [speaker_id, term, CANDIDATES_PER_TERM]))
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
    db["claim_terms"].insert_all(
        ({"claim_id": claim_id, "speaker_id": speaker_id, "term": term} for term in new_terms),
        ignore=True,
    )


def assign(db, quote_id, speaker_id, text):
    """Link a stored quote to its claim, starting one when none fits; returns the claim id.
    The caller refreshes the claim's figures (see `refresh`) once its article is stored."""
    quote_terms = terms(text)
    claim_id = best_claim(db, speaker_id, quote_terms)
    if claim_id is None:
        claim_id = db["claims"].insert({"speaker_id": speaker_id, "text": text}).last_pk
    add_terms(db, claim_id, speaker_id, quote_terms)
    db.execute("update quotes set claim_id = ? where id = ?", [claim_id, quote_id])
    return claim_id


# The claim's text is its fullest direct quote, else its fullest mixed or indirect statement.
_REFRESH = """
update claims set
  text = (select text from quotes where claim_id = claims.id
          order by case kind when 'direct' then 0 when 'mixed' then 1 else 2 end, length(text) desc, id
          limit 1),
  speaker_id = (select speaker_id from quotes where claim_id = claims.id limit 1),
  first_said = (select min(said_on) from quotes where claim_id = claims.id),
  last_said = (select max(said_on) from quotes where claim_id = claims.id),
  n_quotes = (select count(*) from quotes where claim_id = claims.id),
  n_articles = (select count(distinct article_id) from quotes where claim_id = claims.id),
  n_sources = (select count(distinct coalesce(articles.source, 'article ' || articles.id))
               from quotes join articles on articles.id = quotes.article_id
               where quotes.claim_id = claims.id),
  first_article_id = (select quotes.article_id from quotes join articles on articles.id = quotes.article_id
                      where quotes.claim_id = claims.id
                      order by quotes.said_on, articles.published, articles.id limit 1)
where id = ?
"""


def refresh(db, claim_ids, rebuild_terms=False):
    """Bring the figures of `claim_ids` up to date; remove the claims left with no quote.

    With `rebuild_terms`, their index terms are recomputed from the quotes they still hold
    (needed when quotes left them)."""
    for claim_id in set(claim_ids) - {None}:
        quotes = list(db.query("select speaker_id, text from quotes where claim_id = ?", [claim_id]))
        if rebuild_terms or not quotes:
            db.execute("delete from claim_terms where claim_id = ?", [claim_id])
        if not quotes:
            db.execute("delete from claims where id = ?", [claim_id])
            continue
        if rebuild_terms:
            for quote in quotes:
                add_terms(db, claim_id, quote["speaker_id"], terms(quote["text"]))
        db.execute(_REFRESH, [claim_id])


def regroup(db, quote_ids):
    """Group `quote_ids` anew (their speaker changed): each leaves its claim and joins the
    claim that fits it under its current speaker."""
    if not quote_ids:
        return
    marks = ", ".join("?" * len(quote_ids))
    rows = list(db.query(f"select id, speaker_id, text, claim_id from quotes where id in ({marks}) order by id", quote_ids))
    left = {row["claim_id"] for row in rows}
    db.execute(f"update quotes set claim_id = null where id in ({marks})", quote_ids)
    refresh(db, left, rebuild_terms=True)
    joined = {assign(db, row["id"], row["speaker_id"], row["text"]) for row in rows}
    refresh(db, joined)
