"""The reader on Russian and Kazakh copy: the forms webcopy set 9 (benchmarks/webcopy_heldout9) showed on its first
run and s8's check set, each as a general rule (made-up sentences in the shape of real ones; the page each form was
seen on is noted beside it)."""
from __future__ import annotations

from broadcast.parse import parse_text
from invariants import segment_rows
from broadcast.parse.furniture import furniture
from broadcast.parse.quotes import pieces


_rows = segment_rows


def test_a_site_address_alone_under_the_copy_is_its_credit_with_its_scheme_too():
    # valuyki.com: `http://mirbelogorya.ru/` under the copy, then the date and the comment counter
    text = (
        "В районе открыли два дома культуры.\n"
        "Ремонт закончился недавно, деньги выделили областной и местный бюджеты, и клубы снова работают.\n"
        "http://belnovosti.ru/\n"
        "16 ноября 2007\n"
    )
    assert parse_text(text, language="ru").source == "belnovosti.ru"
    # a link to one page is no credit
    linked = text.replace("http://belnovosti.ru/", "http://belnovosti.ru/news/123.html")
    assert parse_text(linked, language="ru").source == ""


def test_a_byline_with_the_surname_in_capitals_and_the_photo_by_the_author_are_not_read():
    # c-pravda.ru: `Владимир УСТЮГОВ.` and `Фото автора.` under a photo story
    text = (
        "Через такие ямы приходится пробираться жителям дома на улице Мира после ремонта двора. А после дождей они "
        "переплывают огромные лужи перед подъездами.\n\n"
        "Сергей КОЛЕСНИКОВ.\n\n"
        "Фото автора.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead"]
    assert {line.source_line for line in story.lines if line.spoken.strip()} == {1}
    for credit in ("Фото автора.", "Суреттер автордікі.", "Фото из открытых источников."):
        assert furniture(credit) == "photo credit"


def test_a_name_and_quote_headline_over_a_page_is_the_title():
    # m.gezitter.org: the close mark, a stamp, the old-date notice, `Депутат Ибраев: «…»` (no stop), the copy
    text = (
        "×\n \n\n22.12.2021 // 14:59\nОбратите внимание на дату публикации.\n\n"
        "Депутат Маратов: «Нужно разрешить депутатам прежнего созыва заходить в здание парламента»\n\n"
        "22 декабря депутат Саматбек Маратов заявил, что нынешний созыв парламента завершает свою работу.\n\n"
        "«Это последнее заседание созыва. Было бы хорошо, если бы нам разрешили входить в здание», сказал Маратов.\n\n"
        "Исполняющая обязанности спикера заявила, что это излишне.\n\nИсточник: Super.kg\n\nКомментарии:\n"
    )
    story = parse_text(text, language="ru")
    assert story.title.startswith("Депутат Маратов")
    assert _rows(story)[0] == "lead"
    assert 7 not in {line.source_line for line in story.lines if line.spoken.strip()}


def test_a_paragraph_closed_by_a_dash_clause_with_a_bracketed_aside_is_the_speakers():
    # sandbox.repost.uz: the opening dash lost, `, — сказала Матвиенко во время встречи с главой Сената Олий мажлиса
    # (верхней палаты парламента Узбекистана) Танзилой Нарбаевой.`
    text = (
        "Мы сейчас серьезно готовимся к визиту президента в Россию. Мы работаем совместно над наполнением этого "
        "визита, — сказала Петрова во время встречи с главой Сената Олий мажлиса (верхней палаты парламента "
        "Узбекистана) Танзилой Каримовой."
    )
    found = pieces(text, "ru")
    assert found is not None and found[0].quote and found[0].who is not None and found[0].who.name == "Петрова"


def test_a_paragraph_closed_by_an_inverted_clause_without_marks_is_the_speakers():
    # news.mail.ru (Sputnik): `…, сказал он.`; Kazakh `…, деді ол.` in the same order
    ru = "В последнее время в некоторых СМИ распространяются различные предположения и недостоверные сведения о её здоровье, сказал он."
    found = pieces(ru, "ru")
    assert found is not None and found[0].quote and found[0].who is not None and found[0].who.kind == "pronoun"
    kk = "Соңғы уақытта кейбір БАҚ-та оның денсаулығы туралы түрлі болжамдар мен жалған мәліметтер тарап жүр, деді ол."
    found = pieces(kk, "kk")
    assert found is not None and found[0].quote
    # reported speech keeps its `что`, a report keeps `сообщил`, an office is no speaker: the copy's
    assert pieces("Он сказал, что в районе откроют две школы и три детских сада уже в следующем году.", "ru") is None
    assert pieces("В районе откроют две школы и три детских сада уже в следующем году, сообщил он журналистам.", "ru") is None
    assert pieces("В районе откроют две школы и три детских сада уже в следующем году, сказали в акимате.", "ru") is None


def test_a_clause_alone_under_a_blank_line_gives_the_paragraph_above_to_its_speaker():
    # news.mail.ru: the statement, then `написал Айдос Укибай` as a paragraph of its own
    text = (
        "Советник Айдос Серикбаев обратился к журналистам и пользователям соцсетей.\n\n"
        "В связи с этим считаю необходимым разъяснить: лечение проходит в Национальном госпитале в Алматы.\n\n"
        "написал Айдос Серикбаев\n\n"
        "Он попросил представителей СМИ проявлять корректность.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "sot Серикбаев", "vo"]
    assert 5 not in {line.source_line for line in story.lines if line.spoken.strip()}


def test_a_pronoun_before_the_verb_speaks_and_what_follows_the_verb_is_what_is_said():
    # valuyki.com: `…, но здесь же он указал на то, что в районе еще предстоит сделать: «…».` and the governor named
    # again by his given name and patronymic (`Евгений Степанович`)
    text = (
        "Открылись два дома культуры.\n"
        "Губернатор Евгений Савельев продолжает поездки по районам. Утром Евгений Степанович побывал на открытии клубов.\n"
        "Губернатору ремонт понравился, но здесь же он указал на то, что в районе еще предстоит сделать: «В районе еще "
        "два десятка домов культуры, которые необходимо ремонтировать. И я думаю, за два года они будут отремонтированы».\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "vo", "sot Савельев"]


def test_a_post_with_what_it_is_of_names_the_person_a_pronoun_then_means():
    # alau.kz: `Об этом сообщил пресс-секретарь Президента РК Берик Уали, передает zakon.kz.`, then his post with its
    # opening dash lost, closed by `— сообщил он на своей странице в Facebook.`
    text = (
        "Празднование Дня города решено перенести на следующий год. Об этом сообщил пресс-секретарь акима области "
        "Марат Жунусов, передает zakon.kz.\n"
        "В связи с эпидемиологической ситуацией было принято решение перенести мероприятия. Аким обратится к жителям "
        "с поздравлением, — сообщил он на своей странице в Facebook.\n"
        "Он также отметил, что ветеранам оказана помощь.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "sot Жунусов", "vo"]
    assert story.source == "zakon.kz"


def test_an_honorific_and_a_name_lost_from_its_marks_in_the_clause():
    # ria24.today: `«…»,— написал господин Курмангали в Facebook.`, `— рассказала она в комментарии «».`
    text = (
        "Пресс-секретарь акима Ерлан Сапаров сообщил, что у него выявлен грипп. Он рассказал, что последний тест "
        "показал положительный результат, несмотря на все меры предосторожности. «В настоящее время я нахожусь в "
        "больнице под наблюдением врачей»,— написал господин Сапаров в Facebook.\n\n"
        "Состояние пресс-секретаря удовлетворительное.\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "sot Сапаров", "vo"]
    text = (
        "Директор школы Татьяна Морозова рассказала, что в школу прибыли восемь детей.\n\n"
        "Мы приготовили учебники, канцелярские принадлежности, я сама зашла в каждый кабинет и посмотрела, удобно "
        "ли им, — рассказала она в комментарии «».\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "sot Морозова"]


def test_a_blogs_comments_block_under_the_story_is_not_read():
    # shanstv.ru: `6 комментариев для “<headline>”`, then the numbered comments
    text = (
        "Накануне глава города отчиталась перед депутатами за свою деятельность в прошлом году. Вопросов у жителей и "
        "у депутатов к главе было много, как и претензий, пришли и горожане, пострадавшие на дорогах.\n\n"
        "3 комментария для “Городские проблемы”\n"
        "  1. А что редакторы только нужные коменты оставляют? Что правды боитесь?\n\n"
        "  2. Странный вывод у журналиста. Да выборы просто на носу, вот и начали чистить дороги.\n\n"
        "  3. Хороший сайт, давайте больше местных новостей.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead"]
    assert {line.source_line for line in story.lines if line.spoken.strip()} == {1}


def test_authors_in_the_plural_are_a_byline():
    # satmedia.kz: `Авторлар: Әсел Әбдібек, Айдос Дәулет` under the copy
    assert furniture("Авторлар: Әсел Әбдібек, Айдос Дәулет") == "byline"


def test_a_pictures_text_glued_to_the_next_paragraphs_first_word_ends_the_lead():
    # old.kostanaytany.kz: `… қайта жөнделуде.` / `жолТұрғындардың өтініш-тілегін …` with no blank line, in copy with them
    text = (
        "Жөндеу жұмыстары жалғасуда\n\n"
        "Аудан тұрғындарын әбден әбігерге салған ойлы-шұңқырлы жолдар қайта жөнделуде.\n"
        "көшеТұрғындардың өтініш-тілегін ескерген жергілікті билік бірнеше көшені жөндеуден өткізуді жоспарлап отыр.\n\n"
        "Пікір үстеу\n"
    )
    assert _rows(parse_text(text, language="kk")) == ["lead", "vo"]


def test_a_named_speaker_with_a_colon_inside_the_lead_paragraph():
    # soltustikkaz.kz: `… деп әңгімесін бастаған директор Раушан Тілеубаева: “…”, – деді ол.` closing the first paragraph
    text = (
        "Дәстүр бойынша оқырмандарымызбен кездесу үшін ауданға арнайы бардық. Алғашқы кездесу ауылдағы мектеп "
        "ұжымымен өтті. Мектептің тарихын айтып берген директор Гүлнар Сәрсенова: “Әр қақпаны қағып жүріп, мектепке "
        "балаларды жинадық. Қазір мектебіміз жұмыс істеп тұр”, – деді ол.\n"
    )
    assert _rows(parse_text(text, language="kk")) == ["lead", "sot Сәрсенова"]


def test_a_role_with_a_colon_before_the_quote_and_the_bare_verb_after_it():
    # aikyn.kz: `Онлайн өткен баспасөз мәслихатында бас санитар: «…», – деді.Барлық құқықтар сақталған.`
    text = (
        "Бас мемлекеттік санитар дәрігері Айжан Есмағамбетова елімізде төрт тілшінің ауырғанын мәлім етті.\n"
        "Онлайн өткен баспасөз мәслихатында бас санитар: «Біздегі мәліметтер бойынша науқастар арасында төрт журналист "
        "бар. Олардың жағдайы қанағаттанарлық», – деді.Барлық құқықтар сақталған.\n"
    )
    story = parse_text(text, language="kk")
    assert _rows(story) == ["lead", "sot Есмағамбетова"]
    assert not any("құқықтар" in line.spoken for line in story.lines)


def test_a_one_sentence_deck_set_apart_like_the_headline_is_the_pages():
    # samal-akparat.com: headline, deck and lead each over two blank lines, the copy's paragraphs over one
    text = (
        "При маловодье много ль будет хлопка?\n\n\n"
        "В области началась уборка хлопка, которую планируется завершить до осенних дождей.\n\n\n"
        "В Туркестанской области официально дан старт уборке хлопка. Церемония прошла в одном из южных районов.\n\n"
        "Хотя поливной воды не хватало, около 80% посевов в хорошем состоянии.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "vo"]
    assert 4 not in {line.source_line for line in story.lines if line.spoken.strip()}


def test_the_headline_shown_again_under_the_lead_ends_the_lead():
    # dairynews.today: the lead, the headline again over the picture, the next paragraph with no blank lines between
    text = (
        "Огромные очереди образовались на элеваторах\n\n"
        "Источник: 24.kz\n"
        "На элеваторах области выстроились длинные очереди. Грузовики с зерном простаивают там сутками.\n"
        "Огромные очереди образовались на элеваторах\n"
        "Сейчас в регионе работают 37 хлебоприемных пунктов общей вместимостью около 3 миллионов тонн.\n\n"
        "«Я уже целые сутки ожидаю своей очереди», - сообщил перевозчик зерна Сапарбек Муканов.\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "vo", "sot Муканов"]


def test_an_aggregators_link_to_the_site_is_not_read():
    # kramatorsk-news.ru: `Читать на сайте Kramatorsk-news.ru`, `Больше новостей на Kramatorsk-news.ru`
    assert furniture("Больше новостей на Kramatorsk-news.ru") == "share or follow prompt"
    assert furniture("Читать на сайте Kramatorsk-news.ru") == "share or follow prompt"


def test_a_caption_under_the_headline_again_and_a_colon_ending_paragraph_keep_the_page_frame():
    # qaz365.kz: headline, deck, the headline again with the picture's caption `КТК`, the copy whose second paragraph
    # brings a deputy in with `… былай деп жауап берді:`
    text = (
        "×\n\nТелеарна қазақша жаңалықтарын қайтадан бес минутқа ұзартты\n\n"
        "Маусым айынан қазақша жаңалықтар бес минутқа көбейіп, 20 минутқа жетті.\n\n"
        "Телеарна қазақша жаңалықтарын қайтадан бес минутқа ұзартты\nКТК\n\n"
        "Соңғы кездері мемлекеттік тілдегі жаңалықтардың уақыты қысқарып жатқанын жазған едік. Сол сыннан сабақ "
        "шығарылды, деп хабарлайды Qaz365.kz.\n\n"
        "Бұрын арнаның қазақша жаңалықтары 25 минут болатын. Мәжілісмен Нартай Серікұлы былай деп жауап берді:\n\n"
        "Жаңалықтардың уақыты қысқарғанын министрлікке ескерттім, бір аптада шешімін табуы керек,- деген еді депутат.\n"
    )
    story = parse_text(text, language="kk")
    assert _rows(story) == ["lead", "vo", "sot Серікұлы"]
    assert 5 not in {line.source_line for line in story.lines if line.spoken.strip()}
    assert story.source == "Qaz365.kz"


def test_other_stories_headlines_listed_under_the_story_are_the_pages():
    # interfax-russia.ru: three headlines with no stop under the copy
    text = (
        "Москва. 14 ноября. ИНТЕРФАКС - Губернатор области Роман Бусаргин сообщил о повреждениях инфраструктуры в "
        "городе из-за атаки беспилотников.\n"
        "\"В результате атаки есть повреждения объектов гражданской инфраструктуры\", - написал глава региона в своем "
        "телеграм-канале.\n"
        "Более 4 тыс. обращений поступило на прямую линию с губернатором\n"
        "Первый заммэра отправлен под домашний арест до февраля\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "sot Бусаргин"]
    assert story.source == "ИНТЕРФАКС"
