# Be Digital Together — developer commands. `make run` and `make test` are all a fresh clone needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= bdt_site.settings.dev
# The address `make run` serves on: the demo site's own, for absolute links (feeds, calendars, JSON-LD, e-mails).
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test test-fast install messages lint bench soak clean

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

messages: install
	$(PY) manage.py compilemessages --ignore='.venv/*' --ignore='.cache/*' -v0

run: messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_dev_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (the task worker runs beside it: e-mails, scheduled publishing)"
	@$(PY) manage.py worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	bash scripts/test.sh

# For development: static checks, then the minimal-site tests on SQLite, without the demo content, browser,
# search engines, nginx or Redis. CI runs `make test`.
test-fast: messages
	bash scripts/test.sh --fast

bench: messages
	bash scripts/bench.sh

soak: messages
	bash scripts/soak.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) var media db.sqlite3 .pytest_cache .ruff_cache
