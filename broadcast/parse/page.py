"""A whole web page pasted as it shows (a "full-page scrape"): the story's prose is read, not the page's head
and tail around it.

The head is site menus, currency and weather blocks, the headline, a byline, a date; the tail the author block,
"Related news", lists of other headlines, "Наверх". Neither is read.

The frame is found only in prose, where the story's lines end their sentences: a subtitle-style
transcript, whose lines break anywhere, has no head or tail to cut. The numbers below are the rules.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from ..languages._letters import UPPER
from .furniture import dateline, furniture
from .gender import _given_names

# A line that opens the story: a sentence (final punctuation) of at least this many words, or a dateline.
BODY_WORDS = 8
# A story shorter than this has no page around it to cut.
STORY_WORDS = 30
# A line that may close the story: a sentence ending in a full stop (a question or a list of headlines
# ending in `?` does not), of at least this many words.
LAST_WORDS = 1
# Of the story's own lines, at least this share must end a sentence for the text to count as prose.
PROSE_SHARE = 0.8
# The page's head is cut only when it has at least this many lines, furniture counted (a single line over
# the copy is a headline, which the headline rule reads).
HEAD_LINES = 2
# The tail begins at the first line after the story that is a label this short (`Related news`, `Автор`,
# `Наверх`), a bullet, or furniture; a longer line before it is the story's last paragraph without its stop.
LABEL_WORDS = 4
# A tail line longer than this is copy that lost its full stop, not a page's link or label.
TAIL_WORDS = 20

_ENDS = re.compile(r"[.!?…][\"»”')\]]*$")
# A line of the story itself, wherever it stands: direct speech or a quotation opens it.
_SPEECH = re.compile(r"^\s*(?:[-–—](?!\s*\d)|[«\"“„])")
_ENDS_STATEMENT = re.compile(r"[.!…][\"»”')\]]*$")
_BULLET = re.compile(rf"^\s*[•·*▪►]\s*|^\s*-\s+(?=[{UPPER}])(?!.*[.!…][\"»”')\]]*$)")


@dataclass(frozen=True)
class Frame:
    head: frozenset[int] = frozenset()  # numbers of the page-head lines (the title's among them)
    tail: frozenset[int] = frozenset()  # numbers of the page-tail lines
    title: int = 0  # the head line that is the story's headline, 0 if none
    first: int = 0  # the story's first line and its last (0 when no frame was found)
    last: int = 0


def _speech(text: str) -> bool:
    """A line of direct speech (the story's own): a dash opens it, or it is a quotation that ends a
    sentence. A headline that opens with a quotation (`"Накажу ее": Досаеву пожаловались…`) is not."""
    if text.lstrip()[:1] in "-–—" and text.rstrip().endswith("?") and not title_case(text):
        return True  # an interview's question (`- What are the odds …?`), not a list of headlines (`- Is Kazakhstan Leading …?`)
    if _BULLET.match(text) or not _SPEECH.match(text):
        return False
    if _NAME_IN_MARKS.match(text):
        return False  # `«Егемен Қазақстан» газеті көтерген мәселе …`: a name in marks opens the sentence
    return text.lstrip()[:1] in "-–—" or bool(_ENDS.search(text))


# A short name in marks, then the sentence goes on in small letters with no clause of saying: `«Егемен Қазақстан»
# газеті …`, `«Самрук-Казына» намерен …` (`«Жоқ» деді ол`, `"Нет", - сказал`: speech).
_NAME_IN_MARKS = re.compile(
    r"^\s*[«\"“„][^«»\"“”„\s]+(?:\s[^«»\"“”„\s]+){0,3}[»\"”“]\s+(?!деп|деді|дейді|деген|сказал|говорит|said|says)[^\W\d_]"
)


_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _byline(raw: str) -> bool:
    """A reporter's name alone on its line (`Елена Мухачёва`): a given name from the names list and a surname."""
    words = raw.split()
    return len(words) == 2 and all(word[:1].isupper() and word[1:].islower() for word in words) and (
        words[0].casefold() in _given_names()
    )


def _under_headline_again(content: list[tuple[int, str]], first: int) -> int:
    """The story opens under the headline shown again (a national paper's page: the headline, counters, a
    one-sentence deck, the headline again over the photo, then the copy) or under the reporter's byline (the
    headline, the deck, `Елена Мухачёва`, the copy): a one-sentence deck above them is the page's."""
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    above = {" ".join(text.split()) for _, text in content[:at] if len(text.split()) >= 3}
    for index in range(at + 1, min(at + 1 + DATELINE_REACH, len(content) - 1)):
        # the headline again, or the reporter's byline (`Елена Мухачёва`) over the copy
        if " ".join(content[index][1].split()) in above or _byline(content[index][1]) and _opens_story(content[index + 1][1]):
            between = [text for _, text in content[at:index]]
            # a deck says it in a sentence or two (an interview's intro over the headline is the story's, and longer)
            if all(len(re.findall(r"[.!?…](?:\s|$)", text)) <= 2 and _words(text) <= DECK_WORDS for text in between):
                after = index + 1
                while after + 1 < len(content) and _words(content[after][1]) <= CAPTION_WORDS and not _ENDS.search(content[after][1]):
                    after += 1  # the picture's caption under the headline again (`КТК`): the page's too
                return content[after][0]
            return first
    return first



def _said_twice(text: str) -> bool:
    """A line that is the same words twice running (`Аким … Кулагин. Фото Нуржана Юмашева. Аким … Кулагин. Фото
    Нуржана Юмашева.`): a photo's caption and its alt text, as a scrape joins them; no paragraph of the story."""
    half = len(text) // 2
    return len(text) > 40 and text[:half].strip() == text[half:].strip()


def _opens_story(text: str, words: int = -1) -> bool:
    """Whether the line opens the story (a dateline, or a paragraph of copy); `words`: `_words(text)` if the caller
    has it."""
    if _said_twice(text):
        return False
    words = _words(text) if words < 0 else words
    # Every dateline form takes a word (a place, an agency) and ends at a white space, a mark or the line's end,
    # never inside a word: what follows it has a word fewer than the line, so three need four.
    if words < 4:
        return False
    found = dateline(text)
    if found is not None and _words(found.rest) >= 3:
        return True
    if words < BODY_WORDS:
        return False  # too short for a paragraph of copy: whether it is a headline does not matter (most lines)
    if headline_style(text):
        return False  # `Kazakh Minister Supports Strong Ties with U.S.`: a headline, whose last word has a dot
    return bool(_ENDS.search(text)) and not _BULLET.match(text)


# A headline that quotes its subject: `Депутат Ибраев: «Нужно принять постановление …»`, the line ending at the
# closing mark with no stop (a speaker's line in the copy ends its sentence: `Аким: «Мы готовы».`).
_QUOTE_HEADLINE = re.compile(r"^[^:«»\"“”„]{3,80}:\s*[«\"“„][^«»\"“”„]+[»\"”“]$")


def _quote_headline(content: list[tuple[int, str]], index: int) -> bool:
    """The line at `index` is a `Name: «…»` headline over the story: no stop closes it and a paragraph of copy
    follows it."""
    text = content[index][1]
    return (
        text[-1:] in "»\"”“" and text[-2:-1] not in ".!?…" and bool(_QUOTE_HEADLINE.match(text))
        and index + 1 < len(content) and _opens_story(content[index + 1][1])
    )


def _closes_story(text: str) -> bool:
    """A sentence that ends; a teaser of another story cut short (`…Олимпиада...`) does not close ours."""
    return (
        bool(_ENDS_STATEMENT.search(text)) and not _TEASER.search(text) and _words(text) >= LAST_WORDS
        and not _BULLET.match(text)
    )


_TEASER = re.compile(r"[\w.](?:\.\.\.|…)$")  # `… толып отыр.…`: a stop, then the cut
_CRUMB_MARKS = " -–—«\"“„"


def _crumb_of(text: str, head: list[tuple[int, str]]) -> bool:
    """A breadcrumb's last item, the headline cut short (`- "Жұмыс баяу жүріп...` over `"Жұмыс баяу жүріп жатыр".
    Премьер-министр …`): no speech, though a dash and a mark open it."""
    if not _TEASER.search(text):
        return False
    stem = text.rstrip(".…").lstrip(_CRUMB_MARKS)
    return len(stem) >= 8 and any(other != text and other.lstrip(_CRUMB_MARKS).startswith(stem) for _, other in head)


# A wire dateline this close under the line that seemed to open the story opens it instead: what stands
# over a dateline (a photo's caption, a standfirst) is the page's.
DATELINE_REACH = 2
# A picture's caption under the headline shown again: a few words with no stop.
CAPTION_WORDS = 3


def _dateline_under(content: list[tuple[int, str]], first: int) -> int:
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    if dateline(content[at][1]) is not None:
        return first
    for number, text in content[at + 1: at + 1 + DATELINE_REACH]:
        found = dateline(text)
        if found is not None and _words(found.rest) >= 3:
            return number
    return first


def _past_caption_twice(content: list[tuple[int, str]], first: int) -> int:
    """The line under the one that seemed to open the story, when that one is printed twice running (a picture's
    caption and its alternative text, as a broadcaster's page gives them over the copy): a story never opens with its
    first line said twice; the caption is the page's."""
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    if at + 2 < len(content) and content[at + 1][0] == first + 1 and content[at + 1][1] == content[at][1] \
            and content[at + 2][1] != content[at][1]:  # on the next line, no blank between (a lead's repeat has one)
        return content[at + 2][0]
    return first


# A standfirst (deck) under the headline says the story in one sentence, and the story's first paragraph then
# says it again: of the deck's words (of four letters or more) at least this share are in the paragraph.
RESTATED_SHARE = 0.6


def _restated_under(lines: list[str], content: list[tuple[int, str]], first: int) -> int:
    """The line under the one that seemed to open the story, when it says that line again with the page's
    furniture between them (`President Nursultan Nazarbayev has reassured …`, `• Found a bug?`, a photo's
    caption, `President Nursultan Nazarbayev reassured …, Tengrinews reports.`): the upper one is the page's
    deck, the lower one opens the story. With nothing between them the two are the lead and its repeat."""
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    deck = {word.casefold() for word in re.findall(r"\w{4,}", content[at][1])}
    if not deck:
        return first
    for number, text in content[at + 1: at + 1 + DATELINE_REACH]:
        said = {word.casefold() for word in re.findall(r"\w{4,}", text)}
        if said <= deck:  # the same words again: the line and its repeat (the repeat rule reads it once)
            continue
        if _opens_story(text) and len(deck & said) >= RESTATED_SHARE * len(deck) and len(said) > len(deck) * 0.8:
            between = lines[first: number - 1]
            return number if any(raw.strip() and (furniture(raw) or _byline(raw)) for raw in between) else first
    return first


# The page's own tools and labels that stand between a deck and the story, never inside the story: a byline, the
# date, `• Found a bug?`, a share prompt, the reading time. (A photo and its caption do stand in a story.)
_BETWEEN_DECK_AND_STORY = frozenset(
    {"site navigation", "byline", "date stamp", "reading time or views", "view counter", "comment counter", "share or follow prompt"}
)
# A deck is one sentence of at most this many words.
DECK_WORDS = 35


def _deck_over_tools(lines: list[str], content: list[tuple[int, str]], first: int) -> int:
    """The line under the one that seemed to open the story, when the page's byline, date or tools stand
    between them (`As part of state-wide austerity measures, Kazakhstan cuts …` / `• Found a bug?` / a photo /
    `Of all the state bodies …`): the upper one, a single short sentence right under the headline, is the
    page's deck; the lower one opens the story."""
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    text = content[at][1]
    if at == 0 or at + 1 >= len(content) or _words(text) > DECK_WORDS or dateline(text) is not None:
        return first
    if re.search(r"[.!?…]\s+\S", text.rstrip()) or _speech(text):
        return first  # more than one sentence, or direct speech: the story's own
    if any(raw.strip() and not furniture(raw) for raw in lines[content[at - 1][0]: first - 1]):
        return first
    for number, following in content[at + 1: at + 1 + DATELINE_REACH]:  # a photo's caption may stand over the story
        if _opens_story(following):
            between = [furniture(raw) for raw in lines[first: number - 1] if raw.strip()]
            return number if any(kind in _BETWEEN_DECK_AND_STORY for kind in between) else first
    return first


# A sentence that leans on one before it (`Более того, …`, `Депутаты … также сетовали …`, `Сонымен қатар …`) cannot
# open a story: right under the headline it is the page's deck, a sentence picked out of the story.
_LEANS_BACK = re.compile(
    r"^(?:более\s+того|кроме\s+того|помимо\s+этого|при\s+этом|вместе\s+с\s+тем|тем\s+не\s+менее|также|к\s+тому\s+же"
    r"|сонымен\s+қатар|сондай-ақ|оған\s+қоса|бұған\s+қоса|moreover|in\s+addition|also|furthermore)\b"
    r"|^\S+(?:\s+\S+){0,3}?\s+(?:также|тоже)\s",
    re.IGNORECASE,
)


def _deck_that_leans_back(content: list[tuple[int, str]], first: int) -> int:
    """The paragraph under the one that seemed to open the story, when that one is a single sentence under the
    headline that leans on an earlier one (`Более того, Максим Егоров выразил поддержку …`) or that the next
    paragraph opens with word for word (a deck the story repeats, `Часть полей … заминированы.` / `Часть полей …
    заминированы. Об этом заявил министр …`): the upper one is the page's deck."""
    if not first:
        return first
    at = next(index for index, (number, _) in enumerate(content) if number == first)
    text = content[at][1]
    if at == 0 or at + 1 >= len(content) or _words(text) > DECK_WORDS or re.search(r"[.!?…]\s+\S", text.rstrip()):
        return first
    above = {" ".join(earlier.split()) for _, earlier in content[:at]}
    # the next paragraph, past the headline shown again over the story's photo
    number, following = next(
        ((number, later) for number, later in content[at + 1: at + 1 + DATELINE_REACH] if " ".join(later.split()) not in above),
        content[at + 1],
    )
    repeated = len(following) > len(text) + 20 and following.startswith(text.rstrip(" .") + ".")
    if (repeated or _LEANS_BACK.search(text)) and _opens_story(following) and not _speech(text):
        return number
    return first


def _opens_or_kept(text: str, keeps: Callable[[str], bool]) -> bool:
    """The story's first line: one that opens a story, or a paragraph's worth of words the reader must see (a
    credit, a speaker's line); its words counted once (most lines of a long text are asked both)."""
    words = _words(text)
    return _opens_story(text, words) or words >= BODY_WORDS and keeps(text)


def frame(lines: list[str], keeps=lambda text: False, end: int = 0) -> Frame:
    """The page's head and tail around the story. `keeps(text)` says a line the reader must see even out
    there (a credit, a sign-off, a speaker's line); `end`, the line the wire's end mark closed (`-0-`): what
    follows it is the page's."""
    content = [(number, raw.strip()) for number, raw in enumerate(lines, start=1) if raw.strip() and not furniture(raw)]
    first = next(
        (
            number for index, (number, text) in enumerate(content)
            if _opens_or_kept(text, keeps) and not (_quote_headline(content, index) and keeps(text))
        ), 0
    )
    first = _restated_under(lines, content, _dateline_under(content, first))
    first = _deck_over_tools(lines, content, first)
    first = _deck_that_leans_back(content, first)
    first = _under_headline_again(content, first)
    first = _past_caption_twice(content, first)
    last = next((number for number, text in reversed(content) if _closes_story(text)), 0)
    cut = _next_story(lines, content, first, last)
    comments = _comments_heading(content, first)
    if comments and (not cut or comments < cut):
        cut = comments  # the readers' comments under the story: the page's, however much they say
    teasers = _teasers(lines, first)
    if teasers and (not cut or teasers < cut):
        cut = teasers
    if end and first and first <= end and (not cut or cut > end):
        cut = end + 1  # the wire's end mark closes the story: the rest of the page is other stories and its tools
    if cut:  # the page lists another story after ours: ours ends before it
        last = next((number for number, text in reversed(content) if number < cut and _closes_story(text)), 0)
    if not first or not last or last < first:
        return Frame()
    # the page's headline shown again over the story's photo (`<headline>` / `Фото: …`) is no paragraph of the story
    above = {" ".join(text.split()) for number, text in content if number < first}
    body = [text for number, text in content if first <= number <= last and " ".join(text.split()) not in above]
    # a photo's caption the page prints twice running (`Zhasaral Quanyshalin` / `Zhasaral Quanyshalin`) counts once
    body = [text for index, text in enumerate(body) if not index or text != body[index - 1]]
    # a credit may end a line without a stop; a sentence bringing in the quote below ends with a colon (`… былай деп
    # жауап берді:`)
    ended = sum(1 for text in body if _ENDS.search(text) or keeps(text) or (text[-1:] == ":" and _words(text) >= BODY_WORDS))
    if ended < PROSE_SHARE * len(body) or sum(map(_words, body)) < STORY_WORDS:
        return Frame()
    head = [
        (number, text) for index, (number, text) in enumerate(content)
        if number < first and (not keeps(text) or _label_over_capitals(lines, number) or _quote_headline(content, index))
    ]
    if any(_speech(text) and not _crumb_of(text, head) for _, text in head):
        head = []
    around = sum(1 for number, raw in enumerate(lines[: first - 1], start=1) if raw.strip() and furniture(raw))
    head_set = frozenset(number for number, _ in head) if head and len(head) + around >= HEAD_LINES else frozenset()
    title = 0
    if head_set:
        candidates = [(number, text) for number, text in head if _words(text) >= 3 and not _BULLET.match(text)]
        if candidates:
            title = _title(candidates, lines)
    after = [(number, raw.strip()) for number, raw in enumerate(lines, start=1) if number > last and raw.strip()]
    start = next(
        (
            number for number, text in after
            if furniture(text) or _BULLET.match(text) or _words(text) <= LABEL_WORDS
            or (title_case(text) and not _ENDS.search(text))  # `President of Kazakhstan President Top Story`: tags
        ), 0
    )
    if not start and len(after) >= 2 and all(
        not _ENDS.search(text) and 3 <= _words(text) <= TAIL_WORDS and not _speech(text) for _, text in after
    ):
        start = after[0][0]  # other stories' headlines listed under ours, none ending a sentence: the page's tail
    start = _headline_again(after, start, content, first)
    start = _headlines_listed(after, start)
    tail = frozenset(
        number for number, text in content
        if start and number >= start and not keeps(text) and (_words(text) <= TAIL_WORDS or _BULLET.match(text))
        and not _speech(text)
    ) | frozenset(number for number, _ in content if cut and number >= cut)
    return Frame(head=head_set, tail=tail, title=title, first=first, last=last)



# Other stories' headlines listed under the story: at least this many lines in a row, none ending a sentence.
LISTED_HEADLINES = 3
LISTED_HEADLINE_WORDS = 5


def _headlines_listed(after: list[tuple[int, str]], start: int) -> int:
    """The page's tail from the first of the other stories' headlines it lists under the story (`New Ambassador of
    Tajikistan presents copies of his credentials …` / `UN General Assembly adopts …` / …): LISTED_HEADLINES lines or
    more in a row with no sentence's end, none of them speech."""
    run: list[int] = []
    for number, text in after:
        if start and run[:1] == [] and number >= start:
            break  # the tail starts before any such run
        if _ENDS.search(text) or not LISTED_HEADLINE_WORDS <= _words(text) <= TAIL_WORDS or _speech(text) or furniture(text):
            run = []  # (a date, a counter or a label is no headline: `17 августа 2023`, `1`)
            continue
        run.append(number)
        if len(run) >= LISTED_HEADLINES:
            return min(run[0], start) if start else run[0]
    return start


def _headline_again(after: list[tuple[int, str]], start: int, content: list[tuple[int, str]], first: int) -> int:
    """The page's tail from the headline shown again under the story, over its date and counters (Dzen: `Мэр
    Читы Инна Щеглова: Школа в Каштаке откроется к 1 сентября` / `17 августа 2023` / `1`): a line with no final
    stop right above the tail, most of whose words the story's first paragraph says, is the page's."""
    if not start:
        return start
    above = [(number, text) for number, text in after if number < start]
    if len(above) != 1 or _ENDS.search(above[0][1]) or _words(above[0][1]) > TAIL_WORDS or _speech(above[0][1]):
        return start
    said = {word.casefold() for word in re.findall(r"\w{4,}", above[0][1])}
    opening = next((text for number, text in content if number == first), "")
    story = {word.casefold() for word in re.findall(r"\w{4,}", opening)}
    return above[0][0] if len(said) >= 3 and len(said & story) >= RESTATED_SHARE * len(said) else start


_CAPITALS_LINE = re.compile(rf"^[^a-zа-яёәғқңөұүһі]*[{UPPER}]{{2,}}[^a-zа-яёәғқңөұүһі]*$")


def _label_over_capitals(lines: list[str], number: int) -> bool:
    """`Foreign Minister of Kazakhstan Yerlan IDRISOV:` over `WIN-WIN IDEAS MAKE THE CORE OF …`: an interview's
    headline in two lines, the guest's name over the words in capitals; not a speaker's line over the speech."""
    text = lines[number - 1].strip()
    following = lines[number].strip() if number < len(lines) else ""
    return text.endswith(":") and len(following.split()) >= 3 and bool(_CAPITALS_LINE.match(following)) and not _ENDS.search(following)


# A teaser the page cut short: a word (or its comma), then the dots (`It seems that not days,...`).
_CUT_TEASER = re.compile(r"[^\W_][,;]?\s?(?:\.\.\.|…)$")
_TEASER_LABEL_WORDS = 3


def _teasers(lines: list[str], first: int) -> int:
    """The number of a label alone over other stories (`Read also:`, `Related news`) that the page's teasers follow
    to its end, two or more of them cut short (`… initiated...`), or 0: the label and all below it are the page's. A
    `Read also:` over one linked headline in the middle of the copy has no such teasers under it."""
    if not first:
        return 0
    cut_below: list[int] = []  # cut_below[n]: the teasers cut short in lines[n:], counted once for every label
    for number in range(first + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if not text or len(text) > 40 or _words(text) > _TEASER_LABEL_WORDS:  # a label is short: most lines end here
            continue
        if furniture(text) not in ("link to another story", "more to read"):
            continue
        if not cut_below:
            cut_below = [0] * (len(lines) + 1)
            for index in range(len(lines) - 1, -1, -1):
                line = lines[index].strip()
                cut = bool(line) and line[-1] in ".…" and _CUT_TEASER.search(line) is not None
                cut_below[index] = cut_below[index + 1] + cut
        if cut_below[number] >= 2:
            return number
    return 0


# The heading of a blog's comments block: `6 комментариев для “<the story's headline>”`, `3 Responses to "…"`,
# `12 thoughts on “…”`, `5 пікір «…» үшін`.
_COMMENTS_HEADING = re.compile(
    r"^\d{1,5}\s+(?:комментари\w*|отзыв\w*|ответ\w*|пікір\w*|comments?|responses?|thoughts?|repl(?:y|ies))\s+"
    r"(?:для|к|на|на\s+запись|to|on)?\s*[«\"“„].{2,200}[»\"”“]\s*(?:үшін)?:?$",
    re.IGNORECASE,
)


def _comments_heading(content: list[tuple[int, str]], first: int) -> int:
    """The number of the comments block's heading under the story, or 0 (a line opening with a digit is asked)."""
    if not first:
        return 0
    return next(
        (number for number, text in content if number > first and text[:1].isdigit() and _COMMENTS_HEADING.match(text)), 0
    )


def _next_story(lines: list[str], content: list[tuple[int, str]], first: int, last: int) -> int:
    """The number of the date stamp that opens another story the page lists after ours (a news feed's
    page: the date, a headline, its copy), or 0: a date stamp line, then a heading, then a line that opens a
    story."""
    if not first:
        return 0
    shown = _FirstShown(lines)
    numbers: list[int] = []  # the content's line numbers, made at the first need (content is in the page's order)
    for index, (number, text) in enumerate(content):
        if number <= first or number > last or _ENDS.search(text) or not 3 <= _words(text) <= TAIL_WORDS:
            continue
        previous = next((n for n in range(number - 1, first, -1) if lines[n - 1].strip()), 0)
        following = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
        if following and furniture(lines[following - 1]) == "date stamp" and not shown.before(text, number):
            # the page's other story laid out as ours: its headline, then its date stamp, then its lead
            numbers = numbers or [n for n, _ in content]
            after = bisect.bisect_right(numbers, following)  # the first content line below the date stamp
            if after < len(content) and _opens_story(content[after][1]):
                return number
        if not previous or furniture(lines[previous - 1]) != "date stamp":
            continue
        if shown.before(text, number):
            continue  # the page showing our own headline again: a repeat, the repeat rule's
        if index + 1 < len(content) and _opens_story(content[index + 1][1]):
            return previous
    return 0


class _FirstShown:
    """Whether a line's words stand, spaced alike, on a line above line `number`: the number of each line's first
    showing, worked out once (at the first question) where each question looked at every line above again."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.first: dict[str, int] | None = None

    def before(self, text: str, number: int) -> bool:
        if self.first is None:
            self.first = {}
            for at, raw in enumerate(self.lines, start=1):
                self.first.setdefault(" ".join(raw.split()), at)
        return self.first.get(" ".join(text.split()), number) < number


# The page's date glued to the end of its headline: `Nazarbayev: flood emergency under control 17 апреля 2015, 20:28`.
GLUED_DATE = re.compile(
    r"\s+(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d]{3,12}\.?,?\s+\d{4}(?:\s*(?:года|г\.|жылы|ж\.))?"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})(?:,?\s+\d{1,2}:\d{2})?$"
)


# A deck is longer than the headline over it by at least this ratio (a tag line over a headline is not much shorter).
DECK_OVER_HEADLINE = 1.4
_LATIN = re.compile(r"[A-Za-z]")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _title(candidates: list[tuple[int, str]], lines: list[str]) -> int:
    """The headline among the head's lines: the one the page's date stamp follows or ends (a deck or a byline
    may stand between it and the story), else an English one in Title Case, else the longest; a line that ends
    its sentence (a deck) only when no other is left."""
    for number, text in candidates:  # the line the page shows again further down (over its photo) is the headline
        # (not again on the very next line: a photo's caption printed twice running)
        if any(" ".join(raw.split()) == " ".join(text.split()) for raw in lines[number + 1:]) and _words(text) >= 4:
            return number
    for number, text in candidates:
        following = next((lines[index] for index in range(number, len(lines)) if lines[index].strip()), "")
        if furniture(following) == "date stamp" or (GLUED_DATE.search(text) and _words(GLUED_DATE.sub("", text)) >= 3):
            return number
    candidates = [item for item in candidates if not _ENDS_STATEMENT.search(item[1]) or headline_style(item[1])] or candidates
    # in an English page, a line in Cyrillic over the headline is the site's banner (`Qazaq TV Телерадиокомпания …`)
    text = " ".join(lines)
    if len(_LATIN.findall(text)) > 2 * len(_CYRILLIC.findall(text)):
        candidates = [item for item in candidates if not _CYRILLIC.search(item[1])] or candidates
    titled = [item for item in candidates if title_case(item[1])] or candidates
    chosen = max(titled, key=lambda item: (_words(item[1]), -item[0]))
    # a headline over its deck: the longer line right under a shorter one (blank lines between at most) is the deck
    over = next(
        (item for item in candidates if item[0] < chosen[0] and not any(raw.strip() for raw in lines[item[0]: chosen[0] - 1])),
        None,
    )
    if over is None or len(titled) != len(candidates) or _ENDS_STATEMENT.search(over[1]) or over[1].endswith(":"):
        return chosen[0]
    deck = len(_LETTER_WORD.findall(over[1])) >= 4 and _words(chosen[1]) >= DECK_OVER_HEADLINE * _words(over[1])
    return over[0] if deck else chosen[0]


def title_case(text: str) -> bool:
    """English headline style: most words of four letters or more start with a capital."""
    long_words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) >= 4]
    return len(long_words) >= 3 and sum(word[0].isupper() for word in long_words) * 4 >= len(long_words) * 3


# A headline may end with an initialism's full stop (`… Ties with U.S.`): no sentence ends there.
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")


# A small word no sentence capitalises in its middle, as Title Case does (`Appeals To Nation To Be United.`).
_CAPITAL_SMALL_WORD = re.compile(r"\s(?:To|Be|Of|In|And|For|On|At|With|By|As|Is|Are|The|From|Into|Over|Its|Their)\s")


def headline_style(text: str) -> bool:
    """An English headline in Title Case that ends with an initialism's dot (`… Strong Ties with U.S.`), or with a
    full stop after one sentence whose small words are capitalised too (`President Askar Akayev Appeals To Nation
    To Be United.`)."""
    if text[-1:] != "." or not title_case(text):
        return False
    return bool(_INITIALISM_END.search(text)) or (
        not re.search(r"[.!?…]\s", text) and bool(_CAPITAL_SMALL_WORD.search(text))
    )
