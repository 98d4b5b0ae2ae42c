"""The layout promises of the README's map: a plain-Python engine with no import cycle,
and no module past ~400 lines."""

import ast
from pathlib import Path

PLANNER = Path(__file__).resolve().parent.parent / "planner"
ENGINE = PLANNER / "planning"
LONGEST_MODULE = 400


def _engine_imports() -> dict[str, set[str]]:
    """Each engine module and the engine modules it imports."""
    names = {path.stem for path in ENGINE.glob("*.py")}
    graph = {}
    for path in ENGINE.glob("*.py"):
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                parts = node.module.split(".") if node.module else []
                if node.level == 1 or parts[:2] == ["planner", "planning"]:
                    tail = parts[2:] if parts[:2] == ["planner", "planning"] else parts
                    imported |= {tail[0]} if tail else {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("planner.planning."):
                        imported.add(alias.name.split(".")[2])
        graph[path.stem] = (imported & names) - {path.stem}
    return graph


def _a_cycle(graph):
    """One import cycle as a list of modules, or None."""
    state = {}

    def visit(module, trail):
        state[module] = "open"
        for other in sorted(graph[module]):
            if state.get(other) == "open":
                return trail[trail.index(other) :] + [other]
            if other not in state and (found := visit(other, trail + [other])):
                return found
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module, [module])):
            return found
    return None


def test_the_engine_has_no_import_cycle():
    graph = _engine_imports()
    assert graph["engine"], "the import reader found no engine imports at all"
    assert _a_cycle(graph) is None, _a_cycle(graph)


def test_the_cycle_finder_finds_a_cycle():
    assert _a_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_engine_imports_no_django():
    for path in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [alias.name for alias in getattr(node, "names", [])]
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert not any(m.split(".")[0] == "django" for m in modules), path.name


def test_no_module_is_past_the_length_limit():
    long = []
    for path in PLANNER.rglob("*"):
        if path.suffix in {".py", ".js", ".html", ".css"} and "migrations" not in path.parts:
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > LONGEST_MODULE:
                long.append(f"{path.relative_to(PLANNER)}: {lines}")
    assert not long
