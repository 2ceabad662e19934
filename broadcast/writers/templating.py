"""The one Jinja2 environment every template is rendered in: house styles', users' own, the prompter page's.

A template is data from a file, never code: it runs in Jinja2's immutable sandbox, sees only the values and
filters handed to it, may read attributes of our own model objects and of plain values (text, numbers,
lists), and nothing else — no paths, no modules, no `__globals__`. A template that loops forever through a
macro, builds a gigantic string, or is not text at all is one InputError naming it.
"""
from __future__ import annotations

import contextlib
import operator
import os
import signal
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

try:  # not on Windows
    import resource
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import InputError
from ..resources import packaged

# What a template may make with * and **: a rule of dashes is fine, a string of a gigabyte is not.
MAX_PRODUCT = 1_000_000
MAX_EXPONENT = 1000
MAX_TEMPLATE_BYTES = 5_000_000  # as an article: a template this large is a mistake
# What one render may take beyond what the process holds: a script of a 5 MB article is tens of MB and a
# second or two.
MAX_TEMPLATE_MEMORY = 2_000_000_000
MAX_CPU_SECONDS = 60
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


class _Loader(jinja2.FileSystemLoader):
    """Jinja2's file loader, kept inside its folders: a template (or an include) that is a link out of the folder
    it was found in is refused, as a rundown's story is (a house style sent with a rundown cannot read
    /etc/passwd into a script through a link), and so is one too large to be a template."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            found = os.path.join(folder, *pieces)
            if os.path.isfile(found):
                real, root = os.path.realpath(found), os.path.realpath(folder)
                if os.path.commonpath([real, root]) != root:
                    raise jinja2.TemplateNotFound(template, f"{template} is a link out of its folder {folder}; not read")
                if os.path.getsize(found) > MAX_TEMPLATE_BYTES:
                    raise jinja2.TemplateNotFound(template, f"{template} is more than 5 MB; not a template")
                break
        return super().get_source(environment, template)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 1


def environment(
    folders: list[Path], filters: dict[str, Callable[..., Any]], autoescape: bool | Callable[[str | None], bool] = False
) -> jinja2.Environment:
    """The sandboxed environment loading templates from `folders` (first wins) with only `filters` added to
    Jinja2's own. `autoescape` for HTML output (the prompter page), or a function of the template's name
    (Markdown)."""
    env = _Sandbox(
        loader=_Loader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,  # a typo in a user's template is an error, not a blank
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=autoescape,
    )
    env.globals = {name: env.globals[name] for name in _GLOBALS if name in env.globals}
    env.filters.update(filters)
    env.ours = all(_packaged(folder) for folder in folders)  # type: ignore[attr-defined]
    return env


def _packaged(folder: Path) -> bool:
    """Whether `folder` is inside the templates that come with the package (the bundled house styles, the
    prompter page's): ours, as trusted as the code."""
    root, real = os.path.realpath(packaged("templates")), os.path.realpath(folder)
    return real == root or real.startswith(root + os.sep)


def render_template(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    """Template `name` of `env` filled with `values`; any fault of the template is an InputError naming it."""
    try:
        # Only a template of the user's (a house style of theirs, --template) is bounded in memory and CPU: the
        # bundled ones are ours, and the bounds' system calls cost a quarter of a millisecond a render (a
        # batch's thousand articles paid them a thousand times).
        with contextlib.nullcontext() if getattr(env, "ours", False) else _bounded():
            out = env.get_template(name).render(values)
    except _TooLong:
        raise InputError(f"template {name}: ran over {MAX_CPU_SECONDS} s of CPU (a loop without end?)") from None
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


class _TooLong(Exception):
    """A template's render ran over its CPU time."""


def _over_time(signum: int, frame: Any) -> None:
    raise _TooLong


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """While a template renders: at most MAX_TEMPLATE_MEMORY more address space (a bigger string is a
    MemoryError at once, where `'x'|center(10**10)` filled 10 GB for a minute) and, in the main thread, at most
    MAX_CPU_SECONDS more CPU (nested loops over range() run for hours). The earlier limits come back after."""
    if not hasattr(resource, "RLIMIT_AS"):
        yield
        return
    limits = {which: resource.getrlimit(which) for which in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}
    with contextlib.ExitStack() as stack:
        try:
            pages = int(Path("/proc/self/statm").read_text().split()[0])
            _lower(stack, resource.RLIMIT_AS, pages * resource.getpagesize() + MAX_TEMPLATE_MEMORY, limits)
        except (OSError, ValueError, IndexError):
            pass  # no /proc: no memory bound, as on other systems
        if threading.current_thread() is threading.main_thread():
            used = resource.getrusage(resource.RUSAGE_SELF)
            stack.callback(signal.signal, signal.SIGXCPU, signal.signal(signal.SIGXCPU, _over_time))
            _lower(stack, resource.RLIMIT_CPU, int(used.ru_utime + used.ru_stime) + 1 + MAX_CPU_SECONDS, limits)
        yield


def _lower(stack: contextlib.ExitStack, which: int, soft: int, limits: dict[int, tuple[int, int]]) -> None:
    """Lower `which`'s soft limit to `soft` (never raise it, never past the hard limit) until the stack closes."""
    earlier, hard = limits[which]
    if earlier != resource.RLIM_INFINITY and earlier <= soft:
        return
    if hard != resource.RLIM_INFINITY and soft > hard:
        return
    try:
        resource.setrlimit(which, (soft, hard))
    except (OSError, ValueError):
        return
    stack.callback(resource.setrlimit, which, (earlier, hard))


def _one_line(message: str) -> str:
    return " ".join(message.split())
