"""The architecture is checked by import-linter's contracts in pyproject.toml.

The test command runs `lint-imports` on the real code; these tests show that the contracts
can fail (a copy of app/ with one forbidden import each) and that the engine and the CLI
really run without Qt loaded, which a static check can't see (an import inside a function).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def copy_of_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "app", root / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_real_code_keeps_every_contract(copy_of_app: Path) -> None:
    proc = lint_imports(copy_of_app)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("app/core/leak.py", "import PySide6.QtCore", "Only app.ui knows Qt"),
        ("app/intake/leak.py", "from app.inbox import base", "Layers"),
        ("app/store/leak.py", "import app.engine.desk", "Layers"),
        ("app/ui/leak.py", "from app.store import Store", "only through the engine"),
        ("app/engine/leak.py", "import app.inbox.imap.conn", "picks a backend"),
        ("app/engine/leak2.py", "import imapclient", "stays inside the mailbox backend"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    copy_of_app: Path, module: str, line: str, contract: str
) -> None:
    leak = copy_of_app / module
    leak.write_text(f"{line}\n", encoding="utf-8")
    try:
        proc = lint_imports(copy_of_app)
    finally:
        leak.unlink()
    assert proc.returncode != 0, proc.stdout
    broken = proc.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, proc.stdout


def test_engine_and_cli_run_without_qt_loaded() -> None:
    code = (
        "import sys, app.engine.desk, app.engine.session, app.cli.main, app.intake, "
        "app.store, app.inbox.open, app.core.kpi;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
