# Two commands do everything on a fresh machine with Python 3.11+ (tasks.py needs nothing else; make is
# only a shortcut for it):
#   make demo   (python3 tasks.py demo) — set up .venv, render the bundled example and bulletin into out/
#   make test   (python3 tasks.py test) — set up .venv, run the tests
PYTHON ?= python3

.PHONY: demo test clean

demo:
	$(PYTHON) tasks.py demo

test:
	$(PYTHON) tasks.py test

clean:
	rm -rf .venv out dist build
