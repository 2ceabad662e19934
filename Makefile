# Two commands do everything on a fresh machine with Python 3.11+ (tasks.py needs nothing else; make is
# only a shortcut for it):
#   make demo   (python3 tasks.py demo) — set up .venv, render the bundled example and bulletin into out/
#   make test   (python3 tasks.py test) — set up .venv, run the tests on all cores
#   make lint   (python3 tasks.py lint) — ruff and mypy, as CI runs them
PYTHON ?= python3

.PHONY: demo test lint clean

demo:
	$(PYTHON) tasks.py demo

test:
	$(PYTHON) tasks.py test

lint:
	$(PYTHON) tasks.py lint

clean:
	rm -rf .venv out dist build
