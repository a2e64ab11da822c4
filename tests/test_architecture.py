"""The engine's shape: each package imports only the packages below it, and only build/ imports MkDocs.

  core  <  content  <  news, plans  <  pages  <  views, output  <  build

Packages on one level do not import each other (news and plans are
independent; views and output too). The hook entry (hooks/campaign_hooks.py)
and the command-line tools (campaign/cli.py, campaign/edit.py) sit outside, above everything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.quick

ENGINE = Path(__file__).resolve().parent.parent / "hooks" / "campaign"
LEVELS = {"core": 0, "content": 1, "news": 2, "plans": 2, "pages": 3, "views": 4, "output": 4, "build": 5}
OUTSIDE = {"__init__", "cli", "edit"}  # campaign/__init__.py and the command-line tools
MKDOCS = ("mkdocs", "material")
MAX_LINES = 400


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`, the code of module `module` (campaign.news.reader)."""
    package = module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            # `from . import x` and `from .pkg import mod` may name modules too.
            found += [(node.lineno, name)] + [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def violations(source: str, module: str) -> list[str]:
    """What is wrong with the imports of one engine module."""
    parts = module.split(".")
    own = parts[1]
    problems: dict[str, None] = {}  # one message per import statement and package
    for line, name in imported_modules(source, module):
        target = name.split(".")
        if target[0] in MKDOCS and own != "build":
            problems[f"{module}:{line}: imports {target[0]}; only campaign.build may import MkDocs or Material"] = None
        if target[0] != "campaign" or len(target) < 2 or target[1] == own:
            continue
        imported = "campaign." + target[1]
        if target[1] in OUTSIDE:
            problems[f"{module}:{line}: imports {imported}, which sits outside the layers"] = None
        elif target[1] in LEVELS and LEVELS[target[1]] >= LEVELS[own]:
            problems[f"{module}:{line}: imports {imported}; {own} (level {LEVELS[own]}) may import only lower levels"] = None
    return list(problems)


def engine_modules() -> list[tuple[str, Path]]:
    return [
        (".".join(("campaign", *path.relative_to(ENGINE).with_suffix("").parts)), path)
        for path in sorted(ENGINE.rglob("*.py"))
    ]


def test_every_module_is_in_a_layer_or_outside_them():
    for module, path in engine_modules():
        parts = module.split(".")
        assert (len(parts) == 2 and parts[1] in OUTSIDE) or (len(parts) == 3 and parts[1] in LEVELS), path


@pytest.mark.parametrize("module, path", engine_modules(), ids=lambda value: value if isinstance(value, str) else "")
def test_imports_go_down_the_layers(module, path):
    if module.split(".")[1] in OUTSIDE:
        return
    assert violations(path.read_text(encoding="utf-8"), module) == []


def test_modules_stay_small():
    sizes = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in engine_modules()}
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}


@pytest.mark.parametrize("source, module, expected", [
    ("from ..views.pages import PageViews", "campaign.news.reader", "news (level 2) may import only lower levels"),
    ("from ..plans.model import Plan", "campaign.news.collections", "news (level 2) may import only lower levels"),
    ("from ..output import feeds", "campaign.views.news", "views (level 4) may import only lower levels"),
    ("import mkdocs.config", "campaign.core.settings", "only campaign.build may import MkDocs"),
    ("from material.plugins import x", "campaign.output.search", "only campaign.build may import MkDocs"),
    ("from campaign.build.engine import LanguageBuild", "campaign.pages.kinds", "pages (level 3) may import only lower levels"),
    ("from .. import cli", "campaign.build.engine", "sits outside the layers"),
])
def test_the_check_finds_wrong_imports(source, module, expected):
    found = violations(source, module)
    assert len(found) == 1 and expected in found[0], found


def test_the_check_allows_imports_down_and_within_a_package():
    source = "from ..core.urls import UrlScheme\nfrom .model import NewsItem\nfrom . import model\nimport yaml\n"
    assert violations(source, "campaign.news.reader") == []
