"""The words web and agency copy uses around a quote, per language: data the quote rules read.

Each table is a regular-expression fragment (matched case-insensitively) or a set of folded words.
A language missing from a table borrows nothing: the rules then find no quote of that shape.
"""
from __future__ import annotations

# A verb of saying in the clause that attributes a quote (`– деді ол`, `— сказал аким`, `he said`).
SAYING: dict[str, str] = {
    # Kazakh: деді / дейді / деген, or деп followed by the verb (one word, or a two-word phrase).
    "kk": (
        r"(?:деді|дейді|деген|айтты|айтады|деп\s+(?:атап\s+(?:өтті|өтеді|көрсетті)|мәлім\s+етті|жауап\s+берді"
        r"|пікір\s+білдірді|ой\s+бөлісті|сөзін\s+\w+|қорытындылады|ағынан\s+жарылды"
        # (not a passive, `деп жазылыпты`, `деп айтылған`: no one is the speaker)
        r"|(?:[^\W\d_]+\s+){0,2}?(?![^\W\d_]{2,}(?:ыл|іл)(?:ды|ді|ыпты|іпті|ған|ген)(?![\w-]))[^\W\d_]+"
        r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген)"
        # the speaker between `деп` and the verb: `деп депутат Бас прокурордан сұрады`, `деп Мемлекет басшысы атап өтті`
        r"|(?:[^\W\d_]+(?:-[^\W\d_]+)*\s+){1,12}?(?:атап\s+)?(?![^\W\d_]{2,}(?:ыл|іл)(?:ды|ді)(?![\w-]))[^\W\d_]+"
        r"(?:ды|ді|ты|ті|ады|еді|йды|йді))"
        # wrote, stated, explained (`Бұл туралы … Михаил Козачков өзінің телеграмм каналында жазды: "…"`)
        r"|жазды|жазады|мәлімдеді|түсіндірді"
        r"|сөзінше|айтуынша)"
    ),
    "ru": (
        r"(?:(?:сказа|отмети|заяви|добави|подчеркну|поясни|рассказа|сообщи|уточни|напомни|призна|завери|ответи"
        r"|призва|предупреди|указа|продолжи|объясни|подели|прокомментирова|высказа|написа|заключи|подыто\w?жи"
        r"|резюмирова|констатирова|возрази|оцени|посетова|пожалова|отреагирова|обрати|выступи|обеща|пообеща"
        r"|приве|процитирова|дополни|сказа|уверя|отмеча|добавля|подчеркива|поясня|рассказыва|говори"
        r"|спроси|поинтересова|отчита|возмути|парирова|удивля|удиви|замети|замеча|вспомни|воскликну)"
        r"(?:л|ла|ли|ло)(?:ся|сь|ась|ось|ись)?"
        r"|говорит|говорят|считает|считают|отмечает|отмечают|уверен|уверена|уверены|поясняет|рассказывает"
        r"|добавляет|подчеркивает|подчёркивает|признается|признаётся|полагает|полагают|утверждает|утверждают"
        r"|говорится|цитирует|пишет|уточняет|объясняет|заявляет|сообщает|сообщают"
        # a dialogue's present tense (`– отвечает чиновница`, `— спрашивает журналист`, `– задает вопрос репортер`)
        r"|отвечает|отвечают|спрашивает|спрашивают|интересуется|настаивает|возражает|парирует|соглашается"
        # how it was said, in the present (`- возмущается Кокушев`, `— сетует фермер`, `— вспоминает ветеран`)
        r"|возмущается|возмущаются|сетует|сетуют|жалуется|жалуются|вспоминает|вспоминают|делится|восклицает|рассуждает"
        r"|задает\s+вопрос|задаёт\s+вопрос|задал\s+вопрос|задала\s+вопрос|настоял|настояла"
        r"|(?:начал|начала|продолжил|продолжила)\s+(?:говорить|рассказывать|объяснять)"
        r"|приводит\s+(?:его\s+|ее\s+|её\s+)?слова|приводятся\s+слова"
        # an outlet passing the words on (`– передает ТАСС слова Позднякова`): the one whose words they are speaks
        r"|переда[её]т\s+(?:[^\s,.!?]+\s+){1,3}?слова"
        # a view given (`— выразил мнение мэр`, `— выразила надежду министр`)
        r"|выразил[аи]?\s+(?:свое\s+|своё\s+)?(?:мнение|уверенность|надежду|сожаление|обеспокоенность|недоумение|благодарность)"
        r"|по\s+словам)"
    ),
    "en": (
        r"(?:said|says|say|added|adds|told|tells|noted|notes|stressed|explained|warned|wrote|writes|asked"
        r"|continued|insisted|admitted|argued|commented|remarked|recalled|concluded|declared|announced"
        r"|emphasi[sz]ed|pointed\s+out|according\s+to|replied|addressed|went\s+on|answered|believes|believe|think|thinks"
        r"|stated|states|underlined|underlines|underscored|highlighted|mentioned|specified|clarified|confirmed"
        r"|suggested|observed|acknowledged|reiterated|assured|assures|reassured|promised|vowed|cautioned|predicted"
        r"|claimed|maintained|affirmed|responded|elaborated|complained|recounted|revealed|informed|stresses|emphasi[sz]es|reported"
        r"|summed\s+up|sums\s+up|summari[sz]ed|concludes|commented|shared|urged|appealed|announced"
        r"|(?:was\s+)?(?:cited|quoted)\s+as\s+saying"
        # `…," President's press service quoted him as saying.`: the one quoted is the speaker, not the office
        r"|(?:cited|quoted|cites|quotes)\s+(?:[^\W\d_][\w.'’-]*\s+){1,4}?as\s+saying)"
    ),
}

# Kazakh: the noun before the verb that makes one verb with it (`атап өтті`, `жауап берді`): not the speaker.
KAZAKH_LIGHT_NOUNS: frozenset[str] = frozenset("атап жауап мәлім пікір ой баса нақтылап түсінік сауал сұрақ сөзін үн".split())

# The attribution clause names no one but a pronoun: the person last named speaks (a guess).
PRONOUNS: dict[str, dict[str, str]] = {
    "kk": {"ол": "unknown"},
    "ru": {"он": "male", "она": "female"},
    "en": {"he": "male", "she": "female"},
}

# Words for people in the plural, or for a body rather than a person: their words stay in the copy.
GROUP_WORDS: frozenset[str] = frozenset(
    """
    олар мамандар сарапшылар тұрғындар ғалымдар дәрігерлер депутаттар тараптар ұйымдастырушылар қатысушылар
    шенеуніктер полицейлер құтқарушылар
    они эксперты специалисты жители ученые учёные врачи депутаты аналитики чиновники стороны организаторы
    участники спасатели полицейские синоптики экологи горожане родители
    they experts specialists residents scientists doctors officials analysts economists lawmakers sources
    organisers organizers participants police rescuers forecasters people parents witnesses authorities
    """.split()
)
# A Kazakh plural ending on the clause's last word (`сарапшылар`, `мамандардың`) is a group too.
KAZAKH_PLURAL = r"(?:лар|лер|дар|дер|тар|тер)(?:\w{0,4})$"

# A body, a document or a place where words were said: not a person.
INSTITUTION_WORDS = (
    r"министрлі\w*|министерств\w*|ведомств\w*|управлени\w*|департамент\w*|әкімді\w*|акимат\w*|комитет\w*"
    r"|баспасөз\s+қызмет\w*|пресс-служб\w*|мәлімдеме\w*|хабарлам\w*|сообщени\w*|заявлени\w*|релиз\w*"
    r"|компани\w*|банк\w*|агентств\w*|агенттіг\w*|полици\w*|суд\w*|прокуратур\w*|правительств\w*|үкімет\w*"
    r"|ministry|department|office|agency|company|bank|government|police|court|statement|spokes\w*\s+for"
    r"|press\s+service|press\s+office|embassy"
    r"|жауаб\w*|ответ\w*|документ\w*|құжат\w*|материал\w*|письм\w*|хат\w*"
)
# A role or a single noun for a person (`деп түсіндірді сарапшы`, `the minister added`): the person
# last named speaks, preferring one whose title has the word.
ROLE_WORDS: frozenset[str] = frozenset(
    """
    министр министрі вице-министр вице-министрі әкім әкімі сарапшы маман басшы басшысы төраға төрағасы директор
    директоры депутат спикер дәрігер дәрігері санитар тұрғын ғалым президент премьер-министр губернатор прокурор судья
    профессор экономист аналитик хатшы хатшысы кеңесші кеңесшісі елші елшісі өкілі белсенді жігіт қорғаушы
    министр вице-министр аким эксперт специалист глава руководитель председатель директор депутат спикер врач
    ученый учёный президент премьер премьер-министр губернатор прокурор судья профессор
    экономист аналитик секретарь замминистра собеседник собеседница представитель советник посол
    заместитель замакима начальник командир полковник генерал инспектор следователь пресс-секретарь
    градоначальник мэр чиновник чиновница сенатор активист активистка избранник избранница парламентарий мажилисмен қалаулы мәжілісмен
    нардеп чемпион жеңімпаз жүлдегер спортшы спортсмен жаттықтырушы бапкер тренер мұғалім ұстаз кәсіпкер фермер ардагер
    чемпионка победитель победительница призер призёр спортсменка учитель учительница педагог предприниматель
    ветеран капитан
    minister governor mayor expert specialist head chairman chairwoman director lawmaker spokesman spokeswoman
    spokesperson doctor scientist president premier prosecutor judge professor economist analyst
    official secretary representative chief executive counselor councillor adviser advisor ambassador
    envoy counsellor deputy commander spokesman colonel senator congressman congresswoman akim ombudsman
    chairperson speaker mp activist blogger lawyer elbasy yelbasy champion coach athlete teacher entrepreneur farmer
    veteran captain leader
    """.split()
)

# Capitalised English words that are never a person's name, though copy capitalises them next to one:
# `said Dragomir Karic, a member of Serbian National Assembly`, `said Human Rights Watch`. A run of two or
# three capitalised words with none of these after the verb (or after a title) is a person.
NOT_NAMES_EN: frozenset[str] = frozenset(
    """
    the a an of and for in on at to by with from this that these those it its our their his her we they he she
    kazakh kazakhstan kazakhstan's astana almaty shymkent nur-sultan central asia asian russia russian china
    chinese turkish turkey american european us uk un eu csto sco cis osce nato
    national international republic state states united nations union federation foreign affairs
    ministry committee agency council assembly parliament senate mazhilis majilis government office
    department service bureau center centre institute university school college academy fund bank group
    company corporation holding airlines airport railways news times post daily tv radio press media
    channel portal network watch rights human party organization organisation association chamber
    commission court prosecutor police army forces region city district province oblast village street
    square hall palace road north south east west northern southern eastern western new old general
    public finance financial energy oil gas air capital invest investment telecom petroleum mining motors
    systems solutions partners industries exchange market markets akimat akimat's
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    """.split()
)
# The reporter or the journalist asking: their question stays in the copy.
ASKER_WORDS: frozenset[str] = frozenset(
    """
    журналист журналисттер тілші тілшіміз тілшісі корреспондент корреспондентке жүргізуші
    журналист журналистка корреспондент корреспондентка ведущий ведущая репортер репортёр репортерша
    journalist reporter correspondent host interviewer
    """.split()
)

# The media asking, in more than one word: `– деп сұрады БАҚ өкілі`, `спросил представитель СМИ`.
ASKER_PHRASES = r"\bБАҚ\s+өкіл\w*|\bпредставител\w*\s+(?:СМИ|прессы)|\bmedia\s+representative"

# Phrases that give whose words follow: `Министрдің айтуынша, «…»`, `По словам акима, «…»`.
ACCORDING = r"айтуынша|сөзінше|пікірінше|по\s+словам|according\s+to"

# A role said another way: the person whose title has the other word (`Мемлекет басшысы` is the President).
ROLE_SYNONYMS: dict[str, str] = {
    "өңір басшысы": "әкім",
    "облыс басшысы": "әкім",
    "аймақ басшысы": "әкім",
    "глава региона": "аким",
    "глава области": "аким",
    "ведомство басшысы": "министр",
    "глава ведомства": "министр",
    "мемлекет басшысы": "президент",
    "елбасы": "президент",
    "глава государства": "президент",
    "главы государства": "президент",
    "head of state": "president",
    "үкімет басшысы": "премьер",
    "глава правительства": "премьер",
    "head of government": "premier",
    "akim": "mayor",  # `the akim of Astana` is the city's mayor in English copy (`Asset Issekeshev, mayor of Astana`)
}
