# Two commands on a fresh machine: `make build` and `make test`.
# Both create the virtual environment .venv on first use (Python 3.11+ and pip needed).

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: build test check lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(VENV)/bin/briefing build

check: $(STAMP)
	$(VENV)/bin/briefing check

test: $(STAMP)
	$(VENV)/bin/ruff check briefing tests
	$(VENV)/bin/pytest

clean:
	rm -rf build $(VENV)
