"""Spoken forms on news sentences the rules were not tuned on: the exact rate per language.

benchmarks/spoken_heldout/<language>.tsv holds sentences shaped after real published news (Kazakh, Russian and
English agency copy), each with the spoken form a careful anchor of that language says, written by hand from the
grammar before the rules saw them. The tests do not read these tables: they measure, they do not pin.

    .venv/bin/python benchmarks/spoken_heldout.py [-v] [--show-final]

Session 2 added a fresh set from real published news (weather, sport, road accidents, economy): `s2tune` (the rules
were fixed against it after its first measure) and `s2final` (kept apart, measured only: the honest unseen figure).
Session 3 added `s3fresh` (kk, en; fixed against after its first run), then `s3final` and `s3final2` (each written after
the fixes before it, measured once before any fix it prompted): sentences reworded from published news, their first-run
figure noted in each table's # lines. For Russian: `s3fresh`, then `s3final` to `s3final4`, likewise each written
before the rules ran on it and fixed against only after its first run.
Session 4, Russian: `s4fresh` (fixed against after its first run), then `s4check`, `s4check2` and `s4check3`, each written after the
fixes before it and run once before any fix it prompted; the first-run figure of each is in its # lines.
Session 5, Russian: `s5fresh` (93 sentences, run once at first sight, then fixed against), then `s5check`, written after
those fixes and run once.
Session 6, Russian: `s6fresh` (85 sentences, run once at first sight, then fixed against), then `s6check`, `s6check2` and
`s6check3`, each written after the fixes before it and run once before any fix it prompted; the first-run figure of
each is in its # lines.
Session 7, Russian: `s7fresh` (84 sentences, committed before its first run, run once, then fixed against), then
`s7check` (81) and `s7check2` (32), each written after the fixes before it and run once before any fix it prompted.
`s4final` and `s5final` (kk, ru, en) are the examiner's held-out sets of each session: written by hand, kept apart,
run once at the session's end on main; their first-run figure is in their # lines.
Session 6: `s6final` (kk, ru, en), the examiner's held-out set of this session, built and run the same way.
Session 7: `s7final` (kk, ru, en), the examiner's held-out set of this session, built and run the same way.
Session 8: `s8final` (kk, ru, en), the examiner's held-out set of this session, built and run the same way.
Session 8, English and Kazakh: `s8a` (en 108, kk 89), run once at first sight before any session-8 change, then fixed against. `s8b`
(en 52, kk 35), written after the s8a fixes, run once before any fix it prompted.
"""
from __future__ import annotations

import sys
from pathlib import Path

from broadcast import languages

TABLES = Path(__file__).resolve().parent / "spoken_heldout"


def main() -> None:
    verbose = "-v" in sys.argv
    # s2final and s2final2 are the session-2 held-out sets: measured, never tuned on; -v does not list their misses
    # unless asked.
    show_final = "--show-final" in sys.argv
    # Each round was written and measured before the rules saw it; a later round is the fresh measure.
    rounds = sorted({path.stem.partition("-")[2] for path in TABLES.glob("*.tsv")})
    for code, round_ in ((code, round_) for round_ in rounds for code in ("kk", "ru", "en")):
        table = TABLES / (f"{code}-{round_}.tsv" if round_ else f"{code}.tsv")
        if not table.is_file():
            continue
        lines = table.read_text(encoding="utf-8").splitlines()
        # A line opening with # is a note (where the sentences come from, the first-run figure), not a row.
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        language = languages.get(code)
        misses = [(written, said, got) for written, said in rows if (got := language.spoken(written)) != said]
        exact = len(rows) - len(misses)
        print(f"{code} {round_ or 'round1'}: {exact}/{len(rows)} exact ({100 * exact / len(rows):.1f}%)")
        if verbose and (not round_.startswith("s2final") or show_final):
            for written, said, got in misses:
                print(f"  {written}\n    want {said}\n    got  {got}")


if __name__ == "__main__":
    main()
