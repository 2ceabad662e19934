"""The teleprompter page and its live server: a story or a bulletin on the glass, scrolled at the script's timing.

    >>> from broadcast.prompter import story_document, render_page
"""
from .document import PromptDocument, bulletin_document, carry_position, story_document
from .page import render_page, render_script

__all__ = ["PromptDocument", "bulletin_document", "carry_position", "render_page", "render_script", "story_document"]
