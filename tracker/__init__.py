"""tracker: who said what, when, to whom, reported where."""
