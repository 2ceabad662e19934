# Two commands do everything on a fresh machine with Python 3.11+ (tasks.py needs nothing else; make is
# only a shortcut for it):
#   make demo   (python3 tasks.py demo) — set up .venv, render the bundled example and bulletin into out/
#   make test   (python3 tasks.py test) — set up .venv, run the tests on all cores
#   make lint   (python3 tasks.py lint) — ruff and mypy, as CI runs them
#   make quick  (python3 tasks.py quick) — the tests without the slow ones (pytest -m "not slow"), the edit loop
#   make figures (python3 tasks.py figures) — measure again and write the README's figures blocks
PYTHON ?= python3

.PHONY: demo test quick lint figures clean

demo:
	$(PYTHON) tasks.py demo

test:
	$(PYTHON) tasks.py test

quick:
	$(PYTHON) tasks.py quick

lint:
	$(PYTHON) tasks.py lint

figures:
	$(PYTHON) tasks.py figures

clean:
	rm -rf .venv out dist build
