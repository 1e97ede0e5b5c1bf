"""Datasette here only reads: any request that could write is refused with a 405 and one log line,
and an error is logged as one line, not as a traceback with every frame's locals."""
import sys

from datasette import Response, hookimpl
from datasette.plugins import pm
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError
from markupsafe import Markup

READING_METHODS = {"GET", "HEAD", "OPTIONS"}
REFUSAL = {"ok": False, "error": "this Datasette is read-only: write through the tracker API or CLI", "status": 405}


def log(line):
    print(f"datasette: {line}", file=sys.stderr, flush=True)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in READING_METHODS:
                log(f"refused {scope['method']} {scope['path']} (read-only)")
                response = Response.json(REFUSAL, status=405, headers={"Allow": ", ".join(sorted(READING_METHODS))})
                await response.asgi_send(send)
                return
            await app(scope, receive, send)

        return read_only

    return wrap


@hookimpl
def startup(datasette):
    # Datasette's own handler prints every error with all local variables when `rich` is importable
    # (a test dependency): hundreds of log lines for one bad request. This module's handler replaces it.
    if pm.get_plugin("datasette.handle_exception") is not None:
        pm.unregister(name="datasette.handle_exception")


@hookimpl(trylast=True)
def handle_exception(datasette, request, exception):
    async def error_page():
        if isinstance(exception, Base400):
            status, message, title = exception.status, exception.args[0], None
        elif isinstance(exception, DatasetteError):
            status, title = exception.status, exception.title
            message = Markup(exception.message) if exception.message_is_html else exception.message
        else:
            status, message, title = 500, str(exception), None
        log(f"{status} {request.method} {request.path}: {type(exception).__name__}: {message}"[:500])
        info = {**getattr(exception, "error_dict", {}), "ok": False, "error": message, "status": status, "title": title}
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        context = {**info, "urls": datasette.urls, "app_css_hash": datasette.app_css_hash(), "menu_links": lambda: []}
        return Response.html(await template.render_async(context), status=status)

    return error_page
