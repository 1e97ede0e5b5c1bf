"""/-/find?q=: the home page's search. Speakers by any alias, a surname, or another spelling of a
known name (the same matching ingest uses), and statements by their words (full-text search)."""
import sqlite_utils
from datasette import Response, hookimpl

from tracker import names, storage

DATABASE = "quotes"  # the database `make run` serves; ?database= names another
# Any alias, folded as speaker_aliases.key is (case, accents and titles aside), holding the query's words.
SPEAKERS_BY_ALIAS = """
select id from speakers where id in (
  select speaker_id from speaker_aliases where ' ' || key || ' ' like '% ' || :key || ' %'
)
"""
SPEAKER_ROWS = """
select speakers.id, speakers.name, speakers.kind,
  (select group_concat(alias, '; ') from speaker_aliases where speaker_id = speakers.id) as aliases,
  (select count(*) from quotes where speaker_id = speakers.id) as n_quotes
from speakers where id in ({ids}) order by n_quotes desc, name
"""
STATEMENTS_BY_WORDS = """
select q.id, q.said_on, q.speaker, q.speaker_id, q.kind, q.text, q.source
from quotes_fts join quote_details as q on q.id = quotes_fts.rowid
where quotes_fts match escape_fts(:q)
order by quotes_fts.rank limit 50
"""


def matching_speaker_ids(connection, query):
    key = names.name_key(query)
    if not key:
        return []
    ids = {row[0] for row in connection.execute(SPEAKERS_BY_ALIAS, {"key": key})}
    close_spelling = storage.find_speaker(sqlite_utils.Database(connection), query)
    if close_spelling is not None:
        ids.add(close_spelling)
    return sorted(ids)


async def find(datasette, request):
    query = (request.args.get("q") or "").strip()
    served = [name for name in datasette.databases if name != "_internal"]
    database_name = request.args.get("database") or (DATABASE if DATABASE in served else served[0])
    database = datasette.get_database(database_name)
    found_speakers, found_statements = [], []
    if query:
        ids = await database.execute_fn(lambda connection: matching_speaker_ids(connection, query))
        if ids:
            sql = SPEAKER_ROWS.format(ids=", ".join(str(int(i)) for i in ids))
            found_speakers = [dict(row) for row in await database.execute(sql)]
        found_statements = [dict(row) for row in await database.execute(STATEMENTS_BY_WORDS, {"q": query})]
    context = {"q": query, "database": database_name, "speakers": found_speakers, "statements": found_statements}
    if request.path.endswith(".json"):
        return Response.json(context)
    return Response.html(await datasette.render_template("find.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/find(\.json)?$", find)]
