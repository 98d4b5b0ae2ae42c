"""The layout promises of issue #11 and the README's map: a plain-Python engine with no
import cycle, and no module in the app past 400 lines."""

import ast
import subprocess
import sys
from pathlib import Path

PLANNER = Path(__file__).resolve().parent.parent / "planner"
ENGINE = PLANNER / "planning"
LONGEST_MODULE = 400


def _module_name(path: Path) -> str:
    """planning/x.py → "x"; planning/__init__.py → "__init__"; a subpackage → "sub.x"."""
    return ".".join(path.relative_to(ENGINE).with_suffix("").parts)


def _imported_nodes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def _engine_imports() -> dict[str, set[str]]:
    """Each engine module and the engine modules it imports (at any level of the file). A
    name taken from the package itself (`from . import make_plan`) is an edge to __init__."""
    paths = list(ENGINE.rglob("*.py"))
    names = {_module_name(path) for path in paths}
    graph = {}
    for path in paths:
        imported = set()
        for node in _imported_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("planner.planning")]
                imported |= {".".join(t.split(".")[2:]) or "__init__" for t in targets}
                continue
            if node.level:
                tail = (node.module or "").split(".") if node.module else []
            elif (node.module or "").startswith("planner.planning"):
                tail = node.module.split(".")[2:]
            else:
                continue
            if tail:
                imported.add(".".join(tail))
            else:
                for alias in node.names:
                    imported.add(alias.name if alias.name in names else "__init__")
        graph[_module_name(path)] = (imported & names) - {_module_name(path)}
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
    assert {"types", "parameters", "roads"} <= graph["engine"] | graph["travel"]
    assert _a_cycle(graph) is None, _a_cycle(graph)


def test_the_cycle_finder_finds_a_cycle():
    assert _a_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _a_cycle({"a": {"b"}, "b": set()}) is None


def test_the_engine_runs_without_django_and_the_rest_of_the_app():
    """Importing and running the engine loads no Django and no other part of planner."""
    script = (
        "import sys, planner.planning as engine; engine.make_plan; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'django' or "
        "(m.startswith('planner.') and not m.startswith('planner.planning'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PLANNER.parent, capture_output=True, text=True,
        timeout=60, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_past_the_length_limit():
    counted, long = 0, []
    for path in PLANNER.rglob("*"):
        if path.suffix in {".py", ".js", ".html", ".css"} and "migrations" not in path.parts:
            counted += 1
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > LONGEST_MODULE:
                long.append(f"{path.relative_to(PLANNER)}: {lines}")
    assert counted > 50 and not long, long
