"""Build the one-folder bundle on this machine, report its size, and (Linux) make the tarball.

    .venv/bin/python packaging/build.py            dist/leadpop/, and the tarball or installer
    .venv/bin/python packaging/build.py --compare  also an untrimmed build: size before/after

Needs `pip install -e ".[package]"` (PyInstaller). Bundles are not cross-compiled: build the
Windows bundle on Windows (py -m venv .venv; .venv/Scripts/python packaging/build.py), the
Linux one on Linux. On Windows it then compiles packaging/windows/leadpop.iss with Inno Setup
6 when that is installed; on Linux it packs dist/leadpop-<version>-linux-<arch>.tar.gz.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bundle_rules as rules  # noqa: E402

SPEC = HERE / "leadpop.spec"
LINUX_FILES = ("install.sh", "uninstall.sh", "leadpop.desktop", "README.txt")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def pyinstaller(dist: Path, work: Path, full: bool) -> Path:
    env = {**os.environ, rules.ENV_FULL: "1" if full else "0"}
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return dist / rules.NAME


def version() -> str:
    """The one version: the installed package's metadata (pyproject.toml)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("leadpop")
    except PackageNotFoundError:
        sys.exit("error: leadpop is not installed in this Python: pip install -e '.[package]'")


def inno_setup(out_dir: Path) -> Path | None:
    """Windows: compile packaging/windows/leadpop.iss when Inno Setup's iscc is installed."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    candidate = default / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and candidate.is_file():
        iscc = str(candidate)
    if iscc is None:
        print(
            "Inno Setup not found: install it, then run  iscc /DAppVersion="
            f"{version()} packaging\\windows\\leadpop.iss"
        )
        return None
    subprocess.run(
        [iscc, f"/DAppVersion={version()}", str(HERE / "windows" / "leadpop.iss")], check=True
    )
    return out_dir / f"leadpop-{version()}-setup.exe"


def tarball(bundle: Path, out_dir: Path) -> Path:
    """leadpop-<version>-linux-<machine>.tar.gz: the bundle plus the ~/.local installer."""
    name = f"leadpop-{version()}-linux-{os.uname().machine}"
    target = out_dir / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=f"{name}/leadpop")
        for file in LINUX_FILES:
            tar.add(HERE / "linux" / file, arcname=f"{name}/{file}")
    return target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    p.add_argument("--compare", action="store_true", help="also build untrimmed and compare")
    p.add_argument("--no-tarball", action="store_true", help="Linux: no .tar.gz")
    p.add_argument("--no-installer", action="store_true", help="Windows: no setup .exe")
    args = p.parse_args(argv)

    version()  # fails early, with a clear message, without package metadata
    # The compiled translations are built, not committed: make sure the bundle gets them.
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_translations.py")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    if args.compare:
        started = time.monotonic()
        full = pyinstaller(args.dist / "untrimmed", args.work / "untrimmed", full=True)
        print(f"untrimmed bundle: {mb(size_of(full))} ({time.monotonic() - started:.0f} s)")
    started = time.monotonic()
    bundle = pyinstaller(args.dist, args.work / "trimmed", full=False)
    print(f"bundle: {bundle} {mb(size_of(bundle))} ({time.monotonic() - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_tarball:
        target = tarball(bundle, args.dist)
        print(f"tarball: {target} {mb(target.stat().st_size)}")
    if sys.platform == "win32" and not args.no_installer:
        setup = inno_setup(args.dist)
        if setup is not None:
            print(f"installer: {setup}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
