# make run: set up, ingest the seeds, serve the API and Datasette. make test: the test suite.
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup run test bench clean

setup: $(INSTALLED)

$(INSTALLED): setup.cfg pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

run: setup
	$(VENV)/bin/tracker ingest seeds/
	$(VENV)/bin/tracker serve

test: setup
	$(VENV)/bin/pytest

bench: setup
	$(PYTHON) bench/run.py $(if $(QUICK),--quick)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
