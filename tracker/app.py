"""The Flask application factory."""
from flask import Flask

from . import config as tracker_config
from .api import api
from .db import open_database
from .group_writer import GroupWriter
from .models import load as load_model


def create_app(config=None):
    """`config` overrides what the environment says (tests pass a temporary DATABASE)."""
    app = Flask(__name__)
    app.config.update(tracker_config.from_environment())
    app.config.update(config or {})
    open_database(app.config["DATABASE"]).close()
    load_model(app.config["MODEL"])  # a model that cannot be used stops the start, not the first post
    app.extensions["tracker_writer"] = GroupWriter(app.config["DATABASE"])
    app.register_blueprint(api)
    return app
