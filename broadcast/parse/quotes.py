"""Quotes inside the copy's own sentences (web and agency copy), found by named rules tried in order.

    «Біз жобаны аяқтаймыз», – деді ҚР Энергетика министрі Алмасадам Сәтқалиев.
    — Мы готовы к зиме, — сказал аким города Ерлан Косанов. — Все котельные работают.
    Аким отметил: «Мы готовы».
    "We will finish next year," said Aigul Sadykova, chief economist at Halyk Finance.

A paragraph becomes pieces: the copy's own words (read by the reporter) and quotes, each with the clause
that attributes it (not read by anyone: the lower third says who speaks). Who the clause names is
decided by `who`: a named person, a pronoun or a role (the person last named, a guess), or a group or an
institution, whose words stay in the copy.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, cast

from .credits import WEB_DOMAIN, is_outlet
from .gender import guess_gender, identify
from ..model import Gender, Speaker
from . import quote_words as words
from ..languages._letters import LOWER, UPPER
from .speaker import _title_in_name

_OPEN = "«\"“„"
_CLOSE_OF = {"«": "»", '"': '"', "“": "”", "„": "“"}
_DASH = "-–—"
_D = r"\-–—"  # the dashes inside a character class
# A character of an attribution clause: anything but a sentence's end; the full stop of an initial
# (`Ш. Мукан`) or of an honorific (`Mr. Tleuberdi`) does not end it.
_CLAUSE_CHAR = (
    # a name in guillemets inside the clause (`– деді «ҚазАқпарат» АҚ Басқарма төрағасы Асқар Умаров`)
    rf"(?:[^.!?:«\"“„]|«[^«»\"“„.!?]{{0,40}}»|(?<=[\s(][{UPPER}])\.|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\."
    rf"|\.(?=(?:[a-z0-9-]+\.)*{WEB_DOMAIN}\b)"  # the dot of a web address (`quote by nur.kz`, `bilet.railways.kz`)
    r"|(?<=[\s(][а-яёa-z])\.(?=[а-яёa-z]\.)|(?<=\.[а-яёa-z])\.(?=\s+[а-яёa-z]))"  # `и.о. акима`
)
# Where a clause may end: not at the full stop of an initial (`Ш. Мукан`, `А.Мусаева`) or an honorific.
_NOT_INITIAL = (
    rf"(?<![\s(][{UPPER}])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?!\.(?:[a-z0-9-]+\.)*{WEB_DOMAIN}\b)"
    r"(?!\.[а-яёa-z]\.)(?<!\.[а-яёa-z](?=\.\s+[а-яёa-z]))"
)


@dataclass(frozen=True)
class Who:
    """Whom an attribution clause names."""

    kind: str  # named | pronoun | role | group | institution | asker | unknown
    name: str = ""
    title: str = ""
    gender: str = "unknown"
    word: str = ""  # the pronoun or role word as written


@dataclass(frozen=True)
class Piece:
    """A part of a paragraph: the copy's own words, or a quote with the clause that attributes it."""

    text: str
    quote: bool = False
    clause: str = ""  # the attribution clause as written ("" for copy, or a quote that runs on)
    who: Who | None = None
    runs_on: bool = False  # the quotation is not closed in this paragraph
    written: str = ""  # the quote and its clause as written, for a quote that stays in the copy


@dataclass
class Scan:
    """A paragraph under the rules: the language and the pieces found so far."""

    text: str
    language: str
    pieces: list[Piece] = field(default_factory=list)


def _saying(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{words.SAYING.get(language, '(?!)')})(?![\w-])", re.IGNORECASE)


_SAYING = {code: _saying(code) for code in words.SAYING}


def says(clause: str, language: str) -> bool:
    pattern = _SAYING.get(language)
    return bool(pattern and pattern.search(clause))


def _closing(text: str, start: int) -> int:
    """The index just past the mark that closes the quotation opening at `start`, or -1."""
    mark = text[start]
    close = _CLOSE_OF[mark]
    if mark == "«":
        depth = 0
        for index in range(start, len(text)):
            if text[index] == "«":
                depth += 1
            elif text[index] == "»":
                depth -= 1
                if depth == 0:
                    return index + 1
        # `«…," Dinara Kemelova said.`: a page that opens with « and closes with the straight mark
        found = text.find('"', start + 1) if depth > 0 and "»" not in text[start:] else -1
        return found + 1 if found > 0 else -1
    if mark == "„":
        found = min((i for i in (text.find("“", start + 1), text.find("”", start + 1)) if i > 0), default=-1)
        return found + 1 if found > 0 else -1
    found = text.find(close, start + 1)
    if mark == "“" and found < 0:
        found = text.find("“", start + 1)  # a page that closes with the opening mark
        if found < 0:  # `“… боламыз", - дейді …`: a curly quotation closed with the straight mark
            found = text.find('"', start + 1)
    elif mark == '"' and found < 0:
        found = text.find("”", start + 1)  # `"… жоқ”, - деді`: a straight quotation closed with the curly mark
    return found + 1 if found > 0 else -1


# The clause after a quotation: set off by a comma and/or a dash (or, in Kazakh, nothing), up to the
# end of its sentence, or to a dash that goes back to the quote (`– деді ол. – «…»`).
_AFTER = re.compile(
    rf"(?P<sep>\s*,?\s*[{_D}]+\s*|,\s*|\s+)(?P<clause>(?:(?![{_D}]){_CLAUSE_CHAR})*?(?:[{_D}][^\s{_D}]{_CLAUSE_CHAR}*?)*)"
    rf"(?P<end>{_NOT_INITIAL}[.!?:…]+\s*|\s*(?=[{_D}]\s)|\s*$)"
)
_SPEECH_END = re.compile(r"[,.!?…]$")


def _is_speech(inner: str, sep: str, clause: str, language: str) -> bool:
    """A quotation of someone's words, not a name in quotation marks («Қазақтелеком» мәлімдеді): set off
    from its clause by a comma or a dash, or (Kazakh `«…» деді ол`) followed right by the verb."""
    if not re.search(r"\w", inner):
        return False
    if sep.strip() or inner.rstrip()[-1:] in (",", "?", "!"):
        return True
    verb = _SAYING[language].search(clause) if language in _SAYING else None
    if verb and verb.start() and language == "en" and len(inner.split()) >= _UNMARKED_CLAUSE_QUOTE_WORDS:
        # `"… will increase even more" Minister said.`: no comma, but a long quotation and a short clause of a
        # capitalised name or role and the verb that ends it
        named = clause[: verb.start()].split()
        return 1 <= len(named) <= 4 and named[-1][:1].isupper() and not clause[verb.end():].strip(" .")
    return bool(verb and verb.start() == 0 and (_SPEECH_END.search(inner.strip()) or len(inner.split()) >= 3))


_UNMARKED_CLAUSE_QUOTE_WORDS = 8


def quote_sentence(inner: str) -> str:
    """The quote's words as a sentence of their own: `Мы готовы,` → `Мы готовы.`."""
    text = inner.strip().strip(_DASH + " ")
    text = re.sub(r",$", ".", text)
    return text if re.search(r"[.!?…]$", text) else text + "."


def _copy(scan: Scan, text: str) -> None:
    text = text.strip()
    if text and re.search(r"\w", text):
        scan.pieces.append(Piece(text=text))


def _quote(scan: Scan, inner: str, clause: str, runs_on: bool = False, written: str = "") -> None:
    scan.pieces.append(
        Piece(text=quote_sentence(inner), quote=True, clause=clause.strip(), runs_on=runs_on, written=written.strip())
    )


def quote_then_attribution(scan: Scan) -> bool:
    """`«…», – деді X.` / `"…," said X.`, anywhere in the paragraph, maybe more than once; a dash after
    the clause goes back to the same quote (`«…», – деді ол. – «…»`)."""
    text, position, found = scan.text, 0, False
    pieces: list[Piece] = []
    sub = Scan(text=text, language=scan.language, pieces=pieces)
    index = 0
    while index < len(text):
        if text[index] not in _OPEN:
            index += 1
            continue
        end = _closing(text, index)
        if end < 0:
            break
        inner = text[index + 1:end - 1]
        after = _AFTER.match(text, end)
        if not (after and says(after["clause"], scan.language) and _is_speech(inner, after["sep"], after["clause"], scan.language)):
            index = end
            continue
        before = text[position:index]
        clause = after["clause"]
        subject = _subject_before(before, clause, after["end"], scan.language)
        if subject:  # `Тоқаев "…" деп санайды.`: the speaker before the quote, the verb after it
            subject, _, speaker = subject.partition("\n")  # (the sentence before the quote, its speaker's words)
            before, clause = before[: len(before.rstrip()) - len(subject)], f"{speaker or subject} {clause}"
        if before.strip() and not re.search(rf"[.!?…:]\s*$|[.!?…]\s*[{_D}]\s*$", before):
            return False  # a quote inside the copy's own sentence (`он сказал, что «…»`): the copy's
        _copy(sub, before)
        going_on = _GOES_ON.search(clause)
        if going_on:  # `— сказал он, добавив, что …`: the clause names the speaker; the rest is the copy's
            clause = clause[: going_on.start()]
            _quote(sub, inner, clause, written=text[index:after.end()])
            _copy(sub, after["clause"][going_on.start():].strip(" ,") + after["end"].strip())
            position = index = after.end()
            found = True
            continue
        position = index = after.end()
        _quote(sub, inner, clause, written=text[index:after.end()])
        found = True
        # `– деді ол. – «…»`: the quote goes on after the clause, to its closing mark or the paragraph's end.
        more_clause = re.match(rf"\s*,?\s*[{_D}]\s*(?P<clause>[^.!?«\"“„{_D}]{{2,60}}?)[.!?…]\s*", text[position:])
        if more_clause and says(more_clause["clause"], scan.language) and len(more_clause["clause"].split()) <= 6:
            position = index = position + more_clause.end()  # `– деді ол, – деп қосты.`: one clause in two
        # the quote goes on after its clause: a dash, a quotation to the paragraph's end, or one opened and never
        # closed (`"…," Zhumangarin said. "The market has stabilised.` and the next paragraph goes on with it)
        rest = re.match(
            rf"\s*[{_D}]\s*|\s*(?=[«\"“„][^«\"“„]*[»\"”“][.!?…]?\s*$)|\s*(?=[«\"“„][^«»\"“”„]{{8,}}$)", text[position:]
        )
        if rest and not _SAYING_AHEAD(text[position + rest.end():], scan.language):
            start = position + rest.end()
            close = _closing(text, start) if start < len(text) and text[start] in _OPEN else -1
            stop = close if close > 0 else len(text)
            if close < 0 and start < len(text) and text[start] in _OPEN:
                stop = len(text)
            more = text[start:stop].strip().strip(_OPEN + "»”")
            if more:
                last = sub.pieces[-1]
                sub.pieces[-1] = Piece(
                    text=last.text + " " + quote_sentence(more), quote=True, clause=last.clause,
                    written=last.written + " " + text[position:stop].strip(),
                    runs_on=close < 0 and text[start] in _OPEN,
                )
            position = index = stop
    if not found:
        return False
    _copy(sub, text[position:])
    scan.pieces.extend(pieces)
    return True


_SUBJECT_WORDS = 6


def _subject_before(before: str, clause: str, end: str, language: str) -> str:
    """The Kazakh speaker written before the quote when the clause after it is the verb alone (`Тоқаев "…" деп
    санайды.`, `Министр «…» деді.`): the words from the sentence's start to the quote, if they name a person
    or a role and the clause ends the sentence; "" otherwise."""
    if language != "kk" or not end.strip() or not clause.strip() or who(clause, language).kind != "pronoun" \
            or who(clause, language).word != clause.strip():
        return ""
    sentence = re.split(r"(?<=[.!?…:])\s+", before.rstrip())[-1]
    # `Онлайн өткен баспасөз мәслихатында бас санитар: «…», – деді.`: the speaker before a colon, the verb after
    colon = sentence[-1:] == ":" and len(sentence) > 1 and sentence[-2:-1] not in ",.!?…:;"
    if not sentence or len(sentence.split()) > _SUBJECT_WORDS or (sentence[-1:] in ",.!?…:;" and not colon):
        return ""
    if colon:  # the speaker is the words right before the colon (`… мәслихатында бас санитар:`); the whole
        # sentence before the quote is the attribution, not read
        parts = sentence.rstrip(":").split()
        return next(
            (
                f"{sentence}\n{' '.join(parts[-size:])}" for size in range(1, min(4, len(parts)) + 1)
                if who(f"{clause.strip()} {' '.join(parts[-size:])}", language).kind in ("named", "role")
            ), "",
        )
    found = who(f"{clause.strip()} {sentence}", language)
    return sentence if found.kind in ("named", "role") else ""


def _SAYING_AHEAD(text: str, language: str) -> bool:
    """Whether the dash after a clause opens another attributed quote rather than the same one."""
    match = re.match(rf"[^.!?]*?[,!?…]\s*[{_D}]\s*([^.!?]*)", text)
    return bool(match and says(match.group(1), language))


# `— Мы готовы, — сказал аким. — Все котельные работают.`: dialogue opened by a dash.
_DIALOGUE = re.compile(
    rf"^\s*[{_D}]\s*(?P<quote>.+?[,!?…])\s*[{_D}]\s*(?P<clause>{_CLAUSE_CHAR}+?)"
    rf"(?P<end>{_NOT_INITIAL}[.!?:…]+\s*|\s*$|\s*(?=[{_D}]\s))"
)


def dash_dialogue(scan: Scan) -> bool:
    match = _DIALOGUE.match(scan.text)
    if not match or not says(match["clause"], scan.language):
        return False
    inner = match["quote"]
    rest = scan.text[match.end():].strip()
    if rest and rest[0] in _DASH:
        reply = _DIALOGUE.match(rest)
        if reply and says(reply["clause"], scan.language) and _another_speaker(match["clause"], reply["clause"], scan.language):
            # `- …? - спросил аким области X. - Да, … - ответил аким города Y. - …`: a dialogue in one paragraph
            _quote(scan, inner, match["clause"], written=scan.text[: match.end()])
            if not dash_dialogue(dataclasses.replace(scan, text=rest, pieces=scan.pieces)):
                _copy(scan, rest)
            return True
        inner = quote_sentence(inner) + " " + quote_sentence(rest[1:])
        rest = ""
    _quote(scan, inner, match["clause"], written=scan.text[: len(scan.text) - len(rest)] if rest else scan.text)
    _copy(scan, rest)
    return True


def _another_speaker(clause: str, reply: str, language: str) -> bool:
    """Whether the clause after a reply names someone other than the first clause's speaker (a name or a role;
    `– добавил он` goes on with the same person)."""
    first, second = who(clause, language), who(reply, language)
    if second.kind == "named":
        return first.kind != "named" or first.name.split()[-1] != second.name.split()[-1]
    return second.kind == "role" and first.kind == "named"


# Inside a quotation, its clause set off by dashes: `"…раньше, — сообщил аким города Жаксылык Омар. — После …".`
_CLAUSE_INSIDE = re.compile(
    rf"(?<=[,!?…])\s*[{_D}]\s*(?P<clause>(?:(?![{_D}]){_CLAUSE_CHAR}|(?<=\w)-(?=\w)){{2,160}}?)"
    rf"{_NOT_INITIAL}[.,]\s*[{_D}]\s+(?=\S)"
)


def quotation_split_by_clause(scan: Scan) -> bool:
    """One pair of quotation marks around a quote and the clause that interrupts it (`"Традиционно …, —
    сообщил аким города Жаксылык Омар. — После … 28 сентября".`, `«…, – деді ол. – …»`): both parts are the
    quote, the clause between the dashes names its speaker."""
    text = scan.text.strip()
    if not text or text[0] not in _OPEN:
        return False
    end = _closing(text, 0)
    if end < 0 or text[end:].strip(" .!?…"):
        return False
    inner = text[1:end - 1]
    for match in _CLAUSE_INSIDE.finditer(inner):
        if not says(match["clause"], scan.language) or len(match["clause"].split()) > _CLAUSE_MOST:
            continue
        first, second = inner[: match.start()], inner[match.end():]
        if len(first.split()) < 2 or len(second.split()) < 2:
            continue
        _quote(scan, quote_sentence(first) + " " + quote_sentence(second), match["clause"], written=text)
        return True
    return False


# `Аким отметил: «…».` / `He added: "…"`: the clause and a colon, then the quote to the paragraph's end.
_COLON = re.compile(
    rf"^(?P<before>(?:.*?[.!?…]\s+)?)(?P<clause>[^.!?:]+?):\s*(?P<open>[{_OPEN}{_D}])"
    # `Министрдің айтуынша, «…»`, `По словам акима, «…»`, `According to Karin, "…"`: a comma will do
    rf"|^(?P<before2>(?:.*?[.!?…]\s+)?)(?P<clause2>[^.!?:,]*?(?:{words.ACCORDING})[^.!?:,]*?),\s*(?P<open2>[{_OPEN}])"
    # `In a statement posted on Facebook on April 13, Japarov says, “…”`: an English verb of saying, a comma, the quote
    rf"|^(?P<before3>(?:.*?[.!?…]\s+)?)(?P<clause3>[^.!?:]*?\b(?:says|said|added|adds|noted|notes|stated|states|wrote|writes)),"
    rf"\s*(?P<open3>[{_OPEN}])",
    re.IGNORECASE,
)


def attribution_then_quote(scan: Scan) -> bool:
    found = _COLON.match(scan.text)
    if not found:
        return False
    comma = found["clause2"] is not None or found["clause3"] is not None
    group = "2" if found["clause2"] is not None else "3" if found["clause3"] is not None else ""
    before, clause, open_ = found["before" + group], found["clause" + group], found["open" + group]
    if not says(clause, scan.language):
        return False
    start = found.start("open" + group)
    match = {"before": before, "clause": clause, "open": open_}
    if match["open"] in _OPEN:
        end = _closing(scan.text, start)
        runs_on = end < 0
        stop = len(scan.text) if runs_on else end
        inner = scan.text[start + 1:stop - (0 if runs_on else 1)]
    else:
        runs_on, stop, inner = False, len(scan.text), scan.text[start + 1:]
    if len(inner.split()) < 2:
        return False
    written_from = len(match["before"])
    reported = None if comma else _reported_before(clause, scan.language)
    if reported is not None:  # `The statement made clear that …, said Karin, adding: "…"`: the copy's, then the clause
        match["before"] = match["before"] + reported[0] + "."
        match["clause"] = reported[1]
        written_from = found.start("clause") + len(clause) - len(reported[1])
    _copy(scan, match["before"])
    _quote(scan, inner, match["clause"], runs_on=runs_on, written=scan.text[written_from:stop])
    _copy(scan, scan.text[stop:].lstrip(" ."))
    return True


_REPORTED_WORDS = 6


def _reported_before(clause: str, language: str) -> tuple[str, str] | None:
    """(the copy's sentence, the clause) when a clause before a colon holds reported speech first: the
    sentence up to the last comma before the verb of saying, if it has REPORTED_WORDS words or more."""
    pattern = _SAYING.get(language)
    verbs = list(pattern.finditer(clause)) if pattern else []
    if not verbs:
        return None
    comma = clause.rfind(", ", 0, verbs[-1].start())
    if comma < 0 or len(clause[:comma].split()) < _REPORTED_WORDS:
        return None
    first = clause.find(", ")
    if language == "en" and _NAME_RUN.fullmatch(clause[:first]) and is_person(clause[:first], language):
        return None  # `Saule Kassymova, national coordinator of …, said:`: the speaker and her post, no reported speech
    if _GERUND_ASIDE.search(clause[:comma]):  # `Пресс-служба акима, отвечая на вопросы журналистов, пояснила:`
        return None  # an adverbial phrase set off by commas, inside the subject's own clause: no reported speech
    return clause[:comma].strip(), clause[comma + 2:].strip()


# An adverbial participle phrase opened by a comma (`, отвечая на вопросы журналистов`, `, выступая на брифинге`,
# `, подчеркнув`; Kazakh `, сұрақтарына жауап бере отырып`): how the subject said it, no sentence of its own.
_GERUND_ASIDE = re.compile(
    r",\s+(?:[а-яё]+(?:я|ясь|ая|яя|вшись|вши|ав|ив|ев|ув|ыв)\s+[^,]*|[^,]*\s+(?:бере|айта|жауап\s+бере)\s+отырып)$",
    re.IGNORECASE,
)


def quotation_runs_on(scan: Scan) -> bool:
    """A paragraph that opens a quotation and does not close it: the quote goes on in the next one."""
    text = scan.text.strip()
    if not text or text[0] not in _OPEN or _closing(text, 0) > 0 or len(text.split()) < 3:
        return False
    _quote(scan, text[1:], "", runs_on=True, written=text)
    return True


# The clause that closes a whole paragraph of quotation: `», – деді Ералы Тоғжанов.`, `," he said.`
_CLOSING_CLAUSE = re.compile(
    rf"(?P<mark>[»\"”“]?)(?P<sep>\s*,?\s*[{_D}]+\s*|,\s*|\s+)"
    # (no closing curly mark in it: `… goods,” commented Abai Turikpenbayev, …` closes where the mark is)
    rf"(?P<clause>(?:(?![{_D}”]){_CLAUSE_CHAR}|(?<=\w)-(?=\w)){{2,160}}?)[.!?…]?\s*$"  # `Kassym-Jomart`: a hyphen in a name
)
# No match of _CLOSING_CLAUSE starts further than this from the paragraph's end (the clause's 160 characters, its
# separator and mark): the search starts there (a clause with a title and an aside in brackets, `— сказала
# Матвиенко во время встречи с главой Сената Олий мажлиса (верхней палаты …) Танзилой Нарбаевой.`).
_CLOSING_REACH = 180


def whole_paragraph_quote(scan: Scan) -> bool:
    """The whole paragraph is the quote and its clause closes it, in the forms the other rules cannot
    pair: quotation marks nested inside straight ones (`"У нас говорят: "не буду", …", – сказал X.`), a
    page that lost the opening mark (`… conclusion," Azamat Kaldybekov said.`), or Kazakh and Russian
    direct speech with no marks at all (`Қазір … қабылданды, - деді Ералы Тоғжанов.`)."""
    text = scan.text
    if text[:1] in _OPEN and _nested_quotation(scan):
        return True
    for match in _CLOSING_CLAUSE.finditer(text, max(0, len(text) - _CLOSING_REACH)):
        if not says(match["clause"], scan.language) or match.start() < 8:
            continue
        inner, mark = text[: match.start()], match["mark"]
        if mark:
            opened = inner[:1] in _OPEN and _CLOSE_OF.get(inner[:1], "") in (mark, "“" if mark == "”" else mark)
            if opened and inner[:1] == '"' and inner.count('"') % 2 == 1:
                inner = inner[1:]  # `"… "не буду", …"`: the outer pair holds the nested one
            elif opened and inner[:1] != '"' and inner.count(inner[:1]) == inner.count(mark) + 1:
                inner = inner[1:]
            elif opened and inner[:1] == "«" and inner.count("«") == inner.count("»") + 2 and inner.rfind("«") > inner.rfind("»"):
                inner = inner[1:] + "»"  # `«… партия «Ауыл», - сказал X`: one closing mark closes the inner and the outer quotation
            elif _lost_opening(inner, mark):
                pass  # `… conclusion," Azamat Kaldybekov said.`: the quote runs from the paragraph's start
            else:
                continue
        elif scan.language == "en" or not match["sep"].strip(" ,") or any(m in _marks_outside_phrases(text) for m in _OPEN + "»”"):
            continue  # English `…, Tokayev said.` is reported speech (but see below); a quote needs its dash in kk and ru
        verb = _SAYING[scan.language].search(match["clause"]) if scan.language in _SAYING else None
        kazakh_order = scan.language == "kk" and verb is not None and verb.start() == 0  # `"…" деді Name.`
        if not (_SPEECH_END.search(inner.rstrip()) or "," in match["sep"] or kazakh_order) or len(inner.split()) < 3:
            continue
        _quote(scan, inner, match["clause"], written=text)
        return True
    return False


def _marks_outside_phrases(text: str) -> str:
    """The text without the short phrases it holds in marks (`орысша айтқанда «отписка» дейді`): a word or a name in
    marks inside unmarked direct speech is no quotation of its own."""
    return _SHORT_QUOTED.sub(" ", text) if "«" in text or '"' in text or "“" in text else text


# `Бұл туралы қала әкімі Жеңіс Қасымбек айтты. «…».`: the sentence that brings the speaker in, then the
# quotation to the paragraph's end with no clause of its own.
# Found from the quotation's end back, so a paragraph with no quotation costs one pass (a regular expression
# anchored at the start retried the sentence from every letter: quadratic on one long word).
_QUOTATION_TAIL = re.compile(r"[.!?…:](?P<space>\s+)(?P<open>[«\"“„])(?P<inner>[^«»\"“”„]+)[»\"”“]\s*[.!?…]?\s*$")
_SENTENCE_ENDS = ".!?…"


@dataclass(frozen=True)
class _Split:
    before: str
    sentence: str
    inner: str
    open_at: int


def _sentence_then_quotation(text: str) -> _Split | None:
    """The copy before, the sentence ending at the quotation's opening mark, and the quotation's words."""
    tail = _QUOTATION_TAIL.search(text)
    if tail is None:
        return None
    head = text[: tail.start() + 1]  # up to and with the sentence's own end mark
    start = max(head.rfind(mark, 0, len(head) - 1) for mark in _SENTENCE_ENDS) + 1
    if start >= len(head) - 1 or "\n" in head[:start]:
        return None  # no words before the end mark
    return _Split(head[:start], head[start:], tail["inner"], tail.start("open"))


_QUOTATION_WORDS = 4


def sentence_then_quotation(scan: Scan) -> bool:
    match = _sentence_then_quotation(scan.text)
    if not match or len(match.inner.split()) < _QUOTATION_WORDS or not says(match.sentence, scan.language):
        return False
    clause = match.sentence
    # `…the platform Immune Patrol, she said. 'The platform …'`: the sentence's own clause after its last comma
    # says who said it (its reported speech and the quotation after it are hers)
    tail = _UNMARKED_CLAUSE.search(clause.rstrip()) if scan.language == "en" else None
    if tail is not None and len(tail["clause"].split()) <= _TOLD_WORDS and says(tail["clause"], "en"):
        clause = tail["clause"]
    named = who(clause.rstrip(":.!?… "), scan.language)
    if named.kind != "named" and not (clause is not match.sentence and named.kind == "pronoun"):
        return False
    _copy(scan, match.before + match.sentence.rstrip(":") + ("." if match.sentence.endswith(":") else ""))
    _quote(scan, match.inner, clause, written=scan.text[match.open_at:])
    return True


# A speaker's own words: the first person (reported speech turns it into the third).
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|ours)\b")
# English `…, said Tokayev.` / `…, Tokayev said.` closing a paragraph with no quotation mark at all.
_UNMARKED_CLAUSE = re.compile(r",\s+(?P<clause>[^,.!?;:\"“”«»]{2,80})[.!]?\s*$")
_CLAUSE_WORDS = 8
_TOLD_WORDS = 3  # `told reporters`, `addressed the journalists`: whom it was said to, after the verb


_SHORT_QUOTED = re.compile(r'"[^"]{1,40}"|“[^“”]{1,40}”|«[^«»]{0,40}»')  # `«»`: a name the page lost from its marks
_BY_OUTLET = re.compile(r"(?<=saying)\s+by\s+\S.*$")


def first_person_unmarked(scan: Scan) -> bool:
    """`Guided by the Constitution, we uphold the law, said Tokayev.`: English reported speech is in the
    third person, so a paragraph in the first person closed by `said X` is X's own words with both quotation
    marks lost (a page that strips them). Only the paragraph's last 100 characters are searched for the clause."""
    text = scan.text
    if scan.language in _INVERTED_CLAUSE:
        return _inverted_clause_unmarked(scan)
    # a name in quotation marks inside (`the world exhibition "EXPO-2017"`) is no quote's mark
    if scan.language != "en" or "," not in text[-100:] or any(mark in _SHORT_QUOTED.sub("", text) for mark in _OPEN + "»”"):
        return False
    tail = _UNMARKED_CLAUSE.search(text, max(0, len(text) - 100))
    if tail is None or len(tail["clause"].split()) > _CLAUSE_WORDS:
        return False
    written, inner = tail["clause"], text[: tail.start()]
    clause = _BY_OUTLET.sub("", written)  # `he was quoted as saying by Tengri News`: the outlet is the credit's
    verb = _SAYING["en"].search(clause)
    if verb is None or not _FIRST_PERSON.search(inner):
        return False
    # `said X`, `X said`, or `X addressed journalists` / `X told reporters`: whom it was said to after the verb
    to_someone = verb.group(0).casefold() in _TO_SOMEONE and len(clause[verb.end():].split()) <= _TOLD_WORDS
    if not (verb.start() == 0 or verb.end() == len(clause.rstrip()) or to_someone):
        return False
    if len(inner.split()) < _QUOTATION_WORDS:
        return False
    _quote(scan, inner, written, written=text)
    return True


# Russian and Kazakh put the verb of saying before its subject only after direct speech (`…, сказал он.`, `…,
# деді ол.`); reported speech takes `что` / `деп` (`Он сказал, что …`). A paragraph closed by `, <verb in the past>
# <who>.` is the speaker's words whose marks (or dash) a page lost. (ru: not `сообщил`, which passes on a report)
_INVERTED_CLAUSE = {
    "ru": re.compile(
        r",\s+(?P<clause>(?!сообщи)[а-яё]+(?:ал|ил|ял|ел|ул)(?:а|и)?\s+[^,.!?;:\"“”«»]{2,80}?)[.!]\s*$"
    ),
    "kk": re.compile(r",\s+(?P<clause>(?:деді|айтты)\s+[^,.!?;:\"“”«»]{2,80}?)[.!]\s*$"),
}
_INVERTED_WORDS = 12  # the paragraph's words before the clause, at least: a sentence of speech, not a phrase


def _inverted_clause_unmarked(scan: Scan) -> bool:
    """`В последнее время … распространяются различные предположения …, сказал он.` (ru), `…, деді ол.` (kk): the
    whole paragraph is the quote (no mark nor dash in it: a rule for marks took it otherwise)."""
    text = scan.text
    # the clause holds no comma, so it follows the paragraph's last `, `; its first word is the verb in the past
    at = text.rfind(", ")
    if text[-1:] not in ".!" or at < len(text) - 100:
        return False
    verb = text[at + 2: text.find(" ", at + 2)]
    if not (verb in ("деді", "айтты") if scan.language == "kk" else verb.endswith(("л", "ла", "ли"))):
        return False
    tail = _INVERTED_CLAUSE[scan.language].search(text, at)
    if tail is None or len(tail["clause"].split()) > _CLAUSE_WORDS or not says(tail["clause"], scan.language):
        return False
    inner = text[: tail.start()]
    if len(inner.split()) < _INVERTED_WORDS or not inner[:1].isupper():
        return False
    if who(tail["clause"], scan.language).kind not in ("named", "pronoun", "role"):
        return False
    _quote(scan, inner, tail["clause"], written=text)
    return True


# `… and the materials disappear. the activist said.`: the clause alone in small letters after the quote's last
# sentence, its marks lost (no sentence opens in small letters).
_DETACHED_CLAUSE = re.compile(r"(?<=[.!?…])\s+(?P<clause>[a-z][^.!?\"“”«»,;:]{2,60}?)[.!]?\s*$")


def detached_clause(scan: Scan) -> bool:
    """English words whose quotation marks a page lost, closed by their clause as a sentence of its own in small
    letters (`They remove good paving stones, sell them … the materials disappear. the activist said.`)."""
    text = scan.text
    if scan.language != "en" or any(mark in text for mark in _OPEN + "»”"):
        return False
    tail = _DETACHED_CLAUSE.search(text, max(0, len(text) - 80))
    if tail is None or len(tail["clause"].split()) > _CLAUSE_WORDS:
        return False
    clause, inner = tail["clause"], text[: tail.start()]
    verb = _SAYING["en"].search(clause)
    if verb is None or not (verb.start() == 0 or verb.end() == len(clause.rstrip())) or len(inner.split()) < _QUOTATION_WORDS:
        return False
    _quote(scan, inner, clause, written=text)
    return True


def _lost_opening(inner: str, mark: str) -> bool:
    """A closing mark with no opening one before it: the marks before it, if any, pair up among themselves
    (`The so-called "nuclear club" is growing. … humanity," the President said.`)."""
    if mark == '"':
        return inner.count('"') % 2 == 0 and not any(m in inner for m in "«»“”„")
    if mark == "”":
        return inner.count("“") == inner.count("”") and not any(m in inner for m in '«»"„')
    if mark == "»":
        return inner.count("«") == inner.count("»") and not any(m in inner for m in '"“”„')
    return False


_BULLET = re.compile(r"^[•·▪►]\s*(?=[«\"“„\-–—])")

# Where a quotation may close before its clause: a comma or a stop, then the closing mark and a space.
_CLOSES_BEFORE_CLAUSE = re.compile(r"[,.!?…][\"”»](?=\s+\S)")
_CLAUSE_VERB_WITHIN = 5  # the clause's verb is among its first words (`Dauren Abayev said in an interview …`)
_CLAUSE_MOST = 30


def _nested_quotation(scan: Scan) -> bool:
    """A paragraph that opens a quotation with marks inside it (a phrase quoted within the quote, a
    programme's name in the clause: `"… the things that "cannot be predicted"," Dauren Abayev said in an
    interview with the "Open Dialogue" programme.`): the quotation ends at the last closing mark that its
    clause follows."""
    text = scan.text
    if sum(text.count(mark) for mark in '"“”«»') < 4:
        return False
    for match in reversed(list(_CLOSES_BEFORE_CLAUSE.finditer(text))):
        clause = text[match.end():].strip()
        if len(clause.split()) > _CLAUSE_MOST:
            break
        head = " ".join(clause.split()[:_CLAUSE_VERB_WITHIN])
        verb = _SAYING.get(scan.language)
        if verb is None or not verb.search(head) or not re.search(r"[.!?…]$", clause):
            continue
        inner = text[1: match.start() + 1]
        if len(inner.split()) < _QUOTATION_WORDS:
            return False
        _quote(scan, inner, clause.rstrip(".!?… "), written=text)
        return True
    return False


QuoteRule = Callable[[Scan], bool]

# A dash that opens direct speech after a sentence's stop, inside the paragraph.
_DIALOGUE_AFTER = re.compile(rf"(?<=[.!?…])\s+(?=[{_D}]\s)")


def sentences_then_dialogue(scan: Scan) -> bool:
    """A story pasted as one paragraph: the copy's sentences, then a dash dialogue and its clause, then the copy
    again (`… попросил акима ответить. - Я понял ваш вопрос, - ответил Адильбек КАДЫРОВ. На выручку …`)."""
    for found in _DIALOGUE_AFTER.finditer(scan.text):
        rest = scan.text[found.end():]
        match = _DIALOGUE.match(rest)
        if match is None or not says(match["clause"], scan.language):
            continue
        before = scan.text[: found.start()]
        if len(before.split()) < 3:
            return False
        _copy(scan, before)
        return dash_dialogue(dataclasses.replace(scan, text=rest, pieces=scan.pieces))
    return False


RULES: tuple[QuoteRule, ...] = (
    dash_dialogue, quote_then_attribution, quotation_split_by_clause, whole_paragraph_quote, attribution_then_quote,
    sentence_then_quotation, quotation_runs_on, sentences_then_dialogue, first_person_unmarked, detached_clause,
)


# Each of these rules finds a quote only where a quotation mark or a dash sets it off, so a paragraph with
# neither skips them (most of a story's paragraphs hold no quote). A rule that can find one without either
# must not be listed here.
_NEEDS_A_MARK = frozenset(
    {dash_dialogue, quote_then_attribution, quotation_split_by_clause, whole_paragraph_quote, attribution_then_quote,
     sentence_then_quotation, quotation_runs_on, sentences_then_dialogue}
)
_MARK = re.compile(rf"[{_OPEN}»”{_D}]")
# The rules a paragraph with neither a mark nor a dash is tried against (the others, in order, without asking each).
_WITHOUT_A_MARK = tuple(rule for rule in RULES if rule not in _NEEDS_A_MARK)


# English quotation in single marks (`said: 'Kazakhstan made …'.`, `she said. 'The platform …'.`), where a `'` is an
# apostrophe too: the opening one after a colon, a stop or a comma and its space, or at the paragraph's start, before
# a capital or a digit; the closing one after a word or a mark, before a space, a stop or the paragraph's end; in
# between, only apostrophes inside a word (`WHO's`). At least three words; not inside a double quotation.
_SINGLE_QUOTATION = re.compile(
    r"(?:^|(?<=[:.!?,]\s))'(?P<inner>[A-Z0-9](?:[^'\"“”«»]|'(?=[a-z])"
    # a quotation in single marks inside it: `'The times … ask: 'Uzbekistan, which side do you stand on?' Stop …'`
    r"|(?<=\s)'[A-Z][^'\"“”«»]{0,120}?[\w.,!?…]'(?=[\s.,;:!?)]))*?[\w.,!?…%)])'(?=[\s.,;:!?)]|$)"
)


def _single_marks(text: str) -> str:
    """The paragraph with its English quotations in single marks given double ones, the marks the rules know."""
    if '"' in text or "“" in text or "«" in text:
        return text
    return _SINGLE_QUOTATION.sub(lambda m: f'"{m["inner"]}"' if m["inner"].count(" ") >= 2 else m.group(0), text)


def pieces(text: str, language: str) -> list[Piece] | None:
    """The paragraph's pieces if it holds a quote, each quote's `who` decided; None if it holds none."""
    scan = Scan(text=_BULLET.sub("", text.strip()), language=language)  # `• «…»,-деді X.`: a bullet before the quote
    if language == "en" and "'" in scan.text:
        scan.text = _single_marks(scan.text)
    for rule in RULES if _MARK.search(scan.text) is not None else _WITHOUT_A_MARK:
        if rule(scan):
            return [
                replace_who(piece, who(piece.clause, language)) if piece.quote and piece.clause else piece
                for piece in scan.pieces
            ]
    return None


def replace_who(piece: Piece, found: Who) -> Piece:
    return dataclasses.replace(piece, who=found)


# ---- who the clause names ------------------------------------------------------------------------

_NAME_WORD = rf"[{UPPER}](?:\.|[^\W\d_]*[{LOWER}'’][^\W\d_]*(?:-[{UPPER}]?[^\W\d_]+)*)"
# A run of capitalised words no word or dot stands right before: `(?<![\w.])` written after the first capital, as
# `(?<![\w.].)`, so that the pattern opens with a class, which Python's engine scans for fast (a look-behind first
# is tried in full at every place of a line); the same matches (tests/test_fast_paths.py).
_NAME_RUN = re.compile(rf"[{UPPER}](?<![\w.].){_NAME_WORD.removeprefix(f'[{UPPER}]')}(?:(?:\s+|(?<=\.))(?:{_NAME_WORD}))*")
_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ұлы|улы|қызы|кызы|енко|ко|ук|юк|ян|дзе|швили|бек|бай"
    r"|ov|ev|yov|ova|eva|yova|in|ina|yn|uly|kyzy|enko|sky|skaya|ski|bek|bai|bay)$",
    re.IGNORECASE,
)
# What follows a name and is not its title: where and to whom it was said.
_CONTEXT = re.compile(
    r"\s+(?:(?:told|to|in|at|on|during|for|via|during)\s+(?:a|an|the|reporters|journalists|Reuters|AP|AFP|[A-Z]\w+)\b.*"
    r"|в\s+(?:беседе|интервью|эфире|своем|своём|ходе|рамках|социальн|Telegram|Facebook|Instagram|комментари\w*"
    r"|разговоре|обращении|заявлении|посте|публикации)\b.*"
    r"|корреспондент\w*\s+.*|журналист\w*\s+.*|\S+\." + WEB_DOMAIN + r"\b.*"
    r"|\S*\s*(?:тілшісіне|порталына|агенттігіне|сайтына|парақшасында|брифингте|отырысында|кездесуде|жиында)\b.*"
    # where and when it was said: `сказал он во время совещания`, `заявил аким на брифинге`
    r"|(?:во\s+время|на\s+(?:своей|своем|своём|его|её|ее)\s+(?:странице|страничке|канале|аккаунте)|на\s+(?:заседании|совещании|брифинге|встрече|пресс-конференции|сессии|форуме|съезде)"
    r"|по\s+итогам|выступая|отвечая)\b.*"
    # when: `сказал Ахметшарип в понедельник`, `деді ол кеше`
    r"|(?:в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|Twitter|X|соцсет\w*)"
    r"|вчера|сегодня|накануне|позже|позднее|ранее|бүгін|кеше|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\b.*)$",
    re.IGNORECASE,
)
# Kazakh: a place in the locative after the speaker (`деді А. Сапаров Парламент Мәжілісінде тілшілердің сұрағына
# жауап бере отырып`), with the capitalised word before it that names the place. Case-sensitive, for the capital.
_LOCATIVE = "ында|інде|нда|нде"  # the Kazakh locative after a consonant (`Мәжілісінде`, `Қазақстанда`)
_KAZAKH_PLACE = re.compile(
    rf"\s+(?:[{UPPER}]\S*\s+(?:[{LOWER}]\S*\s+){{0,2}})?\S+(?:{_LOCATIVE})\b.*$"
    # `Марат Төлебаев Астана қаласы мәслихатының …`: a place right after a surname (not `Төлеби ауданы Зертас
    # ауылы әкімі`, a place before the title)
    rf"|(?<=[{LOWER}](?:ов|ев|ин|ын|ва|на|лы|зы|ек|ай))\s+[{UPPER}]\S*\s+(?:қаласы|облысы|ауданы|ауылы|өңірі)\b.*$"
)
_ASIDE = re.compile(
    r"\b(?:also|further|then|later|earlier|again|today|yesterday|on\s+\w+day|тағы|также|тоже|ещё|еще|сондай-ақ)\b", re.IGNORECASE
)


# An outlet's credit after the speaker (`— сказал министр, передает КазТАГ`): the reader's source, not the speaker.
_CREDIT_AFTER = re.compile(
    r",\s*(?:передает|передаёт|сообщает|пишет|деп\s+(?:хабарлайды|жазады)|хабарлайды|(?:\S+\s+){1,3}reports)\s.*$",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Case endings a Kazakh surname takes (genitive, dative, accusative, instrumental, locative, ablative).
_KAZAKH_CASE = re.compile(
    r"^(?P<base>.{2,}(?:ов|ев|ин|ын|ұлы|улы|қызы|кызы|бек|бай|ова|ева|ина|ына))"
    r"(?:тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|на|не|ты|ті|ды|ді|ны|ні|пен|мен|бен|та|те|да|де|тан|тен|дан|ден|нан|нен)$"
)
_RUSSIAN_MALE_CASE = re.compile(r"^(?P<base>.{2,}(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)$")
_RUSSIAN_FEMALE_CASE = re.compile(r"^(?P<base>.{2,}(?:ов|ев|ёв|ин|ын))(?:ой|ую|у)$")
_RUSSIAN_FEMALE_OBLIQUE = re.compile(r"^(?P<base>[А-ЯЁӘҒҚҢӨҰҮҺІ].{2,}(?:ов|ев|ёв|ин|ын))ой$")


def nominative(name: str, language: str, genitive: bool = False) -> str:
    """A name the copy gives in another case, back in the nominative: `Бахыта Айтенова` → `Бахыт Айтенов`,
    `Ерболату Досаеву` → `Ерболат Досаев`, `Анны Петровой` → `Анна Петрова`, `Тоқаевтың` → `Тоқаев`. Only
    when the given name shows the case too (a man's name in -а/-у, a woman's in -ы/-ой), or for a Kazakh
    surname's case ending, so `Асель Айтенова` stays as it is."""
    words = name.split()
    if not words or not _CYRILLIC.search(name):
        return name
    last = words[-1]
    kazakh = _KAZAKH_CASE.sub(r"\g<base>", last)
    if kazakh != last and len(kazakh) >= 4:
        return " ".join([*words[:-1], kazakh])
    if len(words) < 2:
        return name
    given, sure = words[0], identify(words[0])
    male = next((given[:-len(end)] for end in ("ом", "а", "у", "е") if given.endswith(end)
                 and identify(given[:-len(end)]) == ("male", True)), "")
    if male and not sure[1] and _RUSSIAN_MALE_CASE.search(last):
        return " ".join([male, *words[1:-1], _RUSSIAN_MALE_CASE.sub(r"\g<base>", last)])
    if genitive and not sure[1] and _RUSSIAN_MALE_CASE.search(last) and last.endswith("а"):
        # `по словам полковника Куттыбая Садыкова`: a man's name in the genitive, given name not listed
        base = given[:-1] + "й" if given.endswith("я") else given[:-1] if given.endswith("а") else given
        return " ".join([base, *words[1:-1], _RUSSIAN_MALE_CASE.sub(r"\g<base>", last)])
    female = next((given[:-len(end)] + "а" for end in ("ы", "ой", "е", "у") if given.endswith(end)
                   and identify(given[:-len(end)] + "а")[0] == "female"), "")
    if female and _RUSSIAN_FEMALE_CASE.search(last):
        return " ".join([female, *words[1:-1], _RUSSIAN_FEMALE_CASE.sub(r"\g<base>а", last)])
    if _RUSSIAN_FEMALE_OBLIQUE.search(last) and given[-1:] not in "аяыиуеоюё":
        # `Гульбарам Мусагазиной`: a Kazakh given name does not decline; a surname in -иной/-овой is never a
        # nominative, so it is hers in another case (`заместителя … Гульбарам Мусагазиной` → Мусагазина)
        return " ".join([*words[:-1], _RUSSIAN_FEMALE_OBLIQUE.sub(r"\g<base>а", last)])
    return name


# A surname in capitals after the given name, as Russian and Kazakh papers print it (`сказал Урал МУХАМЕДЖАНОВ`),
# or alone with a surname's ending (`говорит ПЕРУАШЕВ`): read as the name it is (`Урал Мухамеджанов`).
_CAPS_SURNAME = re.compile(
    rf"(?<![\w-])(?P<given>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?\s+)?"
    rf"(?P<surname>(?(given)[{UPPER}]{{3,}}|[{UPPER}]{{2,}}(?:ОВ|ЕВ|ЁВ|ИН|ЫН|ОВА|ЕВА|ИНА|ЫНА|ҰЛЫ|УЛЫ|ҚЫЗЫ|СКИЙ|СКАЯ|ЕНКО)))(?![\w-])"
)


def uncapped(text: str) -> str:
    """The text with surnames written in capitals in their usual case (`Yerlan IDRISOV` → `Yerlan Idrisov`)."""
    return _CAPS_SURNAME.sub(_caps_surname, text)


def _caps_surname(match: re.Match[str]) -> str:
    """`Урал МУХАМЕДЖАНОВ` → `Урал Мухамеджанов`; not `Жамаубаев БАҚ` (a surname, then an abbreviation: `БАҚ
    сұрақтарына`), nor a short word in capitals after a given name unless it has a surname's ending."""
    given, surname = match["given"] or "", match["surname"]
    ending = _SURNAME.search(surname) is not None and len(surname) > 4
    if given and not ending and (len(surname) < 4 or _is_surname(given.strip()) and not _known_given(given.strip())):
        return match.group(0)
    return given + surname.capitalize()


def who(clause: str, language: str) -> Who:
    """Whom the attribution clause names (`деді ол`, `сказал аким города Ерлан Косанов`, `officials said`)."""
    clause = re.sub(rf"\b([{UPPER}])\.(?=[{UPPER}])", r"\1. ", clause)  # `А.Мусаева` → `А. Мусаева`
    clause = _CAPS_SURNAME.sub(_caps_surname, clause)
    clause = _CREDIT_AFTER.sub("", clause.strip().rstrip(":.!?… "))
    verb = _SAYING[language].search(clause) if language in _SAYING else None
    if verb is None:
        return Who("unknown")
    if re.search(r"делінген|айтылған|говорится|сказано|said\s+in\s+a\s+statement", clause, re.IGNORECASE):
        return Who("institution")
    clause = re.sub(r"\s*\([^)]*\)?", "", clause)
    honoured = _HONOURED.search(clause) if language == "en" and "M" in clause else None
    clause = re.sub(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+|(?<!\w)(?:господин|госпожа|г-н|г-жа)\s+(?=[А-ЯЁ])", "", clause)
    verb = _SAYING[language].search(clause) or verb
    whose = re.search(r"\b(его|ее|её)\s+слова", verb.group(0), re.IGNORECASE)
    if whose:  # `— приводит его слова пресс-служба`: his words, the press service only passes them on
        return Who("pronoun", gender="male" if whose.group(1).casefold() == "его" else "female", word=whose.group(1))
    quoted = _QUOTED_AS_SAYING.match(verb.group(0))
    if quoted:  # `the press service quoted him as saying`: he is the speaker; the office only passes it on
        whom = quoted["whom"].strip()
        if whom.casefold() in ("him", "her"):
            return Who("pronoun", gender="male" if whom.casefold() == "him" else "female", word=whom)
        return who(f"{whom} said", language)
    head, tail = clause[: verb.start()].strip(" ,"), clause[verb.end():].strip(" ,")
    if language == "ru" and tail and verb.group(0)[:4].casefold() in ("цити", "пере"):
        # `— цитирует главу Минсельхозпрода БелТА`, `— передает ТАСС слова Позднякова`: the outlet passing the
        # words on is the credit's; whom it quotes (the object) or whose words they are (the genitive) speaks
        if verb.group(0)[:4].casefold() == "пере":
            single = re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:ов|ев|ёв|ин|ын)а", tail)
            if single:  # `слова Позднякова`: a surname in -ова after `слова` is a man's genitive (hers is -овой)
                return Who("named", name=tail[:-1], gender="male")
            return who(f"по словам {tail}", language)
        parts = tail.split()
        for size in (1, 2):
            if len(parts) > size and is_outlet(" ".join(parts[-size:])) and not is_outlet(parts[0]):
                tail = " ".join(parts[:-size])
                break
        if re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:ов|ев|ёв|ин|ын)а", tail):
            # `— цитирует Конакова ТАСС`: a surname in -ова quoted is a man's accusative (hers is -ову)
            return Who("named", name=tail[:-1], gender="male")
    if language == "ru" and _ADDRESSEE.match(tail):  # `Журналисты уточнили у главы Минфина`: whom they asked
        tail = ""
    if language == "ru" and " к " in tail:
        # `— обратилась нардеп к спикеру Асылбеку Жеенбекову`: `к` + the dative names the one addressed, who is no
        # speaker (as the one a question is put to); the subject before it speaks
        tail = _TO_WHOM.sub("", tail)
    if language == "ru" and tail[:1] in "нот" and _WHAT_IS_SAID.match(tail):
        tail = ""  # `он указал на то, что …`, `сказал о том, что …`: what is said, after the verb; the subject is before it
        last = head.split()[-1:]
        if last and last[0].casefold() in words.PRONOUNS.get(language, {}):  # `но здесь же он указал`
            return Who("pronoun", gender=words.PRONOUNS[language][last[0].casefold()], word=last[0])
    said = tail if tail else head
    if language == "kk":  # `деді Марат Төлебаев Астана қаласы мәслихатының отырысында`: where, before anything else
        said = _KAZAKH_PLACE.sub("", _KAZAKH_POSTED.sub("", _KAZAKH_ABOUT.sub("", said)))
    text = _context_cut(said, language) if language != "en" else _english_who(head, tail, verb.group(0))
    inside = _kazakh_subject(verb.group(0)) if language == "kk" else ""
    if inside:  # `– деп депутат Бас прокурордан сұрады`: the speaker stands between `деп` and the verb
        text = inside
    if language == "kk":
        text = _KAZAKH_PLACE.sub("", text)
    text = _ASIDE.sub(" ", text)
    text = " ".join(text.split()).strip(" ,")
    folded = [word.casefold().strip(".,") for word in text.split()]
    if not folded:
        if re.search(r"(?:ли|ют|ят)$", verb.group(0)):
            return Who("group")  # `— сообщили.`: a plural verb with no subject
        return Who("pronoun", word=verb.group(0))
    if any(word in words.ASKER_WORDS for word in folded) or re.search(words.ASKER_PHRASES, text, re.IGNORECASE):
        named = _name_and_title(_KAZAKH_ABOUT.sub("", text), language)[0] if language != "en" else ""
        if not named:  # `белгілі журналист Михаил Козачков … жазды`: a journalist by name is the one speaking
            return Who("asker", word=text)
        text = _KAZAKH_ABOUT.sub("", text)
    if language == "ru" and _OUTLETS_SOURCE.search(text):
        return Who("group", word=text)  # `— сказал собеседник агентства`: the outlet's unnamed source, no one named
    pronouns = words.PRONOUNS.get(language, {})
    if len(folded) <= 2 and folded[0] in pronouns:
        return Who("pronoun", gender=pronouns[folded[0]], word=text)
    if language == "kk" and folded[0] == "ол" and not re.search(rf"\s[{UPPER}]", text):
        # `деді ол ведомствоның баспасөз алаңында өткен брифингте`: the pronoun, then where it was said
        return Who("pronoun", gender=pronouns["ол"], word=text.split()[0])
    name, title = _name_and_title(text, language)
    if not name and language == "en":
        alone = _surname_alone(text, honoured)
        if alone is not None:
            return alone
    name = nominative(name, language, genitive=bool(re.search(r"по\s+словам", clause, re.IGNORECASE)))
    if name and " " not in name and _ONE_WORD_BODY.match(name.casefold()):
        return Who("institution", word=text)  # `— сообщил Минфин`: a body in one word, not a surname
    if name:
        return Who("named", name=name, title=title, gender=guess_gender(name))
    head_role = next((index for index, word in enumerate(text.split()) if _is_role(word)), None)
    institution = re.search(words.INSTITUTION_WORDS, text, re.IGNORECASE)
    # `ведомство басшысы`, `деді Үкімет басшысы сайлауда … жауап бере тұрып`: the body's head, a person (Kazakh puts
    # the post after the body it heads, its possessive ending on the post; what follows is when and where)
    last_role = language == "kk" and (
        _is_role(text.split()[-1]) or head_role is not None and bool(_ROLE_ENDING.search(text.split()[head_role].casefold()))
    )
    if head_role is not None and (
        institution is None or last_role or len(" ".join(text.split()[:head_role])) < institution.start()
    ):
        return Who("role", word=text)  # `первый заместитель начальника департамента`: a person, by post
    if institution or re.search(r"\bв\s+\w+", text):
        return Who("institution", word=text)
    if any(word in words.GROUP_WORDS for word in folded) or (
        language == "kk" and re.search(words.KAZAKH_PLURAL, folded[-1])
    ) or (language == "ru" and re.search(r"ли$", verb.group(0))):
        return Who("group", word=text)
    if any(word in words.ROLE_WORDS or word.split("-")[-1] in words.ROLE_WORDS for word in folded):
        return Who("role", word=text)
    if language == "en" and folded[-1].endswith("s"):
        return Who("group", word=text)
    return Who("unknown", word=text)


# An English honorific and the surname after it: `Mr Belonog`, `Ms. Kassymova`.
_HONOURED = re.compile(r"\b(?P<honorific>Mr|Mrs|Ms)\.?\s+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# One capitalised word, then maybe its post in apposition: `Belonog, the Deputy Minister of Health`.
_ONE_NAME = re.compile(r"(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:,\s+(?:the\s+|a\s+)?(?P<post>.+))?")


def _surname_alone(text: str, honoured: re.Match[str] | None) -> Who | None:
    """An English speaker named by the surname alone: after an honorific (`says Mr Belonog`), or with a post in
    apposition (`said Belonog, the Deputy Minister of Health`); None otherwise."""
    match = _ONE_NAME.fullmatch(text)
    if match is None or match["surname"].casefold() in words.NOT_NAMES_EN or _is_role(match["surname"]):
        return None
    post = match["post"] or ""
    if honoured is not None and honoured["surname"] == match["surname"]:
        gender = "male" if honoured["honorific"] == "Mr" else "female"
    elif post and any(_is_role(word) for word in post.split()[:4]):
        gender = guess_gender(match["surname"])
    else:
        return None
    return Who("named", name=match["surname"], title=post, gender=gender)


# An outlet's unnamed source (`собеседник агентства`, `источник издания`): whose words they are is not said.
_OUTLETS_SOURCE = re.compile(
    r"\b(?:собеседни(?:к|ца)|источник)\s+(?:агентства|издания|газеты|портала|телеканала|редакции|[«\"“])", re.IGNORECASE
)
# What was said, after the verb: `на то, что …`, `о том, что …`, `что …`.
_WHAT_IS_SAID = re.compile(r"(?:на\s+то|о\s+том|то)?,?\s*что\b|(?:на|о)\s+(?:то|том)\b", re.IGNORECASE)
# Whom a question was put to, after the verb (`уточнили у главы Минфина`, `спросил у акима`): not the speaker.
_ADDRESSEE = re.compile(r"^у\s+\S")
_TO_WHOM = re.compile(r"\s+к\s+\S.*$")
# Where the words were posted, after the name (`Михаил Козачков өзінің телеграмм каналында`, `Facebook-тегі
# парақшасында`): no part of the speaker.
_KAZAKH_POSTED = re.compile(
    r"\s+(?:өзінің\s+)?(?:\S+\s+){0,2}?\S*(?:парақшасында|каналында|арнасында|желісінде|аккаунтында|сайтында|бетінде)\b.*$",
    re.IGNORECASE,
)
# `Бұл туралы …`, `Осы орайда …` opening a Kazakh clause: what it is about, no part of the speaker.
_KAZAKH_ABOUT = re.compile(r"^(?:Бұл\s+(?:туралы|жайлы|жөнінде)|Осы\s+орайда)\s+", re.IGNORECASE)


_QUOTED_AS_SAYING = re.compile(r"(?:cited|quoted|cites|quotes)\s+(?P<whom>.+?)\s+as\s+saying$", re.IGNORECASE)


def _context_cut(text: str, language: str) -> str:
    """The clause without where and when it was said (`аким Омар на брифинге` → `аким Омар`); when that comes
    before the speaker (`сообщил на своей странице в соцсети аким города Жаксылык Омар`), the speaker from
    the first role word on."""
    cut = _CONTEXT.sub("", text)
    if _name_and_title(cut, language)[0]:
        return cut
    name, _ = _name_and_title(text, language)
    kept = [word.casefold().strip(".,") for word in cut.split()]
    if not name or _CONTEXT.sub("", " " + text).strip() == text.strip() or any(
        _is_role(word) or word in words.ASKER_WORDS or word in words.PRONOUNS.get(language, {}) for word in kept
    ):
        return cut  # `спросил корреспондент Bestnews.kz Даниала Ахметова`: the one asking is before the context
    start = text.find(name.split()[-1])
    role = next((m.start() for m in re.finditer(r"\S+", text[:start]) if _is_role(m.group(0))), None)
    return _CONTEXT.sub("", text[role if role is not None else start - len(name) + len(name.split()[-1]):]) or cut


_SUBJECT_ROLE_WITHIN = 4


def _kazakh_subject(verb: str) -> str:
    """The speaker a Kazakh `деп … VERB` names between its words (`деп депутат Бас прокурордан сұрады` →
    `депутат`; `деп Мемлекет басшысы атап өтті`; `деп Қасым-Жомарт Тоқаев жазды`): up to the first role
    word and the name right after it, or a name that opens it; "" if the words are the verb's own."""
    parts = verb.split()[1:-1]
    if parts and parts[-1].casefold() in words.KAZAKH_LIGHT_NOUNS:
        parts = parts[:-1]
    if not parts:
        return ""
    if parts[0].casefold() in words.PRONOUNS["kk"]:
        return parts[0]
    role = next((index for index, word in enumerate(parts[:_SUBJECT_ROLE_WITHIN]) if _is_role(word)), None)
    start = role + 1 if role is not None else 0
    end = start
    while end < len(parts) and end - start < 3 and _CAPITAL_WORD.match(parts[end]):
        end += 1  # the name after the role, or a name alone, of two or three words (`Бас прокурордан` is not one)
    if end - start == 1 and not _is_surname(_KAZAKH_CASE.sub(r"\g<base>", parts[start])):
        end = start  # one capitalised word: a surname (`деп Тоқаев жазды`), not `Бас` of `Бас прокурордан`
    if end == 0:
        return ""  # no role and no name: the words belong to the verb (`деп ойлаймын`)
    return " ".join(parts[:end])


_CAPITAL_WORD = re.compile(rf"^[{UPPER}][{LOWER}]")


def _english_who(head: str, tail: str, verb: str = "") -> str:
    """English puts the speaker before the verb (`Sadykova said`) or after it, with the title in
    apposition (`said Aigul Sadykova, chief economist at Halyk Finance`); after `told` or `asked` the name is
    the one spoken to (`Nazarbayev told Issekeshev`)."""
    tail = _PARTICIPLE.sub("", tail)
    if head and (not tail or verb.casefold() in _TO_SOMEONE):
        return head
    if head and not (_NAME_RUN.match(tail) and is_person(_NAME_RUN.match(tail).group(0), "en")):  # type: ignore[union-attr]
        return head  # `Sadykova said on Friday`; but `…, said Karin, adding` names Karin after the verb
    return _CONTEXT.sub("", tail)


# The clause goes on past its speaker with more of what was said: `— сказал он, добавив, что …`,
# `K. Massimov said adding that …`, `– деді ол, атап өтіп, …`: that part is the copy's, read.
_TO_SOMEONE = frozenset("told tells asked addressed urged assured assures reassured reminded informed".split())
_GOES_ON = re.compile(
    r",?\s+(?:adding|noting|stressing|explaining|telling|urging|instructing|calling|warning|recalling"
    r"|добавив|отметив|подчеркнув|пояснив|уточнив|деп\s+қосып|атап\s+өтіп)\b"
    r"(?=.{12,})",
    re.IGNORECASE,
)
# A clause that goes on past the speaker: `said Karin, adding that …`, `сказал он, добавив …`.
_PARTICIPLE = re.compile(r",?\s*\b(?:adding|noting|stressing|explaining|saying|citing|добавив|отметив|подчеркнув|пояснив)\b.*$")


def name_and_title(text: str, language: str) -> tuple[str, str]:
    """The person a clause names, and the title with it."""
    return _name_and_title(text, language)


def _name_and_title(text: str, language: str) -> tuple[str, str]:
    """The person's name in the clause and the title around it (before it in kk/ru, in apposition in en)."""
    runs = [run for run in _NAME_RUN.finditer(text) if is_person(run.group(0), language)]
    if not runs:
        return "", ""
    run = runs[0] if language == "en" else runs[-1]
    title_words, name = _title_in_name(run.group(0))
    parts = name.split()
    given = next((i for i, part in enumerate(parts[1:-1], start=1) if _known_given(part)), None)
    if given is None and language != "en" and len(parts) == 3 and _is_surname(parts[2]) \
            and not _PATRONYMIC.search(parts[1]) and not parts[0].endswith(".") and not _known_given(parts[0]):
        given = 1  # `аким Текели Батыр Молдахметов`: a place or body, then the given name and the surname
    if given is not None and not any(_known_given(part) or part.endswith(".") for part in parts[:given]):
        # `вице-спикер Мажилиса Владимир Божко`: the body in the genitive before the given name is the title's
        title_words, name = " ".join([title_words, *parts[:given]]).strip(), " ".join(parts[given:])
        if language != "en":
            before = text[: run.start()].strip(" ,")
            return name, " ".join(part for part in (before, title_words) if part)
    if language == "en" and (split := _english_name(run.group(0))) is not None and split[0]:
        title_words, name = split  # `Prime Minister Sagintayev`: the title, then the name
    if len(name.split()) == 1 and title_words:  # `Президент Тоқаев`: a title and a surname
        pass
    before = text[: run.start()].strip(" ,")
    after = text[run.end():].strip(" ,")
    if language == "en":
        title = after if after else before
        title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)
    else:
        title = before
        first = title.split()[0].casefold().strip(".,") if title else ""
        if first and first not in words.ROLE_WORDS and _is_role(first) and not _ROLE_ENDING.search(first):
            title = ""  # `отчитал акима Бозумбаев`: the role after the verb is whom it was said to, not the speaker's
    if title_words and language == "en":
        title = " ".join(part for part in (title_words, title) if part)
    elif title_words:  # `ҚР Президенті Қасым-Жомарт Тоқаев`: the words before the run, then the title words in it
        title = " ".join(part for part in (title, title_words) if part)
    return name, title.strip(" ,")


def is_person(run: str, language: str) -> bool:
    """Capitalised words that read as a person's name: a surname's ending, a known given name, or (in
    Kazakh and Russian copy) two or three name words; not an abbreviation (ҚР) nor a role (Аким)."""
    parts = [
        part for part in run.split()
        if not (part.isupper() and len(part) <= 4 and not part.endswith(".")) and not _is_role(part)
        and part.casefold().rstrip(".") not in _HONORIFICS
    ]
    if not parts or parts[0].casefold() in {"the", "a", "an"}:
        return False
    if _SURNAME.search(parts[-1]) and len(parts[-1]) > 4:
        return True
    if len(parts) >= 2 and guess_gender(" ".join(parts)) != "unknown" and language == "en":
        return True
    if language == "en":
        return _english_name(run) is not None
    # `председатель Совета Республики`, `спикер Мажилиса Парламента`: a body in the genitive after a post, no name
    return 2 <= len(parts) <= 3 and _BODY_FIRST.match(parts[0].casefold()) is None


# The first word of a body's name (in any case): a run of capitals that opens with it names no person.
_BODY_FIRST = re.compile(
    r"(?:совет|сенат|мажилис|мәжіліс|парламент|госдум|дум[аыеу]|республик|федераци|собрани|палат|конгресс|правительств"
    r"|министерств|комитет|академи|университет|верховн|конституционн|национальн|государственн)"
)


_EN_NAME_WORD = re.compile(r"[A-Z](?:[a-z]+(?:[-'’][A-Z]?[a-z]+)*|\.)")
_EN_TITLE_WORDS = frozenset({*words.ROLE_WORDS, "prime", "vice", "mr", "mrs", "ms", "dr", "sir"})


def _english_name(run: str) -> tuple[str, str] | None:
    """(title, name) when a capitalised English run ends in a person's name: two or three name words
    none of which is a word copy capitalises for a place or a body (`Mevlut Cavusoglu`, `Dragomir Karic`),
    or one or more after a title (`Senator Reid`, `Prime Minister Sagintayev`); None otherwise."""
    parts = run.split()
    titled = max((i for i, word in enumerate(parts) if word.casefold().strip(".,") in _EN_TITLE_WORDS), default=-1)
    name = parts[titled + 1:]
    if not (1 if titled >= 0 else 2) <= len(name) <= 3:
        return None
    if not all(_EN_NAME_WORD.fullmatch(word) and word.casefold() not in words.NOT_NAMES_EN for word in name):
        return None
    if name[-1].endswith(".") or any(word.endswith(("'s", "’s")) for word in name):
        return None  # an initial is not a whole name; `Prime Minister's press service` is not a person
    return " ".join(parts[: titled + 1]), " ".join(name)


# ---- the people an article names, for a pronoun or a role to refer to ------------------------------

_HONORIFICS = frozenset("mr mrs ms dr sir мырза ханым господин госпожа".split())
_PATRONYMIC = re.compile(r"(?:[ое]вич(?:а|у|ем|е)?|[ое]вн(?:а|ы|е|у|ой)|ичн(?:а|ы|е|у|ой)|ұлы|улы|қызы|кызы|uly|kyzy)$", re.IGNORECASE)
# Words that may stand before a title but are not part of it.
_NOT_TITLE = frozenset(
    "туралы бойынша және мен деп бүгін кеше об этом и в на по сегодня вчера said and the that according to by with from".split()
)


_ARTICLES = frozenset({"the", "a", "an"})
_SURNAME_ONLY = re.compile(rf"[{UPPER}][^\W\d_]{{2,}}(?:-[{UPPER}][^\W\d_]+)?")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_SURNAME_ALONE = re.compile(rf"[{UPPER}](?<![\w.-].)[^\W\d_]{{3,}}(?![\w-])")  # `(?<![\w.-])` first: as _NAME_RUN


def mentions(text: str) -> list[tuple[str, str]]:
    """(name, title) of every person the text names in the nominative: `ҚР Энергетика министрі
    Алмасадам Сәтқалиев`, `Finance Minister Madi Takiyev`."""
    return [(name, title) for _, name, title in _mentions(text)]


# A capitalised word in the Kazakh locative (`Қазақстанда`, `Астанадағы`): a place, never part of a name.
_PLACE_WORD = re.compile(rf"\w{{3,}}(?:{_LOCATIVE}|дағы|дегі|тағы|тегі)$")


# A name is two words or more (below, a run of one word is never one: no word after it is a surname and none
# before it a given name, so `first` is -1), each with a capital first: a line with fewer than two capitals names
# no one, and is not scanned for runs of names (several microseconds a line). tests/test_fast_paths.py checks it.
_TWO_CAPITALS = re.compile(rf"[{UPPER}].*?[{UPPER}]", re.DOTALL)


def _mentions(text: str) -> list[tuple[re.Match[str], str, str]]:
    found: list[tuple[re.Match[str], str, str]] = []
    if _TWO_CAPITALS.search(text) is None:
        return found
    for run in _NAME_RUN.finditer(text):
        parts = run.group(0).split()
        # The surname: the last word of the run with a surname's ending (in any case: `Рахымбетовке`); the
        # words after it (`Үкіметтегі`, `Бостандық`) are not the name.
        ends = [j for j in range(1, len(parts)) if _is_surname(parts[j]) and not _PATRONYMIC.search(parts[j])]
        if ends:
            last = ends[-1]
            if last == len(parts) - 2 and _known_given(parts[last]) and not _CYRILLIC.search(parts[-1]):
                last += 1  # `Technologies Ramin Guluzade`: a given name with a surname's ending, then the surname
            first = last - 2 if last >= 2 and _PATRONYMIC.search(parts[last - 1]) else last - 1
            if _STRONG_SURNAME.search(_KAZAKH_CASE.sub(r"\g<base>", parts[first])) and not _PATRONYMIC.search(parts[first]):
                continue  # two surnames in a row are two people, or a place (`Бердібек`, `Ерболат` are given names)
        else:
            last = len(parts) - 1
            while last > 1 and _PLACE_WORD.search(parts[last]):
                last -= 1  # `Алексей Цой Қазақстанда`: a place in the locative after the name is not in it
            given = next((i for i in range(last - 1) if _known_given(parts[i])), None)
            if given is not None and not _PATRONYMIC.search(parts[given + 1]):
                last = given + 1  # `Игорь Виттель Қазақстан мен Ресей…`: the name ends with the word after the given name
            first = last - 2 if last >= 2 and _PATRONYMIC.search(parts[last - 1]) else last - 1
            if first < 0 or _PLACE_WORD.search(parts[first]) or (
                _known_given(parts[last]) and not _PATRONYMIC.search(parts[last]) and not _known_given(parts[first])
            ):
                continue  # `Оралда Абай атындағы алаң`: a place, then a given name, is no one's name
        while first < last and (_is_role(parts[first]) or parts[first].casefold() in _ARTICLES):
            first += 1  # `President Tokayev`: the title before a surname alone is not in the name
        name = parts[first:last + 1]
        if len(name) == 1 and not _is_surname(name[0]):
            continue  # a title and one word that is no surname (`Президент Рудныйдағы`)
        latin = not _CYRILLIC.search(name[-1])
        if latin and text.startswith(" of ", run.end()) and text[max(0, run.start() - 4): run.start()].casefold() == "the " \
                and not any(map(_is_role, parts)):
            continue  # `the Upper Naryn Cascade of HPPs`: `the <Name> of …` names a thing or a body, no person
        before = _mention_title(text[: run.start()].split()[-5:])
        if latin and not before:  # `The Minister of Information of Kazakhstan, Dauren Abayev`: the post, `of …`
            english = _english_title([*text[: run.start()].split()[-_EN_TITLE_REACH:], *parts[:first]])
            if english and english.split()[-1].casefold() in _EN_TITLE_LINKS and not ends and not _known_given(name[0]):
                continue  # `Minister of Digital Development and …`: the words after `of` are what the post is of
            if english:
                before, parts = english, [*parts[first:]]
                last, first = last - first, 0
            elif last == len(parts) - 1 and text.startswith(", ", run.end()):
                # `Berik Uali, press secretary of the President of …, explained`: the post in apposition after the name
                apposition = _EN_APPOSITION.match(text, run.end() + 2)
                if apposition and any(_is_role(word) for word in apposition["post"].split()[:4]):
                    before = apposition["post"]
        titled = bool(before) or any(_is_role(part) for part in parts[:first])
        subject = not _CYRILLIC.search(name[-1]) and bool(_SAYS_AFTER.match(text, run.end()))  # `… Tleuberdi said`
        if not (ends or identify(" ".join(name))[1] and guess_gender(" ".join(name)) != "unknown" or titled or subject):
            continue
        if subject and not (ends or titled) and _english_name(" ".join(name)) is None:
            continue  # `Minister of National Economy told journalists`: no name before the verb
        if latin and not ends and _english_name(" ".join(name)) is None and not identify(" ".join(name))[1]:
            continue  # `Astana Mayor Outlines City's Plans`: a Title Case headline's words are no name
        if any(_is_role(part) or part.casefold() in _ARTICLES for part in name):
            continue  # `The President said`: a role, not a name
        title = " ".join(part for part in (before, " ".join(parts[:first])) if part)
        genitive = bool(_GENITIVE_BEFORE.search(text[max(0, run.start() - 60): run.start()] + " ".join(parts[:first])))
        found.append((run, nominative(" ".join(name), "ru" if _CYRILLIC.search(name[-1]) else "en", genitive), title))
    return found


def _known_given(word: str) -> bool:
    gender, sure = identify(word)
    return sure and gender != "unknown"


# An English post in small letters right after a name and its comma, to the next comma or stop.
_EN_APPOSITION = re.compile(r"(?P<post>(?:the\s+|a\s+)?[a-z][^,.;:!?()]{2,80}?)(?=[,.;:])")
_SAYS_AFTER = re.compile(rf"\s+(?:{words.SAYING['en']})\b")


_STRONG_SURNAME = re.compile(r"(?:ов|ев|ёв|ова|ева|ёва|ский|ская|цкий|цкая|енко|ov|ev|ova|eva|sky|skaya|enko)$", re.IGNORECASE)


@lru_cache(maxsize=4096)  # asked of each capitalised word of a line; a story names the same people again and again
def _is_surname(word: str) -> bool:
    bare = _KAZAKH_CASE.sub(r"\g<base>", word)
    if bare == word:  # a Russian family name in another case (`Майрой Жакимсаловой`, `с Досаевым`)
        bare = _RUSSIAN_FEMALE_CASE.sub(r"\g<base>а", _RUSSIAN_MALE_CASE.sub(r"\g<base>", word))
    return len(bare) > 4 and bool(_SURNAME.search(bare)) and not bare.isupper()


_EN_TITLE_REACH = 8
_EN_TITLE_LINKS = frozenset("of the for and on at in to".split())


def _english_title(words_before: list[str]) -> str:
    """An English post before a name, with what it is of (`President of Russia's Republic of Tatarstan`,
    `Minister of Information and Communications of Kazakhstan,` in apposition): from the post word nearest the
    name, its capitalised words before it, to the name; "" if other words stand between."""
    for index in range(len(words_before) - 1, -1, -1):
        word = words_before[index]
        if not _is_role(word):
            continue
        rest = words_before[index + 1:]
        if word.endswith((",", ".", ";", ":")) or any(
            not (part.casefold().rstrip(",") in _EN_TITLE_LINKS or part[:1].isupper()) or re.search(r"[.!?;:]$", part)
            for part in rest
        ) or any(part.endswith(",") for part in rest[:-1]):
            return ""
        start = index
        while start > 0 and words_before[start - 1][:1].isupper() and words_before[start - 1].casefold() not in _ARTICLES \
                and not re.search(r"[.!?,;:]$", words_before[start - 1]):
            start -= 1
        if words_before[-1].casefold() == "and" or words_before[-1].endswith(",") and not words_before[start][:1].isupper():
            # `Asset Issekeshev, mayor of Astana, Sergey Horoshun`: a post in small letters between commas is
            # the earlier name's apposition; `…akim of Astana and Bahtybai Taitaliev`: `and` joins two people
            return ""
        return " ".join(words_before[start:]).rstrip(",")
    return ""


# A word naming what a post is the post of, after the post: an abbreviation in capitals (`РК`, `ВКО`) or a Russian
# genitive (`Президента`, `области`, `города`).
_OF_THE_POST = re.compile(rf"(?:[{UPPER}]{{2,5}}|[{UPPER}]?[{LOWER}]+(?:а|я|ы|и))$")


def _mention_title(words_before: list[str]) -> str:
    """The title words right before a name, if the last of them is a role (`Ақорданың баспасөз хатшысы`)."""
    if not words_before or re.search(r"[.!?,:;]$", words_before[-1]):
        return ""
    if not _is_role(words_before[-1]):
        # the post, then what it is the post of: `пресс-секретарь Президента РК`, `аким области ВКО` (one or two
        # words in the genitive or capitals after the role word)
        tail = 1
        while tail <= 2 and len(words_before) > tail and _OF_THE_POST.match(words_before[-tail]):
            if _is_role(words_before[-tail - 1]):
                break
            tail += 1
        else:
            return ""
        if not _OF_THE_POST.match(words_before[-1]) or tail > 2:
            return ""
    kept: list[str] = []
    for word in reversed(words_before):
        if word.casefold() in _NOT_TITLE or re.search(r"[.!?,:;)]$", word):
            break
        kept.insert(0, word)
    return " ".join(kept)


def subject_role(text: str) -> str:
    """The role a paragraph opens with as its subject (`Глава региона также подчеркнул, …`, `Аким отметил …`):
    the person a pronoun's quote in that paragraph means, before whoever it named in passing since. "" if none."""
    opening = text.lstrip(" «\"").split()[:2]
    if not opening or not opening[0][:1].isupper():
        return ""
    pair = " ".join(word.casefold().strip(".,") for word in opening)
    synonym = next((role for role in words.ROLE_SYNONYMS if pair == role or pair.startswith(role + " ")), "")
    if synonym:
        return " ".join(opening[: len(synonym.split())])
    first = opening[0].casefold().strip(".,")
    return opening[0] if first in words.ROLE_WORDS and len(opening) > 1 and not opening[1][:1].isupper() else ""


@lru_cache(maxsize=4096)
def _is_role(word: str) -> bool:
    word = word.casefold().strip(".,")
    if _ROLE_ENDING.search(word):
        return True
    # `зампремьера`, `замруководителя`, `замглавы`: a deputy's post written as one word with `зам`
    shortened = word[3:] if word.startswith("зам") and len(word) > 6 else ""
    for form in (word, word.split("-")[-1], shortened):
        if form and (form in words.ROLE_WORDS or any(
            case.sub(ending, form) in words.ROLE_WORDS for case, ending in _ROLE_CASES
        )):
            return True
    return False


_ROLE_ENDING = re.compile(
    r"(?:министрі|әкімі|басшысы|төрағасы|директоры|орынбасары|хатшысы|маманы|спикері|депутаты|бастығы|меңгерушісі"
    r"|ректоры|сенаторы|дәрігері|кеңесшісі|елшісі|сарапшысы|төрайымы|президенті)$"
)
# A role in another case, back to the form ROLE_WORDS holds: Russian `акима`, `заместителя`, `главы`; the
# Kazakh possessive `белсендісі`, `сарапшысы` (`қоғам белсендісі`: the community's activist).
_ROLE_CASES = (
    (re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|е)$"), ""),
    (re.compile(r"(?<=тел)(?:я|ю|ем|е)$"), "ь"),
    (re.compile(r"(?<=[вгджзклмнпрстфхцчшщ])(?:ы|ой|е|у)$"), "а"),
    (re.compile(r"(?<=[аеиоуыэюяәөүұіё])(?:сы|сі)$|(?<=[бвгджзклмнпрстфхцчшщқңғһ])(?:ы|і)$"), ""),
)
# A role in the genitive just before a name: the name is in the genitive too.
_GENITIVE_BEFORE = re.compile(
    r"(?:по\s+словам|(?:ника|теля|ителя|министра|акима|депутата|директора|эксперта|специалиста|председателя"
    r"|руководителя|губернатора|президента|мэра|секретаря|советника|посла|полковника|генерала|обязанности))"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _folded_words(name: str) -> tuple[str, ...]:
    """A name's words case-folded: a story asks of its few people on every line."""
    return tuple(name.casefold().split())


_DEPUTY = re.compile(
    r"орынбасар|заместител|(?<!\w)зам(?:акима|министр|премьер|руковод|глав|пред|директор|начальник)|deputy|вице-|vice",
    re.IGNORECASE,
)


def _role_stem(word: str) -> str:
    """The first letters a title holds for this role word: `зампремьера` → `премь` (the deputy premier's title
    is `Заместитель премьер-министра`)."""
    folded = word.casefold()
    if folded.startswith("зам") and len(folded) > 6 and _is_role(folded[3:]):
        folded = folded[3:]
    return folded[:5]


# The endings of Kazakh given names and of family names (`Толеухан`, `Нұрбек`, `Айжан`, `Досаев`): a single word
# after the verb of saying with one of these, and no role, is the speaker's name.
_NAME_ENDING = re.compile(r"(?:хан|бек|жан|бай|гүл|гуль|нұр|нур|бол|тай|құл|кул|ғали|али|ов|ев|ин|ова|ева|ина|ұлы|улы|қызы|кызы)$")


# A body's name in one word, as Russian copy shortens it (`Минфин`, `Минздрав`, `Госдума`, `Нацбанк`, `Генпрокуратура`).
_ONE_WORD_BODY = re.compile(
    r"(?:мин(?:фин|здрав|энерго|эконом|нацэконом|труд|обр|просвещ|сельхоз|юст|оборон|транс|цифр|культ|пром|экологи"
    r"|спорт|строй|природ|информ|торг|вод)|мид$|мвд|мчс|кнб|госдум|нацбанк|генпрокурат)"
)


def _looks_like_a_name(word: str) -> bool:
    folded = word.casefold()
    if word.isupper() or len(word) < 4 or _is_role(word) or folded in words.GROUP_WORDS or folded in words.ASKER_WORDS:
        return False
    if _ONE_WORD_BODY.match(folded) or re.search(words.INSTITUTION_WORDS, word, re.IGNORECASE):
        return False  # `Минфин`, `Госдума`: a body in one word
    return _known_given(word) or bool(_NAME_ENDING.search(folded))


# A post named with what it is the post of, after it (`the Governor of Akmola region`): a particular office.
_OF_A_PLACE = re.compile(r"\bof\s+(?:the\s+)?[A-Z]")
_PATRONYMIC_ENDS = ("вич", "вна", "чна", "ұлы", "улы", "қызы", "кызы")  # `Евгений Степанович`, `Нұрлан Төлегенұлы`
_THREE_CAPITALS = re.compile(rf"[{UPPER}]{{3}}")
_PRONOUN_FIRST = re.compile(r"\s*(?:он|она|они|ол|олар|he|she|they)\b", re.IGNORECASE)
_SUBJECT_WITHIN_WORDS = 12


@dataclass
class People:
    """The people the article has named so far, last named last: whom a pronoun or a role means."""

    named: list[Speaker] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # the names of those already quoted, last last
    first: list[str] = field(default_factory=list)  # the names in the order the copy first names them
    since_quote: list[str] = field(default_factory=list)  # the names the copy gave after the last quote, last last

    def add(self, name: str, title: str = "", gender: Gender = "unknown") -> Speaker:
        known = self.find(name)
        if known is None and name.endswith(_PATRONYMIC_ENDS) and name.count(" ") == 1:
            # `сказал Михаил Валерьевич` after `Михаил Страхов`: the given name and patronymic, one person
            first = name.split()[0]
            same = [p for p in self.named if " " in p.name and p.name.split()[0] == first]
            if len(same) == 1:
                name, known = same[0].name, same[0]
        if known is None and " " in name:  # `President Tokayev`, then `Kassym-Jomart Tokayev`: one person
            short = next((p for p in self.named if p.name.casefold() == name.split()[-1].casefold()), None)
            if short is not None:
                self.named.remove(short)
                self.first = [name if first == short.name else first for first in self.first]
                self.quoted = [name if quoted == short.name else quoted for quoted in self.quoted]
                title = title or short.title
        speaker = Speaker(
            name=known.name if known else name,
            title=title or (known.title if known else ""),
            gender=known.gender if known and known.gender != "unknown" else gender if gender != "unknown" else guess_gender(name),
        )
        self.named = [person for person in self.named if person.name != speaker.name] + [speaker]
        if speaker.name not in self.first:
            self.first.append(speaker.name)
        return speaker

    def read(self, text: str) -> None:
        """The people the copy names, in the order it names them; a surname alone (`Tokayev said`) names
        again the person of that surname named before. Quotations are someone's words, not mentions."""
        if "«" in text or "“" in text or '"' in text:  # every quotation _QUOTED takes out opens with one of them
            text = _QUOTED.sub(" ", text)
        if _THREE_CAPITALS.search(text) is not None:  # `глава района Александр ГОНЧАРОВ`: the surname in capitals
            text = uncapped(text)  # (the same length: where each name stands is kept)
        runs = _mentions(text)
        events: list[tuple[int, str, str]] = [(run.start(), name, title) for run, name, title in runs]
        events += [
            (match.start(), match.group(0), "")
            for match in _SURNAME_ALONE.finditer(text)
            if not any(run.start() <= match.start() < run.end() for run, _, _ in runs)
        ]
        # Who the paragraph is about: a person named among its first words, when it does not open with a pronoun
        # (`Глава Сарани Еркин Баулыков доложил …`, not `Он напомнил, что министр Петров …`): `– отметил он` after
        # it means that person rather than the one quoted before.
        subject_within = -1  # worked out for the first person added: most lines add no one
        for start, name, title in sorted(events, key=lambda event: event[0]):
            if title or " " in name:
                first = name.split()[0]
                known = self.find(name.split()[-1]) if " " in name and not _known_given(first) else None
                given = known.name.split()[0] if known is not None else ""
                if known is not None and " " in known.name and not given.endswith(".") and given[:1] != first[:1]:
                    name = known.name  # `Әуелі Жұманғарин` after `Серік Жұманғарин`: a word before the surname, not a name
                elif known is None and name.endswith(_PATRONYMIC_ENDS) and name.count(" ") == 1:
                    # `Евгений Степанович` after `Евгений Савченко`: the given name and patronymic, one person
                    same = [p for p in self.named if " " in p.name and p.name.split()[0] == first]
                    name = same[-1].name if len(same) == 1 else name
                added = self.add(name, title).name
            else:
                known = self.find(name)  # a surname alone: only someone named in full before
                if known is None or " " not in known.name:
                    continue
                added = self.add(known.name).name
            if subject_within < 0:
                opening = _PRONOUN_FIRST.match(text) is None
                subject_within = len(" ".join(text.split()[:_SUBJECT_WITHIN_WORDS])) if opening else 0
            if start < subject_within:
                self.since_quote.append(added)

    def spoke(self, name: str) -> None:
        """The person a quote was given to: the last quoted, and no one named since."""
        self.quoted.append(name)
        self.since_quote.clear()

    def find(self, name: str) -> Speaker | None:
        """The person named before whose name ends with this one (`Sadykova` → `Aigul Sadykova`)."""
        key = _folded_words(name)
        if len(key) > 1 and key[0].endswith("."):  # `Ш. Мукан`: the initial stands for the given name
            key = key[1:]
        for person in reversed(self.named):
            words_ = _folded_words(person.name)
            if words_[-len(key):] == key or words_ == key:
                return person
        return None

    def resolve(self, found: Who) -> Speaker | None:
        """The speaker a quote's clause means: the person it names, or for a pronoun or a role the person
        last named (of the pronoun's gender; for a role, one whose title has the role's word if any)."""
        if found.kind == "named":
            # `Mr Belonog`: the honorific tells
            speaker = self.add(found.name, found.title, cast(Gender, found.gender) if found.gender in ("male", "female") else "unknown")
            self.spoke(speaker.name)
            return speaker
        if found.kind == "unknown" and _SURNAME_ONLY.fullmatch(found.word):
            known = self.find(found.word)  # `said Tleuberdi`: a surname the copy has named in full
            if known is None:  # `— говорит Айгерим`: the given name of one person named in full before
                same = [p for p in self.named if " " in p.name and p.name.split()[0].casefold() == found.word.casefold()]
                known = same[-1] if len(same) == 1 else None
            if known is None and not self.find(found.word) and _looks_like_a_name(found.word):
                known = self.add(found.word)  # `— сказал Толеухан`: a name the copy gives only here
            if known is not None:
                self.add(known.name)
                self.spoke(known.name)
            return known
        if found.kind not in ("pronoun", "role") or not self.named:
            return None
        candidates = [p for p in self.named if found.gender == "unknown" or p.gender in (found.gender, "unknown")]
        if found.kind == "pronoun" and self.quoted:  # `he said` after a quote: most often the one just quoted,
            # unless the copy has named someone else since (`Глава Сарани Баулыков доложил …` / `…, отметил он.`)
            named_since = [name for name in self.since_quote if name != self.quoted[-1]]
            last = next((p for p in reversed(candidates) if named_since and p.name == named_since[-1]), None)
            last = last or next((p for p in candidates if p.name == self.quoted[-1]), None)
            if last is not None:
                return last
        if found.kind == "role":
            stems = [_role_stem(word) for word in found.word.split() if _is_role(word)]
            stems += [other[:5] for role, other in words.ROLE_SYNONYMS.items() if role in found.word.casefold()]
            titled = [p for p in candidates if any(stem in p.title.casefold() for stem in stems)]
            if not _DEPUTY.search(found.word):  # `өңір басшысы` is the akim, not the akim's deputy
                titled = [p for p in titled if not _DEPUTY.search(p.title)] or titled
            else:  # `зампремьера` is the deputy, not the premier
                titled = [p for p in titled if _DEPUTY.search(p.title)] or titled
            # `Алматы әкімі`: a place or body named with the role must be in the title too; the district
            # akim is not the city's
            qualifiers = [
                w.casefold()[:4] for w in found.word.split()
                if w[:1].isupper() and not _is_role(w) and w.casefold() not in _ARTICLES
            ]
            if qualifiers and titled:
                titled = [p for p in titled if all(q in p.title.casefold() for q in qualifiers)]
                if not titled and self.quoted and len(candidates) > 1:
                    candidates = [p for p in candidates if p.name != self.quoted[-1]]  # not the one who just spoke
            elif len(titled) > 1:  # `заявил аким` with two akims named: the story's own, named first
                titled = [min(titled, key=lambda p: self.first.index(p.name) if p.name in self.first else len(self.first))]
            if not titled and self.quoted:  # `– дейді белсенді`, no one's title has the word: the one quoted last
                quoted = next((p for p in reversed(candidates) if p.name == self.quoted[-1]), None)
                if quoted is not None and qualifiers and quoted.title and _OF_A_PLACE.search(found.word):
                    # `the Governor of Akmola region responded` after the Prime Minister's quote: a post of a place
                    # or body that the one quoted last, whose post is known, does not hold: someone unnamed
                    return None
                titled = [quoted] if quoted is not None else []
            elif not titled and not qualifiers and self.since_quote:  # a bare `the official said` before any quote:
                # the one the copy is about (`Zhanat Beishenov himself, answering …, noted that …`), not one named in
                # passing after him (a role with a place or body, `и.о. акима Акжайыкского района`, is the last named)
                subject = next((p for p in reversed(candidates) if p.name == self.since_quote[-1]), None)
                titled = [subject] if subject is not None else []
            candidates = titled or candidates
        if not candidates:
            return None
        self.spoke(candidates[-1].name)
        return candidates[-1]
