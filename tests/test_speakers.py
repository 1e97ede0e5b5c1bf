import json

import pytest
import sqlite_utils

from tracker import names, storage
from tracker.extract import Statement
from tracker.storage import ensure_db_shape, save_article, write_transaction


def said(text, quote, speaker, mention=None, kind="person"):
    """A direct statement of `quote` in `text`, attributed to `speaker` through `mention`."""
    start = text.index(quote)
    mention = mention or speaker
    at = text.index(mention) if mention in text else None
    return Statement(kind="direct", text=quote, start=start, end=start + len(quote), speaker=speaker,
                     speaker_mention=mention, speaker_start=at, speaker_end=at and at + len(mention),
                     speaker_kind=kind, cue="said", cue_start=text.index("said"), cue_end=text.index("said") + 4)


def store(db, text, *statements, url=None, published="2024-03-06", source="Example News"):
    with write_transaction(db):
        return save_article(db, {"text": text, "url": url, "source": source, "published": published,
                                 "title": None, "author": None}, list(statements))


def speaker_rows(db):
    return {row["name"]: row for row in db["speakers"].rows}


def aliases(db, speaker_id):
    return {row["alias"] for row in db["speaker_aliases"].rows_where("speaker_id = ?", [speaker_id])}


@pytest.mark.parametrize("a, b", [
    ("Svetlana Tikhonovskaya", "Svetlana Tikhanovskaya"),
    ("Aleksander Lukashenko", "Alexander Lukashenko"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("S. Tikhanovskaya", "Svetlana Tikhanovskaya"),
    ("Tikhanovskaya", "Svetlana Tikhonovskaya"),
    ("President Alexander Lukashenko", "Alexander Lukashenko"),
    ("Angela Merkél", "Angela Merkel"),
    # Chinese and Korean names are written family name first, and that is the name used alone.
    ("Xi", "Xi Jinping"),
    ("President Xi Jinping", "Xi Jinping"),
    ("Kim", "Kim Jong-un"),
])
def test_spellings_of_one_name_match(a, b):
    assert names.names_match(names.name_tokens(a), names.name_tokens(b))


@pytest.mark.parametrize("a, b", [
    ("John Smith", "Joan Smith"),
    ("Jon Stone", "Jon Stine"),
    ("Maria Lopez", "Maria Perez"),
    ("Peter Vance", "Ana Costa"),
    ("Jinping", "Xi Jinping"),
    ("Kim", "Kim Kardashian"),
    ("Kim Jong-un", "Kim Yo-jong"),
])
def test_different_names_do_not_match(a, b):
    assert not names.names_match(names.name_tokens(a), names.name_tokens(b))


def test_an_article_gives_aliases_and_roles():
    text = ("Belarus opposition leader Svetlana Tikhanovskaya said on Monday that talks had failed.\n"
            "\"We will not give up,\" Tikhanovskaya said.\n"
            "The opposition leader met President Alexander Lukashenko's envoy.\n")
    statement = said(text, "We will not give up,", "Svetlana Tikhanovskaya", "Tikhanovskaya")
    found = names.article_speakers(text, [statement])
    speaker = found["Svetlana Tikhanovskaya"]
    assert speaker.aliases == {"Svetlana Tikhanovskaya", "Tikhanovskaya"}
    assert speaker.roles == ["Belarus opposition leader"]


def test_a_description_mention_is_a_role():
    text = "\"We continue to fight,\" the opposition leader said of Svetlana Tikhonovskaya."
    statement = said(text, "We continue to fight,", "Svetlana Tikhonovskaya", "the opposition leader")
    assert names.article_speakers(text, [statement])["Svetlana Tikhonovskaya"].roles == ["opposition leader"]


def test_pronouns_and_descriptions_are_no_speaker(db):
    text = "\"We will win,\" she said."
    store(db, text, said(text, "We will win,", "she"))
    assert db["speakers"].count == 0
    assert db["quotes"].count == 1


def test_transliterations_across_articles_are_one_speaker(db):
    first = "\"We continue to fight,\" Svetlana Tikhonovskaya said."
    second = "\"Belarus is occupied,\" Svetlana Tikhanovskaya said."
    store(db, first, said(first, "We continue to fight,", "Svetlana Tikhonovskaya"), url="https://a.example/1")
    store(db, second, said(second, "Belarus is occupied,", "Svetlana Tikhanovskaya"), url="https://b.example/2")
    (speaker,) = db["speakers"].rows
    assert speaker["name"] == "Svetlana Tikhonovskaya"
    assert aliases(db, speaker["id"]) == {"Svetlana Tikhonovskaya", "Svetlana Tikhanovskaya"}
    assert {q["speaker_id"] for q in db["quotes"].rows} == {speaker["id"]}


@pytest.mark.parametrize("full, alone", [
    ("Maria Lopez", "Lopez"),
    ("Moon Jae-in", "Moon"),  # a family name written first is the one used alone
])
def test_a_surname_alone_joins_the_one_known_speaker_with_it(db, full, alone):
    first = f"\"Prices will fall,\" {full} said."
    later = f"\"Taxes will not rise,\" {alone} said."
    store(db, first, said(first, "Prices will fall,", full), url="https://a.example/1")
    store(db, later, said(later, "Taxes will not rise,", alone), url="https://a.example/2")
    assert set(speaker_rows(db)) == {full}


def test_a_surname_two_known_speakers_share_joins_neither(db):
    for number, name in enumerate(["Maria Lopez", "Juan Lopez"]):
        text = f"\"Point {number} stands,\" {name} said."
        store(db, text, said(text, f"Point {number} stands,", name), url=f"https://a.example/{number}")
    text = "\"Nothing changes,\" Lopez said."
    store(db, text, said(text, "Nothing changes,", "Lopez"), url="https://a.example/3")
    assert set(speaker_rows(db)) == {"Maria Lopez", "Juan Lopez", "Lopez"}
    again = "\"Nothing changes again,\" Lopez said."
    store(db, again, said(again, "Nothing changes again,", "Lopez"), url="https://a.example/4")
    assert db["speakers"].count == 3  # the surname-only speaker is found by its own name


def test_the_fuller_name_becomes_the_name(db):
    first = "\"Prices will fall,\" Lopez said."
    later = "\"Taxes will not rise,\" Maria Lopez said."
    store(db, first, said(first, "Prices will fall,", "Lopez"), url="https://a.example/1")
    store(db, later, said(later, "Taxes will not rise,", "Maria Lopez"), url="https://a.example/2")
    assert set(speaker_rows(db)) == {"Maria Lopez"}


def test_organisations_match_only_by_exact_name(db):
    for number, name in enumerate(["Institute for the Study of War", "Institute for the Study of Law"]):
        text = f"\"Point {number} stands,\" {name} said."
        store(db, text, said(text, f"Point {number} stands,", name, kind="organisation"), url=f"https://o.example/{number}")
    assert {row["kind"] for row in db["speakers"].rows} == {"organisation"}
    assert db["speakers"].count == 2


def test_roles_accumulate_across_articles(db):
    first = "Belarus opposition leader Svetlana Tikhanovskaya said: \"Free them.\""
    second = "\"Free them all,\" said exiled leader Svetlana Tikhanovskaya."
    store(db, first, said(first, "Free them.", "Svetlana Tikhanovskaya"), url="https://a.example/1")
    store(db, second, said(second, "Free them all,", "Svetlana Tikhanovskaya"), url="https://a.example/2")
    (speaker,) = db["speakers"].rows
    assert json.loads(speaker["roles"]) == ["Belarus opposition leader", "exiled leader"]


def test_rename_is_kept_by_later_ingests(db):
    text = "\"Prices will fall,\" Maria Lopez said."
    store(db, text, said(text, "Prices will fall,", "Maria Lopez"), url="https://a.example/1")
    speaker_id = storage.lookup_speaker(db, "Maria Lopez")
    with write_transaction(db):
        storage.rename_speaker(db, speaker_id, "López")
    fuller = "\"Taxes will not rise,\" Maria Lopez said."
    store(db, fuller, said(fuller, "Taxes will not rise,", "Maria Lopez"), url="https://a.example/2")
    assert set(speaker_rows(db)) == {"López"}  # not taken back to the fuller form
    assert storage.lookup_speaker(db, "Maria Lopez") == speaker_id


def test_merge_moves_everything_and_later_ingests_follow_it(db):
    one = "\"Prices will fall,\" Sviatlana Tsikhanouskaya said."
    two = "\"Taxes will not rise,\" Svetlana Tikhanovskaya said."
    store(db, one, said(one, "Prices will fall,", "Sviatlana Tsikhanouskaya"), url="https://a.example/1")
    store(db, two, said(two, "Taxes will not rise,", "Svetlana Tikhanovskaya"), url="https://a.example/2")
    assert db["speakers"].count == 2  # given names too far apart to merge on their own
    keep = storage.lookup_speaker(db, "Svetlana Tikhanovskaya")
    with write_transaction(db):
        storage.merge_speakers(db, keep, [storage.lookup_speaker(db, "Sviatlana Tsikhanouskaya")])
    assert db["speakers"].count == 1
    assert aliases(db, keep) >= {"Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"}
    assert {q["speaker_id"] for q in db["quotes"].rows} == {keep}
    assert {c["speaker_id"] for c in db["claims"].rows} == {keep}
    three = "\"Nothing changes,\" Sviatlana Tsikhanouskaya said."
    store(db, three, said(three, "Nothing changes,", "Sviatlana Tsikhanouskaya"), url="https://a.example/3")
    assert db["speakers"].count == 1
    assert [row["action"] for row in db["speaker_curations"].rows] == ["merge"]


def test_split_moves_a_spelling_and_its_quotes_for_good(db):
    one = "\"Prices will fall,\" John Smith said."
    two = "\"Taxes will not rise,\" John Smyth said."
    store(db, one, said(one, "Prices will fall,", "John Smith"), url="https://a.example/1")
    store(db, two, said(two, "Taxes will not rise,", "John Smyth"), url="https://a.example/2")
    assert db["speakers"].count == 1
    smith = storage.lookup_speaker(db, "John Smith")
    with write_transaction(db):
        smyth = storage.split_speaker(db, smith, ["John Smyth"])
    assert {q["text"]: q["speaker_id"] for q in db["quotes"].rows} == {
        "Prices will fall,": smith, "Taxes will not rise,": smyth,
    }
    assert aliases(db, smyth) == {"John Smyth"}
    assert {c["speaker_id"] for c in db["claims"].rows} == {smith, smyth}
    again = "\"Nothing changes,\" John Smyth said."
    store(db, again, said(again, "Nothing changes,", "John Smyth"), url="https://a.example/3")
    with write_transaction(db):  # a re-extraction of the first article keeps the split too
        save_article(db, {"text": two, "url": "https://a.example/2", "source": "Example News",
                          "published": "2024-03-06"}, [said(two, "Taxes will not rise,", "John Smyth")],
                     replace_id=2)
    assert {q["text"]: q["speaker_id"] for q in db["quotes"].rows} == {
        "Prices will fall,": smith, "Taxes will not rise,": smyth, "Nothing changes,": smyth,
    }


def test_curation_refuses_what_it_cannot_do(db):
    text = "\"Prices will fall,\" Maria Lopez said. \"Rates too,\" Juan Perez said."
    store(db, text, said(text, "Prices will fall,", "Maria Lopez"), said(text, "Rates too,", "Juan Perez"))
    lopez = storage.lookup_speaker(db, "Maria Lopez")
    with pytest.raises(storage.CurationError, match="merge into it"), write_transaction(db):
        storage.rename_speaker(db, lopez, "Juan Perez")
    with pytest.raises(storage.CurationError, match="no alias"), write_transaction(db):
        storage.split_speaker(db, lopez, ["Juan Perez"])
    with pytest.raises(storage.CurationError, match="no speaker"):
        storage.lookup_speaker(db, "Nobody Atall")


def test_re_extraction_drops_speakers_left_with_nothing(db):
    text = "\"Prices will fall,\" Maria Lopez said."
    article_id = store(db, text, said(text, "Prices will fall,", "Maria Lopez"), url="https://a.example/1")
    with write_transaction(db):
        save_article(db, {"text": text, "url": "https://a.example/1"}, [], replace_id=article_id)
    assert db["speakers"].count == 0
    assert db["speaker_aliases"].count == 0
    assert db["claims"].count == 0


def test_a_speaker_stored_before_aliases_existed_is_found_by_name(tmp_path):
    old = sqlite_utils.Database(tmp_path / "old.db")
    old["speakers"].create({"id": int, "name": str}, pk="id")
    old["speakers"].insert({"id": 7, "name": "Maria Lopez"})
    ensure_db_shape(old)
    text = "\"Prices will fall,\" Maria Lopez said."
    store(old, text, said(text, "Prices will fall,", "Maria Lopez"))
    assert [(row["id"], row["name"]) for row in old["speakers"].rows] == [(7, "Maria Lopez")]
    assert aliases(old, 7) == {"Maria Lopez"}


def test_the_stored_name_is_the_fullest_spelling_most_articles_use_through_re_extractions(db):
    spellings = ["Svetlana Tikhonovskaya", "Svetlana Tikhanovskaya", "Svetlana Tikhanovskaya"]
    texts = [f"\"Point {n} stands,\" {spelling} said. Tikhanovskaya left." for n, spelling in enumerate(spellings)]
    for n, text in enumerate(texts):
        store(db, text, said(text, f"Point {n} stands,", spellings[n]), url=f"https://a.example/{n}")
    assert [row["name"] for row in db["speakers"].rows] == ["Svetlana Tikhanovskaya"]
    for _ in range(3):  # re-extracting the same articles changes nothing
        for n, text in enumerate(texts):
            with write_transaction(db):
                save_article(db, {"text": text, "url": f"https://a.example/{n}"},
                             [said(text, f"Point {n} stands,", spellings[n])], replace_id=n + 1)
    assert [row["name"] for row in db["speakers"].rows] == ["Svetlana Tikhanovskaya"]
    respelled = texts[2].replace("Tikhanovskaya said", "Tikhonovskaya said")
    with write_transaction(db):  # a re-extraction takes back what the article counted before
        save_article(db, {"text": respelled, "url": "https://a.example/2"},
                     [said(respelled, "Point 2 stands,", "Svetlana Tikhonovskaya")], replace_id=3)
    assert [row["name"] for row in db["speakers"].rows] == ["Svetlana Tikhonovskaya"]
    with write_transaction(db):
        storage.rename_speaker(db, storage.lookup_speaker(db, "Svetlana Tikhonovskaya"), "Sviatlana Tsikhanouskaya")
    for n in range(3, 6):
        text = f"\"Point {n} stands,\" Svetlana Tikhanovskaya said."
        store(db, text, said(text, f"Point {n} stands,", "Svetlana Tikhanovskaya"), url=f"https://a.example/{n}")
    assert [row["name"] for row in db["speakers"].rows] == ["Sviatlana Tsikhanouskaya"]


def test_merged_and_split_spellings_take_their_articles_along(db):
    for n, name in enumerate(["John Smith", "John Smith", "John Smyth", "Smyth"]):
        text = f"\"Point {n} stands,\" {name} said."
        store(db, text, said(text, f"Point {n} stands,", name), url=f"https://a.example/{n}")
    counts = {(row["speaker_id"], row["alias"]): row["n_articles"] for row in db["speaker_aliases"].rows}
    smith = storage.lookup_speaker(db, "John Smith")
    assert counts[(smith, "John Smith")] == 2 and counts[(smith, "John Smyth")] == 1
    with write_transaction(db):
        smyth = storage.split_speaker(db, smith, ["John Smyth", "Smyth"])
    moved = {row["alias"]: row["n_articles"] for row in db["speaker_aliases"].rows_where("speaker_id = ?", [smyth])}
    assert moved == {"John Smyth": 1, "Smyth": 1}
    with write_transaction(db):
        storage.merge_speakers(db, smith, [smyth])
    merged = {row["alias"]: row["n_articles"] for row in db["speaker_aliases"].rows_where("speaker_id = ?", [smith])}
    assert merged == {"John Smith": 2, "John Smyth": 1, "Smyth": 1}
    assert db.execute("select count(*) from alias_articles where speaker_id != ?", [smith]).fetchone()[0] == 0
