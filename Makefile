# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   — set up .venv, render the bundled example into out/ (scripts, timing, audio draft)
#   make test   — set up .venv, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/khabar24-belarus-kk.txt
BULLETIN := examples/evening-bulletin.toml

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
	$(BIN)/broadcast rundown $(BULLETIN) | tee out/rundown.txt
	$(BIN)/broadcast rundown $(BULLETIN) --to prompter -o out/bulletin-prompter.txt
	$(BIN)/broadcast rundown $(BULLETIN) --to script -o out/bulletin-script.md
	$(BIN)/broadcast rundown $(BULLETIN) --to json -o out/bulletin.json
	$(BIN)/broadcast rundown $(BULLETIN) --to mos -o out/bulletin.mos
	$(BIN)/broadcast rundown $(BULLETIN) --audio out/bulletin.mp3 -o out/rundown-audio.txt
	@echo "Wrote out/: the story's prompter.txt script.md markup.txt story.json timing.txt,"
	@echo "  its audio draft.mp3 with draft.srt draft.vtt draft.cues.json draft.labels.txt,"
	@echo "  and the bulletin's rundown.txt bulletin-prompter.txt bulletin-script.md bulletin.json bulletin.mos/,"
	@echo "  its audio bulletin.mp3 with bulletin.srt bulletin.vtt bulletin.cues.json bulletin.labels.txt"

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out dist build
