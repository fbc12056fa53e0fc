"""The checker is a pure package: no Django, and no import circle inside it."""

import ast
from pathlib import Path

import scaffolding.language as language_package

PURE_MODULES = ("anchors", "glossary", "core", "cli")
PACKAGE = Path(language_package.__file__).parent


def imported_modules(name: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{name}.py").read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):  # walk: imports hidden inside functions count too
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_pure_modules_import_no_django():
    for name in PURE_MODULES:
        assert not {m for m in imported_modules(name) if m.split(".")[0] == "django"}, name


def test_no_import_circle_between_pure_modules():
    graph = {
        name: {
            m.rsplit(".", 1)[-1]
            for m in imported_modules(name)
            if m.startswith("scaffolding.language.") and m.rsplit(".", 1)[-1] in PURE_MODULES
        }
        for name in PURE_MODULES
    }

    def reaches(start: str, target: str, seen: frozenset = frozenset()) -> bool:
        return any(
            nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt}))
            for nxt in graph[start]
        )

    circles = [name for name in PURE_MODULES if reaches(name, name)]
    assert not circles, f"import circle through {circles}: {graph}"
