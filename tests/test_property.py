"""Property: generated news-like copy in kk, ru and en (attribution lines, quotes, outlet credits, page furniture,
figures, odd white space) never crashes the reader or a text format, loses no line, and times to segments that add up.
A small budget here; benchmarks/property_texts.py runs the same property over 10,000+ texts."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from newslike import article, holds, hostile_article


# derandomize: the same 60 texts every run (the benchmark explores); no example database in the checkout.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)
@given(article())
def test_news_copy_is_never_lost_nor_crashes(case):
    lang, raw = case
    with tempfile.TemporaryDirectory() as folder:
        holds(raw, Path(folder))


# Hostile characters (controls, NUL, bidi marks, zero-width, the other line breaks), bytes that are no UTF-8 and
# very long lines: read with nothing lost, or refused in one line (a NUL or many control characters: binary data).
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)
@given(hostile_article())
def test_hostile_copy_is_never_lost_nor_crashes(case):
    lang, raw = case
    with tempfile.TemporaryDirectory() as folder:
        holds(raw, Path(folder))
