# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# One test process per core; `make test TEST_WORKERS=0` runs them in this one.
TEST_WORKERS ?= auto

.PHONY: run test install lint messages bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Links in e-mails and calendar files point where the site runs, unless
# BASE_URL says otherwise (`make run PORT=8101` mails links to port 8101).
BASE_URL ?= http://$(HOST):$(PORT)

## Install, migrate, load demo content, build the search index and serve HTTP + WebSockets with Daphne.
run: install
	$(BIN)/python manage.py migrate --noinput
	BASE_URL=$(BASE_URL) $(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py update_index --verbosity 0
	BASE_URL=$(BASE_URL) $(BIN)/daphne -b $(HOST) -p $(PORT) lecso_site.asgi:application

## Install and run the whole test suite (browser tests skip when no Chromium is found).
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Rebuild the Dutch translations after changing source strings (needs gettext).
messages: install
	$(BIN)/python manage.py makemessages -l nl --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'build/*' --ignore 'test-artifacts/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .test-db.sqlite3* .pytest_cache
