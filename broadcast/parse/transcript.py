"""The Khabar-24 transcript style, read by named rules tried in order (markdown-it's ruler).

Each rule takes the reader's state, the line number and the raw line, and returns whether it took the
line. The walker only tries the rules; every rule is testable alone.
"""
from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..house import House
from ..languages import Language
from ..languages._letters import LOWER, UPPER
from ..model import Speaker, Story
from .builder import SegmentBuilder, StoryBuilder
from .credits import WEB_DOMAIN, clean_source, find_credit, is_office, is_outlet, trailing_credit
from .cis import is_reporter
from .furniture import dateline as find_dateline
from .furniture import furniture
from .page import GLUED_DATE, Frame
from .per_read import remembered
from .page import frame as page_frame_of
from .page import headline_style, title_case
from .lines import find_source, is_whole_line, source_name, starts_with_dash, strip_dash
from .gender import guess_gender, identify
from . import interview as interviews
from .quotes import People, Piece, Who, is_person, mentions, name_and_title, pieces, quote_sentence, says, subject_role, who
from .speaker import SAYING, parse_attribution, split_attribution
from .wrapped import unwrap
from .quote_words import SAYING as QUOTE_SAYING

_PARAGRAPH_END = re.compile(r"[.!?…][\"»”')\]]*$")


def ends_paragraph(text: str) -> bool:
    """Transcripts break lines like subtitles: only final punctuation ends a paragraph."""
    return bool(_PARAGRAPH_END.search(text.rstrip()))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class State:
    story: StoryBuilder
    has_blank: bool  # whether the text has a blank line at all (then the lead is the first block)
    # Prose with blank lines between paragraphs: every line ends a sentence, so a SOT set off as a block
    # of its own runs to the blank line (in a subtitle-style transcript, final punctuation ends it).
    quote_to_blank: bool = False
    after_blank: bool = True  # the line before this one was blank (or there was none)
    sot_own_block: bool = False  # the open SOT's attribution began a block of its own
    in_lead: bool = True
    current: SegmentBuilder | None = None  # the segment being filled
    quote_open: bool = False  # a SOT's paragraph has not ended yet
    last_quote: SegmentBuilder | None = None  # the SOT just closed, which a new dash line continues
    seen: dict[str, int] = field(default_factory=dict)  # a read line's text -> its line number
    # the copy's first block is lines each a paragraph (blank lines only around it, none between its paragraphs)
    lines_are_paragraphs: bool = False
    long_read: list[tuple[str, int]] = field(default_factory=list)  # the long paragraphs read (key, line number)
    headline_candidate: int = 0  # the line number of a first line that looks like a headline
    subheadings: frozenset[int] = frozenset()  # the numbers of the lines that part web prose as headings
    shown_twice: frozenset[int] = frozenset()  # a picture's caption the page printed twice over (alt text and caption)
    deck: int = 0  # the deck under the headline that the copy repeats word for word (not read)
    lines: list[str] = field(default_factory=list)  # the whole text, for a rule that must see the next line
    quotes: str = "sot"  # a quote in the copy's sentence: a SOT of its speaker, or `read` in the copy
    people: People = field(default_factory=People)  # whom a pronoun or a role in an attribution means
    running: list[tuple[int, str]] = field(default_factory=list)  # paragraphs of a quote not closed yet
    quote_sot: SegmentBuilder | None = None  # the SOT an in-sentence quote made last, which a quotation may go on
    frame: Frame = field(default_factory=Frame)  # a pasted web page's head and tail around the story
    tagged: dict[int, str] = field(default_factory=dict)  # the lines HTML tags (or the like) were taken out of: what
    interview: interviews.Plan = interviews.NONE  # a published Q/A interview's questions, answers and labels
    clause_below: dict[int, int] = field(default_factory=dict)  # a quote's line -> the clause line under it
    spoken_by: dict[int, Speaker | None] = field(default_factory=dict)  # a clause line -> whom it names
    read_ahead: set[str] = field(default_factory=set)  # copy whose people were read before its quote was resolved
    captions: set[str] = field(default_factory=set)  # the photo captions set aside, which the page may show again
    pull_names: set[int] = field(default_factory=set)  # the name lines under a pull quote (its attribution, not read)

    def take(self, draft: SegmentBuilder, text: str, number: int) -> None:
        self.story.add(draft, text, number)
        key = _key(text)
        self.seen.setdefault(key, number)
        self.seen.setdefault(key.rstrip(_CLOSING), number)  # _bare_key(text), from the key made once
        self.current = draft
        if draft.kind != "sot" and text not in self.read_ahead:
            self.people.read(text)
        self.read_ahead.discard(text)


Rule = Callable[[State, int, str], bool]


def _following(lines: list[str], number: int, count: int = 1) -> list[tuple[int, str]]:
    """The first `count` lines with words after line `number`, as (line number, text stripped): looked at one by
    one from there, never by copying the rest of the text (rules ask it of many lines of a long article)."""
    found: list[tuple[int, str]] = []
    for index in range(number, len(lines)):
        text = lines[index].strip()
        if text:
            found.append((index + 1, text))
            if len(found) >= count:
                break
    return found


def _next_text(lines: list[str], number: int) -> str:
    """The text of the first line with words after line `number`, stripped; "" at the end."""
    found = _following(lines, number)
    return found[0][1] if found else ""


# An HTML tag pasted with the copy (`<p>`, `<a href="…">`, `</strong>`, `<br/>`): a letter right after `<`, so a
# comparison (`x < 5`) is no tag.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>")


# A file name in URL encoding glued to a line (`%d0%b0%d1%80%d0%b4…Аудан әкімі …`, an image's name pasted with the
# copy): bytes a voice would spell out as "percent d zero".
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2}){3,}(?:[-_.](?:[0-9A-Za-z]|%[0-9A-Fa-f]{2})+)*")


def _without_tags(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """The lines with any HTML tags (and the entities that come with them, `&nbsp;`, `&laquo;`) or URL-encoded
    file names taken out, and what was taken out of which line: copied out of a page's source, the text is the copy."""
    tagged: dict[int, str] = {}
    for index, line in enumerate(lines):
        if "<" in line and _TAG.search(line):
            lines[index] = line = " ".join(html.unescape(_TAG.sub(" ", line)).split())
            tagged[index + 1] = "HTML tags"
        if "%" in line and _ENCODED.search(line):
            lines[index] = " ".join(_ENCODED.sub(" ", line).split())
            tagged.setdefault(index + 1, "a file name in URL encoding")
    return lines, tagged


def html_tags(state: State, number: int, raw: str) -> bool:
    """A line pasted from a page's HTML source: only tags is not read; with words, its tags are taken out
    (said once for the line) and its words read as any other line's."""
    what = state.tagged.get(number)
    if what is None:
        return False
    if raw.strip():
        state.story.warn(number, f"{what} taken out of the line; its words are read", "markup")
        return False
    state.story.warn(number, f"not read: {what}", "not-read")
    return True


def blank(state: State, number: int, raw: str) -> bool:
    if raw.strip():
        return False
    if state.in_lead and state.current is not None:
        state.in_lead = False
    # A blank line ends the quote's paragraph, but not a quotation whose closing mark is still to come,
    # nor a quote that has not begun (a blank line may stand between the attribution and its words).
    waiting = state.current is not None and (not state.current.lines or _unclosed_quotation(state.current.lines))
    if state.quote_open and not waiting:
        state.quote_open = False
        state.last_quote = state.current
    return True


def page_furniture(state: State, number: int, raw: str) -> bool:
    """A photo credit, tags, a byline and the like are the page's, not the script's: reported, not read."""
    what = (
        furniture(raw) or ("a picture's caption (the page shows it twice)" if number in state.shown_twice else "")
        or ("the deck under the headline (the copy says it again)" if number == state.deck else "")
        or _name_caption(state, number, raw) or _prompt_opening(state, number, raw) or _rubric(state, number, raw)
        or _teaser_at_end(state, number, raw) or _caption_over_credit(state, number, raw)
    )
    if not what:
        return False
    state.story.warn(number, f"not read: {what}", "not-read")
    byline = re.match(r"^(?:by|автор|тілші)\s*:?\s+(?P<name>.+?)\.?$", raw.strip(), re.IGNORECASE)
    dated = _DATED_BYLINE.search(raw.strip()) if what == "byline" else None
    if what == "byline" and byline and is_outlet(byline["name"]):  # `By Kazinform`: the outlet's credit
        state.story.attribute(byline["name"])
    elif dated and is_outlet(dated["name"]):  # `15:51, 14 сентября 2023, Bishkek - 24.kg news agency , Name`
        state.story.attribute(clean_source(dated["name"]))
    elif what == "interviewer's byline" and (outlet := re.search(r"[«\"“]([^«»\"“”]{1,40})[»\"”]\.?$", raw.strip())):
        state.story.attribute(outlet.group(1))  # `- Беседовал Аркадий ДУБНОВ, «Фергана.ру»`
    elif what == "feed line" and (feed := _FEED.search(raw.strip())):
        state.story.attribute(feed["name"])  # `… appeared first on The Astana Times.`
    elif what == "link to the whole story" and (site := _WHOLE_STORY_AT.search(raw.strip())):
        state.story.attribute(site["name"])  # `Подробнее читайте на lenta.ru ...`: the outlet whose story it is
    elif what == "source credit" and (named := _SOURCE_LINE.match(raw.strip())) and not is_office(named["name"]):
        state.story.attribute(clean_source(named["name"]))  # `Источник: Adyrna`, `Source: The Astana Times`
    elif what == "site navigation" and not state.story.source and (owner := _FEED_OWNER.match(raw.strip())):
        state.story.attribute(owner["name"])  # `The Astana Times provides news and information from …`
    elif what in _CREDIT_LINES and not state.story.source and state.current is not None:
        # `uchet.kz` or `“The Qazaq Times”` alone under the copy: where the story came from
        named = _OUTLET_LINE.match(raw.strip())
        bare = _BARE_OUTLET.match(raw.strip())
        if named:  # `"Adyrna" ұлттық порталы`
            state.story.attribute(named["name"] or named["kk"])
        elif bare:
            state.story.attribute(bare["name"])
    return True


def _name_caption(state: State, number: int, raw: str) -> str:
    """A line in the story that is only a person's name (`Ерболат Досаев`) is a photo's caption; not a
    speaker's line, which a quote follows."""
    if number in state.pull_names:
        return "the pull quote's speaker, under it"
    text = raw.strip().rstrip(".")
    words = text.split()
    # the surname may be in capitals, as city papers sign their copy: `Владимир УСТЮГОВ.` under the story
    if state.current is None or not 2 <= len(words) <= 3 or not all(_CAPITALISED.match(word) for word in words) and not (
        words[-1].isupper() and _CAPITALS_BYLINE.match(text)
    ):
        return ""
    following = _next_text(state.lines, number)
    if starts_with_dash(following) or following[:1] in "«\"“„":
        return ""
    gender, sure = identify(text)
    return "photo caption (a name)" if sure and gender != "unknown" and is_person(text, state.story.language.code) else ""


def _caption_over_credit(state: State, number: int, raw: str) -> str:
    """A photo's caption: the line right over a wire's name alone (`Rioters set fire to …` / `Reuters`), in copy
    whose paragraphs blank lines part; the page may show the same caption again further down."""
    text = " ".join(raw.split())
    if text in state.captions:
        return "picture caption (again)"
    if not state.has_blank or number >= len(state.lines) or not _WIRE_ALONE.match(state.lines[number].strip()):
        return ""
    state.captions.add(text)
    return "picture caption"


_DATED_BYLINE = re.compile(r"^\d{1,2}:\d{2},.*?\s[-–—]\s+(?P<name>[^,]{2,60}?)(?:\s+news\s+agency)?\s*(?:,|$)", re.IGNORECASE)
_WIRE_ALONE = re.compile(r"^(?:Reuters|AFP|AP|EPA|Getty Images|Anadolu(?: Agency)?|Xinhua)(?:\s*/\s*[\w ]{2,20})?$")


def _prompt_opening(state: State, number: int, raw: str) -> str:
    """A follow prompt broken over two lines (`Узнайте первым о новостях на нашей странице` / `в Instagram и
    нашем Telegram-канале`): its first line ends no sentence and the prompt goes on in small letters."""
    following = state.lines[number].strip() if number < len(state.lines) else ""
    if not following[:1].islower() or ends_paragraph(raw) or len(raw.split()) > _PROMPT_WORDS:
        return ""
    return "share or follow prompt" if furniture(following) == "share or follow prompt" else ""


_PROMPT_WORDS = 20


def _teaser_at_end(state: State, number: int, raw: str) -> str:
    """The page's teaser of another story under the copy: the last line, cut short with `…` (`22 января Глава
    государства … совершит рабочую поездку…`), after a line that ends its sentence."""
    text = raw.strip()
    if state.current is None or len(text.split()) < _TEASER_WORDS:
        return ""
    after = [line for _, line in _following(state.lines, number, _LINK_LIST_MOST + 1)]
    if len(after) > _LINK_LIST_MOST:
        return ""  # not near the copy's end
    after = [line for line in after if not furniture(line)]  # the page's `All news` under the list
    if after:  # a list of other stories' headlines under the copy: this one and every line after it one
        # (a headline in the list may ask a question: `Global bread price ranking: where does Tajikistan stand?`)
        listed = all(
            (_unended_headline(line) or line.endswith("?") and len(line.split()) <= _TEASER_HEADLINE_WORDS)
            and len(line.split()) >= _TEASER_WORDS for line in [text, *after]
        ) and sum(map(_unended_headline, [text, *after])) >= 2
        return "link to another story (its headline)" if listed and _headline_at_end(state, number, text) else ""
    if not _CUT_SHORT.search(text):  # one headline alone: no comma, which a sentence that lost its stop would have
        return "link to another story (its headline)" if "," not in text and _headline_at_end(state, number, text) else ""
    before = next(((n, state.lines[n - 1]) for n in range(number - 1, 0, -1) if state.lines[n - 1].strip()), (0, ""))
    if _ENDS_STATEMENT.search(before[1].rstrip()):
        return "teaser of another story"
    # its headline over it, set aside as a heading (`Жетісу облысындағы жастар … ұйымдастырылуда` / `Жастардың бойына …`)
    return "teaser of another story" if before[0] in state.subheadings else ""


_CUT_SHORT = re.compile(r"\w(?:…|\.\.\.)$")
_TEASER_HEADLINE_WORDS = 16
# A list of other stories' headlines under the copy has at most this many lines after the first.
_LINK_LIST_MOST = 12


def _unended_headline(text: str) -> bool:
    return not ends_paragraph(text) and not text.endswith((":", ",", ";")) and len(text.split()) <= _TEASER_HEADLINE_WORDS


def _headline_at_end(state: State, number: int, text: str) -> bool:
    """The page's link to another story under the copy, a headline with no stop (`Касым-Жомарт Токаев направил
    Обращение к главам государств – членов ЕАЭС`): the last line, short, ending no sentence, in prose every other
    line of which ends one (so a last paragraph that lost its stop is not taken for it)."""
    if ends_paragraph(text) or text.endswith((":", ",", ";")) or len(text.split()) > _TEASER_HEADLINE_WORDS:
        return False
    if not text[:1].isupper() or find_source(text, state.story.language) or split_attribution(text):
        return False
    set_aside = {warning.line for warning in state.story.warnings if warning.kind == "not-read"}
    others = [
        (n, line.strip()) for n, line in enumerate(state.lines[: number - 1], start=1)
        if line.strip() and not furniture(line) and n != state.headline_candidate and n not in state.subheadings
        and n not in state.frame.head and n not in state.frame.tail and n not in set_aside
    ]
    # a line may also end with the comma of a quote whose clause goes on below it (`…,` / `подчеркнул аким …`)
    goes_on = {n for (n, line), (_, below) in zip(others, others[1:]) if line.endswith(",") and below[:1].islower()}
    return len(others) >= 2 and all(ends_paragraph(line) or line.endswith(":") or n in goes_on for n, line in others)


_ENDS_STATEMENT = re.compile(r"[.!][\"»”')\]]*$")
_TEASER_WORDS = 6


def _rubric(state: State, number: int, raw: str) -> str:
    """A rubric over the story (`DAT!`, `ЭКСКЛЮЗИВ`): a word or three in capitals before anything is read; not a
    dateline, not the channel's own name, no figures. A single word before anything is read, not the headline,
    is a page's rubric or city line too (`Общество`, `Кездесу`, `Астана`): no story opens with one word, and the
    line under it is not its speech (`Ведущий` then `– …`)."""
    text = raw.strip()
    if state.current is not None or state.story.house.is_own(text.rstrip(".!")):
        return ""
    if _RUBRIC.match(text):
        return "rubric"
    if _ONE_WORD.match(text) and number != state.headline_candidate:
        following = _next_text(state.lines, number)
        if following and not starts_with_dash(following) and following[:1] not in "«\"“„":
            return "rubric or city line"
    return ""


_RUBRIC = re.compile(rf"^[{UPPER}]{{2,}}(?:[\s-][{UPPER}]{{2,}}){{0,2}}[!.]?$")
_CAPITALISED = re.compile(rf"^[{UPPER}][{LOWER}'’-]+$")
_CAPITALS_BYLINE = re.compile(rf"^[{UPPER}][{LOWER}'’-]+(?: [{UPPER}][{LOWER}'’-]+)? [{UPPER}]{{4,}}(?:-[{UPPER}]{{2,}})?$")
_ONE_WORD = re.compile(rf"^[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?$")
_CREDIT_LINES = ("web address", "outlet's name")
_FEED = re.compile(
    r"(?:appeared\s+first\s+on|first\s+appeared\s+on|published\s+(?:on|by))\s+(?P<name>.{2,60}?)\.?$", re.IGNORECASE
)
# A feed's boilerplate names whose feed it is: `The Astana Times provides news and information from …`.
_FEED_OWNER = re.compile(r"^(?P<name>[A-ZА-ЯЁ][^.,;:]{1,40}?)\s+provides\s+(?:news|information)\b.*$")
# The outlet named alone on its line by what it is: `Национальный портал "Adyrna"`, `"Adyrna" ұлттық порталы`.
_OUTLET_LINE = re.compile(
    r"^(?:(?:национальный|информационный|новостной|ұлттық|ақпараттық)\s+)?(?:портал|агентство|сайт|издание)\s+"
    r"[«\"“](?P<name>[^«»\"“”]{2,40})[»\"”]\.?$"
    r"|^[«\"“](?P<kk>[^«»\"“”]{2,40})[»\"”]\s+(?:(?:ұлттық|ақпараттық)\s+)?(?:порталы|агенттігі|сайты|басылымы)\.?$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:источник|дереккөз|ақпарат\s+көзі|source)\s*:\s*(?!https?:|www\.)(?P<name>[^,;]{2,60}?)"
    # the aggregator's link after the name (`Источник: AGRONEWS Все новости источника`): no part of it
    r"(?:\s+(?:все\s+новости\s+источника|все\s+материалы\s+источника))?\.?$", re.IGNORECASE
)
_WHOLE_STORY_AT = re.compile(r"\s(?:на|в|at|on)\s+(?P<name>[\w-]+(?:\.[\w-]+)*\." + WEB_DOMAIN + r")\b", re.IGNORECASE)
_SIGNED_FOR = re.compile(
    r"^(?:By\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}(?:(?:,|\s+and|\s*&)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}){0,3}"
    r"\s+[-–—]\s+(?P<name>[^\W\d_][\w.&-]*(?:\s+[\w.&-]+){0,2})\s*:?$"
)
def _may_name_outlet(text: str) -> bool:
    """Whether the line holds a quotation mark, which every match of _OUTLET_LINE has."""
    return "«" in text or '"' in text or "“" in text


_OUTLET_LABEL = re.compile(r"^(?P<name>[^\W\d_][\w.&-]*(?:\s+[\w.&-]+){0,2})\s*:$")
# (with its scheme too: `http://mirbelogorya.ru/` alone under the copy names the site the story came from; an
# address with a path is a link to one page, no credit)
_BARE_OUTLET = re.compile(r"^(?:https?://)?(?:www\.)?[«\"“]?(?P<name>[\w-]+(?:\.[\w-]+)*\." + WEB_DOMAIN + "|[^«»\"“”./]{2,40})[»\"”]?/?$")


def page_frame(state: State, number: int, raw: str) -> bool:
    """A whole web page pasted as it shows: the lines before the story (menus, widgets, the headline, a
    byline) and after it (the author block, other headlines) are the page's, not read; the headline
    among them is the title."""
    if number == state.frame.title:
        state.story.title = _undated(raw.strip())
        state.people.read(raw)  # a person the headline names may be the one a role means later
        state.seen.setdefault(_key(raw), number)
        state.story.warn(number, "read as the headline (the story's title); not read on air", "guess")
        return True
    if number in state.frame.head:
        state.story.warn(number, "not read: the page's head (menu, widget or label above the story)", "not-read")
        return True
    if number in state.frame.tail:
        state.story.warn(number, "not read: the page's tail (author, links or other headlines after the story)", "not-read")
        return True
    return False


def dateline(state: State, number: int, raw: str) -> bool:
    """A wire dateline before the story's first words is not read; the agency it names is the source.
    The words after it are read as any other line."""
    if not (state.in_lead and state.current is None):
        return False
    found = find_dateline(raw)
    if found is None:
        return False
    state.story.warn(number, f"not read: dateline «{found.text}»", "not-read")
    state.story.attribute(found.source)
    if found.rest:  # a dateline may stand on a line of its own
        read_line(state, number, found.rest)
    return True


def credit_alone(state: State, number: int, raw: str) -> bool:
    """A line that is only an outlet's credit (`деп хабарлайды ҚазАқпарат тілшісі.`, left on a line of its
    own by a broken paste): the story's source, nothing to read."""
    text = raw.strip()
    # Each form below needs a mark or a letter most lines lack (a quotation mark, a dash after a Latin capital, a
    # colon at the end): asked first, as tests/test_fast_paths.py checks against the patterns alone.
    named = _OUTLET_LINE.match(text) if _may_name_outlet(text) else None
    if named and state.current is not None:
        state.story.attribute(named["name"] or named["kk"])
        state.story.warn(number, f"not read: the outlet's credit ({named['name'] or named['kk']})", "not-read")
        return True
    signed = _SIGNED_FOR.match(text) if "A" <= text[:1] <= "Z" else None
    if signed and is_outlet(signed["name"]) and not split_attribution(signed["name"] + ":"):
        # `By Huseyn Hasanov – Trend:`, `Leman Zeynalova – Trend:`: the reporter and the outlet over the copy
        state.story.attribute(signed["name"])
        state.story.warn(number, f"not read: byline ({signed['name']})", "not-read")
        return True
    label = _OUTLET_LABEL.match(text) if text[-1:] == ":" else None
    if label and state.current is None and is_outlet(label["name"]) and not state.story.house.is_own(label["name"]):
        # `Trend:` alone over the story, as the wire heads its copy (not an interview's `El.kz:` over a question)
        following = _next_text(state.lines, number)
        if following and not following.endswith("?"):
            state.story.attribute(label["name"])
            state.story.warn(number, f"not read: the outlet's label ({label['name']})", "not-read")
            return True
    credit = find_credit(text, state.story.language.code)
    if credit is None or not credit.outlet or text[: credit.start].strip() or text[credit.end:].strip(" .!"):
        return False
    if state.story.house.is_own(credit.source):
        return False  # the house's own line is the house rule's
    state.story.attribute(credit.source)
    state.story.warn(number, f"not read: the outlet's credit ({credit.source})", "not-read")
    return True


def house_attribution(state: State, number: int, raw: str) -> bool:
    """`Khabar 24 reports.` or `ХАБАР 24` on a line of its own: the channel does not read its own name, so
    nothing is left to read; the house channel is the source. Another source on its own line is a
    sentence, read."""
    text = raw.strip()
    match = find_source(text, state.story.language)
    source = source_name(match) if match is not None and is_whole_line(match) else text.rstrip(".")
    if not state.story.house.is_own(source):
        return False
    state.story.attribute(source)
    state.story.warn(number, "not read: the house channel's own attribution", "not-read")
    if state.in_lead and not state.has_blank and state.current is not None:  # the source line closes the lead
        state.in_lead = False
    return True


def interview(state: State, number: int, raw: str) -> bool:
    """A published interview: a question is read by the reporter, an answer is the guest's SOT, a label
    (`Тілші:`, `Әкім:`) is not read."""
    plan = state.interview
    if plan.guest is None:
        return False
    text = raw.strip()
    if number in plan.labels:
        who = "the reporter asks" if plan.labels[number] == "asker" else f"{plan.guest.name} answers"
        state.story.warn(number, f"interview label: {who}", "interview")
        text = plan.rest.get(number, "")
        if not text:
            return True
    if number in plan.questions:
        state.in_lead = False
        current = state.current
        draft = current if current is not None and current.kind == "vo" else state.story.open("vo")
        state.take(draft, strip_dash(text), number)
        return True
    if number in plan.answers:
        state.in_lead = False
        current = state.current
        if current is None or current.kind != "sot" or current.speaker is None or current.speaker.name != plan.guest.name:
            speaker = dataclasses.replace(plan.guest, source_line=number)
            current = state.story.open("sot", speaker=speaker, opened_at=number)
        state.take(current, strip_dash(text), number)
        return True
    return number in plan.labels


def quote_above_clause(state: State, number: int, raw: str) -> bool:
    """A quote with no marks ending in a comma, its clause alone on the next line (`… это нормально,` /
    `сказал Ерболат Досаев.`): the quote is that person's SOT, the clause line is not read."""
    if state.quotes != "sot" or state.current is None or not state.clause_below:
        return False
    if number in state.spoken_by or number in state.clause_below.values():
        if state.spoken_by.get(number) is None:
            return False  # no one it names: the clause is the copy's
        state.story.warn(number, "the clause of the quote above it; not read", "quote")
        return True
    clause_line = state.clause_below.get(number)
    if clause_line is None:
        return False
    if clause_line not in state.spoken_by:
        clause = state.lines[clause_line - 1].strip().rstrip(".!")
        code = state.story.language.code
        if not says(clause, code):  # `разоткровенничался градоначальник`: a verb the tables lack, then who
            clause = f"{_SAID.get(code, 'said')} {clause.partition(' ')[2]}"
        state.spoken_by[clause_line] = state.people.resolve(who(clause, code))
    speaker = state.spoken_by[clause_line]
    if speaker is None:
        return False
    current = state.current
    if not (current.kind == "sot" and current.speaker is not None and current.speaker.name == speaker.name):
        current = state.story.open("sot", speaker=dataclasses.replace(speaker, source_line=number), opened_at=number)
        state.story.warn(
            number, f"read as {speaker.name}'s quote, attributed on line {clause_line}; if not, mark it [VO]", "guess"
        )
    state.take(current, quote_sentence(raw.strip()), number)
    return True


_SAID = {"ru": "сказал", "kk": "деді", "en": "said"}
# A clause alone on its line under its quote: small letter first, a verb of saying, a few words, a full stop.
_CLAUSE_LINE = re.compile(rf"^[{LOWER}][^.!?«»\"“”]{{2,140}}[.!]?$")
# A clause standing as a paragraph of its own, the verb in the past and a person's name, nothing more (`написал
# Айдос Укибай`, `деді Ерлан Қосанов`): the words of the paragraph above are that person's.
_PAST_NAMED = re.compile(rf"^\S+(?:л|ла|ды|ді|ты|ті)\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{0,2}}\.?$")
_CLAUSE_WORDS = 8
# A clause line that opens with the verb of saying may name a long title and where it was said.
_CLAUSE_WORDS_VERB_FIRST = 14
_SAYING_FIRST = {code: re.compile(rf"(?:{QUOTE_SAYING[code]})(?![\w-])", re.IGNORECASE) for code in ("ru", "kk")}
_PAST_TENSE = {"ru": re.compile(r"^\S+(?:л|ла|ли|лся|лась|лись)\s"), "kk": re.compile(r"^\S+(?:ды|ді|ты|ті)\s")}
_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:я|мы|меня|мне|нас|нам|мой|моя|наш|наша|наши|біз|маған|бізге|менің|біздің|өзім|I|we|my|our)(?!\w)",
    re.IGNORECASE,
)


def _clauses_below(lines: list[str], language: str) -> dict[int, int]:
    """The lines of each quote whose clause stands alone on the next line, mapped to that line: the line right
    above, and the paragraphs before it in the first person (a quote over several paragraphs)."""
    found: dict[int, int] = {}
    past = _PAST_TENSE.get(language)
    for index, raw in enumerate(lines):
        text = raw.strip()
        if index == 0 or not text[:1].islower() or not _CLAUSE_LINE.match(text):
            continue
        verb_first = _SAYING_FIRST.get(language)
        first = bool(verb_first and verb_first.match(text))
        if len(text.split()) > (_CLAUSE_WORDS_VERB_FIRST if first else _CLAUSE_WORDS):
            continue  # `подчеркнул аким Карагандинской области Ермаганбет Булекпаев на аппаратном совещании.`
        if not (says(text, language) or (past is not None and past.match(text + " "))):
            continue
        above = lines[index - 1].rstrip()
        at = index  # the number of the quote's line (the clause's index, counted from 0)
        if not above.strip() and first and index >= 2 and ends_paragraph(lines[index - 2]) and _PAST_NAMED.match(text):
            at = index - 1  # `написал Айдос Укибай` under a blank line: the paragraph above, its marks lost, is his
        elif not above.endswith((",", "—", "–", "-")) or not above.strip() or text[-1:] not in ".!":
            continue
        quote = [at]
        earlier = at - 2
        while earlier >= 0 and lines[earlier].strip() and ends_paragraph(lines[earlier]) and _FIRST_PERSON.search(lines[earlier]):
            quote.insert(0, earlier + 1)
            earlier -= 1
        for number in quote:
            found[number] = index + 1
    return found


def attribution(state: State, number: int, raw: str) -> bool:
    """`Name Surname, title:` opens a SOT, also when the same line came before (same speaker again)."""
    if number == state.headline_candidate and state.current is None:
        return False  # `Қайрат Сақ: «…»` over an interview: its headline
    found = split_attribution(raw) or _attribution_without_colon(state, number, raw)
    if found is None:
        return False
    speaker, rest = found
    if not is_person(speaker.name, state.story.language.code) and says(raw.split(":")[0], state.story.language.code):
        return False  # `The Kazakh State Counselor said: "…"`: a role, which the quote rule resolves
    speaker = dataclasses.replace(state.people.add(speaker.name, speaker.title), gender=speaker.gender, source_line=number)
    state.in_lead = False
    if is_reporter(speaker):  # `Дәурен ОМАРОВ, ТІЛШІ:` in a published transcript: the reporter's own part
        state.current, state.quote_open = state.story.open("vo"), False
        if rest:
            state.take(state.current, strip_dash(rest), number)
        return True
    state.current = state.story.open("sot", speaker=speaker, opened_at=number)
    state.quote_open = True
    state.sot_own_block = state.after_blank
    state.last_quote = None
    if rest:
        quote(state, number, rest)
    return True


def _attribution_without_colon(state: State, number: int, raw: str) -> tuple[Speaker, str] | None:
    """`Name Surname, title` with its colon forgotten, right before a dash line: the dash line is that
    speaker's quote. A guess, so the producer hears of it."""
    following = state.lines[number] if number < len(state.lines) else ""
    if ends_paragraph(raw) or not starts_with_dash(following.strip()):
        return None
    found = split_attribution(raw.rstrip() + ":")
    if found is not None:
        state.story.warn(
            number, "read as the speaker of the quote below (the colon is missing); if it is not, mark it [VO]", "guess"
        )
    return found


def repeat(state: State, number: int, raw: str) -> bool:
    """A line repeated verbatim is read once; so is a page's standfirst that the lead repeats with the
    outlet's credit added (`… пікір білдірді.` then `… пікір білдірді, деп хабарлайды Ulysmedia.kz.`): the
    credit still names the source."""
    first = state.seen.get(_key(raw))
    title = state.story.title
    if first is None and title and len(raw.split()) >= _HEADLINE_AGAIN_WORDS and _key(title).endswith(" " + _key(raw)):
        # `Басты Жаңалықтар <headline>` then `<headline>`: the page's breadcrumb was glued before the headline
        state.story.title = " ".join(raw.split())
        state.seen.setdefault(_key(raw), number)
        state.story.warn(number, "the headline again (a breadcrumb stood before it the first time); not read", "duplicate")
        return True
    if first is None and len(raw) >= _LONG_PARAGRAPH:
        # a long paragraph the page prints again, cut short (the excerpt or the page ends inside it): the beginning
        # of one read before
        key = _key(raw)
        first = next((line for earlier, line in state.long_read if earlier.startswith(key)), None)
        if first is None and len(state.long_read) < _LONG_PARAGRAPHS_KEPT:
            state.long_read.append((key, number))
    if first is None:
        credit = find_credit(raw.strip(), state.story.language.code)
        if credit is None or not credit.outlet or raw.strip()[credit.end:].strip() != "":
            return False
        first = state.seen.get(_bare_key(raw.strip()[: credit.start]))
        if first is None:
            return False
        state.story.attribute(credit.source)
    state.story.warn(number, f"duplicate of line {first}; read once", "duplicate")
    if state.in_lead and state.current is not None and title and _key(raw) == _key(title):
        state.in_lead = False  # the headline shown again over the picture, under the lead: the lead ended above it
    return True


_HEADLINE_AGAIN_WORDS = 4
# A paragraph this long that begins another one word for word is its repeat; the first so many are kept to compare.
_LONG_PARAGRAPH = 200
_LONG_PARAGRAPHS_KEPT = 64
_CLOSING = " .,!?…"


def _bare_key(text: str) -> str:
    """A line's words without its closing punctuation, for a repeat that differs only there."""
    return _key(text).rstrip(_CLOSING)


def quote(state: State, number: int, raw: str) -> bool:
    """Inside a SOT the quote runs to the end of its paragraph, or, if it opened with a quotation
    mark, to the mark that closes it."""
    if not state.quote_open or state.current is None:
        return False
    text = strip_dash(raw.strip())
    if text:
        state.take(state.current, text, number)
    if _quote_ends(state.current.lines, text, state.quote_to_blank and state.sot_own_block):
        state.quote_open = False
        state.last_quote = state.current
    return True


def _quote_ends(lines, text: str, to_blank: bool) -> bool:
    """A quote in quotation marks ends with its closing mark, even on a subtitle line without a full
    stop; any other ends with its paragraph (in prose, `to_blank`, only a blank line ends that)."""
    if _opens_with_quotation(lines):
        return not _unclosed_quotation(lines) and (ends_paragraph(text) or bool(_ENDS_QUOTATION.search(text)))
    return ends_paragraph(text) and not to_blank


def _opens_with_quotation(lines) -> bool:
    return bool(lines) and lines[0].text.startswith(("«", "“", '"', "„"))


# A line that ends on a closing quotation mark (a final stop may follow it or stand before it).
_ENDS_QUOTATION = re.compile(r"[»”“\"][.!?…]*$")


def _unclosed_quotation(lines) -> bool:
    """Whether a quote that opened with a quotation mark still waits for its closing one. Guillemets
    pair up over the whole quote. English opens each paragraph of a long quote again and closes only
    the last, so other marks are paired within the last paragraph (lines with no blank between)."""
    if not _opens_with_quotation(lines):
        return False
    (opened, closed), (low, high, closing, straight) = _quotation_marks(lines)
    if opened:
        return opened > closed
    if low:  # „…“: the low mark opens, the high one closes
        return low > high
    if straight == 1 and not closing and high <= 1 and lines[0].text[:1] == "“":
        return False  # `“…` closed by a straight mark (`… leave their homes,".`): a mixed pair, closed
    return high > closing or straight % 2 == 1


# The marks `_unclosed_quotation` counts, kept for the one quote being read: asked again at each of its lines, it
# counts only the lines added since (a quote of n lines with no blank line was n² work, counted from the start).
_Marks = tuple[tuple[int, int], tuple[int, int, int, int]]
_counted: list[tuple[list[Any], int, Any, _Marks]] = []


def _quotation_marks(lines: list[Any]) -> _Marks:
    """(« and » in all the lines, („ “ ” and " in the last paragraph): what joining the lines and the last paragraph's
    lines and counting in them gives (the joining space is no mark)."""
    whole, paragraph, start = (0, 0), (0, 0, 0, 0), 0
    if _counted:
        kept, size, last, marks = _counted[0]
        if kept is lines and 0 < size <= len(lines) and lines[size - 1] is last:
            (whole, paragraph), start = marks, size
    for index in range(start, len(lines)):
        line = lines[index]
        text = line.text
        whole = (whole[0] + text.count("«"), whole[1] + text.count("»"))
        counts = (text.count("„"), text.count("“"), text.count("”"), text.count('"'))
        if index and lines[index - 1].source_line == line.source_line - 1:  # no blank line between: the same paragraph
            counts = (paragraph[0] + counts[0], paragraph[1] + counts[1], paragraph[2] + counts[2], paragraph[3] + counts[3])
        paragraph = counts
    if lines:
        _counted[:] = [(lines, len(lines), lines[-1], (whole, paragraph))]
    return whole, paragraph


def quote_continues(state: State, number: int, raw: str) -> bool:
    """A dash line right after a closed quote is the same speaker's next paragraph."""
    if state.last_quote is None or state.current is not state.last_quote or not starts_with_dash(raw.strip()):
        return False
    state.quote_open = True
    return quote(state, number, raw)


# The page's date in figures glued to the end of its headline: `… Asian Games! 13.02.2025` (a date in words,
# `… на 20 марта 2022`, may be the headline's own).
_GLUED_DATE = re.compile(r"\s+(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+\d{1,2}:\d{2})?$")


def _undated(title: str) -> str:
    """The headline without the page's date glued to its end (the date is the page's, not the title's)."""
    title = GLUED_DATE.sub("", _GLUED_DATE.sub("", title)) or title
    # a Title Case headline's full stop (`… To Be United.`) is not the title's; an initialism's is (`… U.S.`)
    return title[:-1] if title.endswith(".") and headline_style(title) and not re.search(r"(?:[A-Z]\.){2,}$", title) else title


def headline(state: State, number: int, raw: str) -> bool:
    """A short first line standing alone, without final punctuation, is the headline: the title, not read."""
    if not (state.in_lead and state.current is None and state.headline_candidate == number):
        return False
    text = raw.strip()
    state.story.title = _undated(text)
    state.people.read(text)  # a person the headline names may be the one a role means later
    state.seen.setdefault(_key(text), number)  # the page may repeat its headline over the copy: not read
    state.story.warn(number, "read as the headline (the story's title); not read on air", "guess")
    return True


# `«...», — сказал аким.` / `"...," he said.`: a speaker's words quoted inside the copy's own sentence.
# The quote is set off from who said it: `«...», —`, `«...» —`, English `"...,"` with the comma inside, or
# Russian dialogue `— Мы готовы, — сказал аким.`
_REPORTED_QUOTE = re.compile(
    rf"^(?:[«\"“„].+(?:[,.!?…][»\"”“]\s*|[»\"”“](?:,\s*(?:[-–—]\s*)?|\s*[-–—]\s*))|[-–—]\s*.+[,!?…]\s*[-–—]\s*)"
    rf"(?P<who>.*\b(?:{SAYING})\b.*?)\.?$",
    re.IGNORECASE,
)


# The first person, which a reporter's own sentence does not use: the speaker's words.
_FIRST_PERSON_BY_LANGUAGE = {
    "en": re.compile(r"\b(?:I|we|We|my|My|our|Our|us|me)\b"),
    "ru": re.compile(r"(?<!\w)(?:я|Я|мы|Мы|мне|Мне|нас|наш\w*|Наш\w*|мой|моя|моё|мои|Мой|Моя)(?!\w)"),
    "kk": re.compile(r"(?<!\w)(?:мен|Мен|біз|Біз|біздің|Біздің|менің|Менің|бізге|Бізге|бізде|Бізде)(?!\w)"),
}
_PULL_QUOTE_WORDS = 80


def pull_quote(state: State, number: int, raw: str) -> bool:
    """A pull quote, as 24.kg sets it: a paragraph in the first person with no quotation marks, then a line that is
    only the name of someone the story has named (`Let those who thought … sigh with relief.` / `Almazbek
    Atambayev`). The paragraph is that person's SOT; the name under it is its attribution, not read."""
    text = raw.strip()
    first_person = _FIRST_PERSON_BY_LANGUAGE.get(state.story.language.code)
    if state.quotes != "sot" or state.in_lead or state.current is None or first_person is None:
        return False
    # The line under it first: a name of two or three capitalised words is rare, the paragraph's tests cost more.
    below = _following(state.lines, number, 2)
    if not below:
        return False
    name_line, name = below[0]
    name = name.rstrip(".")
    words_ = name.split()
    if not 2 <= len(words_) <= 3 or not all(_CAPITALISED.match(word) for word in words_):
        return False
    if re.search(r"[«»\"“”„]", text) or starts_with_dash(text) or not first_person.search(text) or len(text.split()) > _PULL_QUOTE_WORDS:
        return False
    known = state.people.find(name)
    if known is None or " " not in known.name:
        return False
    if len(below) > 1 and (starts_with_dash(below[1][1]) or below[1][1][:1] in "«\"“„"):
        return False  # a speaker's name over a dash or a quotation: the attribution of what follows
    state.pull_names.add(name_line)
    speaker = dataclasses.replace(known, source_line=number)
    draft = state.current if state.current.kind == "sot" and state.current.speaker and _same_person(
        state.current.speaker.name, known.name
    ) else state.story.open("sot", speaker=speaker, opened_at=number)
    state.story.warn(number, f"a pull quote: the words of {known.name}, whose name stands under it (line {name_line})", "quote")
    state.take(draft, text, number)
    state.people.spoke(known.name)
    state.last_quote = draft
    return True


# A quotation, then the speaker's name and title after it with no verb (`"…". Алматы полиция департаменті көші-қон
# қызметі басқармасының бастығы Асхат Бутунчинов`, as kaz.zakon.kz signs a quote): the quote is that person's SOT,
# the signature not read. A pasted page may have lost the space after the stop (`…бақылауға алдым".Алматы облысы
# полиция департаментінің бастығы Бауыржан Әленов`).
_SIGNED_QUOTE = re.compile(
    r'^(?P<quote>[«"“„](?P<words>[^«»"“”„]{20,})[»"”])(?:\s*[.,]?\s*[-–—]?\s+|\.(?=[' + UPPER + r']))(?P<sign>[^«»"“”„.!?:;]{5,160})$'
)


def signed_quote(state: State, number: int, raw: str) -> bool:
    """See _SIGNED_QUOTE."""
    text = raw.strip()  # asked by in_sentence_quote, for copy whose quotes are SOTs, past the lead
    match = _SIGNED_QUOTE.match(text)
    if match is None or says(match["sign"], state.story.language.code):
        return False
    name, title = name_and_title(match["sign"], state.story.language.code)
    if not name or " " not in name or not match["sign"].rstrip().endswith(name.split()[-1]):
        return False
    speaker = state.people.resolve(Who("named", name=name, title=title, gender=guess_gender(name)))
    if speaker is None:
        return False
    speaker = dataclasses.replace(speaker, source_line=number)
    draft = state.story.open("sot", speaker=speaker, opened_at=number)
    state.story.warn(number, f"the quote is a SOT of {speaker.name}, whose name and title sign it; the signature is not read", "quote")
    state.take(draft, match["words"].strip(), number)
    state.last_quote = draft
    return True


def in_sentence_quote(state: State, number: int, raw: str) -> bool:
    """Web and agency copy: a named person's quote inside the copy's sentence (`«…», – деді X.`) is a SOT
    of that person, the clause that attributes it not read; a pronoun or a role (`– деді ол`) means the
    person last named (a guess, warned); a group's or an institution's words stay in the copy."""
    if state.quotes != "sot":
        return False
    if state.in_lead and not _quote_under_lead(state, raw):
        return _lead_then_quote(state, number, raw)
    text = raw.strip()
    if state.running:
        return _running_quote(state, number, text)
    if text[-1:].isalpha() and text[:1] in '«"“„' and signed_quote(state, number, raw):
        return True
    if text[-1:].isalpha() and (glued := trailing_credit(text, state.story.language.code)) is not None:
        state.story.attribute(glued.source)  # `«…», — отметил он. RT на русском`: the aggregator's source, not read
        text = text[: glued.start].rstrip()
    found = pieces(text, state.story.language.code)
    if found is None:
        return _quotation_goes_on(state, number, text)
    if len(found) == 1 and found[0].runs_on and not found[0].clause:
        state.running.append((number, text))
        return True
    _clause_credits(state, found)
    speakers = _speakers(state, found)
    if not any(speakers):
        stays = all(piece.who is None or piece.who.kind in _STAYS for piece in found if piece.quote)
        return stays and (lead(state, number, raw) or voice_over(state, number, raw))
    for piece, speaker in zip(found, speakers):
        if speaker is None and not piece.quote and piece is found[-1] and (notice := furniture(piece.text)):
            # `…», – деді.Барлық құқықтар сақталған.`: the site's notice glued after the quote's clause
            state.story.warn(number, f"not read: {notice}", "not-read")
            continue
        if speaker is None:
            voice_over(state, number, piece.written or piece.text)
            continue
        draft = _quote_sot(state, number, piece, speaker)
        state.take(draft, piece.text, number)
        if piece.runs_on:
            state.running = [(0, "")]  # the colon's quote goes on: later paragraphs join this SOT
    return True


def _quote_under_lead(state: State, raw: str) -> bool:
    """A line of the first block that opens with a dash or a quotation mark under a line that ends a sentence, and
    quotes a person (`Сайлау күні …` / `- Сайлау қалыпты өтуде, - дейді … төрағасы Г.Жаңбыршиева.`): a paragraph of
    its own, not the lead's; the lead ends over it (so it says when it does)."""
    text = raw.strip()
    draft = state.current
    if text[:1] not in "-–—«\"“„" or draft is None or draft.kind != "lead" or not draft.lines \
            or not ends_paragraph(draft.lines[-1].text):
        return False
    found = pieces(text, state.story.language.code)
    if not found or not found[0].quote or found[0].who is None or found[0].who.kind not in ("named", "pronoun", "role"):
        return False
    state.in_lead = False
    return True


def _lead_then_quote(state: State, number: int, raw: str) -> bool:
    """The copy's first paragraph, whole, holding a named person's quote after its opening sentences (`… Алма
    Айымқұлова хабарлады. … «…» - деді ол …`, `… Конаков прокомментировал … "…", - цитирует Конакова ТАСС.`): the
    sentences before the quote are the lead, the quote the speaker's SOT, the rest the copy's. One rule for every
    language. A first paragraph that opens on the quote (`«…,» Kyrgyz President Almazbek Atambayev said when he met
    residents of …`) stays the lead: its clause says who and where, which the anchor's lead needs."""
    text = raw.strip()
    if state.current is not None or len(text) < 200 or not _MID_QUOTE.search(text):
        return False
    found = pieces(text, state.story.language.code)
    if not found or len(found) < 2 or found[0].quote or not found[1].quote:
        return False
    speakers = _speakers(state, found)
    if speakers[1] is None:
        return False
    _clause_credits(state, found)
    lead(state, number, found[0].written or found[0].text)
    state.in_lead = False
    for piece, speaker in zip(found[1:], speakers[1:]):
        if speaker is None:
            voice_over(state, number, piece.written or piece.text)
            continue
        state.take(_quote_sot(state, number, piece, speaker), piece.text, number)
    return True


def _clause_credits(state: State, found: list[Piece]) -> None:
    """An outlet's credit in a quote's clause is the story's source (`«…», - сказала министр, передает КазТАГ.`,
    `"…", - цитирует Конакова ТАСС.`); the clause itself is not read."""
    for piece in found:
        credit = find_credit(piece.clause, state.story.language.code) if piece.quote and piece.clause else None
        if credit is not None and credit.outlet:
            state.story.attribute(credit.source)


# A quotation mark opening a quote after a sentence's stop (`… хабарлады. «Адамдар …`): cheap to search, most leads lack it.
# (or after a colon: `… директор Раушан Тілеубаева: “…”, – деді ол.`)
_MID_QUOTE = re.compile(r"(?:[.!?]\s+|:\s*)(?:[«\"“„]|[-–—]\s)")


def _speakers(state: State, found: list[Piece]) -> list[Speaker | None]:
    """Whom each quote of a paragraph is by. The copy before a quote is read for the people it names first:
    `Murat Ukshebayev noted that … "…", he said.` means the person this paragraph has just named, not one
    named earlier in the story."""
    speakers: list[Speaker | None] = []
    for index, piece in enumerate(found):
        if piece.quote and piece.who:
            mention = piece.who
            if mention.kind == "pronoun" and index and not found[index - 1].quote:
                role = subject_role(found[index - 1].text)  # `Глава региона также подчеркнул … «…», — отметил он.`
                if role:
                    mention = Who("role", gender=mention.gender, word=role)
            speakers.append(state.people.resolve(mention))
            continue
        speakers.append(None)
        if not piece.quote and any(later.quote for later in found[index + 1:]):
            state.people.read(piece.text)
            state.read_ahead.add((piece.written or piece.text).strip())
    return speakers


def _same_person(one: str, other: str) -> bool:
    """The same name, or a surname alone and the full name it ends (`Tokayev`, `Kassym-Jomart Tokayev`)."""
    if one == other:
        return True
    short, full = sorted((one, other), key=len)
    return " " not in short and full.split()[-1] == short


# Whose words stay in the reporter's copy without a word: a group, a body, the journalist asking.
_STAYS = ("group", "institution", "asker")


def _quote_sot(state: State, number: int, piece: Piece, speaker: Speaker) -> SegmentBuilder:
    """The SOT for a quote: the one just made if the same person goes on, else a new one."""
    current = state.current
    speaker = dataclasses.replace(speaker, source_line=number)
    if not (current is not None and current is state.quote_sot and current.speaker and _same_person(current.speaker.name, speaker.name)):
        current = state.story.open("sot", speaker=speaker, opened_at=number)
    assert piece.who is not None
    if piece.who.kind in ("pronoun", "role"):
        state.story.warn(
            number,
            f"«{piece.clause}» is taken to mean {speaker.name}, the person last named: the quote is their SOT; "
            f"if not, mark it [SOT Name | title] or [VO]",
            "guess",
        )
    else:
        state.story.warn(
            number,
            f"the quote is a SOT of {speaker.name}; «{piece.clause}» is not read (--quotes read keeps it in the copy)",
            "quote",
        )
    state.quote_sot = state.last_quote = current
    state.current = current
    return current


_QUOTATION = re.compile(r"^[«\"“„](?P<words>.+?)[»\"”“]\s*[.!?…]?$")


def _quotation_goes_on(state: State, number: int, text: str) -> bool:
    """A paragraph that is only a quotation, right after a quote's SOT, is the same person going on."""
    match = _QUOTATION.match(text)
    if not match and starts_with_dash(text) and state.current is not None and state.current.lines and _brings_in(
        state.current.lines[-1].text, state
    ):  # `Ол былай дейді:` then `– Біздің экономика …`: the dash line is the quote
        return _quotation_after_its_speaker(state, number, strip_dash(text), colon=True)
    if not match:
        return False
    if state.quote_sot is None or state.current is not state.quote_sot:
        return _quotation_after_its_speaker(state, number, match["words"])
    state.take(state.quote_sot, quote_sentence(match["words"]), number)
    return True


_QUOTED_WORDS = 6


def _quotation_after_its_speaker(state: State, number: int, words: str, colon: bool = False) -> bool:
    """A paragraph that is only a quotation, right after the copy's sentence that brings its speaker in
    (`Аким Бахыт Айтенов отметил:` or `Министр Сапархан Омаров ответил на вопрос…`): that person's SOT,
    a guess the producer hears of."""
    current = state.current
    if current is None or current.kind not in ("lead", "vo") or not current.lines or len(words.split()) < _QUOTED_WORDS:
        return False
    before = current.lines[-1].text
    language = state.story.language.code
    sentence = re.split(r"(?<=[.!?…])\s+", before.strip())[-1]
    if not says(sentence, language):
        return False
    found = who(sentence.rstrip(":. "), language)
    # a name; after a colon also a pronoun or a role (`Ол былай дейді:`): the person last named
    speaker = state.people.resolve(found) if found.kind == "named" or colon and found.kind in ("pronoun", "role") else None
    if speaker is None:
        named = mentions(sentence)
        if not named:
            return False
        speaker = state.people.add(*named[-1])
        state.people.spoke(speaker.name)
    piece = Piece(text=quote_sentence(words), quote=True, clause=sentence, who=found)
    draft = state.story.open("sot", speaker=dataclasses.replace(speaker, source_line=number), opened_at=number)
    state.story.warn(
        number,
        f"the quotation is taken as {speaker.name}'s, whom line {current.lines[-1].source_line} brings in; "
        f"if not, mark it [VO]",
        "guess",
    )
    state.quote_sot = state.last_quote = state.current = draft
    state.take(draft, piece.text, number)
    return True


def _running_quote(state: State, number: int, text: str) -> bool:
    """A quotation opened in an earlier paragraph goes on here; it closes with its clause (`…», – деді
    X.`), which says whose the paragraphs are. Without one they are read in the copy."""
    mark = state.running[0][1][:1] if state.running[0][1][:1] in "«\"“„" else "«"
    opened = text if text[:1] in "«\"“„" else mark + text
    if opened[:1] == "“":
        opened = _opening_closed(opened)  # `“…` closed by a straight mark
    found = pieces(opened, state.story.language.code)
    if state.running[0][0] == 0:  # `Аким отметил: «…` went on: every paragraph to the closing mark is the SOT's
        closes = bool(re.search(r"[»”\"]", text))
        if state.quote_sot is not None:
            state.take(state.quote_sot, quote_sentence(text.strip("«»\"“”„ ")), number)
        if closes:
            state.running = []
        return True
    if found and found[0].quote and found[0].runs_on and len(state.running) < _RUNNING_PARAGRAPHS:
        state.running.append((number, text))
        return True
    speaker = state.people.resolve(found[0].who) if found and found[0].quote and found[0].who else None
    running, state.running = state.running, []
    bare = _QUOTATION.match(opened) if found is None else None
    if speaker is None and (bare or found and found[0].quote and not found[0].clause) and running[0][0] and (
        _quotation_after_its_speaker(state, running[0][0], running[0][1].lstrip("«\"“„ "))
    ):  # closed with no clause, right after the sentence that brings its speaker in (`… Zhaparov said that …`)
        draft = state.current
        assert draft is not None  # the rule opened it
        for earlier, paragraph in running[1:]:
            state.take(draft, quote_sentence(paragraph.lstrip("«\"“„ ")), earlier)
        state.take(draft, quote_sentence(bare["words"]) if bare else found[0].text, number)  # type: ignore[index]
        for piece in (found or [])[1:]:
            voice_over(state, number, piece.written or piece.text)
        return True
    if speaker is None or found is None:
        for earlier, paragraph in running:
            voice_over(state, earlier, paragraph)
        return False
    first = found[0]
    draft = _quote_sot(state, number, first, speaker)
    for earlier, paragraph in running:
        state.take(draft, quote_sentence(paragraph.lstrip("«\"“„ ")), earlier)
    state.take(draft, first.text, number)
    for piece in found[1:]:
        voice_over(state, number, piece.written or piece.text)
    return True


_RUNNING_PARAGRAPHS = 6


def reported_quote(state: State, number: int, raw: str) -> bool:
    """A speaker's words quoted in the copy's own sentence are read by the anchor or reporter; there
    may be tape of them, which only the producer knows, so say how to make it a SOT. A group's words
    (`— дейді мамандар`, `experts say`) have no tape: read without a word."""
    text = raw.strip()
    if not _REPORTED_QUOTE.match(text) or state.story.language.patterns.group_quote.match(text):
        return False
    state.story.warn(
        number,
        "a quote in the copy's own sentence is read as it stands; if there is tape of it, mark it [SOT Name | title]",
        "guess",
    )
    return lead(state, number, raw) or voice_over(state, number, raw)


def subheading(state: State, number: int, raw: str) -> bool:
    """A subheading of web prose is the page's, not the script's."""
    if number not in state.subheadings or _key(raw) in state.seen:  # a repeated headline is the repeat rule's
        return False
    state.story.warn(number, "not read: subheading; to read it, put it under [VO] in the markup", "not-read")
    return True


# A line opening with two words glued, the second capitalised (`жолТұрғындардың`): no word is spelled so.
_GLUED_OPENING = re.compile(rf"[{LOWER}]{{2,}}[{UPPER}][{LOWER}]{{2,}}")


def lead(state: State, number: int, raw: str) -> bool:
    """The first block is the anchor's lead (with no blank line anywhere: the first paragraph, or up to
    the line that names the source, since the house style closes the lead with it)."""
    if not state.in_lead:
        return False
    text = raw.strip()
    if state.current is not None and text[:1].islower() and _GLUED_OPENING.match(text) and state.current.lines \
            and ends_paragraph(state.lines[number - 2]):
        # `жолТұрғындардың өтініш-тілегін …` under a sentence: a picture's text glued to the first word of the next
        # paragraph, which the page printed without its blank line: the lead ended above
        state.in_lead = False
        return False
    draft = state.current if state.current is not None else state.story.open("lead")
    state.take(draft, text, number)
    if (not state.has_blank or state.lines_are_paragraphs) and (
        ends_paragraph(text) or find_source(text, state.story.language) or _brings_in(text, state)
    ):
        state.in_lead = False  # `… Ол былай дейді:` ends the lead: the speaker's words follow
    return True


def _brings_in(text: str, state: State) -> bool:
    """A paragraph ending in a sentence that brings a speaker in with a colon (`Ол былай дейді:`, `Аким отметил:`)."""
    if not text.endswith(":"):
        return False
    sentence = re.split(r"(?<=[.!?…])\s+", text)[-1]
    return says(sentence, state.story.language.code)


def voice_over(state: State, number: int, raw: str) -> bool:
    """Everything else is the reporter's voice-over."""
    current = state.current
    draft = current if current is not None and current.kind == "vo" else state.story.open("vo")
    state.take(draft, raw.strip(), number)
    state.last_quote = None
    return True


RULES: tuple[Rule, ...] = (
    html_tags, blank, page_furniture, page_frame, subheading, dateline, house_attribution, credit_alone, interview,
    attribution, repeat, quote_above_clause,
    quote, pull_quote, in_sentence_quote, quote_continues, headline, reported_quote, lead, voice_over,
)


def read_line(state: State, number: int, raw: str) -> None:
    """The first rule that takes the line reads it."""
    for rule in RULES:
        if rule(state, number, raw):
            return


_HEADLINE_WORDS = 20


def read(text: str, language: Language, house: House, quotes: str = "sot") -> Story:
    """The story a transcript or pasted copy tells; `quotes` says what a quote in the copy's sentence is:
    `sot` (its speaker's SOT) or `read` (left in the copy)."""
    with remembered():  # the passes and rules below ask of every line its furniture, credit, source: found once
        joined = unwrap(text)  # copy hard-wrapped at a fixed width: read as the paragraphs it was
        if joined is not None:
            return joined.place(_read(joined.text, language, house, quotes))
        return _read(text, language, house, quotes)


# A scraped page's date stamp glued before the line's own words (` date 2018-09-26 ASTANA. KAZINFORM - …`).
_STAMP_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+(?=\S)")


def _unstamped(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines without a date stamp glued before their words, and the numbers of the lines that had one."""
    stamped = [n for n, raw in enumerate(lines, start=1) if raw[:12].lstrip().startswith("date ") and _STAMP_PREFIX.match(raw)]
    if not stamped:
        return lines, stamped
    return [_STAMP_PREFIX.sub("", raw, count=1) if n in stamped else raw for n, raw in enumerate(lines, start=1)], stamped


# Quotation marks a bad encoding turned into `?` (`?Akims must …?, the Premier said.`): an opening one stands
# before a word with no space after it, which no question mark does; its closing one is the next `?` that a
# comma, a stop, a dash, a small word or the line's end follows.
_LOST_OPENING = re.compile(r"(?:^|(?<=[\s(/]))\?(?=[^\W\d_])")
_LOST_CLOSING = re.compile(r"\?(?=\s*(?:[,.;:]|[-–—]|\s[a-z]|$))")


def _marks_back(lines: list[str]) -> list[str]:
    """Lines with quotation marks lost to `?` given back as straight quotes (one pass along each line), and a
    quotation opened with `"` that a `«` closes before its clause given its `"` (`"I hope … influence it, «the head
    of state added.`: the wrong mark typed)."""
    lines = [_lost_marks(raw) if "?" in raw and _LOST_OPENING.search(raw) else raw for raw in lines]
    # the minus sign typed for a dialogue's dash (`− Сіз …?`, `…, − сообщили в правительстве.`): a dash; and
    # `«…коронавирусом«, — сказал пресс-секретарь.`: a guillemet quotation closed by an opening one before its clause
    # and the other dashes a dialogue is typed with (`─` box drawing, `―` the horizontal bar, `‒` the figure dash)
    lines = [_dashes_and_guillemets(raw) if _ODD_DASH.search(raw) or "«," in raw else raw for raw in lines]
    return [_opening_closed(raw) if raw.lstrip()[:1] in '"“' else raw for raw in lines]


def _opening_closed(raw: str) -> str:
    """A quotation opened with `"` or `“` and closed with the wrong mark: `"…, «the head of state added.`, and
    `“Over the past four months, … from Kazakhstan," he said.` (a curly opening, a straight closing: the same
    quotation, its closing given its curly form)."""
    curly = raw.lstrip()[:1] == "“"
    if raw.count("«") + raw.count("“") == 1 + curly:
        raw = _WRONG_CLOSING.sub(_closing_mark, raw)
    if curly and raw.count('"') == 1 and raw.count("“") == 1 and "”" not in raw:
        raw = raw.replace('"', "”")
    return raw


_ODD_DASH = re.compile("[−─―‒]")


def _dashes_and_guillemets(raw: str) -> str:
    if _ODD_DASH.search(raw):
        raw = _MINUS_DASH.sub("–", raw)
    if raw.count("«") == 2 and "»" not in raw and raw.lstrip()[:1] == "«":
        raw = _OPENING_CLOSES.sub("»", raw, count=1)
    return raw


_MINUS_DASH = re.compile(r"(?:(?<=^)|(?<=\s))[−─―‒](?=\s)")
_OPENING_CLOSES = re.compile(r"(?<=[^\s«])«(?=\s*,\s*[-–—]\s*\S)")
# `"…, «the head of state added.`: a straight quotation closed by an opening guillemet, a clause after it.
_WRONG_CLOSING = re.compile(r'^(?P<inner>\s*(?P<open>["“])[^"«»“”]{8,}?[,.!?…])\s*[«“](?P<clause>[^"«»“”]{2,80})$')


def _closing_mark(match: re.Match[str]) -> str:
    clause, close = match["clause"], '"' if match["open"] == '"' else "”"
    return f'{match["inner"]}{close} {clause}' if says(clause, "en") or says(clause, "ru") else match.group(0)


def _lost_marks(raw: str) -> str:
    chars, opened = list(raw), -1
    for index, char in enumerate(raw):
        if char != "?":
            continue
        if opened < 0:
            if _LOST_OPENING.match(raw, index):
                opened = index
        elif _LOST_CLOSING.match(raw, index):
            chars[opened] = chars[index] = '"'
            opened = -1
    return "".join(chars)


# A wire's end mark glued after the story's last sentence (`… peaceful negotiations.-0-`, `… (END)`): not read, and
# the story ends there.
_END_MARK = re.compile(r"(?<=[.!?…»\"”)])\s*(?:-0-|-30-|\(END\)|\(КОНЕЦ\))\s*$")


def _end_marked(lines: list[str]) -> tuple[list[str], int]:
    """The lines with the first end mark glued to a sentence taken off, and the number of its line (0 if none)."""
    for number, raw in enumerate(lines, start=1):
        if raw.rstrip()[-1:] in "-)" and _END_MARK.search(raw):
            return [*lines[: number - 1], _END_MARK.sub("", raw), *lines[number:]], number
    return lines, 0


def _read(text: str, language: Language, house: House, quotes: str) -> Story:
    lines, tagged = _without_tags(text.split("\n"))
    lines, stamped = _unstamped(lines)
    lines = _marks_back(lines)
    lines, ended = _end_marked(lines)
    found_frame = page_frame_of(lines, lambda text: _keeps(text, language, house), ended)
    framed = found_frame.head | found_frame.tail
    # The story's own lines: a page's head and tail have no paragraphs of the story.
    body = lines[found_frame.first - 1: found_frame.last] if framed else lines
    blocks = _blocks(lines)  # asked three times below (the headline, the subheadings, double spacing): found once
    headline = 0 if found_frame.head else _headline(lines, language, blocks)
    # The blank lines under a headline and around furniture part no paragraphs of the copy.
    has_blank = len(_blocks(lines[headline:])) > 1 if headline else _has_inner_blank(body)
    state = State(
        story=StoryBuilder(language=language, house=house), has_blank=has_blank, lines=lines, quotes=quotes,
        frame=found_frame, headline_candidate=headline, tagged=tagged,
    )
    state.lines_are_paragraphs = has_blank and _lines_are_paragraphs(lines, blocks, headline, framed)
    state.shown_twice = _shown_twice(lines)
    state.deck = _repeated_deck(lines, headline or found_frame.title) or _spaced_deck(lines, headline or found_frame.title)
    state.subheadings = _subheadings(lines, headline, language, framed | state.shown_twice, blocks)
    state.quote_to_blank = has_blank and _is_prose(lines, {headline, *state.subheadings, *framed})
    if quotes == "sot":
        state.clause_below = _clauses_below(lines, language.code)
        skip = frozenset(n for n, raw in enumerate(lines, start=1) if raw.strip() and furniture(raw)) | framed | state.subheadings
        state.interview = interviews.plan(lines, headline or found_frame.title, language.code, skip)
    for number, raw in enumerate(lines, start=1):
        state.after_blank = number == 1 or not lines[number - 2].strip()
        read_line(state, number, raw)
    set_aside = {warning.line for warning in state.story.warnings if warning.kind == "not-read"}
    for number in stamped:  # said once for a line the rest of which is not read either
        if number not in set_aside:
            state.story.warn(number, "not read: the page's date stamp before the line", "not-read")
    for number, paragraph in state.running:  # a quotation never closed: its paragraphs are read in the copy
        if number:
            voice_over(state, number, paragraph)
    _warn_unended_quote(state.story, lines)
    if not state.has_blank:
        _warn_guessed_lead(state.story)
    _warn_double_spacing(state.story, lines, blocks)
    state.story.detect_languages()
    state.story.warn_guessed_genders()
    return state.story.story()


_DOUBLE_SPACED_BLOCKS = 6
# A block of at least this many lines, each a sentence or more of prose, is paragraphs with no blank line between.
_PARAGRAPH_LINES = 3


def _lines_are_paragraphs(lines: list[str], blocks: list[list[int]], headline: int, framed: frozenset[int]) -> bool:
    """Whether the copy's first block is paragraphs, one a line (`Minister … took part in …` / `Foreign Ministers of …
    also attended the meeting.` / …, the page's blank lines only around the copy): every line of it ends a sentence
    and has the words of prose. A wrapped paragraph's lines end in mid-sentence."""
    block = next((block for block in blocks if block[-1] > headline and not set(block) <= framed), [])
    rows = [lines[number - 1].strip() for number in block if number not in framed and number > headline]
    return len(rows) >= _PARAGRAPH_LINES and all(ends_paragraph(row) and len(row.split()) >= _PROSE_WORDS for row in rows)


def _warn_double_spacing(story: StoryBuilder, lines: list[str], blocks: list[list[int]] | None = None) -> None:
    """A subtitle-style transcript pasted with a blank line after every line has lost its paragraphs:
    every blank line reads as one. Prose, where each paragraph ends a sentence, reads fine that way. `blocks`:
    `_blocks(lines)` if the caller has it."""
    blocks = _blocks(lines) if blocks is None else blocks
    if len(blocks) < _DOUBLE_SPACED_BLOCKS or any(len(block) > 1 for block in blocks):
        return
    unended = sum(1 for block in blocks if not ends_paragraph(lines[block[0] - 1]))
    if unended * 2 > len(blocks):
        story.warn(
            blocks[0][0],
            "a blank line stands after every line and most lines end no sentence: each blank line is read as a "
            "paragraph break; if they are only spacing, remove them",
            "guess",
        )


def _warn_guessed_lead(story: StoryBuilder) -> None:
    """With no blank line, where the lead ends is a guess (its first sentence, or its source line):
    name the line, so the producer checks it."""
    if len(story.segments) > 1 and story.segments[0].kind == "lead" and story.segments[0].lines:
        last = story.segments[0].lines[-1].source_line
        story.warn(
            last,
            "no blank line parts the lead from the story, so it is taken to end here; if not, mark [LEAD] and [VO]",
            "guess",
        )


def _warn_unended_quote(story: StoryBuilder, lines: list[str]) -> None:
    """A SOT that takes the story's last lines without ever ending its paragraph may have swallowed
    the voice-over after it: say so, since only the producer can tell."""
    last = story.segments[-1] if story.segments else None
    if last is None or last.kind != "sot" or len(last.lines) < 2:
        return
    if _unclosed_quotation(last.lines):
        why = "the quotation mark is never closed"
    elif not ends_paragraph(last.lines[-1].text):
        why = "the quote never ends its paragraph"
    else:
        return
    last_text = max(number for number, raw in enumerate(lines, start=1) if raw.strip())
    if last.lines[-1].source_line == last_text:
        story.warn(last.lines[0].source_line, f"{why}, so it runs to the end; mark [VO] where it stops", "guess")


def _blocks(lines: list[str]) -> list[list[int]]:
    """The numbers of the text lines, block by block (blank lines part blocks; page furniture, such as
    a byline under the headline, does not count)."""
    blocks: list[list[int]] = []
    previous_blank = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            previous_blank = True
        elif not furniture(raw):
            if previous_blank:
                blocks.append([])
            blocks[-1].append(number)
            previous_blank = False
    return blocks


# A short phrase in marks inside a heading.
_SHORT_QUOTED = re.compile(r"“[^“”«»\"]{1,40}”|«[^«»“”\"]{1,40}»|\"[^\"«»“”]{1,40}\"")
_WORD_COMMA = re.compile(r",(?!\d)|(?<!\d),")


def _reads_as_heading(text: str, language: Language, comma: bool = False) -> bool:
    """Short, no final punctuation, no quotation, comma or colon, neither an attribution nor a source. `comma`:
    a comma allowed (a line alone over at least two paragraphs of copy)."""
    # a colon in a heading only in capitals, with words after it (`CSTO: KAZAKHSTAN'S CHAIRMANSHIP REVIEW`)
    colon = ":" in text and not (_SHOUTED_HEADING.match(text) and not text.rstrip().endswith(":"))
    if re.search(r"[\"«»“”]", text) and text[:1] not in "«\"“„":
        # a phrase in marks inside it (`Tajikistan’s initiative on “security belt” around Afghanistan`) is a word of it
        text = _SHORT_QUOTED.sub("Name", text)
    if (ends_paragraph(text) and not headline_style(text)) or len(text.split()) > _HEADLINE_WORDS or re.search(r"[\"«»“”]", text) or colon:
        return False
    # a comma between digits (`1,500 permanent jobs`) is a number's, not the heading's
    # (`Syrian Peace Talks Open in Astana, Focus on …`: a comma in a Title Case heading)
    if "," in text and not (comma or title_case(text) or _SAID_BY.search(text)) and _WORD_COMMA.search(text):
        return False
    # a wire's dateline on a line of its own (`ANKARA- Anadolu Agency`) is the dateline rule's
    return not (parse_attribution(text) or find_source(text, language) or _agency_dateline_alone(text))


def _heading_shaped(text: str, language: Language) -> bool:
    """A heading inside the copy: as `_reads_as_heading`, or a heading in two parts around a colon (`Урожай и
    погода: кратковременная пауза, затем — в работу`, `Ондасын Уразалин о гибели подростка …: «Это трагедия»`)."""
    if _reads_as_heading(text, language) or _colon_heading(text, language.code):
        return True
    # a programme's or a body's name in marks inside it (`Концепцию программы «Қазақстан балалары» обсудили …`)
    return text[:1] not in "«\"“„" and "«" in text and _reads_as_heading(_NAME_IN_MARKS.sub("Name", text), language)


_NAME_IN_MARKS = re.compile(r"«[^«»]{1,40}»")


# `<words>: <words>` or `<words>: «<a short quotation>»`, no final stop, the quotation marks only after the colon.
_COLON_HEADING = re.compile(r"^(?P<head>[^:«»\"“”.!?]{6,120}):\s+(?P<tail>[^:«»\"“”.!?]{3,120}|[«\"“][^«»\"“”]{1,60}[»\"”])$")


def _colon_heading(text: str, language: str) -> bool:
    if ":" not in text or len(text.split()) > _HEADLINE_WORDS:
        return False
    match = _COLON_HEADING.match(text)
    if match is None or says(match["head"], language) or len(match["head"].split()) > _LABEL_WORDS + 4:
        return False
    found = split_attribution(match["head"] + ":")  # `Кумар Аксакалов, аким Костанайской области: …`: a speaker's label
    return not (found is not None and is_person(found[0].name, language))


def _agency_dateline_alone(text: str) -> bool:
    found = find_dateline(text)
    return found is not None and bool(found.source) and not found.rest.strip()


_SHOUTED_HEADING = re.compile(rf"^[^{LOWER}]*[{UPPER}]{{2,}}[^{LOWER}]*$")


def _labelled_headline(text: str, language: str) -> bool:
    """An interview's headline: the guest's name (and title) and a colon, then words or a quotation that end
    no sentence with a full stop."""
    head, colon, words = text.partition(":")
    if not colon or not words.strip() or re.search(r"[.!][\"»”'’]*$", text.rstrip()) or says(head, language):
        return False
    if len(text.split()) > _HEADLINE_WORDS + 10 or len(head.split()) > _LABEL_WORDS or starts_with_dash(text):
        return False
    found = split_attribution(head + ":")  # `Асқар ЖҰМАДІЛДАЕВ, академик: …`, or a group: `Павлодар тұрғындары: …`
    return (found is not None and is_person(found[0].name, language)) or not re.search(r"[,«\"“„(]", head)


_LABEL_WORDS = 8


def _question_headline(lines: list[str], first: int) -> bool:
    """A headline that asks (`Ресей журналисі шындықты айта ма?`, `Will Kazakhstan build a nuclear plant?`): one
    short question, no other sentence in it, over copy in which no other line of the first _QUESTION_LOOK asks
    and the first does not open with a dash (then it is an interview's question)."""
    text = lines[first - 1].strip()
    if not (_QUESTION_HEADLINE.match(text) and len(text.split()) <= _QUESTION_WORDS) or starts_with_dash(text):
        return False
    following = [text for _, text in _following(lines, first, _QUESTION_LOOK)]
    return bool(following) and not starts_with_dash(following[0]) and not any(
        _ASKS.search(line) for line in following
    )


_QUESTION_HEADLINE = re.compile(r"^[^.!?…]+\?[\"»”']*$")
_ASKS = re.compile(r"\?[\"»”']*$")
_QUESTION_WORDS = 15
_QUESTION_LOOK = 12


# A headline that ends with who said it: `Іс-шараларда …, ақсақалдарға сөз береміз – Нұрдәулет Қилыбай`, `… – министр`.
_SAID_BY = re.compile(r"\s[-–—]\s+[^\s,.!?:;]+(?:\s+[^\s,.!?:;]+){0,2}$")


def _headline(lines: list[str], language: Language, blocks: list[list[int]] | None = None) -> int:
    """The number of the first line if it reads as a headline, and either stands alone in its block
    with at least two more blocks after it, or stands over a wire dateline, or, in copy with no blank
    line, is the only line that does not end a sentence or a list item. `blocks`: `_blocks(lines)` if the caller
    has it (read, never changed)."""
    blocks = _blocks(lines) if blocks is None else blocks
    if not blocks:
        return 0
    first = blocks[0][0]
    if len(lines[first - 1].split()) == 1 and len(blocks[0]) == 1 and len(blocks) > 2:
        # a rubric or the city alone over the headline (`Астана` / `Акежан Кажегельдин: У Токаева нет команды …`)
        following = lines[blocks[1][0] - 1].strip()
        if _reads_as_heading(following, language) or _labelled_headline(following, language.code):
            blocks, first = blocks[1:], blocks[1][0]
    if _over_copy(lines, blocks[0], language):
        return first
    # `Асқар ЖҰМАДІЛДАЕВ, академик: Ірі істер кішкентай қадамнан басталады`: an interview's headline
    first_line = lines[first - 1].strip()
    # alone over at least two paragraphs of copy, a line that ends no sentence is the headline even with a comma
    # (`Azerbaijan, Kazakhstan transporting cargo along TRACECA corridor as usually`); over one it may be the lead
    # or over a wire's dateline (`В Казахстане заявили, что …` / `НУР-СУЛТАН, 7 января. /ТАСС/. …`)
    # (two paragraphs: the first two lines under it, in one block or two: `Наурызкөже, әсем ән мен тәтті күй` over
    # a paragraph and a dash quote)
    under = [number for block in blocks[1:3] for number in block][:2]
    over_paragraphs = len(blocks[0]) == 1 and len(blocks) >= 2 and "," in first_line and (
        len(under) == 2 and all(ends_paragraph(lines[number - 1]) for number in under)
        or find_dateline(lines[blocks[1][0] - 1]) is not None
    )
    if not (_reads_as_heading(first_line, language, over_paragraphs) or _labelled_headline(first_line, language.code) or (
        _question_headline(lines, first) and len(blocks[0]) == 1 and len(blocks) >= 3
    )):
        return 0
    if len(blocks[0]) > 1 and find_dateline(lines[blocks[0][1] - 1]):
        return first
    if len(blocks[0]) == 1 and len(blocks) > 1 and find_dateline(lines[blocks[1][0] - 1]):
        return first  # a heading alone over the wire's dateline, a blank line between
    if len(blocks[0]) != 1 and len(blocks) > 1:
        return 0
    if len(blocks) == 1:
        rest = _text_lines(lines, {first})
        return first if rest and all(_ENDS_SENTENCE_OR_ITEM.search(line) for line in rest) else 0
    if len(blocks) >= 3:
        return first
    # Two blocks: a heading over one paragraph of prose (every line ends a sentence, enough words to be copy; a link
    # glued after its last stop, `… in an interview. asiaplustj.info »`, is no part of it)
    rest = [_GLUED_LINK.sub("", line) for line in _text_lines(lines, {first})]
    prose = bool(rest) and all(ends_paragraph(line) or _cut_short_prose(line) for line in rest) and sum(
        len(line.split()) for line in rest
    ) >= _PROSE_UNDER_HEADLINE
    return first if prose else 0


# A paragraph the page (or the excerpt) cut off in mid-sentence is still prose: a sentence of its own ends inside it,
# and it is long, as no heading is.
_CUT_PROSE_WORDS = 30


def _cut_short_prose(line: str) -> bool:
    return len(line.split()) >= _CUT_PROSE_WORDS and bool(re.search(r"\w[.!?][\"»”']?\s+[\"«“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", line))


_GLUED_LINK = re.compile(rf"(?<=[.!?…])\s+[\w-]+(?:\.[\w-]+)*\.{WEB_DOMAIN}\s*[»›→]\s*$", re.IGNORECASE)
# A heading over a single paragraph is a headline when the paragraph has at least this many words.
_PROSE_UNDER_HEADLINE = 15
_PASTED_HEADLINE_WORDS = 25


def _credit_alone(line: str, language: Language) -> bool:
    match = find_source(line, language)
    return match is not None and is_whole_line(match)


def _over_copy(lines: list[str], block: list[int], language: Language) -> bool:
    """Pasted web copy: a first line that ends no sentence right over paragraphs that all do (no blank
    line between) is the headline; it may quote or name someone (`"Накажу ее": Досаеву пожаловались`)."""
    # the page's links to other stories (`Сондай-ақ оқыңыз`, `Related news`) end the copy: their headlines are not its lines
    links = next(
        (n for n in range(block[0] + 1, len(lines) + 1) if furniture(lines[n - 1]) in ("link to another story", "more to read")),
        len(lines) + 1,
    )
    head, rest = lines[block[0] - 1].strip(), [lines[n - 1].strip() for n in block[1:] if n < links]
    if not rest or (ends_paragraph(head) and not _question_headline(lines, block[0])) or head.endswith((":", ",")) or len(
        head.split()
    ) > _PASTED_HEADLINE_WORDS:
        return False
    if parse_attribution(head) or find_source(head, language) or starts_with_dash(head):
        return False
    copy = [line for line in rest if not _credit_alone(line, language)]
    ended = sum(1 for line in copy if ends_paragraph(line) or line.endswith(":"))  # `… Ол былай дейді:` ends one too
    return bool(copy) and ended * 3 >= len(copy) * 2


def _keeps(text: str, language: Language, house: House) -> bool:
    """A line the page frame must leave to the reader: a credit, the channel's sign-off, a speaker's line."""
    match = find_source(text, language)
    return bool(
        match is not None or house.is_own(text.rstrip(".")) or split_attribution(text) or find_dateline(text)
        or _OUTLET_LINE.match(text.strip())
    )


# In copy with no blank line, a heading between two paragraphs of prose (lines of at least _PROSE_WORDS
# words each, not subtitle lines) has at least _HEADING_WORDS words.
_PROSE_WORDS = 8
_HEADING_WORDS = 4


# A caption is a few words.
_CAPTION_WORDS = 25


# A deck's connective before the sentence the copy repeats: `In particular, the President instructed …`.
_DECK_OPENING = re.compile(r"^(?:[^\W\d_]+\s+){0,2}[^\W\d_]+,\s+")
_DECK_CHARS = 40


def _repeated_deck(lines: list[str], headline: int) -> int:
    """The number of the paragraph right under the headline if the copy says it again word for word further down
    (`In particular, the President instructed to implement price controls …` / `Thirdly, the President instructed
    to implement price controls …`): the page's deck, a summary lifted from the copy, not its lead; 0 if none."""
    if not headline:
        return 0
    number = next((n for n in range(headline + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
    if not number:
        return 0
    text = lines[number - 1].strip()
    said = _DECK_OPENING.sub("", text, count=1).rstrip(" .!").casefold()
    if len(said) < _DECK_CHARS or not ends_paragraph(text):
        return 0
    # inside a later paragraph, after other words (`Thirdly, …`): a paragraph printed again whole from its start is
    # the page repeating its lead (the repeat rule's), not a deck
    later = (line.casefold() for line in lines[number:] if len(line) > len(said))
    return number if any(line.find(said) > 0 for line in later) else 0


_DECK_WORDS = 40


def _spaced_deck(lines: list[str], headline: int) -> int:
    """The number of the one-sentence paragraph under the headline when the page sets it apart as it does the
    headline, with two blank lines or more above and below it, where the story's own paragraphs have one between
    them (samal-akparat: headline, deck, lead, each over two blank lines, then the copy): the deck; 0 if none."""
    if not headline:
        return 0
    following = [n for n in range(headline + 1, len(lines) + 1) if lines[n - 1].strip()][:3]
    if len(following) < 3:
        return 0
    deck, first, second = following
    if deck - headline < 3 or first - deck < 3 or second - first != 2:
        return 0
    text = lines[deck - 1].strip()
    if len(re.findall(r"[.!?…](?:\s|$)", text)) != 1 or len(text.split()) > _DECK_WORDS or not ends_paragraph(text):
        return 0
    return deck


def _shown_twice(lines: list[str]) -> frozenset[int]:
    """A line the next line repeats word for word, with no sentence's end (`Визит Владимира Путина в Казахстан. 9
    ноября 2023 года` twice): a page's picture, its alt text and its caption. Both are the page's."""
    found: set[int] = set()
    for number, (line, following) in enumerate(zip(lines, lines[1:]), start=1):
        if line != following:  # the page prints both alike (most lines differ from the next one at once)
            continue
        text = line.strip()
        if text and not ends_paragraph(text) and len(text.split()) <= _CAPTION_WORDS:
            found |= {number, number + 1}
    return frozenset(found)


def _subheadings(
    lines: list[str], headline: int, language: Language, framed: frozenset[int] = frozenset(),
    blocks: list[list[int]] | None = None,
) -> frozenset[int]:
    """Web prose parts its paragraphs with subheadings: a line that reads as a heading alone in its
    block, between paragraphs whose every line ends a sentence. A page shows them; no one reads them. `blocks`:
    `_blocks(lines)` if the caller has it."""
    blocks = [block for block in (_blocks(lines) if blocks is None else blocks) if not set(block) <= framed]
    found = {
        block[0]
        for block in blocks[1:-1]
        # alone in its block, or over its picture's credit (another story's headline linked inside the copy:
        # `Концепцию программы … обсудили в Правительстве` / `Фото: Правительство РК`)
        if (len(block) == 1 or len(block) == 2 and furniture(lines[block[1] - 1]) == "photo credit")
        and block[0] != headline and _heading_shaped(lines[block[0] - 1].strip(), language)
    }
    if len(blocks) == 1:  # copy with no blank line: a heading (or a linked story's headline) between sentences
        block = [number for number in blocks[0] if number != headline and number not in framed]
        found = {
            number
            for before, number, after in zip(block, block[1:], block[2:])
            if _heading_shaped(lines[number - 1].strip(), language) and len(lines[number - 1].split()) >= _HEADING_WORDS
            and all(ends_paragraph(lines[n - 1]) and len(lines[n - 1].split()) >= _PROSE_WORDS for n in (before, after))
        }
    # the lines over the headline (a rubric, a date) are the page's head, not the prose
    return frozenset(found) if found and _is_prose(lines, {*range(1, headline + 1), *found, *framed}) else frozenset()


# A list item may end with a semicolon or a comma, the line that opens the list with a colon.
_ENDS_SENTENCE_OR_ITEM = re.compile(r"[.!?…:;,][\"»”')\]]*$")


def _text_lines(lines: list[str], skip: set[int]) -> list[str]:
    """The lines of the story's own words: not blank, not skipped (headings), not attribution lines, not
    page furniture."""
    return [
        raw.strip()
        for number, raw in enumerate(lines, start=1)
        if raw.strip() and number not in skip and split_attribution(raw) is None and not furniture(raw)
    ]


def _is_prose(lines: list[str], headings: set[int]) -> bool:
    """Whether every line of text ends a sentence."""
    text = _text_lines(lines, headings)
    return bool(text) and all(ends_paragraph(line) for line in text)


def _has_inner_blank(lines: list[str]) -> bool:
    content = [i for i, line in enumerate(lines) if line.strip()]
    return bool(content) and any(not lines[i].strip() for i in range(content[0], content[-1]))
