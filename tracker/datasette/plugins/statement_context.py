"""`statement_in_paragraph(text, start, end)` for templates: the paragraph of the article holding a
statement, cut into (before, statement, after) so the template can mark the statement up while
Jinja escapes all three (the article text is untrusted)."""
from datasette import hookimpl


def statement_in_paragraph(text, start, end):
    text = text or ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    if paragraph_end == -1:
        paragraph_end = len(text)
    return text[paragraph_start:start], text[start:end], text[end:paragraph_end]


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["statement_in_paragraph"] = statement_in_paragraph
