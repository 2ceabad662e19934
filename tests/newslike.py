"""Hypothesis strategies for news-like copy in kk, ru and en: lead paragraphs, attribution lines with a dash
quote, in-sentence quotes, outlet credits, page furniture, figures and odd white space (tabs, NBSP, trailing
spaces, blank runs, CRLF). Used by test_property.py (a small budget) and benchmarks/property_texts.py (10,000+)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from invariants import unaccounted

SENTENCES = {
    "kk": [
        "Астанада жаңа мектеп ашылды",
        "Үкімет отырысында елдің экономикалық жағдайы талқыланды",
        "Алматы облысында көктемгі егіс жұмыстары басталды",
        "Биыл республикада тұрғын үй құрылысы қарқынды жүріп жатыр",
        "Министрлік жол жөндеу жұмыстарына қаржы бөлді",
        "Қала әкімдігі қоғамдық көлік бағасын өзгертпейтінін мәлімдеді",
        "Шекарадағы өткізу бекеттерінде кезек азайды",
    ],
    "ru": [
        "В Астане открылась новая школа",
        "На заседании правительства обсудили экономическую ситуацию в стране",
        "В Алматинской области начались весенние полевые работы",
        "В этом году в республике активно строится жилье",
        "Министерство выделило средства на ремонт дорог",
        "Акимат города заявил, что цены на проезд не изменятся",
        "Очереди на пунктах пропуска на границе сократились",
    ],
    "en": [
        "A new school has opened in Astana",
        "The government discussed the economic situation at its weekly meeting",
        "Spring field work has begun in the Almaty region",
        "Housing construction is growing fast across the country this year",
        "The ministry has set aside money for road repairs",
        "The city council said bus fares would not change",
        "Queues at the border crossings have become shorter",
    ],
}
FIGURES = {
    "kk": ["2,5 млрд теңге", "15%", "1 200 адам", "2024 жылы", "3-4 күн", "47 мың тонна", "12 наурызда"],
    "ru": ["2,5 млрд тенге", "15%", "1 200 человек", "в 2024 году", "3-4 дня", "47 тыс. тонн", "12 марта"],
    "en": ["$2.5 billion", "15%", "1,200 people", "in 2024", "3-4 days", "47,000 tonnes", "on March 12"],
}
JOINS = {"kk": " — бұл ", "ru": " — это ", "en": ": "}
NAMES = {
    "kk": [("Асқар Жұмабаев", "әкім орынбасары"), ("Ирина Новикова", "экономика ғылымдарының докторы"),
           ("Дәурен Сейітов", "министрлік өкілі")],
    "ru": [("Ирина Новикова", "доктор экономических наук"), ("Асхат Нурланов", "заместитель акима"),
           ("Сергей Петров", "представитель министерства")],
    "en": [("John Smith", "deputy mayor"), ("Anna Brown", "professor of economics"), ("David Lee", "ministry spokesman")],
}
QUOTES = {
    "kk": ["Біз бұл жобаны жыл соңына дейін аяқтаймыз", "Бағалар тұрақты болады", "Жұмыс жалғасып жатыр"],
    "ru": ["Мы завершим этот проект до конца года", "Цены останутся стабильными", "Работа продолжается"],
    "en": ["We will finish this project by the end of the year", "Prices will stay stable", "The work goes on"],
}
SAID = {
    "kk": ["– деді ол", "— деді ол", "– деп атап өтті министр", "– дейді сарапшы"],
    "ru": ["— сказал он", "– сказала она", "— отметил министр", "– подчеркнул эксперт"],
    "en": ["he said", "she said", "the minister said", "said the expert"],
}
CREDITS = {
    "kk": ["деп хабарлайды Kazinform", "деп хабарлайды Хабар 24", "хабарлайды ҚазАқпарат"],
    "ru": ["сообщает Tengrinews.kz", "передает корреспондент Zakon.kz", "пишет Vlast.kz"],
    "en": ["Reuters reports", "according to Kazinform", "the Associated Press reported"],
}
FURNITURE = {
    "kk": ["Фото: Kazinform", "Сурет: ашық дереккөздер", "Оқи отырыңыз: Астанада жаңа саябақ ашылды",
           "12:45, 3 наурыз 2024", "Бөлісу", "Жаңалықты әлеуметтік желіде бөлісіңіз"],
    "ru": ["Фото: пресс-служба акимата", "Читайте также: В Алматы открылся новый парк", "12:45, 3 марта 2024",
           "Поделиться", "Фото: Tengrinews.kz / Турар Казангапов", "Подписывайтесь на наш Telegram-канал"],
    "en": ["Photo: Reuters", "Read also: A new park opens in Almaty", "12:45, 3 March 2024", "Share this article",
           "Photo credit: AP / John Doe", "Follow us on Telegram"],
}
PUNCTUATION = ["...", "—", "!!!", "* * *", "«»", "?!", "---", "•"]


@st.composite
def sentence(draw: st.DrawFn, lang: str) -> str:
    text = draw(st.sampled_from(SENTENCES[lang]))
    if draw(st.booleans()):
        text += JOINS[lang] + draw(st.sampled_from(FIGURES[lang]))
    return text + draw(st.sampled_from([".", ".", ".", "!", "?"]))


@st.composite
def paragraph(draw: st.DrawFn, lang: str) -> list[str]:
    return [" ".join(draw(st.lists(sentence(lang), min_size=1, max_size=3)))]


@st.composite
def attribution(draw: st.DrawFn, lang: str) -> list[str]:
    """`Name Surname, title:` and a dash quote on the next line (or two)."""
    name, title = draw(st.sampled_from(NAMES[lang]))
    dash = draw(st.sampled_from(["– ", "— ", "- "]))
    quotes = draw(st.lists(st.sampled_from(QUOTES[lang]), min_size=1, max_size=2))
    return [f"{name}, {title}:", *(f"{dash}{quote}." for quote in quotes)]


@st.composite
def quoted(draw: st.DrawFn, lang: str) -> list[str]:
    """A quote inside the copy's sentence: «…», – деді ол. / "…," he said."""
    quote = draw(st.sampled_from(QUOTES[lang]))
    said = draw(st.sampled_from(SAID[lang]))
    if lang == "en":
        return [f'"{quote}," {said}.']
    opening, closing = draw(st.sampled_from([("«", "»"), ('"', '"'), ("„", "“")]))
    return [f"{opening}{quote}{closing}, {said}."]


@st.composite
def credited(draw: st.DrawFn, lang: str) -> list[str]:
    text = draw(st.sampled_from(SENTENCES[lang]))
    credit = draw(st.sampled_from(CREDITS[lang]))
    if lang == "ru" and draw(st.booleans()):
        return [f"Как {credit}, {text[0].lower()}{text[1:]}."]
    return [f"{text}, {credit}."]


@st.composite
def furniture(draw: st.DrawFn, lang: str) -> list[str]:
    return [draw(st.sampled_from(FURNITURE[lang]))]


DATELINES = {
    "kk": ["АСТАНА. 12 наурыз. KAZINFORM –", "Алматы, 3 наурыз."],
    "ru": ["АСТАНА. 12 марта. KAZINFORM –", "Алматы, 3 марта."],
    "en": ["ASTANA, March 12 (Reuters) -", "ALMATY, March 3."],
}
OTHER = {"kk": "ru", "ru": "kk", "en": "ru"}


@st.composite
def wild(draw: st.DrawFn, lang: str) -> list[str]:
    """Rarer shapes of pasted copy: an attribution and its quote on one line, a name with no title, a headline
    without a full stop, a dateline, a list, a bare figure, a link, hashtags, a quote in the other language,
    a quote running over two paragraphs, a paragraph repeated."""
    name, title = draw(st.sampled_from(NAMES[lang]))
    quote = draw(st.sampled_from(QUOTES[lang]))
    text = draw(sentence(lang))
    shapes = [
        [f"{name}, {title}: – {quote}."],
        [f"{name}:", f"– {quote}."],
        [text.rstrip(".!?")],
        [f"{draw(st.sampled_from(DATELINES[lang]))} {text}"],
        [f"• {text}", f"- {draw(sentence(lang))}"],
        [draw(st.sampled_from(FIGURES[lang]))],
        ["https://tengrinews.kz/kazakhstan_news/novaya-shkola-520000/"],
        ["#новости #Казахстан #Астана"],
        [f"{name}, {title}:", f"– {draw(st.sampled_from(QUOTES[OTHER[lang]]))}."],
        [f"«{quote}.", "", f"{draw(st.sampled_from(QUOTES[lang]))}», {draw(st.sampled_from(SAID[lang]))}."],
        [text, "", text],
    ]
    return draw(st.sampled_from(shapes))


def blocks(lang: str) -> st.SearchStrategy[list[str]]:
    return st.one_of(
        paragraph(lang), paragraph(lang), attribution(lang), quoted(lang), credited(lang), furniture(lang), wild(lang)
    )


@st.composite
def odd_space(draw: st.DrawFn, line: str) -> str:
    """The white space a pasted article carries: tabs, NBSP, trailing or leading spaces, doubled spaces."""
    before = draw(st.sampled_from(["", "", "", " ", "\t", "\u00a0", "  "]))
    after = draw(st.sampled_from(["", "", "", " ", "\t", "\u00a0", "   "]))
    if draw(st.integers(0, 4)) == 0:
        line = line.replace(" ", draw(st.sampled_from(["  ", "\u00a0", "\t"])), 1)
    return before + line + after


# What hostile or unlucky copy carries inside a line: control characters (NUL, bell, escape, DEL, C1), bidi
# marks and isolates, zero-width characters and a byte-order mark, and the characters Python also counts as
# line breaks (vertical tab, form feed, file and record separators, NEL, the Unicode line and paragraph
# separators).
HOSTILE = [
    "\x00", "\x01", "\x07", "\x08", "\x1b", "\x1b[31m", "\x1b]0;title\x07", "\x7f", "\x9b", "\u200e", "\u200f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u200b",
    "\u200d", "\ufeff", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\ufffd",
]
# What a file may hold that is no UTF-8 at all: a stray byte, half a character, a surrogate encoded as bytes
# (CESU-8, what a lone "\ud800" becomes written by a careless tool), an overlong form.
BAD_BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\x80"]


@st.composite
def hostile(draw: st.DrawFn, line: str) -> str:
    """`line` with hostile characters put in at a few places, or made very long (a word of thousands of
    letters, or the line repeated to tens of thousands of characters)."""
    if draw(st.integers(0, 9)) == 0:
        if draw(st.booleans()):
            return line + " " + draw(st.sampled_from("ақxя")) * draw(st.integers(65, 5_000)) + "."
        return " ".join([line] * draw(st.integers(20, 120)))
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.integers(0, len(line)))
        line = line[:place] + draw(st.sampled_from(HOSTILE)) + line[place:]
    return line


@st.composite
def hostile_article(draw: st.DrawFn) -> tuple[str, bytes]:
    """(language, the file's bytes): a news-like article with hostile characters in some lines, and sometimes a
    few bytes that are no UTF-8 inside a line."""
    lang, text = draw(article().filter(lambda case: any(char.isalpha() for char in case[1])))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        number = draw(st.integers(0, len(lines) - 1))
        lines[number] = draw(hostile(lines[number]))
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 3)) == 0:  # a stray byte or two between two characters of a line
        for _ in range(draw(st.integers(1, 2))):
            starts = [i for i in range(len(data)) if data[i] & 0xC0 != 0x80 and data[i] not in b"\r\n"]
            if starts:
                place = draw(st.sampled_from(starts))
                data = data[:place] + draw(st.sampled_from(BAD_BYTES)) + data[place:]
    return lang, data


@st.composite
def article(draw: st.DrawFn) -> tuple[str, str]:
    """(language, text as it would be on disk): a headline-ish first paragraph, then 1–8 blocks."""
    lang = draw(st.sampled_from(["kk", "ru", "en"]))
    if draw(st.integers(0, 40)) == 0:  # only punctuation: the reader must refuse it cleanly
        return lang, " ".join(draw(st.lists(st.sampled_from(PUNCTUATION), min_size=1, max_size=6))) + "\n"
    lines: list[str] = []
    for block in [draw(paragraph(lang)), *draw(st.lists(blocks(lang), min_size=1, max_size=8))]:
        lines.extend(draw(odd_space(line)) for line in block)
        lines.extend([""] * draw(st.sampled_from([0, 1, 1, 1, 2, 4])))  # blank runs (and none between blocks)
    ending = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    text = ending.join(lines)
    if draw(st.integers(0, 5)) == 0:  # a blank line of white space only
        text = text.replace(ending + ending, ending + draw(st.sampled_from([" ", "\t", "\u00a0"])) + ending, 1)
    return lang, text + draw(st.sampled_from(["", ending, ending * 3]))


def holds(raw: str | bytes, folder: Path, lang: str | None = None) -> str:
    """The property, on one text written to a file in `folder` and loaded through the library
    (`broadcast.load`): it never crashes (only the project's own one-line errors, and only for a text
    with no letters), every text format renders, nothing is lost (tests/invariants.py) and the segments' durations add up to the story's.
    Returns "ok" or "refused" (a clean error); raises AssertionError (or the crash) otherwise."""
    import broadcast
    from broadcast.errors import BroadcastError
    from broadcast.read import decode_warned
    from broadcast.writers.formats import formats

    path = folder / "article.txt"
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    try:
        timed = broadcast.load(path, lang=lang)
    except BroadcastError as error:
        message = str(error)
        assert message and "\n" not in message, f"not one line: {message!r}"
        letters = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        # Refused as it should be: binary data (a NUL, many control characters), or bytes that are no UTF-8 in a
        # text that shows too little UTF-8 to be sure of it, refused with where the first such byte is.
        binary = "binary data" in message and any(ord(char) < 32 and char not in "\n\t\f\r" for char in letters)
        undecided = isinstance(raw, bytes) and "\ufffd" in letters and "not valid UTF-8 at byte" in message
        assert binary or undecided or not any(char.isalpha() for char in letters), f"news copy refused: {message}"
        return "refused"
    # As read: line numbers count LF, CRLF or CR once (and the other line breaks as LF); bytes that are no UTF-8
    # are warned about where they stand.
    text = decode_warned(raw)[0] if isinstance(raw, bytes) else raw.replace("\r\n", "\n").replace("\r", "\n")
    story, timing = timed.story, timed.timing
    lost = unaccounted(text, story)
    assert not lost, "lost: " + "; ".join(f"line {n}: {text.split(chr(10))[n - 1]!r}" for n in lost)
    assert len(timing.segments) == len(story.segments)
    assert sum(segment.duration for segment in timing.segments) == timing.duration, "segments do not add up"
    start = 0
    for segment in timing.segments:
        assert segment.start == start, "segments do not follow each other"
        assert sum(line.duration for line in segment.lines) + segment.pause == segment.duration
        start += segment.duration
    for name, entry in formats("story", timed.house).items():  # every text output of the story renders
        if not entry.folder:
            assert isinstance(timed.render(name), str)
    return "ok"
