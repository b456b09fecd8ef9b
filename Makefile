# eventwire: `make demo` runs the main job, `make test` runs the tests. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo.db

.PHONY: demo test check lint typecheck clean bench

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

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

check: lint typecheck test

bench: $(VENV)/.dev
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
