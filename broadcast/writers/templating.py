"""The one Jinja2 environment every template is rendered in: house styles', users' own, the prompter page's.

A template is data from a file, never code: it runs in Jinja2's immutable sandbox, sees only the values and
filters handed to it, may read attributes of our own model objects and of plain values (text, numbers,
lists), and nothing else — no paths, no modules, no `__globals__`. A template that loops forever through a
macro, builds a gigantic string, or is not text at all is one InputError naming it.
"""
from __future__ import annotations

import operator
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import InputError

# What a template may make with * and **: a rule of dashes is fine, a string of a gigabyte is not.
MAX_PRODUCT = 1_000_000
MAX_EXPONENT = 1000
# Modules whose objects a template may look into: ours (the model, the house), Jinja2's own helpers
# (loop, cycler, namespace), markupsafe's escaped text and builtins (str, list, dict methods; the sandbox keeps them read-only).
_OPEN_MODULES = ("broadcast.", "jinja2.", "markupsafe")
_GLOBALS = ("range", "dict", "cycler", "joiner", "namespace")


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Whether an attribute is safe depends on the object's type and the attribute's name only (Jinja2's
        # own rules ask isinstance and the name, ours the type's module): decided once for each pair, not at
        # every `{{ line.text }}` of every line.
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = self._is_safe(obj, attr, value)
        return safe

    def _is_safe(self, obj: Any, attr: str, value: Any) -> bool:
        module = type(obj).__module__
        if module != "builtins" and not module.startswith(_OPEN_MODULES):
            return False  # e.g. a Path: its read_text() would read any file
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise jinja2.sandbox.SecurityError(f"exponent over {MAX_EXPONENT} in a template")
            return operator.pow(left, right)
        for count, thing in ((right, left), (left, right)):
            if isinstance(count, int) and _size(thing) * count > MAX_PRODUCT:
                raise jinja2.sandbox.SecurityError(f"result too large for a template (over {MAX_PRODUCT:,} items)")
        return operator.mul(left, right)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 1


def environment(
    folders: list[Path], filters: dict[str, Callable[..., Any]], autoescape: bool | Callable[[str | None], bool] = False
) -> jinja2.Environment:
    """The sandboxed environment loading templates from `folders` (first wins) with only `filters` added to
    Jinja2's own. `autoescape` for HTML output (the prompter page), or a function of the template's name
    (Markdown)."""
    env = _Sandbox(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,  # a typo in a user's template is an error, not a blank
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=autoescape,
    )
    env.globals = {name: env.globals[name] for name in _GLOBALS if name in env.globals}
    env.filters.update(filters)
    return env


def render_template(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    """Template `name` of `env` filled with `values`; any fault of the template is an InputError naming it."""
    try:
        out = env.get_template(name).render(values)
    except jinja2.TemplateError as error:
        lineno = getattr(error, "lineno", None)
        where = f" line {lineno}" if lineno else ""
        raise InputError(f"template {name}{where}: {_one_line(error.message or str(error))}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"template {name}: not UTF-8 text (byte {error.start}); a template is a text file") from None
    except RecursionError:
        raise InputError(f"template {name}: calls itself without end (a recursive macro or include)") from None
    except MemoryError:
        raise InputError(f"template {name}: needs more memory than a script may take") from None
    except OSError as error:
        raise InputError(f"template {name}: cannot read ({error.strerror or error})") from None
    except (ArithmeticError, TypeError, ValueError, LookupError) as error:
        # What the template's own expressions do wrong (1/0, 'a' + 1, the sandbox's range limit): its fault.
        raise InputError(f"template {name}: {type(error).__name__}: {_one_line(str(error))}") from None
    if name.endswith(".md.j2"):
        # Escaped as HTML (autoescape), but quotation marks are harmless where no tag can open (< and > are
        # escaped): the script keeps its quotes readable.
        out = out.replace("&#34;", '"').replace("&#39;", "'")
    return out


def _one_line(message: str) -> str:
    return " ".join(message.split())
