"""The paragraph a statement page shows, cut around the statement at its offsets."""
from tracker.datasette.plugins.statement_context import statement_in_paragraph

TEXT = "First paragraph.\nShe said \"we will win\" on Monday.\n\"It goes on.\nAnd ends here,\" she added.\nLast."


def cut(statement):
    start = TEXT.index(statement)
    return statement_in_paragraph(TEXT, start, start + len(statement))


def test_the_statement_and_the_rest_of_its_paragraph():
    assert cut("we will win") == ("She said \"", "we will win", "\" on Monday.")


def test_a_statement_over_two_paragraphs_shows_both():
    assert cut("It goes on.\nAnd ends here,") == ("\"", "It goes on.\nAnd ends here,", "\" she added.")


def test_the_first_and_the_last_paragraph():
    assert cut("First") == ("", "First", " paragraph.")
    assert cut("Last.") == ("", "Last.", "")


def test_offsets_past_the_text_are_clamped():
    assert statement_in_paragraph("Short.", 3, 99) == ("Sho", "rt.", "")
