"""One writer per API process: the articles of concurrent requests stored together, one transaction for all.

A request extracts its article in its own thread (no lock needed), then hands the prepared rows
to the writer thread and waits. The writer takes the write lock, then every article waiting
(those that came while it waited for the lock too), stores them in one transaction and answers
each request after the commit: under load, one lock and one commit serve many requests.
"""
import os
import queue
import threading
from concurrent.futures import Future

from .db import connect
from .ingest import save_batch, store
from .storage import write_transaction

MAX_GROUP = 64  # articles per transaction: a bound on how long one commit keeps readers of the queue waiting


class GroupWriter:
    def __init__(self, database):
        self.database = database
        self.waiting = queue.SimpleQueue()
        self.started_in = None  # the process whose thread this is: a forked worker starts its own
        self.lock = threading.Lock()
        self.transactions = 0  # committed by this process's writer: articles stored / this is the grouping's gain

    def store(self, article, prepared):
        """Store a new article (`prepared`: what `ingest.prepare` gave); returns its `IngestResult` once committed."""
        self._start()
        answer = Future()
        self.waiting.put((article, prepared, answer))
        return answer.result()

    def _start(self):
        with self.lock:
            if self.started_in != os.getpid():
                threading.Thread(target=self._run, name="tracker-writer", daemon=True).start()
                self.started_in = os.getpid()

    def _run(self):
        db = connect(self.database)
        while True:
            group = [self.waiting.get()]
            try:
                with write_transaction(db):
                    while len(group) < MAX_GROUP:
                        try:
                            group.append(self.waiting.get_nowait())
                        except queue.Empty:
                            break
                    results = save_batch(db, [(n, article, prepared) for n, (article, prepared, _) in enumerate(group)])
            except Exception:  # noqa: BLE001 -- one article's failure must not fail the others: each alone
                self._store_each(db, group)
                continue
            self.transactions += 1
            for (_, _, answer), (_, result) in zip(group, results):
                answer.set_result(result)

    @staticmethod
    def _store_each(db, group):
        for article, prepared, answer in group:
            try:
                answer.set_result(store(db, article, prepared))
            except Exception as error:  # noqa: BLE001 -- handed to its request, which raises it
                answer.set_exception(error)
