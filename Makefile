# make run: set up, ingest the seeds, serve the API and Datasette. make test: the test suite.
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# A second environment with the lowest versions setup.cfg allows (constraints-lowest.txt).
LOWEST := .venv-lowest
# make run serves from its own venv with the run-time dependencies only: test tools change how
# the servers behave (Datasette prints every error with all its locals when `rich` is importable).
RUN_VENV := .venv-run
RUN_INSTALLED := $(RUN_VENV)/.installed

.PHONY: setup run test test-fast test-lowest lint bench bench-against clean

setup: $(INSTALLED)

$(INSTALLED): setup.cfg pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test,lint]'
	touch $@

$(LOWEST)/.installed: setup.cfg pyproject.toml constraints-lowest.txt
	test -x $(LOWEST)/bin/python || python3 -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST)/bin/python -m pip install --quiet -e '.[test]' -c constraints-lowest.txt
	touch $@

$(RUN_INSTALLED): setup.cfg pyproject.toml
	test -x $(RUN_VENV)/bin/python || python3 -m venv $(RUN_VENV)
	$(RUN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(RUN_VENV)/bin/python -m pip install --quiet -e .
	touch $@

run: $(RUN_INSTALLED)
	$(RUN_VENV)/bin/tracker ingest seeds/
	$(RUN_VENV)/bin/tracker serve

test: setup
	$(VENV)/bin/pytest

test-fast: setup
	$(VENV)/bin/pytest -m "not slow"

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/pytest

lint: setup
	$(VENV)/bin/ruff check .

bench: setup
	$(PYTHON) bench/run.py $(if $(QUICK),--quick)

# make bench-against REV=9a06d3c: extraction speed of this checkout against REV's code, in one run.
bench-against: setup
	@test -n "$(REV)" || { echo "make bench-against: give a revision, e.g. REV=9a06d3c" >&2; exit 2; }
	$(PYTHON) bench/extract_against.py $(REV)

clean:
	rm -rf $(VENV) $(LOWEST) $(RUN_VENV) *.egg-info .pytest_cache .hypothesis
