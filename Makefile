# Markaz — the two commands are `make run` and `make test`.
# Targets are file-based: a second `make run` reinstalls nothing that has not changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
MANAGE := $(BIN)/python manage.py
FONTS := build/static/cms/fonts/ibm-plex-sans-arabic-400.woff2
PLAYER := build/static/h5p-standalone/main.bundle.js
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
HTML := $(shell git ls-files '*.html' 2>/dev/null)
# Two cores on our machines: one pytest worker each.
PYTEST_WORKERS ?= auto
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve setup test lint format messages demo admin bench bench-certificates scale-data bench-load clean help

help:
	@echo "make run    set everything up (first time) and serve http://$(HOST):$(PORT)"
	@echo "make test   run the whole test suite (SQLite, or DATABASE_URL/REDIS_URL)"
	@echo "make lint   ruff check, ruff format --check, djhtml --check"
	@echo "make messages  extract strings into locale/*/LC_MESSAGES/django.po"
	@echo "make bench  run the benchmarks in bench/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMPS)/requirements: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/requirements-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/requirements

$(STAMPS)/npm: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@mkdir -p $(STAMPS) && touch $@

# The H5P player, served from our own static files.
$(PLAYER): $(STAMPS)/npm
	rm -rf build/static/h5p-standalone
	mkdir -p build/static/h5p-standalone
	cp -R node_modules/h5p-standalone/dist/main.bundle.js node_modules/h5p-standalone/dist/frame.bundle.js \
		node_modules/h5p-standalone/dist/styles node_modules/h5p-standalone/dist/fonts \
		node_modules/h5p-standalone/dist/images build/static/h5p-standalone/

$(FONTS): cms/fonts.py $(STAMPS)/requirements
	$(BIN)/python -m cms.fonts build/static/cms/fonts

# Compiled with polib (pure Python) so no system gettext is needed.
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(STAMPS)/requirements
	$(BIN)/python -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

setup: $(STAMPS)/requirements $(STAMPS)/npm $(FONTS) $(PLAYER) $(MO_FILES)
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) badge_keys ensure
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin

run: setup serve

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

demo: $(STAMPS)/requirements
	$(MANAGE) load_demo

admin: $(STAMPS)/requirements
	$(MANAGE) ensure_admin

# pytest exits 5 when it collected no tests: that is a failure here.
test: $(STAMPS)/requirements-dev $(STAMPS)/npm $(FONTS) $(PLAYER) $(MO_FILES)
	@$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	exit $$status

lint: $(STAMPS)/requirements-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(HTML)

format: $(STAMPS)/requirements-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(HTML)

messages: $(STAMPS)/requirements
	$(MANAGE) makemessages --no-location --no-obsolete -l ar -l en -l fr \
		--ignore='.venv/*' --ignore='node_modules/*' --ignore='build/*' \
		--ignore='static_collected/*' --ignore='tests/*' --ignore='bench/*'

bench: setup
	$(BIN)/python bench/pages.py

# The certificate benchmark runs a real Celery worker on PostgreSQL and Redis (the
# local services by default; it creates and drops its own database).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/markaz_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/14
bench-certificates: $(STAMPS)/requirements $(FONTS) $(MO_FILES)
	$(BIN)/python bench/certificates.py --count 1000 \
		--database-url $(BENCH_DATABASE_URL) --redis-url $(BENCH_REDIS_URL)

# Synthetic data on the configured database (DATABASE_URL): `make scale-data SCALE=1`.
SCALE ?= 0.1
scale-data: $(STAMPS)/requirements
	$(MANAGE) generate_scale_data --scale $(SCALE)

# The load benchmark: gunicorn + PostgreSQL + Redis + a Celery worker, driven by wrk
# (Debian's package). BENCH_LOAD_DATABASE_URL must hold scale data: `make bench-load
# BENCH_SCALE=0.1` builds it first (dropping a database of that name).
BENCH_LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/markaz_scale
BENCH_LOAD_REDIS_URL ?= redis://127.0.0.1:6379/6
BENCH_LOAD_ARGS ?=
bench-load: $(STAMPS)/requirements $(FONTS) $(PLAYER) $(MO_FILES)
	@command -v wrk >/dev/null || { echo "bench-load needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/load.py --database-url $(BENCH_LOAD_DATABASE_URL) \
		--redis-url $(BENCH_LOAD_REDIS_URL) $(if $(BENCH_SCALE),--generate $(BENCH_SCALE)) \
		$(BENCH_LOAD_ARGS)

clean:
	rm -rf $(STAMPS) build static_collected $(MO_FILES)
