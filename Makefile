# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   — set up .venv, render the bundled example into out/ (scripts, timing, audio draft)
#   make test   — set up .venv, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/khabar24-belarus-kk.txt

.PHONY: demo test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/broadcast script $(EXAMPLE) --to prompter -o out/prompter.txt
	$(BIN)/broadcast script $(EXAMPLE) --to script -o out/script.md
	$(BIN)/broadcast script $(EXAMPLE) --to markup -o out/markup.txt
	$(BIN)/broadcast script $(EXAMPLE) --to json -o out/story.json
	$(BIN)/broadcast time $(EXAMPLE) --slot 2:30 | tee out/timing.txt
	$(BIN)/broadcast audio $(EXAMPLE) -o out/draft.mp3
	@echo "Wrote out/prompter.txt out/script.md out/markup.txt out/story.json out/timing.txt"
	@echo "  and out/draft.mp3 with out/draft.srt out/draft.vtt out/draft.cues.json out/draft.labels.txt"

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out dist build
