# Two commands on a fresh machine: `make build` and `make test`.
# Both create the virtual environment .venv on first use (Python 3.11+ and pip needed).
# `make bench` measures builds of synthetic corpora (see bench/ and the README).

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

# WeasyPrint subsets fonts several times faster with HarfBuzz's subsetter than with fontTools.
SUBSETTER_HINT := hint: builds are several times faster with HarfBuzz's font subsetter \
	(Debian, Ubuntu: apt-get install libharfbuzz-subset0; macOS: brew install harfbuzz)

# The browser tests drive the distribution's Chromium, never a browser downloaded at run time.
CHROMIUM ?= /usr/bin/chromium
BROWSER_HINT := the browser tests need Chromium at $(CHROMIUM) \
	(Debian, Ubuntu: apt-get install chromium; elsewhere set CHROMIUM=/path/to/chromium)

.PHONY: build test check lint clean bench subsetter browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	@$(MAKE) --no-print-directory subsetter
	@$(MAKE) --no-print-directory browser
	touch $(STAMP)

# Installs libharfbuzz-subset0 where apt-get is available and we are root; otherwise a hint.
# Never fails: without it WeasyPrint subsets fonts with fontTools, only more slowly.
subsetter:
	@if ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so'; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		{ apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 || \
		{ apt-get update -qq >/dev/null 2>&1 && \
		apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1; }; } || \
		echo "$(SUBSETTER_HINT)"; \
	else echo "$(SUBSETTER_HINT)"; fi

# Installs Chromium where apt-get is available and we are root; otherwise a hint. Never fails
# here: without a browser the browser tests say so loudly (and fail under CI).
browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || \
		{ apt-get update -qq >/dev/null 2>&1 && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }; } || \
		echo "$(BROWSER_HINT)"; \
	else echo "$(BROWSER_HINT)"; fi

build: $(STAMP)
	$(VENV)/bin/briefing build

check: $(STAMP)
	$(VENV)/bin/briefing check

# mypy checks the files pyproject.toml names: briefing, bench and tests.
test: $(STAMP) browser
	$(VENV)/bin/ruff check briefing tests bench
	$(VENV)/bin/ruff format --check briefing tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

# Builds synthetic corpora of 10, 50, 100 and 500 letters and prints the figures; options go
# in BENCH, e.g. `make bench BENCH="--sizes 10,100 --seed 2"`.
bench: $(STAMP)
	$(VENV)/bin/python -m bench $(BENCH)

clean:
	rm -rf build $(VENV)
