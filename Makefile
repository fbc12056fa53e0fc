# Scaffolding: `make run` serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := SCAFFOLDING_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000
LINT_PATHS = $(wildcard src tests benchmarks)

.PHONY: run install test test-fast test-browser test-postgres lint format check migrations-check browsers bench clean vendor-assets

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The web server and the background worker (db_worker) together; Ctrl-C stops both.
run: install
	$(DEV_ENV) $(BIN)/scaffolding migrate --no-input
	$(DEV_ENV) SCAFFOLDING_SITE_URL=http://$(HOST):$(PORT) $(BIN)/scaffolding demo-data --if-missing
	$(DEV_ENV) SCAFFOLDING_SITE_URL=http://$(HOST):$(PORT) BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) \
		scripts/serve-demo.sh

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browsers:
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi
	@/usr/bin/chromium --version

lint: install
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

format: install
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

migrations-check: install
	$(DEV_ENV) $(BIN)/scaffolding makemigrations --check --dry-run

# Production settings must pass Django's deployment checks.
check: install
	SCAFFOLDING_SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=') \
	SCAFFOLDING_ALLOWED_HOSTS=scaffolding.example.org \
	$(BIN)/scaffolding check --deploy --fail-level WARNING

test: install browsers lint migrations-check check
	$(BIN)/pytest -q -p no:randomly -m "not browser" -n 2
	$(BIN)/pytest -q -m browser

test-fast: install
	$(BIN)/pytest -q -m "not browser" -n 2

test-browser: install browsers
	$(BIN)/pytest -q -m browser

# The database tests again on PostgreSQL (DATABASE_URL, default: the local server).
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/scaffolding} \
	$(BIN)/pytest -q -m "not browser" -n 2

bench: install
	@for script in benchmarks/*.py benchmarks/*/run.py benchmarks/language/accuracy.py benchmarks/language/throughput.py; do \
		[ -f "$$script" ] && echo "== $$script" && $(DEV_ENV) $(BIN)/python $$script; \
	done; true

vendor-assets:
	scripts/refresh-vendor-assets.sh

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
