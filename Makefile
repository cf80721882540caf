# Two entry points (see README): `make run` builds the graph and serves the
# explorer; `make test` runs the whole test suite. Each installs what it needs.
VENV   ?= .venv
PY     := $(VENV)/bin/python
KGRAPH := $(VENV)/bin/kgraph
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint setup system-deps build serve bench clean messages

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

# Front-end packages (YASGUI, vis-network) from npm, copied where the app serves
# them: every page works offline, no CDN. Without npm the app still runs: the
# graph view falls back to pyvis's bundled vis-network, the SPARQL page to a
# plain editor.
VENDOR := src/kgraph/web/static/vendor

$(VENDOR)/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && \
	  mkdir -p $(VENDOR)/yasgui $(VENDOR)/vis-network && \
	  cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css $(VENDOR)/yasgui/ && \
	  cp node_modules/vis-network/standalone/umd/vis-network.min.js node_modules/vis-network/styles/vis-network.min.css $(VENDOR)/vis-network/ && \
	  touch $@; \
	else echo "npm not found: skipping front-end packages (plain SPARQL editor, pyvis's vis-network)" >&2; fi

setup: $(VENV)/.installed $(VENDOR)/.installed

# Debian packages: Chromium for the browser tests, Java for the OWL reasoner, Virtuoso Open
# Source for the remote-store tests (they start it themselves on loopback; the package's own
# service is not needed).
system-deps:
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && command -v virtuoso-t >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium default-jre-headless virtuoso-opensource >/dev/null; }

build: setup
	$(KGRAPH) build

serve: setup
	$(KGRAPH) serve --host $(HOST) --port $(PORT)

run: build serve

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/lint-imports

test: setup system-deps lint
	$(PY) -m pytest -q

# The interface's messages (babel.cfg: templates, code, named queries' titles) into the catalog
# template, and the catalogs of ru, kk and en updated from it; translate the new entries of each
# locale/<lang>/LC_MESSAGES/messages.po (tests/test_i18n.py fails on an untranslated one).
LOCALE := src/kgraph/web/locale
messages: setup
	$(VENV)/bin/pybabel extract -F babel.cfg -k pgettext:1c,2 --no-location --sort-output --project kgraph -o $(LOCALE)/messages.pot .
	$(VENV)/bin/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-fuzzy-matching --ignore-obsolete --width 100

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf build .pytest_cache test-output
