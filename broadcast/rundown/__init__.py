"""Bulletins: a rundown file of stories, breaks and stings timed to end on the second.

    >>> from broadcast.rundown import load_bulletin
    >>> bulletin = load_bulletin("examples/evening-bulletin.toml")
    >>> bulletin.timing.over, [cut.slug for cut in bulletin.fit.cuts]
"""
from .bulletin import Bulletin, build, load_bulletin, page_numbers
from .file import read_rundown
from .mos import write_mos
from .model import BulletinFit, BulletinTiming, Entry, Item, ItemTiming, Rundown
from .writers import render_bulletin
from .timing import apply_fit, fit_bulletin, time_bulletin, time_items

__all__ = [
    "Bulletin", "BulletinFit", "BulletinTiming", "Entry", "Item", "ItemTiming", "Rundown",
    "apply_fit", "build", "fit_bulletin", "load_bulletin", "page_numbers", "read_rundown", "render_bulletin", "time_bulletin", "time_items",
    "write_mos",
]
