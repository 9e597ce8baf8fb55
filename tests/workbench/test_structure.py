"""The shape the architecture promises: no class grows into a hub of everything.

Issue 17 split the 49-method ``Workbench`` and the 52-method ``MainWindow`` into managers,
ops and controllers; these tests keep it that way. They read the source with ``ast``, so
they need neither Qt nor a database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MOST_METHODS_IN_A_CLASS = 30
MOST_METHODS_IN_THE_MAIN_WINDOW = 24


def _classes(package: str) -> list[tuple[str, ast.ClassDef]]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [(f"{path.relative_to(ROOT)}:{node.name}", node)
                  for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    return found


def _method_count(cls: ast.ClassDef) -> int:
    return sum(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in cls.body)


@pytest.mark.parametrize("package", ["workbench", "ui"])
def test_no_class_has_more_than_thirty_methods(package: str) -> None:
    too_big = {name: _method_count(cls) for name, cls in _classes(package)
               if _method_count(cls) > MOST_METHODS_IN_A_CLASS}
    assert too_big == {}


def test_the_main_window_only_composes() -> None:
    (window,) = [cls for name, cls in _classes("ui") if name.endswith(":MainWindow")]
    assert _method_count(window) <= MOST_METHODS_IN_THE_MAIN_WINDOW


def test_the_counter_sees_methods() -> None:
    """A guard for the guard: the ast walk finds a known class's methods."""
    tree = ast.parse("class A:\n    def a(self): ...\n    async def b(self): ...\n    x = 1\n")
    (cls,) = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    assert _method_count(cls) == 2
