"""The packaging recipes, checked as far as a Linux machine can: the Windows installer names
what the bundle recipe builds, the Linux menu entry is valid, install.sh installs into
~/.local and uninstall.sh keeps the data. (tests/packaging builds and runs a real bundle.)"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from app.system import autostart

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "leadpop.iss"
ICONS = ROOT / "app" / "resources" / "icons"
sys.path.insert(0, str(PACKAGING))

import bundle_rules as rules  # noqa: E402


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def need(tool: str) -> str:
    """The tool's path; skipped where it isn't installed, but CI must have it."""
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing (scripts/setup.sh installs it)")
        pytest.skip(f"{tool} is not installed")
    return found


# -- Windows: the Inno Setup recipe ----------------------------------------------------------


def sections(text: str) -> dict[str, list[str]]:
    """The .iss as {section: its lines}, without comments and blank lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return found


def entries(lines: list[str]) -> list[dict[str, str]]:
    """Inno Setup's `Name: "value"; Other: value` lines as dicts."""
    out = []
    for line in lines:
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        out.append({k: v.strip().strip('"').replace('""', '"') for k, v in fields})
    return out


ISS_TEXT = ISS.read_text(encoding="utf-8")
ISS_SECTIONS = sections(ISS_TEXT)


def setup_values() -> dict[str, str]:
    return dict(line.split("=", 1) for line in ISS_SECTIONS["Setup"])


def test_the_installer_is_per_user():
    setup = setup_values()
    assert setup["PrivilegesRequired"] == "lowest"  # no admin rights needed
    assert setup["DefaultDirName"].startswith(("{userpf}", "{localappdata}"))
    assert (ISS.parent / setup["SetupIconFile"]).is_file()
    assert setup["UninstallDisplayIcon"] == rf"{{app}}\{rules.executables('win32')[0]}"


def test_the_installer_takes_exactly_what_the_bundle_recipe_builds():
    bundle_files = {*rules.executables("win32"), r"_internal\*"}
    sources = [e["Source"] for e in entries(ISS_SECTIONS["Files"])]
    from_bundle = {s.removeprefix("{#Bundle}\\") for s in sources if s.startswith("{#Bundle}")}
    assert from_bundle == bundle_files
    assert '#define Bundle "..\\..\\dist\\' + rules.NAME + '"' in ISS_TEXT  # build.py's output
    others = [s for s in sources if not s.startswith("{#Bundle}")]
    assert others == [r"{src}\leadpop.toml"]  # IT's settings, next to the setup .exe
    installed = {rf"{{app}}\{name}" for name in rules.executables("win32")}
    for icon in entries(ISS_SECTIONS["Icons"]):
        assert icon["Filename"] in installed | {"{uninstallexe}"}
    assert any(i["Name"] == r"{group}\Leadpop" for i in entries(ISS_SECTIONS["Icons"]))


def test_start_with_windows_is_the_value_leadpops_setting_uses():
    (run,) = entries(ISS_SECTIONS["Registry"])
    assert (run["Root"], run["Subkey"], run["ValueName"]) == (
        "HKCU",
        autostart.RUN_KEY,
        autostart.APP_NAME,
    )
    assert run["ValueData"] == autostart.subprocess_line([r"{app}\leadpop.exe"])
    assert run["Tasks"] == "autostart"
    assert "uninsdeletevalue" in run["Flags"]
    (task,) = entries(ISS_SECTIONS["Tasks"])
    assert task["Name"] == "autostart"


def test_the_uninstaller_keeps_the_data_unless_asked():
    code = "\n".join(ISS_SECTIONS["Code"])
    # platformdirs' data, config and log folders on Windows all live in this one folder.
    assert "DataDir = '{localappdata}\\Leadpop';" in code
    assert "MB_DEFBUTTON2" in code  # "No" is the default answer
    assert "{param:PURGE|0}" in code  # a silent uninstall keeps the data unless /PURGE=1
    for language in ("dutch", "english"):
        for message in ("AutostartTask", "RemoveData"):
            assert any(
                line.startswith(f"{language}.{message}=") for line in ISS_SECTIONS["CustomMessages"]
            )


def test_the_icon_holds_every_standard_size():
    make_ico = load("make_ico")
    data = (PACKAGING / "windows" / "leadpop.ico").read_bytes()
    sizes = [(s, s) for s in make_ico.SIZES]
    assert make_ico.read_ico(data) == sizes
    pngs = [(ICONS / f"leadpop-{s}.png").read_bytes() for s in make_ico.SIZES]
    assert make_ico.ico_bytes(pngs) == data  # committed file is up to date with the PNGs


# -- the bundle recipe -----------------------------------------------------------------------


def test_the_recipe_names_real_files_and_plyers_backends():
    for src, dest in rules.RESOURCES:
        assert (ROOT / src).is_dir() and dest.startswith("app/resources/")
    assert (PACKAGING / rules.ENTRY).is_file()
    compile((PACKAGING / "leadpop.spec").read_text(encoding="utf-8"), "leadpop.spec", "exec")
    assert "plyer.platforms.win.notification" in rules.hidden_imports("win32")
    assert "plyer.platforms.linux.notification" in rules.hidden_imports("linux")
    for module in (*rules.hidden_imports("win32"), *rules.hidden_imports("linux")):
        assert importlib.util.find_spec(module) is not None, module


def test_no_qt_module_the_app_imports_is_excluded():
    used = set()
    for path in (ROOT / "app").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts"} <= used
    assert not {f"PySide6.{m}" for m in used} & set(rules.EXCLUDED_MODULES)


@pytest.mark.parametrize(
    ("path", "qt", "left_out"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", (6, 12), False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", (6, 12), False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", (6, 12), False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", (6, 12), False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", (6, 12), False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", (6, 12), False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", (6, 12), False),
        ("PySide6/Qt/translations/qtbase_nl.qm", (6, 12), False),
        ("PySide6/Qt/translations/qtbase_de.qm", (6, 12), True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", (6, 12), True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", (6, 12), True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", (6, 12), True),
        ("PySide6\\Qt6Qml.dll", (6, 12), True),
        ("PySide6\\opengl32sw.dll", (6, 12), True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", (6, 12), True),
        ("PySide6/Qt/lib/libavcodec.so.63", (6, 12), True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", (6, 8), False),
    ],
)
def test_what_the_bundle_leaves_out(path, qt, left_out):
    assert rules.dropped(path, rules.drop_patterns(qt)) is left_out


# -- Linux: menu entry, install.sh, uninstall.sh, tarball ------------------------------------


def test_the_menu_and_autostart_entries_are_valid(tmp_path):
    tool = need("desktop-file-validate")
    entry = PACKAGING / "linux" / "leadpop.desktop"
    auto = tmp_path / "leadpop.desktop"
    auto.write_text(autostart.desktop_entry(["/home/piet/.local/lib/leadpop/leadpop"]))
    for path in (entry, auto):
        proc = subprocess.run([tool, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(entry, encoding="utf-8")
    assert desktop["Desktop Entry"]["Icon"] == "leadpop"  # the installed hicolor icons


def fake_unpacked_tarball(root: Path) -> Path:
    """What build.py packs: the bundle in leadpop/ plus the scripts (a fake program here)."""
    root.mkdir(parents=True)
    for name in ("install.sh", "uninstall.sh", "leadpop.desktop", "README.txt"):
        shutil.copy(PACKAGING / "linux" / name, root / name)
    bundle = root / "leadpop"
    (bundle / "_internal" / "app" / "resources").mkdir(parents=True)
    shutil.copytree(ICONS, bundle / "_internal" / "app" / "resources" / "icons")
    program = bundle / "leadpop"
    program.write_text('#!/bin/sh\necho "leadpop from $(dirname "$0")"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return root


def run_sh(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    proc = subprocess.run(["sh", str(script), *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_install_into_local_then_update_then_uninstall(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    pkg = fake_unpacked_tarball(tmp_path / "leadpop-1.0-linux-x86_64")
    (pkg / "leadpop.toml").write_text('hours = "always"\n')
    run_sh(pkg / "install.sh", home)

    local = home / ".local"
    lib = local / "lib" / "leadpop"
    assert (lib / "leadpop.toml").read_text() == 'hours = "always"\n'  # next to the program
    command = local / "bin" / "leadpop"
    assert command.is_symlink() and command.resolve() == (lib / "leadpop").resolve()
    ran = subprocess.run([str(command)], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == f"leadpop from {local / 'bin'}"
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon = local / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "leadpop.png"
        assert icon.read_bytes() == (ICONS / f"leadpop-{size}.png").read_bytes()
    menu = (local / "share" / "applications" / "leadpop.desktop").read_text()
    assert f'Exec="{lib}/leadpop"' in menu.splitlines()
    if shutil.which("desktop-file-validate"):
        check = [need("desktop-file-validate"), str(local / "share/applications/leadpop.desktop")]
        assert subprocess.run(check, capture_output=True).returncode == 0

    # An update without a leadpop.toml keeps the one IT installed earlier.
    (pkg / "leadpop.toml").unlink()
    (pkg / "leadpop" / "_internal" / "new-in-2.0").write_text("x")
    run_sh(pkg / "install.sh", home)
    assert (lib / "leadpop.toml").is_file() and (lib / "_internal" / "new-in-2.0").is_file()

    # The person's data, and the entry Leadpop's "start with the computer" wrote.
    data = local / "share" / "Leadpop"
    data.mkdir(parents=True)
    (data / "leadpop.db").write_text("leads")
    env = {"HOME": str(home)}
    autostart.set_enabled(True, [str(lib / "leadpop")], env, "linux")
    shutil.rmtree(pkg)  # the unpacked tarball is long gone: uninstall.sh came along
    run_sh(lib / "uninstall.sh", home)
    assert not lib.exists() and not command.exists() and not command.is_symlink()
    assert not (local / "share" / "applications" / "leadpop.desktop").exists()
    assert not list((local / "share" / "icons").rglob("leadpop.png"))
    assert not autostart.is_enabled(env, "linux")
    assert (data / "leadpop.db").read_text() == "leads"  # kept

    pkg = fake_unpacked_tarball(tmp_path / "again")
    run_sh(pkg / "install.sh", home)
    run_sh(lib / "uninstall.sh", home, "--purge")
    assert not data.exists()


def test_install_refuses_without_the_program(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    shutil.copy(PACKAGING / "linux" / "install.sh", pkg / "install.sh")
    proc = subprocess.run(
        ["sh", str(pkg / "install.sh")],
        capture_output=True,
        text=True,
        env={"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")},
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("error: ") and len(proc.stderr.splitlines()) == 1
    assert not (tmp_path / ".local").exists()


def test_the_tarball_holds_the_bundle_and_the_installer(tmp_path):
    build = load("build")
    bundle = fake_unpacked_tarball(tmp_path / "src") / "leadpop"
    target = build.tarball(bundle, tmp_path)
    assert target.name.startswith("leadpop-") and target.name.endswith(".tar.gz")
    with tarfile.open(target) as tar:
        names = set(tar.getnames())
        top = target.name.removesuffix(".tar.gz")
        for name in ("install.sh", "uninstall.sh", "leadpop.desktop", "README.txt"):
            assert f"{top}/{name}" in names
        assert f"{top}/leadpop/leadpop" in names
        assert tar.getmember(f"{top}/install.sh").mode & stat.S_IXUSR
