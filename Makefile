# eventwire: `make demo` runs the main job, `make test` runs the tests. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo.db

.PHONY: demo test check lint typecheck clean bench bench-ingest

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(BIN)/eventwire
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

demo: $(BIN)/eventwire
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@if [ -f $(SHARED)/seed/anbar-raid.txt ]; then \
		$(BIN)/eventwire ingest --db $(DEMO_DB) --published 2024-09-06 $(SHARED)/seed/anbar-raid.txt; \
	else echo "($(SHARED)/seed not found: demo runs on the sample articles only)"; fi
	$(BIN)/eventwire ingest --db $(DEMO_DB) examples/articles
	$(BIN)/eventwire events --db $(DEMO_DB) --format table
	@echo "Open the dashboard: $(BIN)/eventwire serve --db $(DEMO_DB)   then http://127.0.0.1:8000/"

# The store tests run on SQLite and on a throwaway PostgreSQL cluster (installed from Debian if missing).
test: $(VENV)/.dev web-test-deps
	scripts/test-postgres.sh $(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

check: lint typecheck test

bench: $(VENV)/.dev
	$(BIN)/python bench/extract_speed.py

bench-ingest: $(VENV)/.dev  # builds a 10,000-article WARC.gz in a temp dir and times `eventwire ingest`
	$(BIN)/python bench/ingest_warc.py

# Merge 10k, 100k and 1M synthetic events; writes bench/results/merge_scale.json.
.PHONY: bench-merge
bench-merge: $(VENV)/.dev
	$(BIN)/python bench/merge_scale.py

# The same synthetic events merged as `eventwire ingest` merges them, through a SQLite store (10k, 30k,
# 100k); writes bench/results/merge_scale_store.json.
.PHONY: bench-merge-store
bench-merge-store: $(VENV)/.dev
	$(BIN)/python bench/merge_scale.py --store --sizes 10000 30000 100000

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache

# Retrain the models shipped in src/eventwire/data/models (reads ../shared; not part of CI).
.PHONY: train
train: $(VENV)/.dev
	$(BIN)/pip install --quiet -e ".[train]"
	$(BIN)/python scripts/train_event_types.py
	$(BIN)/python scripts/train_word_clusters.py
	$(BIN)/python scripts/train_role_fillers.py  # reads the word clusters
	$(BIN)/python scripts/train_muc4_scope.py  # after the role tagger: it reads the events found with it

# The browser tests drive Debian's chromium through npm's playwright-core (installed under .venv/node);
# they skip, saying why, only where chromium cannot be installed or started.
NODE_DIR := $(VENV)/node
PLAYWRIGHT := $(NODE_DIR)/node_modules/playwright-core/package.json
.PHONY: web-test-deps web-assets bench-api
web-test-deps: $(PLAYWRIGHT)
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
		|| echo "warning: chromium could not be installed: the browser tests will skip"; }

$(PLAYWRIGHT):
	@command -v npm >/dev/null 2>&1 || { \
		echo "installing Debian's nodejs and npm for the browser tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; } \
		|| echo "warning: npm could not be installed: the browser tests will skip"; }
	@mkdir -p $(NODE_DIR)
	-command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix $(NODE_DIR) playwright-core@1.65.1

# Refresh the world outlines shipped with the dashboard (committed; see web/static/vendor/NOTICE.md).
web-assets:
	@mkdir -p $(NODE_DIR)
	npm install --silent --no-audit --no-fund --prefix $(NODE_DIR) world-atlas@2.0.2
	cp $(NODE_DIR)/node_modules/world-atlas/countries-50m.json src/eventwire/web/static/vendor/countries-50m.json

# /api/events under load on a large synthetic SQLite store; writes bench/results/api_load.json.
bench-api: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 || true
	$(BIN)/python bench/api_load.py
