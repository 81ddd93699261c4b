# Two commands do all the set-up: `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8888
# JupyterLab refuses to run as root unless told (containers, some lab machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test check-data lint site slides timelinejs bench clean

$(VENV)/.runtime: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m standoff install-lab-settings
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## lab: create .venv, install, and open JupyterLab on the first lesson
lab: $(VENV)/.runtime
	$(VENV)/bin/jupyter lab --port=$(PORT) $(ROOT_FLAG) notebooks/00_start_here.ipynb

## test: install the test tools and run every test (data, widgets, notebooks, browser)
test: $(VENV)/.dev
	$(PY) -m ruff check src tests
	$(PY) -m standoff check-data
	$(PY) -m pytest

## check-data: validate the tables in data/ (or DATA=path/to/copy)
check-data: $(VENV)/.runtime
	$(PY) -m standoff check-data $(DATA)

## site: build the static reading edition into site/ (opens from the file system)
site: $(VENV)/.runtime
	$(PY) -m standoff build-site site

## slides: build reveal.js slide decks of every lesson into slides/
slides: $(VENV)/.runtime
	$(PY) -m standoff build-slides slides

## timelinejs: write the timeline for Knight Lab TimelineJS to timeline.json
timelinejs: $(VENV)/.runtime
	$(PY) -m standoff export-timelinejs timeline.json

## bench: measure notebook cost, interaction latency, page load and footprint (writes benchmarks/results.json)
bench: $(VENV)/.dev
	$(PY) benchmarks/run.py

lint: $(VENV)/.dev
	$(PY) -m ruff check src tests

clean:
	rm -rf $(VENV) test-artifacts site slides .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
