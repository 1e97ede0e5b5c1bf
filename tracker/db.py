"""Opening the database file, the same way for every entry point."""
import os

import sqlite_utils

from .storage import configure_connection, ensure_db_shape


def open_database(path):
    """Open (creating it and its folder if needed) and bring its schema up to date."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    # check_same_thread off: a threaded WSGI server may close a connection on
    # another thread than the one that opened it; each request still has its own.
    db = sqlite_utils.Database(sqlite_utils.db.sqlite3.connect(path, check_same_thread=False))
    ensure_db_shape(db)
    return db


def connect(path):
    """A connection for one request or one command, to a database already shaped."""
    db = sqlite_utils.Database(sqlite_utils.db.sqlite3.connect(path, check_same_thread=False))
    configure_connection(db)
    return db
