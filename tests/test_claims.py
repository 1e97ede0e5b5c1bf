
import sqlite_utils

from tracker import claims, storage
from tracker.extract import Statement
from tracker.ingest import ingest_article
from tracker.storage import ensure_db_shape, save_article, write_transaction

QUOTE = "I have to say that the valley is de facto under foreign occupation"
PARAPHRASE = 'her valley was under de facto "foreign occupation" by the northern army'
OTHER = "The situation in the valley is worsening and the number of prisoners is increasing"


def same_claim(a, b):
    ta, tb = claims.terms(a), claims.terms(b)
    return claims.is_same_claim(len(ta & tb), len(ta), len(tb))


def test_a_paraphrase_holding_the_quotes_distinctive_words_is_the_same_claim():
    assert same_claim(PARAPHRASE, QUOTE)
    assert same_claim(QUOTE, PARAPHRASE)


def test_a_trimmed_quote_is_the_same_claim():
    assert same_claim("the valley is de facto under foreign occupation", QUOTE)


def test_identical_short_statements_are_the_same_claim():
    assert same_claim("Lukashenko knows this.", "Lukashenko knows this")


def test_other_statements_of_the_same_speaker_are_not():
    assert not same_claim(OTHER, QUOTE)
    assert not same_claim("Lukashenko knows this.", "He knows that Lukashenko will not survive without support")
    assert not same_claim("We will win.", "We will not win the war in the valley.")


def statement(text, quote, speaker="Ana Costa", kind="direct"):
    start = text.index(quote)
    return Statement(kind=kind, text=quote, start=start, end=start + len(quote), speaker=speaker,
                     speaker_mention=speaker, speaker_kind="person")


def store(db, text, statements, url, source, replace_id=None, published="2024-03-06"):
    with write_transaction(db):
        return save_article(db, {"text": text, "url": url, "source": source, "published": published},
                            statements, replace_id=replace_id)


def test_one_article_links_a_paraphrase_to_its_quote(db):
    text = f"Ana Costa said that {PARAPHRASE}. \"{QUOTE},\" she said. \"{OTHER},\" she added."
    store(db, text, [statement(text, PARAPHRASE, kind="mixed"), statement(text, QUOTE), statement(text, OTHER)],
          "https://a.example/1", "A")
    assert db["claims"].count == 2
    claim = next(c for c in db["claims"].rows if c["n_quotes"] == 2)
    assert claim["text"] == QUOTE  # the direct form stands for the claim
    assert (claim["n_articles"], claim["n_sources"], claim["first_said"]) == (1, 1, "2024-03-06")


def test_copies_from_other_outlets_add_occurrences_never_claims(db):
    text = f"\"{QUOTE},\" Ana Costa said. \"{OTHER},\" she added."
    statements = [statement(text, QUOTE), statement(text, OTHER)]
    store(db, text, statements, "https://a.example/1", "A", published="2024-03-06")
    store(db, text, statements, "https://b.example/1", "B", published="2024-03-07")
    store(db, text, statements, "https://b.example/2", "B", published="2024-03-08")
    assert db["claims"].count == 2
    for claim in db["claims"].rows:
        assert (claim["n_quotes"], claim["n_articles"], claim["n_sources"]) == (3, 3, 2)
        assert (claim["first_said"], claim["last_said"]) == ("2024-03-06", "2024-03-08")


def test_claims_are_per_speaker(db):
    text = f"\"{QUOTE},\" Ana Costa said."
    store(db, text, [statement(text, QUOTE)], "https://a.example/1", "A")
    store(db, text, [statement(text, QUOTE, speaker="Peter Vance")], "https://b.example/1", "B")
    assert db["claims"].count == 2


def test_re_extraction_keeps_claims_consistent(db):
    text = f"\"{QUOTE},\" Ana Costa said. \"{OTHER},\" she added."
    statements = [statement(text, QUOTE), statement(text, OTHER)]
    store(db, text, statements, "https://a.example/1", "A")
    copy_id = store(db, text, statements, "https://b.example/1", "B")
    store(db, text, [statement(text, QUOTE)], "https://b.example/1", "B", replace_id=copy_id)
    by_text = {c["text"]: c for c in db["claims"].rows}
    assert (by_text[QUOTE]["n_articles"], by_text[QUOTE]["n_sources"]) == (2, 2)
    assert (by_text[OTHER]["n_articles"], by_text[OTHER]["n_sources"]) == (1, 1)
    store(db, text, [], "https://b.example/1", "B", replace_id=copy_id)
    store(db, text, [statement(text, QUOTE)], "https://a.example/1", "A", replace_id=1)
    assert [c["text"] for c in db["claims"].rows] == [QUOTE]  # the claim left with no quote is gone
    assert {t["claim_id"] for t in db["claim_terms"].rows} == {c["id"] for c in db["claims"].rows}
    assert not (claims.terms(OTHER) - claims.terms(QUOTE)) & {t["term"] for t in db["claim_terms"].rows}


def test_candidates_come_from_the_index_not_a_scan(db):
    (plan,) = [row[-1] for row in db.execute("explain query plan " + storage.CANDIDATES_SQL, [1, "term", 10])]
    assert plan.startswith("SEARCH claim_terms USING COVERING INDEX idx_claim_terms_speaker_id_term_claim_id")


def test_an_old_claim_is_found_past_many_claims_sharing_common_words(db):
    common = "Belarus regime people"
    texts = [f"{common} district{n} harvest{n} bridge{n} tractor{n}" for n in range(storage.CANDIDATES_PER_TERM + 50)]
    first = ". ".join(f'"{t}," Ana Costa said' for t in texts)
    store(db, first, [statement(first, t) for t in texts], "https://a.example/1", "A")
    assert db["claims"].count == len(texts)
    copy = f'"{texts[0]}," Ana Costa said.'
    store(db, copy, [statement(copy, texts[0])], "https://b.example/1", "B")
    assert db["claims"].count == len(texts)
    assert db["claims"].get(1)["n_sources"] == 2


def test_a_copy_of_seed_004_from_another_outlet_joins_the_existing_claims(tmp_path, seeds):
    from tracker.db import open_database

    db = open_database(str(tmp_path / "quotes.db"))
    text = (seeds / "004_e0203a718e2611c4.txt").read_text()
    ingest_article(db, {"text": text, "url": "https://www.themoscowtimes.com/2022/11/14/a", "title": None,
                        "source": "The Moscow Times", "published": "2022-11-14", "author": None})
    before = {c["id"]: c["n_quotes"] for c in db["claims"].rows}
    assert before
    ingest_article(db, {"text": text, "url": "https://www.barrons.com/news/belarus-occupation", "title": None,
                        "source": "Barron's", "published": "2022-11-14", "author": None})
    after = list(db["claims"].rows)
    assert {c["id"] for c in after} == set(before)
    for claim in after:
        assert claim["n_quotes"] == 2 * before[claim["id"]]
        assert (claim["n_articles"], claim["n_sources"]) == (2, 2)
    # The opening paraphrase and the quote, in both copies: one claim.
    occupation = [q for q in db["quotes"].rows if "military occupation" in q["text"]]
    assert len(occupation) >= 2 and len({q["claim_id"] for q in occupation}) == 1


def test_an_older_file_gets_the_claim_and_speaker_columns_and_keeps_its_rows(tmp_path):
    old = sqlite_utils.Database(tmp_path / "old.db")
    old["articles"].create({"id": int, "text": str}, pk="id")
    old["speakers"].create({"id": int, "name": str}, pk="id")
    old["quotes"].create({"id": int, "article_id": int, "speaker_id": int, "text": str}, pk="id",
                         foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")])
    old["articles"].insert({"id": 1, "text": "x"})
    old["quotes"].insert({"id": 1, "article_id": 1, "text": "We will win."})
    ensure_db_shape(old)
    assert {"claim_id", "said_on_basis", "speaker_name"} <= set(old["quotes"].columns_dict)
    assert ("claim_id", "claims") in {(fk.column, fk.other_table) for fk in old["quotes"].foreign_keys}
    assert {"kind", "roles", "name_source"} <= set(old["speakers"].columns_dict)
    schema = old.schema
    ensure_db_shape(old)
    assert old.schema == schema
    assert [q["text"] for q in old["quotes"].rows] == ["We will win."]


def vm_steps(db, action):
    """How many SQLite virtual machine steps `action` takes: work done, measured without a clock."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0  # go on

    db.conn.set_progress_handler(count, 1)
    try:
        action()
    finally:
        db.conn.set_progress_handler(None, 1)
    return steps


def test_storing_a_claim_again_costs_the_same_however_often_it_was_stored(db):
    text = f"\"{QUOTE},\" Ana Costa said."
    copies = iter(range(10_000))

    def store_copies(count):
        for n in (next(copies) for _ in range(count)):
            store(db, text, [statement(text, QUOTE)], f"https://a.example/{n}", f"Outlet {n % 7}")

    store_copies(20)
    early = vm_steps(db, lambda: store_copies(10))
    store_copies(300)
    late = vm_steps(db, lambda: store_copies(10))
    assert db["claims"].count == 1 and db["claims"].get(1)["n_quotes"] == 340
    # Recounting the claim's figures over its quotes made this grow with them (about 15 times here).
    assert late < 1.5 * early


RECOUNT = """
select claims.id, claims.n_quotes = count(*) and claims.n_articles = count(distinct quotes.article_id)
  and claims.n_sources = count(distinct coalesce(articles.source, 'article ' || articles.id))
  and claims.first_said is min(quotes.said_on) and claims.last_said is max(quotes.said_on)
  and claims.first_article_id = (select q.article_id from quotes as q join articles as a on a.id = q.article_id
                                 where q.claim_id = claims.id order by q.said_on, a.published, a.id limit 1)
  and claims.text = (select text from quotes where claim_id = claims.id
                     order by case kind when 'direct' then 0 when 'mixed' then 1 else 2 end, length(text) desc, id
                     limit 1)
from claims left join quotes on quotes.claim_id = claims.id left join articles on articles.id = quotes.article_id
group by claims.id
"""


def test_figures_kept_a_change_at_a_time_equal_a_recount_after_replacing_merging_and_splitting(db):
    short = "the valley is de facto under foreign occupation"
    for n, (speaker, source, published) in enumerate([
        ("Ana Costa", "A", "2024-03-08"), ("Ana Costa", "B", "2024-03-06"), ("Anna Costa", "B", "2024-03-07"),
        ("Ana Costa", None, "2024-03-05"), ("Anna Costa", "C", None),
    ]):
        text = f"\"{QUOTE},\" {speaker} said. \"{OTHER},\" {speaker} added. \"{short}.\""
        store(db, text, [statement(text, QUOTE, speaker), statement(text, OTHER, speaker, kind="indirect"),
                         statement(text, short, speaker)], f"https://x.example/{n}", source, published=published)
    assert all(ok for _, ok in db.execute(RECOUNT))
    text = f"\"{short}.\" Ana Costa said."
    store(db, text, [statement(text, short)], "https://x.example/1", "C", replace_id=2, published="2024-03-01")
    store(db, text, [], "https://x.example/3", "C", replace_id=4)
    assert all(ok for _, ok in db.execute(RECOUNT))
    ana = storage.lookup_speaker(db, "Ana Costa")
    with write_transaction(db):
        anna = storage.split_speaker(db, ana, ["Anna Costa"])
    assert all(ok for _, ok in db.execute(RECOUNT))
    with write_transaction(db):
        storage.merge_speakers(db, ana, [anna])
    assert db["speakers"].count == 1
    assert all(ok for _, ok in db.execute(RECOUNT))
    assert {t["claim_id"] for t in db["claim_terms"].rows} == {c["id"] for c in db["claims"].rows}
    assert {s["claim_id"] for s in db["claim_sources"].rows} == {c["id"] for c in db["claims"].rows}


def test_a_file_from_before_claim_sources_gets_them_from_its_quotes(db):
    text = f"\"{QUOTE},\" Ana Costa said. \"{OTHER},\" she added."
    for n, source in enumerate(["A", "B", "B", None]):
        store(db, text, [statement(text, QUOTE), statement(text, OTHER)], f"https://a.example/{n}", source)
    kept = sorted(tuple(row.values()) for row in db["claim_sources"].rows)
    db["claim_sources"].drop()
    ensure_db_shape(db)
    assert sorted(tuple(row.values()) for row in db["claim_sources"].rows) == kept
    assert {row[1:] for row in kept} == {("A", 1), ("B", 2), ("article 4", 1)}
