from pathlib import Path

import pytest
import sqlite_utils

from tracker import claims
from tracker.extract import Statement
from tracker.ingest import ingest_article
from tracker.storage import ensure_db_shape, save_article, write_transaction

SEEDS = Path(__file__).parent.parent / "seeds"

QUOTE = "I have to say that the valley is de facto under foreign occupation"
PARAPHRASE = 'her valley was under de facto "foreign occupation" by the northern army'
OTHER = "The situation in the valley is worsening and the number of prisoners is increasing"


@pytest.fixture
def db():
    database = sqlite_utils.Database(memory=True)
    ensure_db_shape(database)
    return database


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
    (plan,) = [row[-1] for row in db.execute("explain query plan " + claims.CANDIDATES_SQL, [1, "term", 10])]
    assert plan.startswith("SEARCH claim_terms USING COVERING INDEX idx_claim_terms_speaker_id_term_claim_id")


def test_an_old_claim_is_found_past_many_claims_sharing_common_words(db):
    common = "Belarus regime people"
    texts = [f"{common} district{n} harvest{n} bridge{n} tractor{n}" for n in range(claims.CANDIDATES_PER_TERM + 50)]
    first = ". ".join(f'"{t}," Ana Costa said' for t in texts)
    store(db, first, [statement(first, t) for t in texts], "https://a.example/1", "A")
    assert db["claims"].count == len(texts)
    copy = f'"{texts[0]}," Ana Costa said.'
    store(db, copy, [statement(copy, texts[0])], "https://b.example/1", "B")
    assert db["claims"].count == len(texts)
    assert db["claims"].get(1)["n_sources"] == 2


def test_a_copy_of_seed_004_from_another_outlet_joins_the_existing_claims(tmp_path):
    from tracker.db import open_database

    db = open_database(str(tmp_path / "quotes.db"))
    text = (SEEDS / "004_e0203a718e2611c4.txt").read_text()
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
