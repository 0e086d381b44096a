"""What goes into the one-folder bundle, and what is kept out. Shared by the PyInstaller recipe
(leadpop.spec and the Qt hooks in packaging/hooks/) and the tests that check the installers.

Plain Python without PyInstaller, so a test can import it. Paths are the bundle-relative
destinations PyInstaller uses (forward slashes here; `dropped()` normalises Windows ones).
"""

from __future__ import annotations

import fnmatch
import os
import sys

ENV_FULL = "LEADPOP_BUNDLE_FULL"  # "1": no trimming at all (to measure what trimming saves)

NAME = "leadpop"  # the bundle's folder, and its executable
CLI_SUFFIX = "-cli"  # Windows: leadpop.exe is windowed, leadpop-cli.exe for a command prompt
ENTRY = "leadpop_main.py"

# The app's own files, as (source in the repository, folder in the bundle). The code finds
# them as Path(app/ui/x.py).parent.parent / "resources", which is _internal/app/resources.
RESOURCES = (
    ("app/resources/icons", "app/resources/icons"),
    ("app/resources/sounds", "app/resources/sounds"),
    ("app/resources/i18n", "app/resources/i18n"),
)

# plyer picks its backend with importlib at run time, so PyInstaller can't see it.
HIDDEN_IMPORTS = {
    "win32": [
        "plyer.platforms.win.notification",
        "plyer.platforms.win.libs.balloontip",
        "plyer.platforms.win.libs.win_api_defs",
    ],
    "linux": ["plyer.platforms.linux.notification"],
}

# The app imports QtCore, QtGui, QtWidgets, QtNetwork (single instance), QtMultimedia (the
# chime) and QtCharts (Team tab). Everything else stays out, including the Python modules
# that PyInstaller's hooks add because a Qt library links against them (QtCharts pulls in
# the QtOpenGL(Widgets) bindings: 9 MB that are never imported).
EXCLUDED_MODULES = [
    *(
        f"PySide6.{name}"
        for name in (
            "Qt3DAnimation",
            "Qt3DCore",
            "Qt3DExtras",
            "Qt3DInput",
            "Qt3DLogic",
            "Qt3DRender",
            "QtAxContainer",
            "QtBluetooth",
            "QtConcurrent",
            "QtDBus",
            "QtDataVisualization",
            "QtDesigner",
            "QtGraphs",
            "QtGraphsWidgets",
            "QtHelp",
            "QtHttpServer",
            "QtLocation",
            "QtMultimediaWidgets",
            "QtNetworkAuth",
            "QtNfc",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtPdf",
            "QtPdfWidgets",
            "QtPositioning",
            "QtPrintSupport",
            "QtQml",
            "QtQuick",
            "QtQuick3D",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtRemoteObjects",
            "QtScxml",
            "QtSensors",
            "QtSerialBus",
            "QtSerialPort",
            "QtSpatialAudio",
            "QtSql",
            "QtStateMachine",
            "QtSvg",
            "QtSvgWidgets",
            "QtTest",
            "QtTextToSpeech",
            "QtUiTools",
            "QtVirtualKeyboard",
            "QtWebChannel",
            "QtWebEngineCore",
            "QtWebEngineQuick",
            "QtWebEngineWidgets",
            "QtWebSockets",
            "QtXml",
        )
    ),
    "tkinter",
]

# Qt plugin and library files left out (fnmatch on the bundle path, case-insensitive).
DROPPED = [
    # Screens: a showroom PC has X11, Wayland or Windows; offscreen stays for the smoke test.
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*minimal*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*direct2d*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",  # evdev/tuio touch input for embedded boards
    "*/plugins/platforminputcontexts/*virtualkeyboard*",  # drags QtQuick + QtQml in
    "*/plugins/platformthemes/*gtk3*",  # drags GTK 3, cairo, pango … (15 MB) in
    # Images: our icons are PNG (built into QtGui); SVG stays for the desktop's icon theme.
    "*/plugins/imageformats/*gif*",
    "*/plugins/imageformats/*icns*",
    "*/plugins/imageformats/*ico*",
    "*/plugins/imageformats/*jpeg*",
    "*/plugins/imageformats/*pdf*",
    "*/plugins/imageformats/*tga*",
    "*/plugins/imageformats/*tiff*",
    "*/plugins/imageformats/*wbmp*",
    "*/plugins/imageformats/*webp*",
    # Network: QLocalServer needs neither TLS backends nor network reachability.
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    # Libraries only the plugins above (or QML) need.
    "*qt6quick*",
    "*qt6qml*",
    "*qt6virtualkeyboard*",
    "*qt6pdf*",
    "*qt6eglfs*",
    "*/opengl32sw.dll",  # Windows software OpenGL (20 MB): widgets and charts paint in software
]

# Since Qt 6.10 audio output lives in QtMultimedia itself ("No QtMultimedia backends found.
# Only QMediaDevices, QAudioDevice, QSoundEffect, QAudioSink, and QAudioSource are
# available."), so the chime needs no media backend: FFmpeg (25 MB) stays out.
DROPPED_MEDIA_BACKEND = [
    "*/plugins/multimedia/*",
    "*avcodec*",
    "*avformat*",
    "*avutil*",
    "*swresample*",
    "*swscale*",
    "*ffmpegstub*",
]
QT_WITHOUT_MEDIA_BACKEND = (6, 10)

# Qt's own catalogues: only Dutch (English is the source language).
KEPT_QT_TRANSLATIONS = ("qtbase_nl.qm",)


def executables(platform: str = sys.platform) -> list[str]:
    """The program files at the bundle's top, next to _internal/."""
    if platform == "win32":
        return [f"{NAME}.exe", f"{NAME}{CLI_SUFFIX}.exe"]
    return [NAME]


def platform_key(platform: str = sys.platform) -> str:
    return "win32" if platform == "win32" else "linux"


def hidden_imports(platform: str = sys.platform) -> list[str]:
    return list(HIDDEN_IMPORTS[platform_key(platform)])


def drop_patterns(qt_version: tuple[int, ...]) -> list[str]:
    extra = DROPPED_MEDIA_BACKEND if qt_version >= QT_WITHOUT_MEDIA_BACKEND else []
    return [*DROPPED, *extra]


def dropped(dest: str, patterns: list[str]) -> bool:
    """Is this bundle path one of the files we leave out?"""
    path = "/" + dest.replace("\\", "/").lower()
    if "/qt/translations/" in path or "/qt6/translations/" in path:
        return path.rsplit("/", 1)[-1] not in KEPT_QT_TRANSLATIONS
    return any(fnmatch.fnmatchcase(path, p.lower()) for p in patterns)


def full_build(env: dict[str, str] | None = None) -> bool:
    return (os.environ if env is None else env).get(ENV_FULL, "") not in ("", "0")


def trim_hook(
    hiddenimports: list[str],
    binaries: list[tuple[str, str]],
    datas: list[tuple[str, str]],
    qt_version: tuple[int, ...],
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """A Qt hook's (hiddenimports, binaries, datas) less what we leave out. Run inside the
    hook, before PyInstaller resolves the libraries these files link against."""
    if full_build():
        return hiddenimports, binaries, datas
    patterns = drop_patterns(qt_version)

    def keep(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [
            (src, dest)
            for src, dest in entries
            if not dropped(f"{dest}/{os.path.basename(src)}", patterns)
        ]

    hidden = [m for m in hiddenimports if m not in EXCLUDED_MODULES]
    return hidden, keep(binaries), keep(datas)
