"""Every speaker name, statement id and claim id shown in a view or a lookup links to its page
(/DB/speakers/ID, /DB/quotes/ID, /DB/claims/ID); tables already link through their foreign keys."""
from datasette import hookimpl
from markupsafe import Markup, escape

# column -> (the column holding the id, the table whose row page it is)
LINKED_COLUMNS = {
    "speaker": ("speaker_id", "speakers"),
    "quote_id": ("quote_id", "quotes"),
    "claim_id": ("claim_id", "claims"),
}
VIEW_IDS = {"quote_details": "quotes", "claim_details": "claims", "speaker_details": "speakers"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None or (table is not None and table not in VIEW_IDS):
        return None
    if column == "id" and table in VIEW_IDS:
        id_column, target = "id", VIEW_IDS[table]
    elif column == "name" and table == "speaker_details":
        id_column, target = "id", "speakers"
    elif column in LINKED_COLUMNS:
        id_column, target = LINKED_COLUMNS[column]
    else:
        return None
    keys = row.keys()
    if id_column not in keys or row[id_column] is None:
        return None
    href = datasette.urls.row(database, target, str(row[id_column]))
    return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
