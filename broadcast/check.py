"""What an anchor stumbles on, line by line: named rules over a timed story, each returning findings.

Every finding is a `Warning` with a `kind`, so the same list feeds `broadcast check` and the JSON warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, TypeVar

from .house import SUPER_WIDTH
from .languages import Language, StoryLanguages
from .languages.base import alternatives
from .languages._letters import UPPER
from .model import Line, Segment, Story, Timing, Warning
from .voices import Cast, VoiceProfile

# A typical SOT bite runs 10-15 s (docs/sources.md#segment-lengths); longer, and the package should cut it.
SOT_BITE = 15.0
# More figures than this in one sentence and the listener loses them.
NUMBERS_PER_SENTENCE = 2

_DIGITS = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
_ABBREVIATION = re.compile(rf"(?<![\w])[^\W\d_]*[{UPPER}](?:[^\W\d_]*[{UPPER}])+[^\W\d_]*(?![\w])")
_CAPITALISED = re.compile(rf"(?<![\w])[{UPPER}][^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Context:
    story: Story
    timing: Timing
    cast: Cast
    languages: StoryLanguages  # each line is checked in its segment's language, with that language's lexicon
    super_width: int = SUPER_WIDTH


@dataclass(frozen=True)
class ReadLine:
    line: Line
    segment: Segment
    voice: VoiceProfile
    language: Language


Rule = Callable[[Context], list[Warning]]


T = TypeVar("T")


def _per_language(make: Callable[[Language], T]) -> Callable[[Language], T]:
    """`make` worked out once a language within one check (a language's lexicon is the user's: no global cache)."""
    made: dict[str, T] = {}

    def of(language: Language) -> T:
        if language.code not in made:
            made[language.code] = make(language)
        return made[language.code]

    return of


def read_lines(context: Context) -> list[ReadLine]:
    return [
        ReadLine(line, segment, context.cast.for_segment(segment), context.languages.of(segment))
        for segment in context.story.segments
        for line in segment.lines
    ]


def _scale_words(language: Language) -> list[str]:
    """Words that make a figure of what precedes them (миллион, млрд, million): from the lexicon."""
    rules = language.lexicon.rules if language.lexicon else {}
    words = [*rules.get("scales", {}), *rules.get("scales", {}).values()]
    for unit in rules.get("units", {}).values():
        if unit.get("gender") or unit["n"][0].startswith(("миллион", "миллиард", "триллион")):
            words.extend(form for case in "ngdaip" for form in unit.get(case, []))
            words.extend(form for form in unit.get("written", []) if form[0].isalpha())
    return words


def _figures_in_words(language: Language) -> re.Pattern[str]:
    """A figure already in words, with the word before and after it (бір миллиард доллар)."""
    scale = alternatives(_scale_words(language))
    # The word before starts at a word's start (the look-behind): tried from every letter, a 200,000-letter
    # word cost n² steps.
    return re.compile(rf"(?:(?<![^\W\d_])[^\W\d_]+\s+)?(?<![\w])(?:{scale})(?![\w])(?:\s+[^\W\d_]+)?")


def figures(context: Context) -> list[Warning]:
    """Each line with a figure: exactly how the voice will say it (the spoken form's own reading), for the
    anchor to check before air; a figure already in words (бір миллиард) is named as written. A line the voice does
    not read is left out."""
    found, in_words_of = [], _per_language(_figures_in_words)
    for read in read_lines(context):
        if not read.line.spoken.strip():
            continue  # a line no voice reads (a NAT cue: ШУМ (2 сек.)) has no figure to say
        phrases = read.language.figures(read.line.prompt)
        if not phrases:
            in_words = in_words_of(read.language)
            phrases = [(words, words) for words in (m.group().strip() for m in in_words.finditer(read.line.prompt))]
        if phrases:
            # A figure already in words is named as it stands (no "sixty billion → sixty billion").
            said = "; ".join(written if written == spoken else f"{written} → {spoken}" for written, spoken in phrases)
            found.append(Warning(read.line.source_line, f"figures to say with care: {said}", "figures"))
    return found


def numbers(context: Context) -> list[Warning]:
    found = []
    for read in read_lines(context):
        for sentence in read.language.sentences(read.line.text):
            count = len(_DIGITS.findall(sentence))
            if count > NUMBERS_PER_SENTENCE:
                message = f"{count} numbers in one sentence; a listener keeps {NUMBERS_PER_SENTENCE}"
                found.append(Warning(read.line.source_line, message, "numbers"))
    return found


def breath(context: Context) -> list[Warning]:
    """A sentence longer than the voice's breath (its profile's `breath`, in syllables)."""
    found = []
    for read in read_lines(context):
        for sentence in read.language.sentences(read.line.spoken):
            syllables = read.language.syllables(sentence)
            if syllables > read.voice.breath:
                message = f"sentence of {syllables} syllables is longer than one breath ({read.voice.breath} for {read.voice.name})"
                found.append(Warning(read.line.source_line, message, "breath"))
    return found


def digits_first(context: Context) -> list[Warning]:
    return [
        Warning(read.line.source_line, "starts with digits; open the sentence with a word", "digits-first")
        for read in read_lines(context)
        if re.match(r"[\s\"«“„(–—-]*[$€£¥₸₽]?\d", read.line.text)
    ]


def abbreviations(context: Context) -> list[Warning]:
    found = []
    for read in read_lines(context):
        language = read.language
        lexicon = language.lexicon
        for word in dict.fromkeys(_ABBREVIATION.findall(read.line.text)):
            capitals = sum(1 for char in word if char.isupper())
            if capitals * 2 < len(word):
                continue  # a name with inner capitals (McDonald, ҚазАқпарат), not an abbreviation
            latin = lexicon.rules.get("latin", {}) if lexicon else {}
            if lexicon is not None and (lexicon.knows(word) or word in latin.get("say", {})):
                continue
            # The rule's reading (a Latin acronym in Kazakh or Russian, an unknown one in English) is named.
            said = language.spoken(word)
            message = f"abbreviation {word} is not in the {language.code} lexicon; say how it is read"
            if said != word:
                where = "[latin.say]" if latin and word.isascii() else "[expand], [letters] or [word]"
                message = (
                    f"abbreviation {word} is not in the {language.code} lexicon: read by rule as "
                    f"\"{said}\"; add it under {where} if it is said otherwise"
                )
            found.append(Warning(read.line.source_line, message, "abbreviation"))
    return found


def _foreign(word: str, language: Language) -> bool:
    names = (language.lexicon.rules if language.lexicon else {}).get("names", {})
    lower = word.lower()
    latin = any("a" <= char <= "z" for char in lower)
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in lower)
    other_script = cyrillic if language.code == "en" else latin
    letters = names.get("foreign_letters", "")
    # A Kazakh name keeps case endings after the stem (Лукашенконың): look for the ending near the end.
    ending = any(0 <= len(lower) - lower.rfind(e) - len(e) <= 5 and e in lower for e in names.get("foreign_endings", []))
    return other_script or bool(letters and set(letters) & set(lower)) or ending


def foreign_names(context: Context) -> list[Warning]:
    """A name from another language that the lexicon gives no reading for."""
    found = []
    for read in read_lines(context):
        lexicon = read.language.lexicon
        say = list(lexicon.say) if lexicon else []
        for word in dict.fromkeys(_CAPITALISED.findall(read.line.text)):
            if word.isupper() or any(word.startswith(known) for known in say):
                continue
            if _foreign(word, read.language):
                message = f"name {word} is from another language; give its reading under [say] in a lexicon"
                found.append(Warning(read.line.source_line, message, "foreign-name"))
    return found


def long_bites(context: Context) -> list[Warning]:
    found = []
    for segment, timed in zip(context.story.segments, context.timing.segments):
        if segment.kind != "sot":
            continue
        seconds = (timed.duration - timed.pause) / 1000
        if seconds > SOT_BITE:
            who = segment.speaker.name if segment.speaker else "the speaker"
            message = f"SOT of {who} runs {seconds:.0f} s; a bite is usually 10–15 s"
            found.append(Warning(segment.lines[0].source_line, message, "sot-long"))
    return found


def lower_thirds(context: Context) -> list[Warning]:
    """A SOT's super: a name or title longer than a line of the house's super, or no title at all.
    Each speaker once, at their first bite."""
    found, seen = [], set()
    width = context.super_width
    for segment in context.story.segments:
        speaker = segment.speaker
        if segment.kind != "sot" or (speaker and speaker.lower_third in seen):
            continue
        line = segment.lines[0].source_line if segment.lines else 0
        if speaker is None:
            found.append(Warning(line, "SOT without a speaker: the lower third is empty", "lower-third"))
            continue
        seen.add(speaker.lower_third)
        for part, text in (("name", speaker.name), ("title", speaker.title)):
            if len(text) > width:
                message = f"lower third: the {part} '{text}' is {len(text)} characters; the super holds {width} a line"
                found.append(Warning(line, message, "lower-third"))
        if not speaker.title:
            message = f"SOT of {speaker.name} has no title for the lower third: [SOT {speaker.name} | title]"
            found.append(Warning(line, message, "lower-third"))
    return found


def _unit_words(language: Language) -> set[str]:
    """The words a figure is counted in (доллар, пайыз, процент, миллион, dollars): from the lexicon."""
    rules = language.lexicon.rules if language.lexicon else {}
    words: set[str] = set(rules.get("percent", {}).get("words", []))
    for said in (*rules.get("currency", {}).values(), *rules.get("scales", {}).values()):
        words.update([said] if isinstance(said, str) else said)
    for unit in rules.get("units", {}).values():  # every case form: рублей is no misspelling of рубль
        words.update(form for case in "ngdaip" for form in unit.get(case, []))
    return {word.lower() for word in words if len(word) >= 5}


def _near_miss(word: str, unit: str) -> bool:
    """Whether `word` begins with `unit` misspelt by one letter left out or changed (долардан: доллар);
    not its last letter, which an ending may replace."""
    if word.startswith(unit):
        return False
    dropped = any(word.startswith(unit[:i] + unit[i + 1:]) for i in range(1, len(unit) - 1))
    changed = sum(a != b for a, b in zip(word, unit)) == 1 and len(word) >= len(unit)
    return dropped or changed


def _after_figure(language: Language) -> re.Pattern[str]:
    """The word after a figure (in digits or words), where a unit goes."""
    scale = alternatives(_scale_words(language))
    return re.compile(rf"(?:\d+|(?<![\w])(?:{scale})(?![\w]))%?(?:-[^\W\d_]+)?(?:\s+(?:{scale})\.?)?\s+(?P<word>[^\W\d_]+)")


def unit_spelling(context: Context) -> list[Warning]:
    """A unit after a figure spelt one letter off (бір миллиард долардан): the voice reads it as written."""
    found, units_of, after_figure_of = [], _per_language(_unit_words), _per_language(_after_figure)
    for read in read_lines(context):
        units, after_figure = units_of(read.language), after_figure_of(read.language)
        for match in after_figure.finditer(read.line.text):
            word = match["word"].lower()
            misses = sorted(unit for unit in units if _near_miss(word, unit))
            if misses and not any(word.startswith(unit) for unit in units):
                message = f"{match['word']}: did you mean {misses[0]}? It is read as written"
                found.append(Warning(read.line.source_line, message, "spelling"))
    return found


RULES: tuple[Rule, ...] = (
    figures, numbers, breath, digits_first, abbreviations, foreign_names, unit_spelling, long_bites, lower_thirds
)


def check(
    story: Story, timing: Timing, cast: Cast, languages: StoryLanguages, super_width: int = SUPER_WIDTH
) -> list[Warning]:
    """Every finding of every rule, in line order (a rule's own order kept within a line); each line in its
    segment's language, as the pipeline resolved it."""
    context = Context(story, timing, cast, languages, super_width)
    findings = [warning for rule in RULES for warning in rule(context)]
    return sorted(findings, key=lambda warning: warning.line)
