"""Page furniture: what a web page or an agency wire carries around the story and no one reads on air.

The tables are data in every language we meet at once: a Kazakh page may well carry a Russian "Фото:".
"""
from __future__ import annotations

import re
from typing import Any
from dataclasses import dataclass
from functools import cache

from .credits import _MEDIA, WEB_DOMAIN, _names_a_person, is_office, is_outlet
from .per_read import once
from ..compile_cache import keeping, kept
from ..languages._triggers import NOT_PLAIN, one_of, trigger_strings
from ..languages._letters import LOWER, UPPER

# Python's own regex parser and its constants (`re._parser`, `re._constants` since 3.11; not in typeshed).
_parser: Any = getattr(re, "_parser", None)
_constants: Any = getattr(re, "_constants", None)

# People's names for a byline: capitalised words, commas and "and" between them.
_NAMES = rf"(?-i:[{UPPER}][\w.'’-]*(?:[\s,&]+(?:and\s+|және\s+|и\s+)?[{UPPER}][\w.'’-]*){{0,7}})"
# A breadcrumb's part: a word or a few, no separator and no sentence's end in it.
_CRUMB = r"[^\s/>»→|.!?](?:[^/>»→|.!?]{0,40}?[^\s/>»→|.!?])?"
# What every match of the tag cloud with counts needs, tried before it (a look-ahead that scans the line once): five
# runs of digits. Each of the form's five `\s\d+\s` is a run of its own.
_FIVE_NUMBERS = r"(?=(?:\D*+\d++){5})"
# What no page's time stamp opens with, tried before its first form: a word of letters, white space and a letter
# (`Бұл көрсеткіш 989.`). A letter opens only a word before a mark (`Kazinform | 12 May`), a word before a number
# (`May 3`, `date 2023-05-12`), `сегодня`, `today` and the like alone or before `в 14:30`, a figure or `GMT`
# (tests/test_fast_paths.py checks the rule matches what it matched without it).
_NOT_A_DATE = r"(?![^\W\d]++\s+(?!в\s|gmt)[^\W\d])"
# (what the line is, how it starts); matched case-insensitively against the stripped line.
FURNITURE: tuple[tuple[str, str], ...] = (
    ("photo credit", rf"(?:фото|сурет|photo)\s+(?:[{UPPER}]\.\s?)?[{UPPER}][\w-]+\.?$"),
    # whose pictures they are, in a word or two: `Фото автора.`, `Суреттер автордікі`, `Фото из открытых источников`
    ("photo credit", r"(?:фото|суреттер?)\s+(?:автора|автордікі|автордың|из\s+(?:открытых\s+источников|архива|соцсетей"
     r"|социальных\s+сетей|интернета)|ашық\s+дереккөздерден|ғаламтордан)\.?$|автордың\s+суреті\.?$"),
    # a wire's or a picture agency's name alone under a photo's caption: `Reuters`, `AFP / Getty Images`
    ("photo credit", r"(?:reuters|afp|ap|epa|getty\s+images|anadolu(?:\s+agency)?|xinhua|shutterstock|depositphotos)"
     r"(?:\s*/\s*(?:getty\s+images|\w+))?$"),
    ("photo credit", r"(?:фото\w*|сурет\w*|photos?|pictures?|images?)(?:\s+by\b|\b[^:©]{0,30}[:©])|©"),
    # a caption, then the photo's credit: `Ерболат Досаев. Фото: акимат Алматы`
    ("photo caption", r"[^.!?]{2,80}[.!?]\s+(?:фото\w*|сурет\w*|photos?|images?)(?:\s+(?:credit|courtesy|source))?\s*:.{0,60}$"
     # the caption with no stop of its own: `<the headline again> Фото: Бейнежазбадан`
     r"|[^.!?]{2,200}?\s(?-i:Фото|Сурет|Photo|Image)\s*:\s*[^.!?]{1,60}$"
     # the photographer after a `©`, the caption before it (a page may print both twice):
     # `Ministry of Internal Affairs of Kazakhstan ©Marat Abilov`
     r"|[^.!?©]{2,200}©\s?[^\W\d][^.!?]{1,200}$"),
    # a caption that says the picture is an old one: `Kazakh activist Noyan Rakhymzhanov (file photo)`
    ("photo caption", r"[^.!?()]{2,120}\((?:file|archive|archival|illustrative|stock)\s+(?:photo|picture|image)\)\.?$"
     r"|[^.!?()]{2,120}\((?:фото\s+из\s+архива|архивное\s+фото|архивтік\s+сурет|мұрағаттық\s+сурет)\)\.?$"),
    ("video credit", r"(?:видео\w*|бейне\w*|videos?)\b[^:]{0,30}:"),
    # A still's caption that says only what the picture is: `Кадр видео, улучшенный с помощью ИИ`, `Скриншот из
    # видео`, `Видеодан алынған кадр`, `Иллюстрация сгенерирована нейросетью`, `AI-generated image`, `Коллаж …`.
    (
        "picture caption",
        r"(?:стоп-)?кадр(?:\s+из)?\s+(?:видео|ролика|трансляции|фильма|записи)\b[^.!?]{0,60}$"
        r"|скриншот\w*(?:\s+(?:из|с))?(?:\s+[^.!?\s]+){0,6}$|(?:видео|бейне)\w*\s+(?:алынған\s+)?кадр\w*[^.!?]{0,40}$"
        r"|(?:screenshot|still|frame|screengrab)\s+(?:from|of)\s+(?:a\s+|the\s+)?video\b[^.!?]{0,60}$"
        r"|(?:коллаж|collage)\b[^!?]{0,80}(?<![.!?])$"
        # made by a machine: `Фото сгенерировано ИИ`, `Сурет жасанды интеллект көмегімен жасалған`, `AI-generated image`
        r"|(?:фото\w*|изображени\w*|иллюстраци\w*|картинк\w*|сурет\w*|кескін\w*|image|photo|illustration|picture)"
        r"[^.!?]{0,40}(?:\bИИ\b|\bЖИ\b|\bAI\b|нейросет\w*|жасанды\s+интеллект\w*|искусственн\w+\s+интеллект\w*"
        r"|artificial\s+intelligence|midjourney|chatgpt|dall-?e)[^.!?]{0,40}$"
        r"|(?:ai|ии|жи)[-\s](?:generated|сгенерированн\w*)\s+(?:image|photo|illustration|picture|изображени\w*|фото\w*)[^.!?]{0,40}$",
    ),
    # A rating widget and a share prompt under the story: `Rate this article`, `Rate Count`, `Share with your friends`,
    # `Оцените статью`.
    ("rating or share widget", r"(?:rate\s+(?:this\s+)?(?:article|post|story|news|count)|share\s+(?:it\s+)?with\s+(?:your\s+)?friends"
     r"|оцените\s+(?:эту\s+)?(?:статью|материал|новость|публикацию)|бағалаңыз)\s*[:!.]?$"),
    # A radio station's player: `Next Up:`, `Now Playing`, `Listen Live`, `On Air Now` over the story.
    ("audio player", r"(?:next\s+up|up\s+next|now\s+playing|listen\s+live|on\s+air\s+now)\s*:?$"),
    # A broadcaster's page tools under the story (RFE/RL's and its services' pages, one site engine): the picture's
    # placeholder `• 16x9 Image`, the service's box `RFE/RL's Kazakh Service` and its blurb (`… Service offers …`), the
    # law's notice (`… has been declared an "undesirable organization" by …`) and `To find out more, click here.`.
    ("broadcaster's box", r"(?:[•·]\s*)?\d{1,2}x\d{1,2}\s+image$"
     r"|[\w/.-]+['’]s\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+service(?:\s+(?:offers|provides|is)\b.*)?$"
     r"|[^.!?]{1,60}\bhas\s+been\s+(?:declared|designated|labell?ed|named)\s+(?:an?\s+)?[\"“]?(?:undesirable\s+organi[sz]ation"
     r"|foreign\s+agent)[\"”]?[^.!?]{0,60}[.!]?$"
     r"|(?:to\s+(?:find\s+out|learn|read)\s+more|for\s+(?:more\s+)?(?:information|details)),?\s+click\s+here\s*[.!]?$"),
    # What a page's scrape leaves where a picture or a field was empty: `None`, `Image default`, `undefined`.
    ("empty field", r"(?:none|null|undefined|nan|image\s+default|default\s+image|no\s+image|image\s+placeholder"
     r"|loading|загрузка|жүктелуде)(?:\.\.\.|…)?$"),
    # a tag cloud with each tag's count: `Astana 12 Almaty 8 …` (five counts or more; `_FIVE_NUMBERS` first: a line
    # with fewer runs of digits is told in one scan, not tried at every split of its words)
    ("tags", _FIVE_NUMBERS + r"(?:[^\d\n]{2,40}?\s\d+\s+){5,}.*$|(?:тегтер|теги|тэги|хэштегтер|хештеги|tags)\s*:|#\w+(?:[\s,]+#\w+)*$"
     # a hashtag the page puts over the story: `#АЭС в Казахстане` (a few words, no sentence's end)
     r"|#[^\W\d_][^#.!?,;:]{0,40}$"
     # a tag cloud flattened to one line, its tags parted by wide spaces: `President of Kazakhstan    Akorda presidential residence`
     r"|[^\s.!?,;:](?:[^.!?,;:\s]|\s(?!\s)){1,50}(?:\s{3,}[^\s.!?,;:](?:[^.!?,;:\s]|\s(?!\s)){1,50})+\s*$"
     # a tag list the page shows twice over (for the desktop and the phone): its first words come again. Tags
     # have no commas and no sentence's end: a sentence written twice is copy, read as written
     # (`\S++`, `\s++`: possessive, a word cut short or white space given back is followed by what the next item
     # refuses, so giving back never matches; the list's words are not tried again at every letter, two thirds of its
     # cost on a line with no comma and no sentence's end; tests/test_fast_paths.py checks the same matches)
     r"|(?!.*,)(?!.*[.!?…](?:\s|$))(?P<tag_list>\S++(?:\s++\S++){3,6}?)\s(?:.{0,200}?\s)?(?P=tag_list)(?:\s|$)"),
    # A byline names people only; `Корреспондент: Как вы оцениваете...?` in an interview is read.
    (
        "byline",
        rf"(?:авторы|автор|авторлар|тілші|тілшілер|корреспондент|author|authors|reporter)\s*:\s*{_NAMES}$"
        r"|\(?(?:reporting|writing|editing) by\b"
        r"|(?-i:By\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$)"
        # Сауле ТАСБУЛАТОВА at the end, also with the outlet after a comma: `Хадиша АКАЕВА, Радио Азаттык`
        rf"|(?-i:[{UPPER}][^\W\d_{UPPER}]+\s+[{UPPER}]{{3,}}(?:-[{UPPER}]+)?(?:,\s+[{UPPER}][^,.!?:;]{{1,40}})?$)"
        # the author, then the date, time and views: `Жарбол Кентұлы 05 қаз. 2024 07:35 1403`
        rf"|(?-i:[{UPPER}][{LOWER}]+\s+[{UPPER}][{LOWER}]+)\s+\d{{1,2}}(?:\s+[^\W\d]{{3,9}}\.?\s+|[./]\d{{1,2}}[./])\d{{4}}"
        r"(?:\s*,?\s*\d{1,2}:\d{2})?(?:\s+\d[\d\s]*)?$"
        # the time, the date, the city, the outlet and the reporter: `15:51, 14 сентября 2023, Bishkek - 24.kg news
        # agency , Jazgul MASALIEVA`
        r"|\d{1,2}:\d{2},\s+\d{1,2}\s+[^\W\d]+\.?,?\s+\d{4}\s*,\s+[^\W\d][^,]{1,30}?\s+[-–—]\s+[^,]{2,60}(?:\s*,\s*[^,]{2,60})?$",
    ),
    # Who talked to the guest, under an interview: `- Беседовал Аркадий ДУБНОВ, «Фергана.ру»`, `Сұхбаттасқан Айгүл Сейіл`.
    (
        "interviewer's byline",
        r"(?:[-–—]\s*)?(?:беседовал[аи]?|записал[аи]?|сұхбаттасқан|сұхбатты\s+жүргізген|әңгімелескен|interview(?:ed)?\s+by)"
        rf"\s*:?\s+{_NAMES}(?:\s*,\s*[«\"“][^«»\"“”]{{1,40}}[»\"”])?\.?$",
    ),
    (
        "link to another story",
        r"(?:читайте также|толығырақ|толық\s+оқу|сондай-ақ оқыңыз|оқи отырыңыз|read also|read more|see also|also read)\b",
    ),
    # An aggregator's link to the whole story on the outlet's site: `Подробнее читайте на lenta.ru ...`, `Read more at
    # …`, `Толығырақ: …` is the link rule's; the site it names is the story's source (page_furniture).
    ("link to the whole story", r"(?:подробнее\s+читайте|читайте\s+подробнее|read\s+(?:the\s+)?(?:full\s+story|more)\s+(?:at|on))"
     r"\s+(?:на\s+|в\s+)?\S+(?:\s+\S+){0,2}\s*(?:\.\.\.|…)?$"),
    ("source credit", r"(?:источник|дереккөз|ақпарат\s+көзі|source)\s*:"),
    # The press service signing the copy off on a line of its own: `Түркістан облысы әкімінің баспасөз қызметі`,
    # `Пресс-служба акимата Костанайской области`, `Press service of the Akimat`.
    (
        "press service credit",
        r"(?![«\"“„\-–—])(?:\S+\s+){0,5}(?:баспасөз|ақпарат)\s+қызметі\.?$"
        r"|(?:пресс-служба|press\s+service)(?:\s+(?!\S*(?:ет|ит|ила|ил|ал|ла|ли|ют|ят|ed|s)\b)\S+){0,5}\.?$",
    ),
    # The paper's issue under a story: `(проект «DAT» №17 (381) от 4 мая 2017 г.)`, wholly in brackets.
    ("issue line", r"\((?:[^()]|\([^()]*\))*?(?:№|\b(?:19|20)\d\d\b)(?:[^()]|\([^()]*\))*\)\.?$"),
    # An embedded video or post the scrape left as text: `YouTube Embed: No video/playlist ID has been supplied`.
    (
        "embedded post",
        r"(?:date\s+\d{4}-\d{2}(?:-\d{2})?\s+)?(?:youtube\s+embed\b|no\s+video/playlist\s+id\b"
        r"|посмотреть\s+эту\s+публикацию\s+в\s+instagram|бұл\s+жазбаны\s+instagram"
        # `View this post on Instagram`, `A post shared by ALMATY ÁKIMDIGI (@akimat_almaty)`
        r"|view\s+(?:this\s+)?(?:post|video|photo|reel)\s+on\s+(?:instagram|facebook|x|twitter|tiktok|youtube)"
        r"|an?\s+post\s+(?:shared\s+)?by\s+.{1,60}\(@\w+\)\s*$|публикация\s+от\s+.{1,60}\(@\w+\)\s*$)",
    ),
    # A news feed's footer: `The post <headline> appeared first on The Astana Times.`
    (
        "feed line",
        r".{0,300}?\b(?:appeared\s+first\s+on|first\s+appeared\s+on|was\s+first\s+published\s+(?:on|by)"
        r"|originally\s+published\s+(?:on|by))\s+.{2,60}$"
        # `This article was written by … for Vlast.kz and published on …. An edited version is published on …`
        r"|this\s+(?:article|story|piece|report|interview|material)\s+(?:was|is|has\s+been)\s+(?:first\s+|originally\s+)?"
        r"(?:written|published|republished|reproduced|produced|prepared)\s+(?:by|for|on|in|with)\b.{0,400}$",
    ),
    # The page's place in its site: `Home / News / Politics`, `: / In Kyrgyzstan / Incidents`, `Басты бет » Жаңалықтар`:
    # short parts between spaced separators, no sentence's end; three parts or more, or a separator or a home
    # word opening it (two parts alone may be a headline's `Kazakhstan / Russia`).
    (
        "breadcrumb",
        rf"(?:[:\s]*[/>»→|]\s*|(?:home|главная|басты(?:\s+бет)?|main)\s+[/>»→|]\s+)(?:{_CRUMB}\s+[/>»→|]\s+)*{_CRUMB}$"
        rf"|{_CRUMB}(?:\s+[/>»→|]\s+{_CRUMB}){{2,}}$",
    ),
    # The author's note under the story: `Sergey Kwan has worked for The Times of Central Asia as a journalist …`.
    (
        "author's note",
        r"(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+(?:has\s+(?:worked|been\s+working|written|reported)\s+(?:for|as|with|on)"
        r"|is\s+an?\s+(?:journalist|correspondent|reporter|editor|writer|contributor|freelance\s+\w+)\b)\b.{0,300}$",
    ),
    # A picture's keywords the page prints as its alt text, signed with the site and the date: `Батареи, отопление,
    # тепло, радиатор, фото - Новости Zakon.kz от 11.09.2025 10:03 Фото: freepik`
    (
        "picture's keywords",
        r"(?:[^,.!?]{1,40},\s*){4,}.{0,80}?[-–—]\s*(?:новости|жаңалықтар\w*|news)\s+\S+\s+(?:от|from)\s+\d{1,2}\.\d{1,2}\.\d{2,4}.*$",
    ),
    # The story is still being written: `Новость дополняется.`, `Жаңалық толықтырылуда.`, `This story is developing.`
    (
        "update note",
        r"(?:новость|материал|информация|текст|статья)\s+(?:дополняется|обновляется|будет\s+дополнен\w*)\.?$"
        r"|(?:жаңалық|ақпарат|мақала)\s+(?:толықтырылуда|толықтырылады|жаңартылуда)\.?$"
        r"|(?:this\s+(?:is\s+a\s+)?(?:story|article|news)\s+(?:is\s+)?(?:developing|being\s+updated|will\s+be\s+updated)"
        r"|(?:this\s+is\s+a\s+)?developing\s+story)\.?$",
    ),
    # An editor's note on the copy: `(В сокращ.)`, `(с сокращениями)`, `(Қысқартылып берілді)`.
    (
        "editor's note",
        r"\((?:в\s+сокращ\w*\.?|с\s+сокращениями|печатается\s+в\s+сокращении|қысқартылып\s+(?:берілді|алынды)|abridged)\)\.?$",
    ),
    # A photo's agency on a bullet of its own under the picture: `• AP`, `• Reuters`.
    ("photo agency", r"[•·▪]\s*(?:ap|afp|reuters|epa|getty\s+images|tass|тасс|риа\s+новости|ria\s+novosti|sputnik|shutterstock"
     r"|depositphotos|global\s+look\s+press|кайгат)$"),
    ("a line without words", r"[\W_]+$"),  # a separator: ***, ---, • • •
    ("counter", r"\d{1,7}$"),  # a bare number on its own line: a page's views, comments or likes
    # A picture's id or file name left where the picture stood: `BD3A25DF-3DDC-4E8A-8E6D-6C261A670D6D`,
    # `IMG_4512.jpg`, `photo_2023-05-12_10-14-33`.
    (
        "image id",
        r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}(?:\.\w{3,4})?$|[\w-]{1,80}\.(?:jpe?g|png|gif|webp|heic)$"
        r"|(?:img|dsc|dscn|dscf|photo|image|whatsapp\s+image)[\s_-]?\d[\w\s.-]{0,60}$",
    ),
    # The page's time stamp: `25.11.2025 14:30`, `25 ноября 2025, 14:32`, `Сегодня, 12:45`.
    (
        "date stamp",
        # (`{2,12}+`, `\w++`: possessive, a letter or a word character is never the white space or the mark after
        # it, so giving one back never matches; the line's other words are not tried again at every split, a fourth
        # of the shortcut's cost a line; tests/test_fast_paths.py checks they match what the greedy ones matched)
        # (`_NOT_A_DATE` first: a line that opens with two words, `Word word …`, is told in one step)
        _NOT_A_DATE + r"(?:[•·▪]\s*)?(?:date\s+\d{4}-\d{2}-\d{2}\s*)?(?:[^\W\d]{2,12}+\s*[•|·,]\s*)?(?:\d{1,2}:\d{2}\s*,?\s*)?"
        r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+\w+,?\s+\d{4}(?:\s*(?:года|г\.|жылы|ж\.))?"
        r"|\w++\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[^\W\d]+|сегодня|вчера|бүгін|кеше|today|yesterday"
        # the date in full and short glued by the scrape: `17 августа 202317 авг 2023`
        r"|\d{1,2}\s+[^\W\d]{3,12}\s+\d{4}\d{1,2}\s+[^\W\d]{3,9}\.?\s+\d{4}"
        r"|(?:january|february|march|april|may|june|july|august|september|october|november|december"
        r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}(?=\s+\d{1,2}:\d{2}))"  # `Atyrau, May 3 07:04`
        r"(?:\s*,?\s*(?:в\s+)?\d{1,2}:\d{2})?(?:\s*\|?\s*GMT\s*[+-]\s*\d+)?(?:\s+\d[\d\s]*)?$"
        r"|(?:опубликовано|жарияланды|published|updated|обновлено)\s*:?.{0,40}$"
        # a weekday, the date and the time in any words around them: `дүйшөмбү, 23-октябрь, 2017 Бишкек убактысы 21:36`
        r"|(?:[^\W\d]+,?\s+){0,2}\d{1,2}[-\s][^\W\d]{3,12}\.?,?\s+\d{4}(?:\s+[^\W\d]+){0,3},?\s+\d{1,2}:\d{2}$"
        # its age instead of its date, after the rubric perhaps: `Kyrgyzstan Review, 10 years ago`, `2 часа назад`
        r"|(?:[^\W\d][^,.!?]{0,40},\s*)?(?:\d+|an?|one)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|mins?"
        r"|(?:год|года|лет|месяц\w*|недел\w*|дн\w*|день|час\w*|минут\w*)|(?:жыл|ай|апта|күн|сағат|минут))"
        r"\s+(?:ago|назад|бұрын)$",
    ),
    ("view counter", r"(?:просмотров|просмотры|қаралым|қаралды|views)\s*:?\s*\d[\d\s]*$|\d[\d\s]*\s+(?:просмотров|views)$"),
    (
        "reprint or copyright notice",
        r".{0,40}(?:көшіріп\s+басқанда|при\s+(?:использовании|копировании|перепечатке)|ссылка\s+(?:на\s+\S+\s+)?обязательна"
        r"|сілтеме\s+(?:жасау\w*\s+)?(?:міндетті|сұраймыз)|all\s+rights\s+reserved|все\s+права\s+защищены|барлық\s+құқықтар"
        r"|құқықтар\s+қорғалған|reproduction\s+(?:is\s+)?prohibited|copyright\b"
        r"|(?:may|must|can)\s*not\s+be\s+(?:reproduced|reprinted|copied|republished))"
        # the owner and the year after `(c)`: `(c) 2008 Xinhua News Agency - CEIS. Provided by ProQuest LLC`
        # (a list's item `(c) the Government shall …` is copy: the year must follow)
        r"|\(c\)\s*\d{4}(?:\s*[-–]\s*\d{4})?\s+\S"
        # anywhere in the line: outside the `.{0,40}`, which would try it again from each of 40 starts
        r"|.*\bсілтеме\s+жасауыңызды\s+сұраймыз",
    ),
    (
        "site administration note",
        r"dear\s+(?:users?|readers?|visitors?),\s+please\b.*"
        r"|.{0,60}(?:редакция\s+(?:может\s+)?не\s+(?:разделя|несет)|администрация\s+сайта|сайт\s+әкімшілігі"
        r"|редакцияның\s+көзқарасы|редакция\s+пікірі|the\s+views\s+expressed|мнение\s+редакции)"
        # a syndicator's disclaimer and its label: `Legal Disclaimer:`, `MENAFN provides the information "as is"
        # without warranty of any kind.`
        # (the syndicator's name first: no scan along the line, which every line would pay)
        # a notice of the site being rebuilt: `We're building a new UNICEF.org.`, `As we swap out old for new, pages will be …`
        r"|we(?:'|’| a)re (?:building|launching) (?:a|our) new \S+\.?$"
        r"|as we (?:swap|move|switch|migrate)\b.{0,40}\bpages?\s+(?:will|may)\s+be\b.*"
        r"|(?:legal\s+)?disclaimer\s*:?$|[^\W\d]+\s+provides?\s+(?:the\s+|this\s+)?(?:information|content)\s+\S?as\s+is\b.*",
    ),
    # A syndicator's reference for the story, letters then a long run of digits: `MENAFN11092023000187011040ID1107043863`
    (
        "reference code",
        r"[^\W\d_]{2,12}\d{12,30}(?:[^\W\d_]{1,4}\d{4,20}){0,2}$",
    ),
    (
        "ad or template placeholder",
        r"(?:\{\{[^}]*\}\}|\{%[^%]*%\}|%%[^%]*%%|\[[^\]]*\]|<[^>]*>|\s)+$|(?:advertisement|реклама|жарнама)$",
    ),
    (
        "comment counter",
        r"(?:комментари\w*|пікірлер|pikirler|comments?)\s*:?\s*\(?\d*\)?$|\d+\s+(?:комментари\w*|пікір|comments?)$",
    ),
    (
        "more to read",
        r"(?:сейчас\s+читают|seıchas\s+chıtaıýt|соңғы\s+жаңалықтар|последние\s+новости|latest\s+news|most\s+read"
        r"|популярное|тағы\s+оқыңыз|читайте\s+новости\s+по\s+меткам|версия\s+сайта|все\s+категории)\b"
        # a label alone: `Currently reading`, `Новости по теме`, `Popular`, `Up next`
        r"|(?:currently\s+reading|now\s+reading|reading\s+now|up\s+next|read\s+next|next\s+(?:story|article)"
        r"|more\s+on\s+(?:the|this)\s+(?:issue|topic|subject|story)|more\s+(?:news|stories)(?:\s+(?:on|about)\s+[^.!?]{1,30})?"
        r"|see\s+more|show\s+more|load\s+more|ещё\s+по\s+теме|еще\s+по\s+теме|больше\s+новостей|тақырып\s+бойынша"
        r"|related(?:\s+(?:news|stories|articles|posts))?|popular(?:\s+news)?|trending(?:\s+now)?|top\s+stories"
        r"|новости\s+по\s+теме|по\s+теме|похожие\s+новости|следующая\s+(?:новость|статья)|тақырыпқа\s+қатысты"
        r"|ұқсас\s+жаңалықтар|келесі\s+(?:жаңалық|мақала)"
        # Russian portals' labels: `Популярные новости за сутки`, `Лента новостей`, `Новости партнеров`
        r"|популярные\s+новости(?:\s+за\s+(?:сутки|день|неделю))?|лента\s+новостей|новости\s+партн[её]ров)\s*:?$"
        # a recommendations label, its dots perhaps: `You may also like...`, `You might also like`
        r"|you (?:may|might) also like\s*(?:\.\.\.|…)?$",
    ),
    # A line that is only an outlet's name: `“The Qazaq Times”`, `"Adyrna" ulttyq portaly`.
    ("outlet's name", r"[«\"“](?:[^»\"”.!?,\s]+\s?){1,4}[»\"”]$|.{0,30}\b(?:ulttyq\s+portaly|ұлттық\s+порталы|news\s+agency)$"),
    (
        "site navigation",
        r"(?:ru|kz|en|рус|қаз|каз|eng)(?:\s+(?:ru|kz|en|рус|қаз|каз|eng))+$|(?:актуальное|все\s+новости|главная|меню|menu"
        r"|top\.mail\.ru|барлық\s+жаңалықтар|нашли\s+ошибку|қате\s+таптыңыз|хотите\s+больше\s+статей|нравится)\b"
        # a bullet may stand before it: `• Found a bug?`
        # the page's links for screen readers and its ticker's label: `Accessibility links`, `Breaking News`
        # `We use cookies …`, `Этот сайт использует файлы cookie`; `Yandex metrika counter` (a counter's alt text)
        r"|(?:we|this\s+(?:site|website)|our\s+(?:site|website))\s+uses?\s+cookies\b.*|.*\bиспольз\w+\s+(?:файлы\s+)?cookie.*"
        r"|(?:date\s+\S+\s+)?yandex\.?\s*metri[ck]a\s+counter$"
        # an icon's alt text left by the scrape: `Иконка комментария блок соц сети`, `Icon share`
        r"|(?:иконка|значок|icon)\s+[^.!?]{1,40}$"
        # a font-size widget: `+ ↺ − 16 px`
        r"|[+−\-–↺\s]{0,12}\d{1,2}\s*px$"
        # a share menu: the networks' names alone (`VK X OK WhatsApp Telegram`)
        r"|(?:(?:vk|x|ok|ок|вк|email|e-mail|print|viber|linkedin|pinterest|reddit|messenger)\s+)*"
        r"(?:whatsapp|telegram|facebook|twitter|вконтакте|одноклассники)"
        r"(?:\s+(?:vk|x|ok|ок|вк|whatsapp|telegram|facebook|twitter|вконтакте|одноклассники|email|e-mail|print|viber"
        r"|linkedin|pinterest|reddit|messenger))+\s*$"
        # the same menu scraped with its buttons' alt text: `whatsapp button telegram button facebook button copyLink button`
        r"|(?:(?:whatsapp|telegram|facebook|twitter|vk|ok|linkedin|viber|email|copy\s?link|print)\s+(?:button|icon)\s*){2,}$"
        r"|all\s+news$"
        # a menu's item, a dash before it perhaps: `- Негізгі бет`, `- Басты жаңалықтар`, `Главная страница`, `Home`
        r"|(?:[-–•·]\s*)?(?:негізгі\s+бет|басты\s+бет|басты\s+жаңалықтар|главная\s+страница|главные\s+новости"
        r"|home(?:\s*page)?|main\s+news|top\s+news)$"
        r"|(?:accessibility\s+links|skip\s+to\s+(?:main\s+)?content|ссылки\s+для\s+упрощенного\s+доступа|breaking\s+news"
        r"|срочные\s+новости|шұғыл\s+жаңалықтар)$"
        r"|(?:[•·▪►]\s*)?(?:found\s+(?:a\s+|an\s+)?(?:bug|typo|mistake|error)|notice\s+(?:a\s+|an\s+)?(?:typo|mistake|error)"
        r"|нашли\s+(?:ошибку|опечатку)|қате\s+таптыңыз)\b"
        r"|.*\b(?:ctrl\s*\+\s*enter|ctrl\s+enter|присылайте\s+ваши\s+новости|provides\s+news\s+and\s+information|subscribe\s+to\b)",
    ),
    ("reading time or views", r"\d[\d\s]*\s*(?:рет|мин|min|минут\w*)$|көрсетілді$|оқу\s+үшін$|\d+\s+min\s+read$|updated\s*:.*ago$"),
    ("currency or weather widget", r"[$€₽£¥₸]\s*\d[\d.,\s]*$|.*\b(?:пасмурно|облачно|ясно)\S*\s*\S*\s*[+-]\d+\s*°?$"),
    ("comment prompt", r"(?:добавить|оставить|жазу|пікір\s+қалдыру|leave|add)\s+(?:комментари\w*|пікір\w*|a\s+comment)"
     r"|авторизуйтесь\b.{0,30}$|(?:please\s+)?(?:log\s+in|sign\s+in)\s+to\s+(?:comment|continue|read)\b.{0,30}$"
     r"|пікір\s+(?:қосу|жазу|қалдыру)$"
     # an empty comment box: `Комментарии отсутствуют`, `Будьте первым, кто оставит комментарий!`, `для добавления
     # комментариев`, `Уже зарегистрированы?`
     r"|комментари\w*\s+отсутству\w*\.?$|будьте\s+первым,?\s+кто\s+(?:оставит|напишет)\s+комментари\w*!?$"
     r"|(?:для|чтобы)\s+(?:добавлени\w+|оставить|написать)\s+комментари\w*.{0,40}$|уже\s+зарегистрированы\??$"
     # the comment form's own words: `Оставьте ответ`, `Пожалуйста, введите ваш комментарий!`, `Leave a Reply`, `Your
     # email address will not be published.`
     r"|(?:оставьте|leave)\s+(?:ответ|отзыв|комментари\w*|a\s+reply|a\s+response)\b.{0,20}$"
     r"|(?:пожалуйста,?\s+)?введите\s+ваш[еиу]?\s+(?:комментари\w*|им\w*|email|e-mail|адрес\w*)\b.{0,30}$"
     r"|(?:your\s+email\s+address\s+will\s+not\s+be\s+published|ваш\s+(?:адрес\s+)?e-?mail\s+не\s+будет\s+опубликован"
     r"|(?:э-?пошта|e-?mail|электрондық\s+пошта)\s+мекенжайыңыз\s+жарияланбайды).*$"
     # a call on readers to report a local problem (a complaint box): `Не убран мусор, …? … — сообщите о ней!`
     r"|[^«\"“„]{0,160}\?\s+[^«\"“„]{0,80}\bсообщите\s+(?:о\s+(?:ней|нём|нем|них)|нам)\s*!$"),
    # The page's labels standing alone under the copy (qostanai.media): `Редактор`, `Опубликовал`, `Автор:`; the
    # author with the photo credit `Дина НУГМАНОВА, фото автора`; `Недавние новости` over other stories (an icon's
    # alt text is s7-i9-ru's rule).
    ("page label", r"(?:редактор|опубликовал[аи]?|автор|author|editor|published\s+by)\s*:?$"
     r"|(?:недавние|последние|свежие)\s+новости$|recent\s+(?:news|posts)$"
     r"|[^,.!?]{3,60},\s*(?:фото|сурет|photo)\s+(?:автора|автордікі|by\s+the\s+author)\.?$"),
    # An author's signature alone on its line, the initials and the surname in capitals: `К.ҚОПАЕВА.`, `А. ЕСЕНОВ`.
    ("author's signature", rf"(?-i:(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][{UPPER}'’-]{{2,}}\.?)$"),
    ("web address", r"(?:(?:link|permalink|short\s+link|url|ссылка|короткая\s+ссылка|сілтеме)\s*:\s*)?"
     r"(?:https?://|www\.)\S+$|[\w.+-]+@[\w-]+\.[\w.]+$|[\w-]+\." + WEB_DOMAIN + "/?$"),
    (
        "share or follow prompt",
        # a counter may stand before it: `1 Подписывайтесь на … в MAX`
        r"(?:поделиться|бөлісу|share)\s*:?$|(?:\d{1,4}\s+)?(?:подписывайтесь|подпишитесь|follow us|subscribe)\b|tell\s+a\s+friend$"
        # `Stay in touch with the news of …`, `Stay tuned …`, `… follow the official Telegram channel`
        r"|stay\s+(?:in\s+touch\s+with|tuned\s+(?:to|for)|updated\s+(?:with|on))\s+(?:the\s+|our\s+)?(?:latest\s+)?(?:news|updates)\b|.*\bfollow\s+(?:the|our)\s+(?:official\s+)?(?:telegram|instagram|facebook"
        r"|youtube|whatsapp|tiktok)\b"
        # `Маңызды жаңалықтар … өткізіп алмау үшін X сайтын қадағалаңыз`: so as not to miss the news, follow the site
        r"|.*\b(?:өткізіп\s+алмау\s+үшін|сайтын\s+қадағалаңыз|чтобы\s+не\s+пропустить\s+(?:важн|главн|последн)\w*\s+новост)"
        r"|\S+\s+(?:telegram|instagram|facebook|youtube|whatsapp)$|(?:telegram|instagram|facebook|youtube)$"
        r"|.*\b(?:арнамызға|парақшамызға|каналымызға|арнамызды)\s+(?:жазылыңыз|қосылыңыз|жазылу)"
        # `Больше новостей в Телеграм-канале @RepostUZ.`, `More news on our Telegram channel`; `Мы есть в YouTube …`
        r"|(?:больше новостей|more news) (?:в|on|in) (?:нашем |our )?"
        r"(?:telegram|телеграм|whatsapp|max|дзен|youtube)\w*(?:[\s-]+(?:канале|channel))?\b.{0,40}$"
        # an aggregator's link to the site it took the story from: `Больше новостей на Kramatorsk-news.ru`, `Читать на сайте …`
        # (`Читать новость полностью на сайте "ИА "PenzaNews"`: the site by its name in marks)
        r"|(?:больше\s+новостей|читать\s+(?:новость\s+|статью\s+)?(?:полностью\s+)?на\s+сайте|все\s+новости)\s+(?:на\s+)?"
        r"(?:[\w.-]+\.[a-zа-я]{2,6}|[«\"“][^«»\"“”]{0,20}[«\"“]?[^«»\"“”]{1,40}[»\"”]*)$"
        r"|мы есть в (?:youtube|telegram|телеграм\w*|дзен\w*|вконтакте|whatsapp|instagram|социальных\s+сетях)\b.*"
        # `Читайте нас в Telegram: …`, `Следите за нами в Дзен`
        r"|(?:читайте|смотрите|следите\s+за)\s+(?:нас|нами|новостями)\s+в\s+(?:telegram|телеграм\w*|дзен\w*|max|вконтакте|whatsapp|instagram)\b"
        # `… на нашей странице в Instagram и нашем Telegram-канале`, `біздің Telegram арнамыз`: our own channel
        r"|(?![«\"“„\-–—]).{0,120}?(?<!\w)(?:наш|нашем|нашей|нашу|наши|наших|біздің|our)\s(?:[^\s.!?]+\s){0,4}?"
        r"(?:telegram|instagram|facebook|youtube|whatsapp|tiktok|вконтакте|телеграм|инстаграм)",
    ),
)


@cache
def _furniture_matcher(rules: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One case-insensitive alternation of every rule, each in a group of its own, and what each group means.
    At the start of a line the alternation tries the rules in order, so the first rule that matches names the
    line, as when they were tried one by one; one regex call a line instead of one a rule. Compiled on first
    use, not at import: a command that reads no web copy does not pay for it."""
    combined = "|".join(f"(?P<f{number}>{pattern})" for number, (_, pattern) in enumerate(rules))
    return re.compile(combined, re.IGNORECASE), tuple(what for what, _ in rules)

_PLACE = rf"[{UPPER}][{UPPER}-]+(?:\s+[{UPPER}][{UPPER}-]+)?"
# A second place in capitals after a dash, the reporter's city after the desk's (`НУР-СУЛТАН - УСТЬ-КАМЕНОГОРСК.
# КАЗИНФОРМ -`): both are the dateline's place, and the agency is the word after the stop.
_SECOND_PLACE = rf"(?:\s+[-–—]\s+{_PLACE}(?=[.,]))?"
# `АСТАНА. 25 қараша. ҚазАқпарат -`, `ASTANA, Nov 25 (Khabar 24) -`, `ALMATY (Reuters) -`,
# `ASTANA, Kazakhstan (AP) —`: a place in capitals, a date with a number in it and/or the agency, then a
# dash; the story starts after it.
DATELINE = re.compile(
    # the country after the place, before the agency's bracket or the date: `ASTANA, Kazakhstan (AP)`, `BAKU, Azerbaijan, Feb. 19`
    # or before a double dash with no date: `SHYMKENT, Kazakhstan -- …` (RFE/RL's form)
    # or a second place after a dash, the reporter's city after the desk's: `НУР-СУЛТАН - УСТЬ-КАМЕНОГОРСК. КАЗИНФОРМ -`
    # or before a date glued to its comma: `ASTANA, KASAKHSTAN,18 February 2005 -`
    rf"^(?P<place>{_PLACE}(?:,\s+[{UPPER}][^\W\d_]+(?=\s*\(|,\s+[^\W\d_]{{3,9}}\.?\s+\d|,\d{{1,2}}\s+[^\W\d_]{{3,9}}\s|\s+(?:--|—)\s))?{_SECOND_PLACE})"
    # a date is a few words (`2 ақпан`, `December 29`, `Nov 25`, `Feb. 19`), not a sentence with a figure in it
    r"(?:(?:[.,]\s+|,(?=\d{1,2}\s+[^\W\d_]{3,9}\s))(?P<date>(?:[^.,()\-–—]|(?<=\w)-(?=\w)|(?<=[^\W\d_]{3})\.(?=\s+\d)){0,20}\d(?:[^.,()\-–—]|(?<=\w)-(?=\w)){0,20}))?"
    # (a wire's name has no `!` or `?`: `ЕСТЬ РЕКОРДНЫЙ УРОЖАЙ РИСА!` is a headline in capitals)
    r"(?:[.,]?\s+(?:\((?P<agency>[^)]{1,80})\)"
    r"|(?P<wire>[^\s\d().!?\-–—/](?:[^().!?\-–—/]|\.(?=(?i:" + WEB_DOMAIN + r")\b)){0,40}?)(?<!:)))?"
    # (nor a colon at its end: `YERZHAN ASHIKBAYEV: Well, …` is a transcript's speaker label)
    r"(?:\s*/[^/]{1,40}/)?"  # the reporter's name after the wire: `ҚазАқпарат /Ғайсағали Ералы/ -`
    rf"(?:\s*[-–—]+\s+(?=\S)|\s*[-–—]*\s*$|(?P<nodash>\s+(?=[«\"“„]?[{UPPER}][{LOWER}])))"
)


@once
def furniture(text: str) -> str:
    """What kind of page furniture the line is ("photo credit", "tags", ...), or "" if it is not."""
    return _furniture(text)


# Lines a process asks about before it builds the shortcut. The alternation of every rule costs some 140 us a line
# of copy (each rule tried at the line's start), the shortcut a tenth of that. Building the shortcut parses every
# rule again (a few hundred ms) where nothing is kept between runs: a single article would not win that back, a long
# one or a batch does. Where the rules' analysis is kept (the command line, the library: `compile_cache`), building
# it costs a few ms, which some thirty lines win back.
SHORTCUT_AFTER = 2000
SHORTCUT_AFTER_KEPT = 32
_asked = [0]


def _shortcut_after() -> int:
    return SHORTCUT_AFTER_KEPT if keeping() else SHORTCUT_AFTER


@cache
def _gates(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[Gated, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """Of the rules the shortcut leaves in the alternation, each top-level alternative (`a|b`: `a`, `b`) that can be
    told absent from a line cheaply: by words or marks one of which each of its matches needs (`:` or `фото` for a
    photo caption, a quotation mark for an outlet's name), searched for in the lower-cased line, and/or by the
    longest line it can match whole (an alternative that ends at `$` and has a bounded width: `\\d{1,7}$` matches no
    line longer than 7); as (rule, that search or None, that length or None, the alternative alone). And the
    alternatives of the rest, tried on every line, as (rule, alternatives). A word of one letter or digit is in
    most lines: an alternative that needs only one of those is among the rest, unless its length tells it."""
    gated: list[Gated] = []
    always: list[tuple[int, tuple[str, ...]]] = []
    for number, (_, pattern) in enumerate(rules):
        left: list[str] = []
        for branch, needs, longest in _alternatives(pattern):
            if needs is None and longest is None:
                left.append(branch)
            else:
                gated.append((number, needs, longest, branch))
        if left:
            always.append((number, tuple(left)))
    return tuple(gated), tuple(always)


def _alternatives(pattern: str) -> tuple[tuple[str, frozenset[str] | None, int | None], ...]:
    """The rule's top-level alternatives, each with the words one of which it needs and the longest line it can match
    (see _gates): worked out from the rule's text alone, so kept between runs where compiled patterns are kept
    (`compile_cache.kept`: parsing every rule again was most of building the shortcut)."""
    return kept(
        _ALTERNATIVES, pattern, lambda: tuple((branch, _needs(branch), _longest(branch)) for branch in _branches(pattern))
    )


# The kind of the kept values: a new name whenever _branches, _needs or _longest answer differently for a rule.
_ALTERNATIVES = "furniture-alternatives-3"


# (rule, the words one of which the alternative needs in the lower-cased line, the longest line it can match, the
# alternative alone: compiled, case-insensitively, the first time a line passes its tests)
Gated = tuple[int, "frozenset[str] | None", "int | None", str]


class _Plan:
    """What the shortcut asks of a line, built once for the rules: one scan of the lower-cased line finds every
    word any rule's test needs (the shortcut's and the alternatives'), at every place (`(?=(…))`: each place gives
    the longest word there, whose beginnings that are words are there too); then only the alternatives whose
    words are there, or whose length the line has, are tried, in the rules' order, up to the first rule the
    alternation of the rest matches."""

    def __init__(self, rules: tuple[tuple[str, str], ...]) -> None:
        self.gated, always = _gates(rules)
        strings = set().union(*(needs for _, needs, _, _ in self.gated if needs)) - {WIDE_GAP}
        # A string with white space in it (`read also`) can stand across words: it is looked for in the whole line,
        # only where its longest piece without white space (`also`), looked for in the words with the others, is.
        spaced = {string for string in strings if any(character.isspace() for character in string)}
        pieces: dict[str, list[str]] = {}
        for string in sorted(spaced):
            pieces.setdefault(max(string.split(), key=len), []).append(string)
        self.spaced = {piece: tuple(found) for piece, found in pieces.items()}
        solid = strings - spaced | self.spaced.keys()
        self.finder = re.compile(f"(?=({one_of(solid)}))")
        # each string found stands for every string it begins with (the finder gives the longest at each place)
        self.closure = {string: frozenset(string[:end] for end in range(1, len(string) + 1) if string[:end] in solid) for string in solid}
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self.gated)  # each gated alternative, at its first need
        having: dict[str, list[int]] = {}
        for index, (_, needs, _, _) in enumerate(self.gated):
            for string in needs or ():
                having.setdefault(string, []).append(index)
        self.having = {string: tuple(having.get(string, ())) for string in solid | spaced | {WIDE_GAP}}
        self.wide = bool(self.having[WIDE_GAP])
        self.by_length = tuple((most, index) for index, (_, needs, most, _) in enumerate(self.gated) if needs is None and most is not None)
        # for each length of line up to the longest of those: the alternatives a line of that length may match whole
        self.by_size = tuple(
            tuple(sorted(index for most, index in self.by_length if size <= most))
            for size in range(max((most for most, _ in self.by_length), default=-1) + 1)
        )
        self.always = _others_having(always)
        self.words: dict[str, frozenset[str]] = {}  # a word (lower-cased) -> the strings without white space in it

    def held(self, lower: str) -> set[str]:
        """The strings the plan looks for that the lower-cased line holds (and the pieces of those with white space
        in them): one without white space lies inside a word, so the line's are its words', each word's found
        once (a text uses the same words again and again) and kept for the next lines."""
        found: set[str] = set()
        words = self.words
        for word in lower.split():
            hits = words.get(word)
            if hits is None:
                if len(words) >= _WORDS_KEPT:
                    words.clear()
                inside = self.finder.findall(word)
                hits = words[word] = frozenset().union(*map(self.closure.__getitem__, inside)) if inside else _NONE
            if hits:
                found |= hits
        if found:
            for piece in found & self.spaced.keys():
                found.update(string for string in self.spaced[piece] if string in lower)
        return found


_NONE: frozenset[str] = frozenset()
# The words a plan keeps what it found in (a long text's words, a batch's): past this many it starts again.
_WORDS_KEPT = 50_000


def _needs(branch: str) -> frozenset[str] | None:
    """The words or marks (lower-cased) one of which every match of `branch` needs, in a lower-cased line of plain
    case; or, with none of those, `WIDE_GAP` if every match holds two white-space characters in a row (a tag cloud's
    wide spaces: most lines have none); None when there is nothing worth looking for."""
    strings = trigger_strings(re.compile(branch, re.IGNORECASE))
    if not strings and _spaces_in_a_row(list(_parser.parse(branch, re.IGNORECASE).data)):
        return frozenset({WIDE_GAP})
    # Only lines of plain case come here: a string with a character no such line holds (`→`) is never there.
    if strings and any(NOT_PLAIN.search(string) for string in strings):
        if all(any(map(_unplain_alone, NOT_PLAIN.findall(string))) for string in strings if NOT_PLAIN.search(string)):
            strings = tuple(string for string in strings if not NOT_PLAIN.search(string))
        else:
            strings = None
    if strings is not None and all(len(string) > 1 or string not in _COMMON for string in strings):
        return frozenset(string.lower() for string in strings)
    return None


# What a rule's alternative needs when it needs two white-space characters in a row: not a string the plan looks
# for, but a mark it adds to what a line holds where `_WIDE` finds such a pair.
WIDE_GAP = "\\s\\s"
_WIDE = re.compile(r"\s\s")


def _is_space(items: list) -> bool:
    """Whether the items are one white-space character (`\\s`)."""
    return len(items) == 1 and items[0][0] is _constants.IN and list(items[0][1]) == [(_constants.CATEGORY, _constants.CATEGORY_SPACE)]


def _spaces_in_a_row(items: list) -> bool:
    """Whether every match of the sequence `items` (parsed) holds two white-space characters in a row: an item that
    does (a white space repeated at least twice, or a group, a repeat at least once or every alternative that does),
    or two white spaces one after the other."""
    return any(
        _item_spaces(op, value) or index > 0 and _is_space([items[index - 1]]) and _is_space([(op, value)])
        for index, (op, value) in enumerate(items)
    )


def _item_spaces(op: Any, value: Any) -> bool:
    if op in _REPEATS:
        low, _, body = value
        return low >= 2 and _is_space(list(body)) or low >= 1 and _spaces_in_a_row(list(body))
    if op is _constants.SUBPATTERN:
        return _spaces_in_a_row(list(value[3]))
    return op is _constants.BRANCH and all(_spaces_in_a_row(list(branch)) for branch in value[1])


_REPEATS = tuple(getattr(_constants, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_constants, name))
_OPEN_FLAGS = re.compile(r"^\(\?[a-zA-Z]+\)")


_REFERENCE_DIGITS = frozenset("123456789")


def _branches(pattern: str) -> tuple[str, ...]:
    """The pattern's top-level alternatives (`a|b(?:c|d)`: `a`, `b(?:c|d)`): the pattern matches where one of them
    does. The whole pattern, as one, where they would not mean alone what they mean in it (a flag for the whole
    pattern, a group called by its number, an alternative that does not compile alone)."""
    if _OPEN_FLAGS.match(pattern):
        return (pattern,)
    parts: list[str] = []
    depth = start = index = 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            if pattern[index + 1: index + 2] in _REFERENCE_DIGITS:
                return (pattern,)  # `\1`: a group called by its number, which is another number alone
            index += 2
            continue
        if character == "[":  # a class: `]` first in it is a member, `|` and brackets in it are members
            index += 1
            index += pattern[index: index + 1] == "^"
            index += pattern[index: index + 1] == "]"
            while index < len(pattern) and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
        elif character == "(":
            if pattern.startswith("(?(", index):
                return (pattern,)  # `(?(1)…)`, `(?(name)…)`: a condition on a group, maybe by its number
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    if len(parts) == 1:
        return (pattern,)
    try:
        whole = _parser.parse(pattern, re.IGNORECASE)
        alone = [re.compile(part, re.IGNORECASE) for part in parts]
    except Exception:  # an unknown construct in a newer Python, or an alternative that does not stand alone
        return (pattern,)
    # Python's parser sees the same alternatives (it may have merged them: `a|b` into a class, a shared start)
    split = len(whole.data) == 1 and whole.data[0][0] is _constants.BRANCH and len(whole.data[0][1][1]) == len(parts)
    if not split or sum(one.groups for one in alone) != re.compile(pattern, re.IGNORECASE).groups:
        return (pattern,)
    return tuple(parts)


def _longest(branch: str) -> int | None:
    """The longest line `branch`, matched from the line's start, can match when every match of it ends at the end
    of the line (`$` last) and its width is bounded; None otherwise. A stripped line (no newline at its end) longer
    than that is no match."""
    try:
        tree = _parser.parse(branch, re.IGNORECASE)
    except Exception:
        return None
    if not _ends_at_end(list(tree.data)):
        return None
    longest = tree.getwidth()[1]
    return longest if longest < _constants.MAXREPEAT else None


def _ends_at_end(items: list) -> bool:
    if not items:
        return False
    op, value = items[-1]
    if op is _constants.AT:
        return value in (_constants.AT_END, _constants.AT_END_STRING)
    if op is _constants.BRANCH:
        return all(_ends_at_end(list(branch)) for branch in value[1])
    if op is _constants.SUBPATTERN:
        return _ends_at_end(list(value[3]))
    return False


# Characters found in most lines: a rule that may need only one of them is tried on every line.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі0123456789 .,-")


@cache
def _unplain_alone(character: str) -> bool:
    """Whether no character of plain case matches `character` case-insensitively (`→`, not the Kelvin sign)."""
    same = re.compile(re.escape(character), re.IGNORECASE)
    return not any(same.fullmatch(chr(code)) for code in range(0x2200) if not NOT_PLAIN.match(chr(code)))


@cache
def _others_having(always: tuple[tuple[int, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """The alternation of the alternatives `always` (in the rules' order, each rule's in the group of its number)."""
    return re.compile("|".join(f"(?P<f{number}>{'|'.join(branches)})" for number, branches in always) or "(?!)", re.IGNORECASE)


# The rules last asked with and what was built of them, by identity: a cache keyed by the rules would hash their
# tuple on every line (some microseconds).
_BUILT: list = [None, None, None]


def _furniture(text: str) -> str:
    text = text.strip()
    rules = FURNITURE
    if _BUILT[0] is not rules:
        _BUILT[:] = [rules, _furniture_matcher(rules), None]
    pattern, names = _BUILT[1]
    plan: _Plan | None = _BUILT[2]
    if plan is None and _asked[0] >= _shortcut_after():
        plan = _BUILT[2] = _Plan(rules)
    if plan is not None:
        if NOT_PLAIN.search(text) is None:
            # Only the alternatives whose words the line has or whose length it may have, with those that need
            # neither: the others cannot match. The first rule in order that matches, as the alternation of them
            # all finds it: the first of those that need nothing (one alternation, built once), unless a rule before
            # it has an alternative the line passes the tests of that matches (each alone: an alternation for each
            # set of rules present was compiled anew for every new set, some 10 ms each, sixteen times in a batch
            # of a thousand articles).
            present = plan.held(text.lower())
            if plan.wide and _WIDE.search(text) is not None:
                present.add(WIDE_GAP)
            found = plan.always.match(text)
            first = int(found.lastgroup[1:]) if found is not None and found.lastgroup else None
            size = len(text)
            short = plan.by_size[size] if size < len(plan.by_size) else ()
            order = sorted({index for string in present for index in plan.having[string]}.union(short)) if present else short
            for index in order:
                number, _, most, source = plan.gated[index]
                if first is not None and number >= first:
                    break
                if most is None or size <= most:
                    branch = plan.compiled[index]
                    if branch is None:
                        branch = plan.compiled[index] = re.compile(source, re.IGNORECASE)
                    if branch.match(text) is not None:
                        return names[number]
            return names[first] if first is not None else ""
    else:
        _asked[0] += 1
    match = pattern.match(text)
    if match is None:
        return ""
    # The outer group of the rule that matched closes last, so it is the match's last group.
    return names[int(match.lastgroup[1:])] if match.lastgroup else ""


@dataclass(frozen=True)
class Dateline:
    text: str  # the dateline as written, dash included
    source: str  # the agency it names, "" if none
    rest: str  # the story's words after it


# `Алматы. 18 февраля. KAZAKHSTAN TODAY -`: a place in lower case letters needs both a date and a wire in capitals.
# (the second place after a dash is DATELINE's only: a titled place's line opens `Word.` or `Word,`)
_TITLED_DATELINE = re.compile(
    DATELINE.pattern.replace(f"(?P<place>{_PLACE}", rf"(?P<place>[{UPPER}][^\W\d_]+", 1).replace(_SECOND_PLACE, "", 1)
)


# Words after the dash all in capitals (and at least one letter): the line is a banner, not a dateline.
_SHOUTED = re.compile(rf"^[^{LOWER}]*[{UPPER}][^{LOWER}]*$")
_PLACE_ALONE = re.compile(rf"^(?:[{UPPER}]{{4,}}|[{UPPER}]{{3}}(?=[-\s][{UPPER}]{{3,}}))(?:[-\s][{UPPER}]{{3,}})?\s*[-–—]+\s+$")


# A place in capitals (and its country), an English month's date and a full stop, then the story: `BAKU, Azerbaijan,
# September 11. Kazakhstan plans …` (the wires' form with no dash and no wire's name).
_PLACE_DATE_STOP = re.compile(
    rf"^{_PLACE}(?:,\s+[{UPPER}][^\W\d_]+)?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d{{1,2}}"
    rf"(?:,\s+\d{{4}})?\.\s+(?=[{UPPER}][{LOWER}])"
)
# A syndicator's bracket before a wire's copy, the syndicator and the agency whose copy it carries: `(MENAFN- Trend
# News Agency)`.
_SYNDICATED = re.compile(r"^\((?P<by>[A-Z][A-Za-z]{2,15})\s*[-–—]\s*(?P<agency>[A-Z][^()]{1,60})\)\s+")
# Words in small letters a wire's name may hold (`Kazinform тілшісі`, `Trend News Agency` has none): more than one
# other word in small letters after the date is the story's sentence (`BAKU, Azerbaijan, September 11. Kazakhstan
# plans to …`), not a wire.
_SENTENCE_WORDS = re.compile(
    r"(?<!\S)(?!(?:of|the|and|de|news|agency|тілшісі|тілшілері|корреспондент\w*|агенттігі)\b)[a-zа-яёәғқңөұүһі]{2,}"
)
# The date, then the wire's name, alone on a line over the copy (`August 15. Universal Newswires`, `15 August, Trend`).
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_THEN_WIRE = re.compile(
    rf"^(?:(?:{_EN_MONTHS}|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_EN_MONTHS}))"
    r"(?:,?\s+\d{4})?[.,]\s+(?P<wire>[A-Z][^\W\d_]*(?:\s+[A-Z0-9][\w.-]*){0,3})\s*[-–—]?$"
)
_DATE_FIRST = frozenset("JFMASOND0123456789")
# A scrape's date token glued before the dateline (` date 2018-09-26 ASTANA. KAZINFORM -`).
_SCRAPE_DATE = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
# The agency right after the dash, in its own sentence: `НУР-СУЛТАН, 16 мар - РИА Новости. …`.
_AGENCY_AFTER = re.compile(
    r"^(?P<name>[^\s.,!?«»\"]+(?:\s+[^\s.,!?«»\"]+){0,2})\.\s+(?=\S)|^(?P<alone>[^\s.,!?«»\"]+(?:\s+[^\s.,!?«»\"]+){0,2})\.?$"
)


# The agency in slashes after the place and date, as TASS signs its wire (`АСТАНА, 24 мая. /ТАСС/.`,
# `NUR-SULTAN, April 14. /TASS/.`).
# Also with the date in figures and no space (`Бишкек,01.09.24. /Кабар/.`), the date first (`31 мая, Минск /Корр.
# БЕЛТА/.`, as BelTA signs), and the reporter's word inside the slashes (`/Корр. БЕЛТА/`). A space may stand inside
# the slashes and the month be cut short (`Bishkek, Jan. 19, 2018 / Kabar /.`, Kabar's English feed).
_SLASHED_DATELINE = re.compile(
    rf"^(?:(?P<place>[{UPPER}][^\W\d_]*(?:[-\s][{UPPER}][^\W\d_]*)?)[.,]\s*(?P<date>(?:[^./]|(?<=[^\W\d_]{{3}})\.(?=\s+\d)){{0,20}}\d[^./]{{0,20}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})\.?"
    rf"|\d{{1,2}}\s+[{LOWER}]{{3,9}},\s+[{UPPER}][^\W\d_]+(?:[-\s][{UPPER}][^\W\d_]+)?)\s*"
    rf"/\s?(?:(?:Корр|корр|Corr|corr)\.\s*)?(?P<agency>[^/\s\d][^/]{{0,30}}?)\s?/\.?\s*(?:[-–—]+\s*)?(?=[«\"“„]?[{UPPER}]|$)"
)
# A place in lower case, a date, a dash, then the agency's name in its own sentence (`Астана, 2025 жылғы 25
# желтоқсан – Karavan Info ақпараттық агенттігі. …`): the Kazakh agencies' form.
_AGENCY_SENTENCE_DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)?),\s+(?P<date>[^.,()\-–—]{{0,30}}\d[^.,()\-–—]{{0,30}}?)"
    rf"\s*[-–—]+\s+(?P<agency>[^.!?«»\"]{{2,60}}?)\.\s+(?=[«\"“„]?[{UPPER}])"
)
# The outlet's web address opening the copy as its dateline (`Kyzylorda-news.kz. Қызылорда облысы …`); with a
# colon it is an interview's label (`El.kz: question`).
_ADDRESS_DATELINE = re.compile(
    rf"^(?P<agency>[^\W_][\w-]*(?:\.[\w-]+)*\.(?i:{WEB_DOMAIN}))\s*(?:\.|[-–—]+)\s+(?=[«\"“„]?[{UPPER}])"
)

# A place, then the outlet's reporter in a sentence of its own (`Нұр-Сұлтан, BAQ.KZ тілшісі. Бұл туралы …`).
_CORRESPONDENT_DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)?),\s+(?P<agency>[^!?,«»\"]{{2,40}}?\s+(?:тілшісі|корреспондент))\.\s+"
    rf"(?=[«\"“„]?[{UPPER}])"
)

_AGENCY_KIND = re.compile(r"\s+(?:ақпараттық\s+агенттігі|ақпарат\s+агенттігі|информационное\s+агентство|news\s+agency)$", re.IGNORECASE)


def _named_dateline(text: str) -> Dateline | None:
    """The datelines whose agency is a name in slashes, in a sentence of its own, or a web address."""
    for pattern in (_SLASHED_DATELINE, _AGENCY_SENTENCE_DATELINE, _ADDRESS_DATELINE, _CORRESPONDENT_DATELINE):
        match = pattern.match(text)
        if match is None:
            continue
        agency = match["agency"].strip()
        if pattern is _CORRESPONDENT_DATELINE:
            agency = re.sub(r"\s+(?:тілшісі|корреспондент)$", "", agency)
            if not is_outlet(agency):
                continue
        if pattern is _SLASHED_DATELINE and not (is_outlet(agency) or agency[:1].isupper() and len(agency.split()) <= 2):
            continue
        if pattern is _AGENCY_SENTENCE_DATELINE and not is_outlet(agency):
            continue
        if pattern is _AGENCY_SENTENCE_DATELINE:  # `Karavan Info ақпараттық агенттігі` → Karavan Info
            agency = _AGENCY_KIND.sub("", agency)
        return Dateline(text=match.group(0).strip(), source=agency, rest=text[match.end():])
    return None


# More agencies' forms, each tried whole: `BISHKEK. KAZINFORM On March 2 …` (a wire in capitals and no dash; the
# general pattern takes `On March 2` for a date), `DUSHANBE, September 5, 2011, Asia-Plus -- …` (the year after the
# date, the agency before a double dash or a colon), `Baku/02.10.20/Turan: …` (Turan's slashes) and `ANKARA-
# Anadolu Agency` (the place and the wire alone on their line).
_WIRE_NO_DASH = re.compile(
    rf"^(?P<place>[{UPPER}][{UPPER}-]{{2,}}(?:\s[{UPPER}][{UPPER}-]+)?)\.\s+(?P<agency>[{UPPER}]{{3,}}(?:[\s-][{UPPER}]{{2,}})?)"
    rf"\s+(?=[«\"“„]?[{UPPER}][{LOWER}])"
)
_DATED_AGENCY = re.compile(
    rf"^(?P<place>[{UPPER}][{UPPER}-]+(?:\s[{UPPER}][{UPPER}-]+)?),\s+(?P<date>[^\W\d]{{3,9}}\.?\s+\d{{1,2}},\s+\d{{4}}),\s+"
    r"(?P<agency>[^\W\d_][^,:!?]{1,40}?)(?:\s*(?:--|:)\s*|\s+[-–—]\s+)"
)
_SLASHED_DATE = re.compile(
    rf"^(?P<place>[{UPPER}][^\W\d_]+(?:[-\s][{UPPER}][^\W\d_]+)?)/(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})/"
    r"(?P<agency>[^\W\d_][^/:]{1,30}?)\s*:\s*"
)
# A wire's name in capitals with a hyphen, then the date, each a sentence of its own: `OREANDA-NEWS. June 02, 2010. The
# World Bank …` (the feed's form with no place).
_WIRE_THEN_DATE = re.compile(
    r"^(?P<agency>[A-Z]{2,}(?:-[A-Z]{2,})+)\.\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\.\s+(?=[\"“]?[A-Z])"
)
_PLACE_AND_AGENCY = re.compile(
    rf"^(?P<place>[{UPPER}]{{3,}}(?:[-\s][{UPPER}]{{3,}})?)\s*[-–—,]\s*(?P<agency>[^\W\d_][^.!?:]{{1,40}}?)\s*$"
)


_TWO_CAPITALS = re.compile(rf"[{UPPER}][{UPPER}-]")


def _agency_form(text: str) -> Dateline | None:
    # three of the forms open with a place in capitals, Turan's has a slash near its start: most lines try none
    patterns = (_WIRE_NO_DASH, _DATED_AGENCY, _PLACE_AND_AGENCY, _WIRE_THEN_DATE) if _TWO_CAPITALS.match(text) else ()
    if "/" in text[:40]:
        patterns = (*patterns, _SLASHED_DATE)
    for pattern in patterns:
        match = pattern.match(text)
        if match is None:
            continue
        agency = match["agency"].strip()
        if pattern is _WIRE_NO_DASH:  # a name in capitals must be a wire's by its words (`KAZINFORM`), not an initialism
            agency_known = is_outlet(agency.title())
            if agency_known:
                return Dateline(text=match.group(0).strip(), source=agency, rest=text[match.end():])
            continue
        if pattern is _WIRE_THEN_DATE and not _MEDIA.search(agency):
            continue  # `NEW-YORK. June 2, 2010.`: a name in capitals is a wire's by a media word
        if pattern is _PLACE_AND_AGENCY and agency.isupper():
            continue  # `ВЫБОРЫ – ГЛАВНОЕ`: a banner in capitals
        named = is_outlet(agency) or (
            pattern is not _PLACE_AND_AGENCY and len(agency.split()) <= 3 and agency[:1].isupper() and not is_office(agency)
        )
        if named:
            return Dateline(text=match.group(0).strip(), source=agency, rest=text[match.end():])
    return None


def dateline(text: str) -> Dateline | None:
    """The wire-style dateline that opens the line, if any. A date or an agency must follow the place,
    so a sentence that opens with an abbreviation in capitals does not read as one."""
    text = text.strip()
    if text[:1] == "(" and (syndicated := _SYNDICATED.match(text)) is not None:
        # `(MENAFN- Trend News Agency) BAKU, Azerbaijan, September 11. …`: a syndicator's bracket over the wire's copy
        found = dateline(text[syndicated.end():])
        agency = syndicated["agency"].strip()
        if found is None:
            return Dateline(text=syndicated.group(0).strip(), source=agency, rest=text[syndicated.end():])
        return Dateline(text=f"{syndicated.group(0)}{found.text}", source=found.source or agency, rest=found.rest)
    scrape = _SCRAPE_DATE.match(text)
    if scrape:
        found = dateline(text[scrape.end():])
        return Dateline(text=scrape.group(0) + found.text, source=found.source, rest=found.rest) if found else None
    found = _dateline(text)
    if found is None and text[:1] in _DATE_FIRST and (dated := _DATE_THEN_WIRE.match(text)) is not None \
            and is_outlet(dated["wire"]):
        return Dateline(text=text, source=dated["wire"], rest="")  # `August 15. Universal Newswires` over the copy
    if found is None:
        found = _named_dateline(text)
    if found is None:
        found = _agency_form(text)
    if found is not None and not found.source and (after := _AGENCY_AFTER.match(found.rest)):
        name = after["name"] or after["alone"]
        if name[:1].isupper() and is_outlet(name):  # `МОСКВА, 16 мар — РИА Новости. Текст`
            return Dateline(text=f"{found.text} {after.group(0).strip()}", source=name, rest=found.rest[after.end():])
    return found


def _agency(bracketed: str) -> str:
    """The agency in a dateline's brackets: `(Pakistan Point News / Sputnik - 05th October, 2022)` → Sputnik,
    the wire whose copy the page carries, without the date."""
    name = bracketed.split(" / ")[-1]
    return re.sub(r"\s*(?:[-–—]|,)\s*\d.*$", "", name).strip()


# What every dateline opens with, tried before the patterns (a line costs a few microseconds in them, most of it
# in the titled form's wire, tried at every length): DATELINE's place in capitals (a capital, then a capital or a
# hyphen), or _TITLED_DATELINE's capitalised word right before the `.` or `,` of the date that form needs. Checked
# against both patterns' text in tests/test_fast_paths.py: a new place changes this too.
_MAY_OPEN_DATELINE = re.compile(rf"[{UPPER}](?:[{UPPER}-]|[^\W\d_]+[.,])")


# A month's name or its short form in a titled dateline's date (`May 21`, `Aug. 31`), in English, Russian or Kazakh.
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек"
    r"|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)",
    re.IGNORECASE,
)


def _dated_alone(text: str, titled: re.Match[str], wire: str) -> bool:
    """A titled place and a month's date with no wire's name in capitals: a dateline when an agency stands in its
    brackets, a double dash follows it, or it stands alone on its line (`Astana, July 1 (Xinhua) --`, `Tashkent,
    May 21 -- …`, `Baku, Azerbaijan, Aug. 31`)."""
    if not _MONTH.search(titled["date"]) or titled["nodash"] is not None:
        return False
    return is_outlet(titled["agency"] or "") or not wire and (not text[titled.end():].strip() or "--" in titled.group(0))


# A wire's name of two or three capitalised words closed by a dash (`Kazakhstan Today -`): the name itself says
# nothing of an outlet.
_CAPITALISED_WIRE = re.compile(r"(?P<wire>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+[-–—]\s+(?=[\"“]?[A-Z])")


def _named_wire(text: str, titled: re.Match[str]) -> Dateline | None:
    """`Astana. 28 March. Kazakhstan Today - The Prime Minister …`: a titled place and a month's date, then two or
    three capitalised words closed by a dash are the wire's name (a dash ends a dateline, never a sentence's subject)."""
    if not titled["date"] or titled["wire"] is None or _MONTH.search(titled["date"]) is None:
        return None
    named = _CAPITALISED_WIRE.match(text, titled.start("wire"))
    if named is None or is_office(named["wire"]) or _names_a_person(named["wire"]):
        return None  # `President Tokayev - …`, `Police Department - …`
    return Dateline(text=text[: named.end()].strip(), source=named["wire"], rest=text[named.end():])


def _dateline(text: str) -> Dateline | None:
    if _MAY_OPEN_DATELINE.match(text) is None:
        return None
    match = DATELINE.match(text)
    if match is None:
        titled = _TITLED_DATELINE.match(text)
        wire = (titled["wire"] or "").strip() if titled else ""
        if titled and titled["date"] and (wire[:1].isupper() and is_outlet(wire) or _dated_alone(text, titled, wire)):
            match = titled  # `Astana. March 13. KazTAG -`
        elif titled and (named := _named_wire(text, titled)) is not None:
            return named
    wire = (match["wire"] or "").strip() if match else ""
    if match is not None and match["date"] and wire and _MONTH.search(match["date"]) \
            and len(_SENTENCE_WORDS.findall(wire)) >= 2 and not is_outlet(wire):
        # `BAKU, Azerbaijan, September 11. Kazakhstan plans to …`: the place and the date, then the story's sentence
        start = match.start("wire")
        return Dateline(text=text[:start].strip(), source="", rest=text[start:])
    if match is not None and match["nodash"] is not None and not (wire.isupper() and is_outlet(wire) or is_outlet(match["agency"] or "")):
        match = None  # `ASTANA. KAZINFORM The President…`: with no dash, only a wire in capitals or brackets ends it
    if match is not None and not (match["date"] or match["agency"] or wire) and _PLACE_ALONE.match(match.group(0)):
        rest = text[match.end():]
        if rest[:1].isupper() and match["nodash"] is None and not _SHOUTED.match(rest):  # `ASTANA – Prime Minister …`
            return Dateline(text=match.group(0).strip(), source="", rest=rest)
    if match is not None and not (match["date"] or match["agency"] or wire) and "," in match["place"] and match["nodash"] is None:
        rest = text[match.end():]
        if rest[:1].isupper() and not _SHOUTED.match(rest):  # `SHYMKENT, Kazakhstan -- A group of activists …`
            return Dateline(text=match.group(0).strip(), source="", rest=rest)
    if not match or not (match["date"] or match["agency"] or (wire[:1].isupper() and is_outlet(wire))):
        dated = _PLACE_DATE_STOP.match(text)
        if dated is not None:  # `BAKU, Azerbaijan, Sept. 11. Kazakhstan plans to …`: the place and the date, no wire
            return Dateline(text=dated.group(0).strip(), source="", rest=text[dated.end():])
        return None  # `AKTOBE. KAZINFORM -`: a wire in capitals is enough
    if _SHOUTED.match(text[match.end():]):
        return None  # `РЕФЕРЕНДУМ ПО АЭС - 6 ОКТЯБРЯ`: a banner in capitals; a story starts in small letters
    if wire and wire.isupper() and not (match["date"] or match["agency"]) and not text[match.end("place"):match.start("wire")].strip() \
            and not is_outlet(wire.title()):
        return None  # `СОҢҒЫ ҚОҢЫРАУ СЫҢҒЫР ҚАҚТЫ`: a headline in capitals, no stop or dash after a place; a wire's words say it is one
    source = _agency(match["agency"]) if match["agency"] else (match["wire"] or "").strip()
    return Dateline(text=match.group(0).strip(), source=source, rest=text[match.end():])
