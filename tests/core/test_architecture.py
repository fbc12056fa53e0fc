"""The shape of the code, checked: apps import only apps below them, and every module
scopes reads through the tenancy helpers rather than hand-written partnership filters.

Both checks read the source with ``ast``, so an import hidden inside a function, or a
filter in a rarely used view, counts as much as one at the top of a module.
"""

import ast
from pathlib import Path

import scaffolding

SOURCE = Path(scaffolding.__file__).parent

# The ground floor first. An app may import only apps before it in this list.
# Apps not built yet (or built on another branch) are simply skipped.
LAYERS = [
    "core",
    "accounts",
    "workforce",
    "supervision",
    "language",
    "voice",
    "relationships",
    "carers",
    "progress",
]


# Known exceptions, each with its reason; anything else going up the layers fails.
# (Empty: the demo foundation moved to accounts/demo.py and workforce/demo.py.)
NOT_YET_MOVED: dict[str, set[str]] = {}


def _python_files(folder: Path):
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imported_modules(path: Path):
    """Every module a file imports, absolute, with the line (top level or in functions)."""
    package = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module, node.lineno
            # `from scaffolding import workforce` imports the app itself.
            if module == "scaffolding":
                for alias in node.names:
                    yield f"scaffolding.{alias.name}", node.lineno


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "scaffolding" and parts[1] in LAYERS:
        return parts[1]
    return None


def upward_imports(app: str, folder: Path):
    rank = LAYERS.index(app)
    found = []
    for path in _python_files(folder):
        for module, line in _imported_modules(path):
            target = _app_of(module)
            allowed = NOT_YET_MOVED.get(str(path.relative_to(SOURCE)), set())
            if target and LAYERS.index(target) > rank and module not in allowed:
                found.append(f"{path.relative_to(SOURCE)}:{line} imports {module}")
    return found


def test_the_layer_order_names_every_app_in_the_source_tree():
    apps_here = {p.parent.name for p in SOURCE.glob("*/apps.py")}
    assert apps_here <= set(LAYERS), f"Add {apps_here - set(LAYERS)} to LAYERS"


def test_no_app_imports_an_app_above_it():
    offenders = []
    for app in LAYERS:
        folder = SOURCE / app
        if folder.is_dir():
            offenders += upward_imports(app, folder)
    assert offenders == [], "Imports that go up the layers:\n" + "\n".join(offenders)


def test_the_layer_check_sees_imports_inside_functions_and_relative_ones(tmp_path):
    app = tmp_path / "scaffolding" / "accounts"
    app.mkdir(parents=True)
    (app / "views.py").write_text(
        "def view():\n    from scaffolding.workforce.register import link_account\n"
        "from ..progress import models\n"
    )
    global SOURCE
    saved, SOURCE = SOURCE, tmp_path / "scaffolding"
    try:
        found = upward_imports("accounts", app)
    finally:
        SOURCE = saved
    assert sorted(line.split(" imports ")[1] for line in found) == [
        "scaffolding.progress",
        "scaffolding.workforce.register",
    ]


# ---- Hand-written partnership filters ------------------------------------------------

# Calls that read rows by keyword lookups.
LOOKUP_CALLS = {
    "filter",
    "exclude",
    "get",
    "get_or_create",
    "update_or_create",
    "get_object_or_404",
    "get_list_or_404",
    "get_for_user",
    "Q",
}


# A value naming a column of the outer query: a correlation inside a subquery
# (`filter(partnership_id=OuterRef("partnership_id"))`), not a read across the boundary.
CORRELATIONS = {"OuterRef", "F"}


def _is_partnership_lookup(keyword: str | None) -> bool:
    """`partnership`, `partnership_id`, `partnership__...`, or the same through a relation
    (`organisation__partnership_id`): a model on the tenancy base has its own column."""
    if keyword is None:
        return False
    return any(part in ("partnership", "partnership_id") for part in keyword.split("__"))


def _is_correlation(value: ast.expr) -> bool:
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return called in CORRELATIONS


def _lookups(call: ast.Call):
    """(keyword, value) for each keyword lookup, `**{"partnership_id": pk}` included."""
    for kw in call.keywords:
        if kw.arg is not None:
            yield kw.arg, kw.value
        elif isinstance(kw.value, ast.Dict):
            for key, value in zip(kw.value.keys, kw.value.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    yield key.value, value


def hand_written_filters(source: str, name: str):
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if called not in LOOKUP_CALLS:
            continue
        found += [
            f"{name}:{node.lineno} {called}({keyword}=...)"
            for keyword, value in _lookups(node)
            if _is_partnership_lookup(keyword) and not _is_correlation(value)
        ]
    return found


# Lookups on models that are not on the tenancy base (no `partnership` column of their
# own, so no `in_partnership`), as "<module> <call>(<keyword>=...)", each with its reason.
# Anything else found by `hand_written_filters` fails.
NOT_PARTNERSHIP_OWNED = {
    "accounts/views.py filter(additional_data__partnership_id=...)": (
        "django-auditlog's LogEntry is not ours; each change writes its partnership there"
    ),
    "progress/measures.py filter(initiative__partnership_id=...)": (
        "Initiative.items.through, Django's many-to-many table, has no partnership column"
    ),
    "workforce/gaps.py filter(learningactivity__partnership_id=...)": (
        "LearningActivity.topics.through, Django's many-to-many table, has no partnership column"
    ),
}


def _without_line(found: str) -> str:
    where, call = found.split(" ", 1)
    return f"{where.rpartition(':')[0]} {call}"


def partnership_filters_in(paths, root: Path):
    """Hand-written partnership lookups in these modules, less the allowed ones."""
    found = []
    for path in paths:
        name = path.relative_to(root).as_posix()
        found += hand_written_filters(path.read_text(encoding="utf-8"), name)
    return [line for line in found if _without_line(line) not in NOT_PARTNERSHIP_OWNED]


def _every_module(root: Path):
    """Every module of the source tree but migrations and the tenancy helpers themselves."""
    return [
        path
        for path in _python_files(root)
        if "migrations" not in path.relative_to(root).parts
        and path.relative_to(root).as_posix() != "core/tenancy.py"
    ]


def _views_modules():
    """Every module that answers requests: views.py, views/ packages, reports.py."""
    for app in SOURCE.iterdir():
        if not (app / "apps.py").exists():
            continue
        yield from sorted(app.glob("views*.py"))
        yield from sorted((app / "views").glob("*.py")) if (app / "views").is_dir() else []
        yield from sorted(app.glob("reports.py"))


def test_views_never_filter_on_the_partnership_by_hand():
    modules = list(_views_modules())
    assert len(modules) >= 5
    offenders = partnership_filters_in(modules, SOURCE)
    assert offenders == [], (
        "Use Model.objects.for_user(request.user) or get_for_user(...) instead of:\n"
        + "\n".join(offenders)
    )


def test_no_module_filters_on_the_partnership_by_hand():
    """Beyond views: forms, imports, reports' helpers, measures, demo data, commands."""
    modules = _every_module(SOURCE)
    assert len(modules) >= 100
    offenders = partnership_filters_in(modules, SOURCE)
    assert offenders == [], (
        "Use Model.objects.in_partnership(pk) / .for_user(user) or get_for_user(...) "
        "(or, for a model with no partnership column, add it to NOT_PARTNERSHIP_OWNED "
        "with its reason) instead of:\n" + "\n".join(offenders)
    )


def test_every_allowed_lookup_is_still_there():
    found = set()
    for path in _every_module(SOURCE):
        name = path.relative_to(SOURCE).as_posix()
        found |= {
            _without_line(line)
            for line in hand_written_filters(path.read_text(encoding="utf-8"), name)
        }
    assert set(NOT_PARTNERSHIP_OWNED) - found == set(), "Remove stale NOT_PARTNERSHIP_OWNED entries"


def test_the_whole_tree_check_fails_on_a_new_offender_outside_views(tmp_path):
    root = tmp_path / "scaffolding"
    for folder in ("workforce/migrations", "core", "progress"):
        (root / folder).mkdir(parents=True)
    (root / "workforce" / "gaps.py").write_text(
        "def people(pk):\n"
        "    return Person.objects.filter(partnership_id=pk)\n"
        "def taught(pk):\n"
        "    return LearningActivity.topics.through.objects.filter(\n"
        "        learningactivity__partnership_id=pk\n"
        "    )\n"
    )
    (root / "progress" / "forms.py").write_text(
        "teams = Team.objects.filter(organisation__partnership_id=pk)\n"
    )
    (root / "workforce" / "migrations" / "0002_fill.py").write_text(
        "rows = Person.objects.filter(partnership_id=1)\n"
    )
    (root / "core" / "tenancy.py").write_text("rows = self.filter(partnership_id=pk)\n")
    modules = _every_module(root)
    assert [p.relative_to(root).as_posix() for p in modules] == [
        "progress/forms.py",
        "workforce/gaps.py",
    ]
    assert partnership_filters_in(modules, root) == [
        "progress/forms.py:1 filter(organisation__partnership_id=...)",
        "workforce/gaps.py:2 filter(partnership_id=...)",
    ]


def test_the_filter_check_leaves_correlations_and_sees_relations_and_unpacked_keywords():
    source = (
        "a = Person.objects.filter(partnership_id=OuterRef('partnership_id'))\n"
        "b = Q(partnership=models.OuterRef('partnership'))\n"
        "c = Session.objects.exclude(partnership_id=F('person__partnership_id'))\n"
        "d = Team.objects.filter(organisation__partnership_id=pk)\n"
        "e = Person.objects.filter(**{'partnership_id': pk})\n"
        "f = Person.objects.filter(**{field: pk}, partnership__slug='x')\n"
        "g = Team.objects.in_partnership(pk).filter(organisation__name='x')\n"
    )
    assert [line.split(" ", 1)[1] for line in hand_written_filters(source, "m.py")] == [
        "filter(organisation__partnership_id=...)",
        "filter(partnership_id=...)",
        "filter(partnership__slug=...)",
    ]


def test_the_filter_check_catches_each_spelling():
    source = (
        "a = Person.objects.filter(partnership_id=request.user.partnership_id)\n"
        "b = Story.objects.exclude(partnership=request.user.partnership)\n"
        "c = Q(partnership__slug='x')\n"
        "d = get_object_or_404(Session, pk=1, partnership_id=2)\n"
        "e = Person.objects.for_user(request.user)\n"
        "f = Session(partnership_id=2)\n"
    )
    assert [line.split(" ", 1)[1] for line in hand_written_filters(source, "v.py")] == [
        "filter(partnership_id=...)",
        "exclude(partnership=...)",
        "Q(partnership__slug=...)",
        "get_object_or_404(partnership_id=...)",
    ]
