# The two commands of the README: `make build` and `make test`. Both set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
ODK := tests/odk/node_modules/.ready

.PHONY: build test check bench fuzz schema clean

build: $(READY)
	$(BIN)/oila build

test: $(READY) $(ODK)
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools
	$(BIN)/mypy
	$(BIN)/oila schema --check
	$(BIN)/oila check --min-coverage 100
	$(BIN)/pytest

check: $(READY)
	$(BIN)/oila check

bench: $(READY)
	$(BIN)/python tools/bench_build.py
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_collect.py
	$(BIN)/python -m tools.bench_site

SEED ?= $(shell date +%s)
fuzz: $(READY)
	$(BIN)/python -m tests.fuzz --sources 600 --packages 6000 --seed $(SEED)

schema: $(READY)
	$(BIN)/oila schema

$(READY): pyproject.toml tools/system-packages
	tools/system-packages
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Oila needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(READY)

# ODK's form engine, in which the tests fill the XLSForms as a tablet would (Node 20 or newer, and npm).
$(ODK): tests/odk/package.json tests/odk/package-lock.json $(READY)
	npm ci --prefix tests/odk --no-audit --no-fund --loglevel=error
	touch $(ODK)

clean:
	rm -rf build build.cache $(VENV) tests/odk/node_modules
