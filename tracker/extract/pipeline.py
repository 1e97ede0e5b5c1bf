"""A first extractor: a quoted passage with an adjacent `X said` / `said X`."""
import re

from .model import Statement

_QUOTE = re.compile(r'[“"]([^“”"\n]+)[”"]')
_AFTER = re.compile(r'\s*,?\s*(?:([A-Z][\w.-]*(?: [A-Z][\w.-]*)*|[Hh]e|[Ss]he|[Tt]hey) (said|says|told|added)|(said|says) ([A-Z][\w.-]*(?: [A-Z][\w.-]*)*))')


def extract(text):
    statements = []
    for quote in _QUOTE.finditer(text):
        after = _AFTER.match(text, quote.end())
        if not after:
            continue
        group = 1 if after.group(1) else 4
        cue_group = 2 if after.group(1) else 3
        statements.append(Statement(
            kind="direct", text=quote.group(1), start=quote.start(), end=quote.end(),
            speaker=after.group(group), speaker_mention=after.group(group),
            speaker_start=after.start(group), speaker_end=after.end(group),
            cue=after.group(cue_group), cue_start=after.start(cue_group), cue_end=after.end(cue_group),
        ))
    return statements
