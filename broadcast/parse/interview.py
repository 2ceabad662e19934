"""A published interview (Q/A): the journalist's questions are read by the reporter, the guest's answers are the
guest's SOT.

Two layouts are read:

- dash dialogue with no attribution: after an intro that names the guest, `– question?` and `– answer.`
  paragraphs alternate (an answer may go on in paragraphs without a dash);
- labels: `Тілші:` / `Корреспондент:` / `Вопрос:` / an outlet's name (`El.kz:`) before each question and the
  guest's name or role (`Әкім:`, `Нұрдәулет Қилыбай:`, `Ответ:`) before each answer, alone on a line or with the
  words after the colon.

Who the guest is: the person a guest label names, or the one the headline names (`Асқар ЖҰМАДІЛДАЕВ, академик:
…`, `… – Нұрдәулет Қилыбай`, `Name Surname: «…»`), or the first person the intro names. Without a guest
there is no interview: the copy is read as any other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..languages._letters import LOWER, UPPER
from ..model import Speaker
from . import quote_words as words
from .credits import is_outlet
from .gender import guess_gender
from .quotes import is_person, mentions, nominative, pieces, uncapped
from .speaker import split_attribution

# At least this many questions and answers make the copy an interview.
QUESTIONS = 2
# Of the dash paragraphs, no more than this share may carry an attribution clause (`– деді ол`): news copy
# quoting people in dash dialogue attributes each quote; an interview attributes none.
ATTRIBUTED_SHARE = 0.2
# A dash paragraph after an answer with no question mark is still a question when it is this short.
SHORT_QUESTION_WORDS = 25

_DASH = re.compile(r"^\s*[-–—]\s*(?=\S)")
# `Тілші:`, `Корреспондент Мейіржан Әлібекұлы (әрі қарай – тілші):`, `El.kz: Сламхат аға, …`, `— Корр.:`
_LABEL = re.compile(r"^\s*(?:[-–—]\s*)?(?P<label>[^:\s«\"“„][^:«\"“„]{0,100}?)\s*:\s*(?P<rest>.*)$")
_ASKER = re.compile(
    r"(?:^|\s)(?:тілші|тілшіміз|корреспондент\w*|корр\.?|журналист\w*|ведущ\w*|жүргізуші\w*|сұрақ|вопрос|question"
    r"|interviewer|host|q)\b",
    re.IGNORECASE,
)
_LABEL_CHARS = 110
_SAMPLE = 12
_ANSWER = re.compile(r"^(?:жауап|ответ|answer|a)$", re.IGNORECASE)
# `(әрі қарай – тілші)`, `(далее – аким)`: how the label goes on to be written.
_LATER = re.compile(r"\((?:әрі\s+қарай|далее|бұдан\s+әрі|hereinafter)\s*[-–—]?\s*(?P<short>[^)]+)\)", re.IGNORECASE)
# Words by which a page says it is an interview.
_CUE = re.compile(r"сұхбат|әңгімелес|интервью|беседовал|поговорил\w*\s+с\b|беседа\s+с\b|собеседник|\binterview", re.IGNORECASE)
_NAME_CAPS = re.compile(rf"^[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?\s+[{UPPER}]{{2,}}[{UPPER}-]*$")


@dataclass(frozen=True)
class Plan:
    """What each line of an interview is: a question, an answer (the guest's), or a label (not read)."""

    guest: Speaker | None = None
    questions: frozenset[int] = frozenset()
    answers: frozenset[int] = frozenset()
    labels: dict[int, str] = field(default_factory=dict)  # line -> "asker" or "guest"
    rest: dict[int, str] = field(default_factory=dict)  # a label line's words after the colon


NONE = Plan()


def plan(lines: list[str], headline: int, language: str, skip: frozenset[int] = frozenset()) -> Plan:
    """The interview the text is, or NONE. `skip` are lines that are not the copy's (furniture, frame)."""
    paragraphs = [
        (number, raw.strip()) for number, raw in enumerate(lines, start=1)
        if raw.strip() and number != headline and number not in skip
    ]
    if len(paragraphs) < 3:  # an intro, a question and an answer at least
        return NONE
    return (
        _labelled(paragraphs, lines, headline, language) or _name_labelled(paragraphs, lines, headline, language)
        or _caps_labelled(paragraphs, lines, headline, language)
        or _dialogue(paragraphs, lines, headline, language) or _unmarked(paragraphs, lines, headline, language) or NONE
    )


# The one asked, in the question (`Не любите журналистов?` needs `вы` somewhere: `вы их не очень часто даете`), and
# the one answering, in the answer.
_YOU = {
    "ru": re.compile(r"(?<!\w)(?:вы|вас|вам|вами|ваш\w*|Вы|Вас|Вам|Ваш\w*)(?!\w)"),
    "kk": re.compile(r"(?<!\w)(?:сіз\w*|Сіз\w*)(?!\w)"),
    "en": re.compile(r"\b(?:you|your|You|Your)\b"),
}
_I = {
    "ru": re.compile(r"(?<!\w)(?:я|Я|мы|Мы|мне|Мне|меня|Меня|нас|Нас|мой|моя|моё|мои|наш\w*|Наш\w*)(?!\w)"),
    "kk": re.compile(r"(?<!\w)(?:мен|Мен|біз|Біз|менің|Менің|біздің|Біздің|маған|Маған|бізге|Бізге)(?!\w)"),
    "en": re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us)\b"),
}


def _unmarked(paragraphs: list[tuple[int, str]], lines: list[str], headline: int, language: str) -> Plan | None:
    """A published interview with neither dashes nor labels (a magazine's Q/A): the page says it is an interview
    before the first question, each question is a paragraph that asks the guest (`?` at its end, `вы`/`сіз`/`you` in
    it), each answer the paragraphs after it, in the first person. A news story's rhetorical question does not speak
    to anyone, and a story that never says `интервью`/`сұхбат`/`interview` is no interview."""
    you, me = _YOU.get(language), _I.get(language)
    if you is None or me is None:
        return None
    asks = [
        number for number, text in paragraphs
        if text.endswith("?") and you.search(text) and not _DASH.match(text) and len(text.split()) <= 80
    ]
    if not asks or not _CUE.search("\n".join(lines[: asks[0] - 1])):
        return None
    questions: set[int] = set()
    answers: set[int] = set()
    for number, text in paragraphs:
        if number < asks[0]:
            continue
        if number in asks:
            questions.add(number)
        elif questions and text[-1:] in ".!…»\"" and me.search(text):
            answers.add(number)  # an answer speaks in the first person; a paragraph that does not is the copy again
        elif questions:
            break
    if not answers or not all(any(n > q for n in answers) for q in questions if q != max(questions)):
        return None
    guest = _guest_named(lines, headline, paragraphs, min(questions), language, " ".join(
        text for number, text in paragraphs if number in questions
    ))
    if guest is None:
        return None
    return Plan(guest=guest, questions=frozenset(questions), answers=frozenset(answers))


# `Вадим Борейко. Акежан Магжанович, как вы оцениваете …?` / `Акежан Кажегельдин. Никак.`: the speaker's given name
# and surname, a full stop, the words.
_NAME_DOT = re.compile(
    rf"^(?P<label>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?\s+[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)\.\s+(?P<rest>\S.*)$"
)


def _name_labelled(paragraphs: list[tuple[int, str]], lines: list[str], headline: int, language: str) -> Plan | None:
    """An interview labelled with the two people's names, each followed by a full stop (`Вадим Борейко. …?` /
    `Акежан Кажегельдин. …`): exactly two people label the paragraphs; the one whose paragraphs ask is the
    interviewer, the other the guest, who must be named before the first label (headline or intro) unless there
    are two rounds."""
    found = [(number, match) for number, text in paragraphs if (match := _NAME_DOT.match(text))]
    found = [(number, match) for number, match in found if is_person(match["label"], language)]
    names = list(dict.fromkeys(match["label"] for _, match in found))
    if len(found) < 2 or len(names) != 2:
        return None
    asks = {name: sum("?" in match["rest"] for _, match in found if match["label"] == name) for name in names}
    asker, guest_name = sorted(names, key=lambda name: -asks[name])
    if not asks[asker] or asks[guest_name] >= asks[asker]:
        return None
    rounds = min(sum(match["label"] == name for _, match in found) for name in names)
    first = found[0][0]
    before = " ".join(lines[index].strip() for index in range(first - 1))
    if rounds < QUESTIONS and guest_name.split()[-1] not in before:
        return None
    labels = {number: "asker" if match["label"] == asker else "guest" for number, match in found}
    return _label_runs(paragraphs, found, labels, nominative(guest_name, language))


# A broadcast transcript's speaker label: the name in capitals and a colon (`YERZHAN ASHIKBAYEV: Well, …`, `MARTIN:`).
_CAPS_LABEL = re.compile(rf"^(?P<label>[{UPPER}][{UPPER}'’.-]+(?:\s+[{UPPER}][{UPPER}'’.-]+){{0,2}}):\s+(?P<rest>\S.*)$")


def _caps_labelled(paragraphs: list[tuple[int, str]], lines: list[str], headline: int, language: str) -> Plan | None:
    """A radio or TV transcript (`MARTIN: What evidence do you have …?` / `ASHIKBAYEV: Let me be clear …`): the
    speakers' names in capitals label the paragraphs, the full name the first time and the surname after. The guest
    is the one the intro (or the headline) names, the others are the host and the reporters, read as the copy."""
    found = [(number, match) for number, text in paragraphs if text[:2].isupper() and (match := _CAPS_LABEL.match(text))]
    found = [(number, match) for number, match in found if not _ASKER.match(match["label"].casefold())]
    surnames = list(dict.fromkeys(match["label"].split()[-1] for _, match in found))
    if len(found) < QUESTIONS + 1 or len(surnames) < 2:
        return None
    first = found[0][0]
    before = " ".join(text for number, text in paragraphs if number < first)
    if headline:
        before = lines[headline - 1] + " " + before
    named = [surname for surname in surnames if re.search(rf"\b{re.escape(surname)}\b", before, re.IGNORECASE)]
    if len(named) != 1:
        return None
    guest_surname = named[0]
    labels = {number: "guest" if match["label"].split()[-1] == guest_surname else "asker" for number, match in found}
    if "asker" not in labels.values() or list(labels.values()).count("guest") < QUESTIONS:
        return None
    full = max((match["label"] for _, match in found if match["label"].split()[-1] == guest_surname), key=len)
    return _label_runs(paragraphs, found, labels, _caps_name(" ".join(word.capitalize() for word in full.split())))


def _label_runs(paragraphs: list[tuple[int, str]], found: list[tuple[int, re.Match[str]]], labels: dict[int, str],
                name: str) -> Plan:
    """A labelled transcript's plan: from the first label on, each paragraph belongs to the last label above it."""
    first = found[0][0]
    rest = {number: match["rest"].strip() for number, match in found}
    questions: set[int] = set()
    answers: set[int] = set()
    role = ""
    for number, _ in paragraphs:
        if number < first:
            continue
        role = labels.get(number, role)
        (questions if role == "asker" else answers).add(number)
    guest = Speaker(name=name, title="", gender=guess_gender(name))
    return Plan(guest=guest, questions=frozenset(questions), answers=frozenset(answers), labels=labels, rest=rest)


def _labelled(paragraphs: list[tuple[int, str]], lines: list[str], headline: int, language: str) -> Plan | None:
    labels: dict[int, str] = {}
    rest: dict[int, str] = {}
    guest: Speaker | None = None
    asker_names: set[str] = set()
    guest_names: set[str] = set()
    said_by: set[str] = set()  # the guest's labels as written (folded)
    found_labels = [
        (number, found) for number, text in paragraphs
        if ":" in text[:_LABEL_CHARS] and (found := _LABEL.match(text)) and len(found["label"].split()) <= 12
    ]
    if not any(_ASKER.match(found["label"].strip()) or " " not in found["label"].strip() for _, found in found_labels):
        return None  # no label asks (`Тілші:`, `El.kz:`): no labelled interview, and no need to weigh the others
    for number, found in found_labels:
        label = found["label"].strip()
        later = _LATER.search(label)
        bare = _LATER.sub("", label).strip(" ,")
        key = bare.casefold()
        if _ASKER.match(bare) or key in asker_names or (is_outlet(bare) and " " not in bare):
            labels[number] = "asker"
            if later:
                asker_names.add(later["short"].strip().casefold())
        elif _ANSWER.match(bare) or key in guest_names or (labels and _guest_label(bare, language)):
            labels[number] = "guest"
            if later:
                guest_names.add(later["short"].strip().casefold())
            if guest is None:
                guest = _speaker(bare, language)
            said_by.add(key)
        else:
            continue
        rest[number] = found["rest"].strip()
    for number, text in paragraphs:  # `Karim Masimov. The United States is …`: the guest's label with a stop for its colon
        dotted = _NAME_DOT.match(text) if number not in labels else None
        if dotted and dotted["label"].casefold() in said_by:
            labels[number], rest[number] = "guest", dotted["rest"].strip()
    asked = sum(1 for kind in labels.values() if kind == "asker")
    answered = sum(1 for kind in labels.values() if kind == "guest")
    if not (asked >= QUESTIONS and answered >= QUESTIONS or asked and answered and _CUE.search("\n".join(lines))):
        return None
    guest = guest or _guest_named(lines, headline, paragraphs, min(labels), language)
    if guest is None:
        return None
    questions: set[int] = set()
    answers: set[int] = set()
    role = ""
    for number, _ in paragraphs:
        if number in labels:
            role = labels[number]
            if not rest[number]:
                continue
        if role == "asker":
            questions.add(number)
        elif role == "guest":
            answers.add(number)
    return Plan(guest=guest, questions=frozenset(questions), answers=frozenset(answers), labels=labels, rest=rest)


def _guest_label(label: str, language: str) -> bool:
    """A label for the guest: a person's name (with a title), or a role word (`Әкім`, `Аким`)."""
    folded = label.casefold()
    if folded in words.ROLE_WORDS or folded.split()[-1] in words.ROLE_WORDS:
        return True
    return _speaker(label, language) is not None


def _speaker(label: str, language: str) -> Speaker | None:
    found = split_attribution(label + ":")
    if found is not None and is_person(found[0].name, language):
        name = _caps_name(found[0].name)
        return Speaker(name=name, title=found[0].title, gender=guess_gender(name))
    return None


def _dialogue(paragraphs: list[tuple[int, str]], lines: list[str], headline: int, language: str) -> Plan | None:
    dashed = [(number, text) for number, text in paragraphs if _DASH.match(text)]
    if len(dashed) < 2:
        return None
    first = next((index for index, (_, text) in enumerate(paragraphs) if _DASH.match(text)), None)
    if first is None or first == 0:
        return None  # no intro before the first question to name the guest
    questions: set[int] = set()
    answers: set[int] = set()
    asked = False  # the last dash paragraph was a question
    for number, text in paragraphs[first:]:
        if _DASH.match(text):
            # the first is the interviewer's; later, a question asks or is short
            question = not (questions or answers) or not asked and ("?" in text or len(text.split()) <= SHORT_QUESTION_WORDS)
            (questions if question else answers).add(number)
            asked = question
        elif asked and number - 1 in questions and text.endswith("?"):
            questions.add(number)  # a question over two lines (`-Who will win …?` / `Nazarbayev, Tokayev …?`)
        elif number - 1 in answers or number - 2 in answers or (asked and number - 1 in questions):
            answers.add(number)  # an answer going on in a paragraph with no dash
            asked = False
        elif questions or answers:
            break  # copy after the interview, or a subheading: not the interview's
    # Two rounds with a question mark, or one where the page says it is an interview (`сұхбат`, `беседовал`).
    if not questions or not answers:
        return None
    asking = any("?" in text for number, text in paragraphs if number in questions)
    # one round only when the question calls the guest by name (`─ Шәкәрім мырза, …?`): checked below
    addressed = not (len(questions) >= QUESTIONS and len(answers) >= QUESTIONS) and asking
    if not (len(questions) >= QUESTIONS and len(answers) >= QUESTIONS and asking or _CUE.search("\n".join(lines[: min(questions)]))):
        if not addressed:
            return None  # the page says it is an interview before the first question (`Сұхбат`, `Беседовал …`)
    else:
        addressed = False
    last = max(questions | answers)
    inside = [(number, text) for number, text in paragraphs[first - 1:] if number <= last]
    if any(_DASH.match(text) and before.endswith(":") for (_, before), (_, text) in zip(inside, inside[1:])):
        return None  # `Name, title:` or `Ол былай дейді:` over a dash line: a speaker's quote, as transcripts write it
    sample = dashed[:_SAMPLE]  # the costly test last, on the first paragraphs only
    if sum(1 for _, text in sample if _attributed(text, language)) > ATTRIBUTED_SHARE * len(sample):
        return None
    asked_text = " ".join(text for number, text in paragraphs if number in questions)
    guest = _guest_named(lines, headline, paragraphs, min(questions), language, asked_text)
    if guest is None:
        return None
    if addressed and not _addresses(guest.name, dict(paragraphs)[min(questions)]):
        return None
    return Plan(guest=guest, questions=frozenset(questions), answers=frozenset(answers))


def _addresses(name: str, question: str) -> bool:
    """The question opens by calling the guest by the given name (`─ Шәкәрім мырза, …`, `– Акежан Магжанович, …`,
    `– Айгерим, …`): an interview even in one round."""
    given = name.split()[0]
    opening = _DASH.sub("", question).split(",", 1)
    return len(opening) > 1 and len(given) > 2 and len(opening[0].split()) <= 3 and opening[0].startswith(given[:-1])


def _attributed(text: str, language: str) -> bool:
    found = pieces(text, language)
    return bool(found and any(piece.quote and piece.clause for piece in found))


def _called(name: str, asked: str) -> bool:
    given = name.split()[0]
    return len(given) > 2 and given[:-1] in asked


def _guest_named(
    lines: list[str], headline: int, paragraphs: list[tuple[int, str]], start: int, language: str, asked: str = ""
) -> Speaker | None:
    """The guest the headline names, or else the person the intro names whom the questions call by name, or
    the first it names."""
    candidates = [lines[headline - 1].strip()] if headline else []
    candidates += [text for number, text in paragraphs[:3] if number < start and len(text.split()) <= 25]
    for text in candidates:
        found = _headline_guest(text, language)
        if found is not None:
            return found
    for number, text in paragraphs:
        if number >= start:
            break
        # not the journalist; the one the questions call by the given name (`Ермухамет Кабидинович, …?`), or else
        # the first named
        named = [(name, title) for name, title in mentions(uncapped(text)) if not _ASKER.search(title)]
        if named:
            name, title = next(((name, title) for name, title in named if _called(name, asked)), named[0])
            name = _caps_name(nominative(name, language))
            if language == "kk" and (bare := _WITH_INTERVIEW.match(f"{name} сұхбат")) and re.search(
                rf"{re.escape(name)}\s+(?:сұхбат|әңгіме)", text, re.IGNORECASE
            ):  # the intro's `Берік Уәлимен сұхбатты …`: the interview with him
                name = bare["name"]
            return Speaker(name=name, title=title, gender=guess_gender(name))
    return None


_WITH_INTERVIEW = re.compile(r"^(?P<name>.+?[^\W\d_]{3,}?)(?:мен|пен|бен)(?:\s+(?:сұхбат\w*|әңгіме\w*))$", re.IGNORECASE)


def _headline_guest(text: str, language: str) -> Speaker | None:
    """`Асқар ЖҰМАДІЛДАЕВ, академик: Ірі істер …`, `Name Surname: «…»`, `… – Нұрдәулет Қилыбай`."""
    head = text.split(":", 1)[0] if ":" in text else ""
    if head:
        found = _speaker(head, language)
        if found is not None:
            return found
    with_ = _INTERVIEW_WITH.search(text)
    if with_ is not None:  # `My interview with an American analyst … Mr Paul Goble`: the one the interview is with
        named = mentions(with_["whom"])
        if named:
            name = _caps_name(nominative(named[-1][0], language))
            return Speaker(name=name, title="", gender=guess_gender(name))
    tail = re.split(r"\s[-–—]\s", text)
    if len(tail) > 1:
        last = tail[-1].strip(" .")
        if language == "kk":  # `… – Берік Уәлимен сұхбат`: the interview "with" him; the name without `-мен`
            last = _WITH_INTERVIEW.sub(r"\g<name>", last)
        found = _speaker(last, language)
        if found is not None:
            return found
        # `«…». Александр Цекало — о самоцензуре, …`: the guest, then what the interview is about
        about = re.split(r"(?<=[.!?»])\s+", tail[-2].strip())[-1].strip(" .")
        if re.match(r"(?:о|об|про|туралы|on|about)\s", tail[-1].strip(), re.IGNORECASE) and len(about.split()) <= 3:
            found = _speaker(about, language)
            if found is not None:
                return found
    return None


# A headline that says whom the interview is with: `My interview with … Mr Paul Goble`.
_INTERVIEW_WITH = re.compile(r"\b(?:interview|conversation)\s+with\s+(?P<whom>.{3,160})$", re.IGNORECASE)


def _caps_name(name: str) -> str:
    """`Асқар ЖҰМАДІЛДАЕВ` → `Асқар Жұмаділдаев`."""
    return " ".join(word.capitalize() if word.isupper() and len(word) > 1 else word for word in name.split())
