"""The package's layering: no import circle, and no module imports one of a higher layer.

Read from the source (an AST walk over every import, at the top, inside functions and under TYPE_CHECKING
alike), so a cycle cannot hide in a function body.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "broadcast"

# Lowest first. A module may import its own layer and those below; the first prefix that matches a module's
# dotted name (without `broadcast.`) places it. The folders read: read -> parse -> languages -> timing ->
# writers | audio -> rundown, with commands on top (languages sits below parse, which uses it).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("errors", "interrupt", "timecode", "resources", "model", "output", "scratch", "registry", "house", "compile_cache")),
    ("languages", ("languages",)),
    ("read", ("read",)),
    # The inputs by suffix sit with the readers: a Word script table is laid out by the CIS labels parse knows.
    ("parse", ("parse", "inputs")),
    ("timing", ("voices", "timing", "readability", "check")),
    ("writers", ("writers",)),
    ("pipeline", ("pipeline",)),
    ("audio", ("audio",)),
    ("rundown", ("rundown",)),
    ("prompter", ("prompter",)),
    ("api", ("api",)),
    ("commands", ("commands", "cli", "__main__", "__init__")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules `name` imports anywhere in its source."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    if name == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                stem = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("broadcast"):
                stem = node.module.removeprefix("broadcast").lstrip(".")
            else:
                continue
            # `from .x import name`: the module x.name when it is one, else x itself
            names = [f"{stem}.{alias.name}".lstrip(".") for alias in node.names]
            targets = [target for target in names if target in known] or [stem]
        elif isinstance(node, ast.Import):
            targets = [alias.name.removeprefix("broadcast").lstrip(".") for alias in node.names if alias.name.startswith("broadcast")]
        for target in targets:
            while target and target not in known:  # `import broadcast.audio.engines.base` names a module; so does each parent
                target = target.rpartition(".")[0]
            if target:
                found.add(target)
    found.discard(name)
    return {module for module in found if module}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def layer(name: str) -> int:
    for index, (_, prefixes) in enumerate(LAYERS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return index
    raise AssertionError(f"broadcast.{name} is in no layer: add it to LAYERS in {__file__}")


def test_every_module_has_a_layer():
    for name in modules():
        layer(name)


def test_no_module_imports_a_higher_layer():
    wrong = [
        f"broadcast.{name} ({LAYERS[layer(name)][0]}) imports broadcast.{other} ({LAYERS[layer(other)][0]})"
        for name, targets in graph().items()
        for other in sorted(targets)
        if layer(other) > layer(name)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for other in sorted(edges.get(name, ())):
            # a package's __init__ importing its own submodules is how packages work, not a circle
            if state.get(other) == 1:
                cycles.append(path[path.index(other):] + [other])
            elif other not in state:
                visit(other)
        path.pop()
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name)
    assert not cycles, "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_the_package_imports_with_every_import_at_the_top():
    """The public front imports everything it needs at module level, and `import broadcast` works."""
    import broadcast
    import broadcast.api
    import broadcast.audio.engines  # the import system sets the subpackage as `broadcast.audio`: it stays the function

    assert callable(broadcast.audio) and callable(broadcast.load) and callable(broadcast.bulletin_audio)
    assert broadcast.audio is broadcast.api.audio


def test_every_module_says_what_it_is_for():
    """Each module opens with a docstring whose first paragraph, one or two lines, says what it is for (more may
    follow after a blank line)."""
    docstrings = {name: ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) for name, path in modules().items()}
    missing = [name for name, doc in docstrings.items() if not doc]
    assert not missing, f"modules without a docstring: {missing}"
    long = [name for name, doc in docstrings.items() if doc and len(doc.split("\n\n")[0].splitlines()) > 2]
    assert not long, f"modules whose docstring opens with more than two lines: {long}"


def test_the_readme_layout_names_every_part_of_the_package():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):]
    layout = layout[: layout.index("\n## ", 3)]
    parts = sorted({path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in PACKAGE.glob("*") if not path.name.startswith("__")})
    unnamed = [part for part in parts if f"`{part}" not in layout]
    assert not unnamed, f"README Layout does not name: {unnamed}"


def test_the_readme_layout_names_every_folder_of_the_repository():
    root = PACKAGE.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):]
    layout = layout[: layout.index("\n## ", 3)]
    folders = sorted(path.name for path in root.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))
                     and path.name not in ("out", "dist", "build") and not path.name.endswith(".egg-info"))
    unnamed = [folder for folder in folders if f"`{folder}/" not in layout]
    assert not unnamed, f"README Layout does not name: {unnamed}"
