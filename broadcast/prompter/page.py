"""The prompter page: one self-contained HTML file (styles and script inline, nothing fetched) from an
autoescaped Jinja2 template, so that any text in an article shows as text.

It is the format `page` (.html) of a story and of a bulletin in the one formats table (`broadcast script --to
page`, `broadcast rundown --to page`)."""
from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..errors import UsageError
from ..output import printable
from ..pipeline import Timed
from ..rundown import Bulletin
from ..timecode import format_duration, format_time_of_day
from ..writers import templating
from ..writers.formats import Format, register
from .document import PromptDocument, bulletin_document, story_document

_HERE = Path(__file__).resolve().parent

# The keys, as the help overlay (`?`) lists them; a pedal or shuttle that sends keys works the same.
HELP: tuple[tuple[str, str], ...] = (
    ("Space / Enter", "start · pause (K pauses)"),
    ("↓ / L · ↑ / J", "faster · slower (5% a step); 0 back to 100%"),
    ("PgDn / → · PgUp / ←", "next · previous segment (foot pedals send these)"),
    ("N · P", "next · previous story"),
    ("Home · End", "back to top · the end"),
    ("mouse wheel", "move through the script"),
    ("+ · −", "font size"),
    ("M · V", "mirror · flip upside down"),
    ("[ · ] · \\", "reading marker up · down · show or hide"),
    (", · .", "margins narrower · wider (overscan)"),
    ("C · H", "caps · high contrast"),
    ("F or double click", "full screen"),
    ("?", "this help"),
)


@cache
def _environment() -> jinja2.Environment:
    """The shared sandbox (writers/templating.py), autoescaping for HTML."""
    return templating.environment([_HERE], {"tc": format_duration, "time_of_day": format_time_of_day}, autoescape=True)


@cache
def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def script_hash(js: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script and no other."""
    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


def config(document: PromptDocument, live: dict[str, str] | None = None) -> dict[str, Any]:
    """What the page's script reads: times in ms, the presenter's rate, and the live server to follow."""
    first = next((item for item in document.items if item.wpm), None)
    return {
        "ident": document.ident,
        "duration": document.duration,
        "slot": document.slot,
        "wpm": first.wpm if first else 0,
        "live": live,
    }


def render_script(document: PromptDocument) -> str:
    """The running order alone: what a live server sends its screens when the file changes (an article's
    control characters shown as pictures, as in every text we write)."""
    return printable(_environment().get_template("script.html.j2").render(document=document))


def render_page(document: PromptDocument, live: dict[str, str] | None = None) -> str:
    """The whole page; `live` ({"socket": path, "token": ...}) makes it follow a prompter server."""
    js = _asset("page.js")
    return printable(_environment().get_template("page.html.j2").render(
        document=document,
        config=config(document, live),
        css=Markup(_asset("page.css")),  # our own files, inlined as they are
        js=Markup(js),
        script_hash=script_hash(js),
        live=live is not None,
        help=HELP,
    ))


def _story_page(context: dict[str, Any]) -> str:
    """The story's page from the template context the story formats get (what the pipeline decided, exactly)."""
    exact = context["exact"]
    if context["cast"] is None:
        raise UsageError("the page format needs the story's cast: render it through broadcast.load(...).render('page')")
    timed = Timed(story=context["story"], house=context["house"], cast=context["cast"], timing=exact["timing"],
                  fit=exact["fit"], languages=context["languages"])
    return render_page(story_document(timed))


def _bulletin_page(bulletin: Bulletin) -> str:
    return render_page(bulletin_document(bulletin))


register(Format("page", "story", ".html", write=_story_page, help="the teleprompter page (as `broadcast prompter`)"))
register(Format("page", "bulletin", ".html", write=_bulletin_page, help="the teleprompter page (as `broadcast prompter`)"))
