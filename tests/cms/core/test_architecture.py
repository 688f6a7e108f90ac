"""`cms.core` is the base the content apps build on: it imports none of them, so any app
can be removed or added without touching it."""

import ast
from pathlib import Path

import cms.core

CORE_DIR = Path(cms.core.__file__).parent
# Every first-party package except the base itself.
FORBIDDEN_PREFIXES = ("cms.", "coeurdeville", "community", "search", "newsletter")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def _forbidden(module: str) -> bool:
    if module == "cms.core" or module.startswith("cms.core."):
        return False
    return module.startswith(FORBIDDEN_PREFIXES)


def test_core_imports_no_content_app():
    offending = {
        f"{path.relative_to(CORE_DIR)}: {module}"
        for path in CORE_DIR.rglob("*.py")
        for module in _imported_modules(path)
        if _forbidden(module)
    }
    assert not offending, sorted(offending)


def test_the_check_sees_a_content_app_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from cms.home.models import HomePage\nimport cms.news.models\nfrom . import blocks\n"
    )
    assert {m for m in _imported_modules(sample) if _forbidden(m)} == {
        "cms.home.models",
        "cms.news.models",
    }
