"""Settings: who I am, where the inbox is, opening hours, cadence, sound, language, autostart.

`SettingsDialog.edit(parent, current)` takes and returns a plain dict (the Prefs fields),
so tests replace it without building Prefs. `current["fixed"]` lists the fields that a
command-line option sets (they win over saved settings, so they can't be edited here);
`current["locked"]` those IT locked in leadpop.toml (greyed out the same way). A value
equal to `current["defaults"]` (IT's or the built-in) comes back as None: not the
person's own choice, so a later change by IT still reaches this PC.

Which settings there are, their defaults, which the command line or IT set, and the limits
come from app.settings.registry; this module lays the fields out by hand and labels them
(translations need the label text here).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import Role
from app.core.hours import DEFAULT_HOURS, HoursError, OpeningHours
from app.core.offer import Mode, Order, policy_from
from app.engine import session
from app.settings import registry
from app.ui.common.signin_dialog import SignInSection

REGIONS = ("NL", "BE", "DE", "LU", "FR", "GB")  # offered; IT may deploy any other country


_DUTCH_DAYS = {"mo": "ma", "tu": "di", "we": "wo", "th": "do", "fr": "vr", "sa": "za", "su": "zo"}


def hours_in_language(spec: str) -> str:
    """Opening hours in the words of the UI: 'ma-vr 09:00-18:00' and 'altijd' in Dutch
    (the engine reads both languages)."""
    if QLocale().language() != QLocale.Language.Dutch:
        return spec
    if spec.strip().lower() == "always":
        return "altijd"
    return re.sub(r"\b(mo|tu|we|th|fr|sa|su)\b", lambda m: _DUTCH_DAYS[m[1]], spec)


def _same_hours(key: str, value: Any, default: Any) -> bool:
    """The default hours, as written in another language or spacing: not a choice."""
    if key != "hours" or not value or not default:
        return False
    try:
        a, b = OpeningHours.parse(value), OpeningHours.parse(default)
    except HoursError:
        return False
    return (a.week, a.always) == (b.week, b.always)


def _shown(current: dict[str, Any], key: str) -> Any:
    """The value to show: the one given, else the registry's default."""
    value = current.get(key)
    return registry.BY_KEY[key].default if value is None or value == "" else value


class SettingsDialog(QDialog):
    def __init__(self, current: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Leadpop settings"))
        self.current = dict(current)
        # What the command line set is shown as in force; the person's own stays saved.
        current = {**current, **(current.get("in_force") or {})}
        fixed = set(current.get("fixed", ()))
        locked = set(current.get("locked", ())) - fixed

        self.name = QLineEdit(current.get("name") or "", objectName="settings-name")
        self.role = QComboBox(objectName="settings-role")
        self.role.addItem(self.tr("Salesperson"), Role.SALESPERSON)
        self.role.addItem(self.tr("Sales manager"), Role.MANAGER)
        self.role.setCurrentIndex(max(0, self.role.findData(_shown(current, "role"))))
        self.manager_alert = QCheckBox(
            self.tr("Show the full-screen alert for me"), objectName="settings-manager-alert"
        )
        self.manager_alert.setChecked(bool(_shown(current, "manager_alert")))

        self.inbox = QLineEdit(current.get("inbox") or "", objectName="settings-inbox")
        self.inbox.setPlaceholderText(
            self.tr("This PC only: {path}").format(path=current.get("default_inbox", ""))
        )
        self.browse = QPushButton(self.tr("Browse…"), objectName="settings-browse")
        self.browse.clicked.connect(self._browse)
        inbox_row = QHBoxLayout()
        inbox_row.addWidget(self.inbox, 1)
        inbox_row.addWidget(self.browse)
        self.region = QComboBox(objectName="settings-region")
        self.region.addItems(REGIONS)
        region = _shown(current, "region")
        if region not in REGIONS:
            self.region.addItem(region)
        self.region.setCurrentText(region)

        self.hours = QLineEdit(
            hours_in_language(_shown(current, "hours")), objectName="settings-hours"
        )
        self.hours.setToolTip(self.tr("e.g. 'mo-fr 09:00-18:00, sa 09:00-17:00', or 'always'"))
        self.hours_error = QLabel(objectName="settings-hours-error")
        self.hours_error.setWordWrap(True)
        self.hours_error.hide()
        # Two lines' room, error or not: typing must not make the dialog grow and move the
        # fields below (the next click would land in the wrong one). The whole text is
        # its tooltip.
        self.hours_error_box = QWidget(objectName="settings-hours-error-box")
        room = QVBoxLayout(self.hours_error_box)
        room.setContentsMargins(0, 0, 0, 0)
        room.addWidget(self.hours_error, 0, Qt.AlignmentFlag.AlignTop)
        self.hours_error_box.setFixedHeight(2 * self.hours_error.fontMetrics().lineSpacing() + 8)
        self.hours.textChanged.connect(self._check_hours)
        self.second = self._minutes(_shown(current, "second_after_min"), "settings-second")
        self.third = self._minutes(_shown(current, "third_after_min"), "settings-third")

        self.sound = QCheckBox(self.tr("Play a sound with the alert"), objectName="settings-sound")
        self.sound.setChecked(bool(_shown(current, "sound")))
        self.language = QComboBox(objectName="settings-language")
        self.language.addItem(self.tr("Same as the computer"), None)
        names = {"nl": "Nederlands", "en": "English"}  # each in its own language
        for code in registry.LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.get("language"))))
        self.language_note = QLabel(
            self.tr("A new language shows the next time Leadpop starts."),
            objectName="settings-note",
        )
        self.language_note.setWordWrap(True)
        self.autostart = QCheckBox(
            self.tr("Start Leadpop with the computer"), objectName="settings-autostart"
        )
        self.autostart.setChecked(bool(_shown(current, "autostart")))

        # Each setting the registry shows, with its widgets (greyed out when not the person's)
        # and how its value is read back.
        self.fields: dict[str, tuple[tuple[QWidget, ...], Callable[[], Any]]] = {
            "name": ((self.name,), lambda: self.name.text().strip()),
            "role": ((self.role,), self.role.currentData),
            "manager_alert": ((self.manager_alert,), self.manager_alert.isChecked),
            "inbox": ((self.inbox, self.browse), lambda: self.inbox.text().strip()),
            "region": ((self.region,), self.region.currentText),
            "hours": ((self.hours,), lambda: self.hours.text().strip()),
            "second_after_min": ((self.second,), self.second.value),
            "third_after_min": ((self.third,), self.third.value),
            "sound": ((self.sound,), self.sound.isChecked),
            "language": ((self.language,), self.language.currentData),
            "autostart": ((self.autostart,), self.autostart.isChecked),
        }

        you = _form()
        you.addRow(self.tr("Your name"), self.name)
        you.addRow(self.tr("Role"), self.role)
        you.addRow("", self.manager_alert)
        dealer = _form()
        dealer.addRow(self.tr("Lead inbox"), inbox_row)
        signin_cfg = current.get("signin_config")  # the Config the app runs with
        self.signin: SignInSection | None = None
        if signin_cfg is not None and session.signs_in(signin_cfg):  # an OAuth mailbox
            self.signin = SignInSection(signin_cfg, self)
            dealer.addRow(self.tr("Mailbox sign-in"), self.signin)
        dealer.addRow(self.tr("Phone numbers from"), self.region)
        dealer.addRow(self.tr("Opening hours"), self.hours)
        dealer.addRow("", self.hours_error_box)
        dealer.addRow(self.tr("Call attempt 2 after"), self.second)
        dealer.addRow(self.tr("Call attempt 3 after"), self.third)
        # The AVG: how long customers' data is kept is the dealer's policy (IT's leadpop.toml).
        kept = signin_cfg.deployed.get("retention_months") if signin_cfg is not None else None
        self.retention = QLabel(
            self.tr("{months} months after a lead's last activity").format(
                months=kept or registry.BY_KEY["retention_months"].default
            ),
            objectName="settings-retention",
        )
        self.retention.setToolTip(self.tr("Set by your IT department"))
        dealer.addRow(self.tr("Customer data kept"), self.retention)
        # Who is offered a lead first, and the closed days: the same on every PC, so IT's.
        deployed = dict(signin_cfg.deployed.values) if signin_cfg is not None else {}
        self.routing = QLabel(self._routing_text(deployed), objectName="settings-routing")
        self.closed_days = QLabel(
            deployed.get("closed_days") or self.tr("Only the opening hours"),
            objectName="settings-closed-days",
        )
        for label in (self.routing, self.closed_days):
            label.setWordWrap(True)
            label.setToolTip(self.tr("Set by your IT department"))
        # A form row doesn't grow for a wrapped label: room for the two lines the routing
        # sentence takes at 1366 px, so neither is cut off.
        self.routing.setMinimumHeight(2 * self.routing.fontMetrics().lineSpacing() + 4)
        dealer.addRow(self.tr("Who gets a lead"), self.routing)
        dealer.addRow(self.tr("Closed days"), self.closed_days)
        app = _form()
        app.addRow("", self.sound)
        app.addRow(self.tr("Language"), self.language)
        app.addRow("", self.language_note)
        app.addRow("", self.autostart)

        notes, it_set = [], False
        it_tip = self.tr("Set by your IT department")
        for setting in registry.SHOWN:
            widgets = self.fields[setting.key][0]
            if setting.key in fixed:
                notes.append(setting.flag)
            elif setting.key in locked:
                it_set = True
            else:
                continue
            for w in widgets:
                w.setEnabled(False)
                if setting.key in locked:
                    w.setToolTip(it_tip)
        self.fixed_note = QLabel(objectName="settings-note")
        self.fixed_note.setWordWrap(True)
        lines = []
        if notes:
            lines.append(
                self.tr("Set on the command line ({options}); change it there.").format(
                    options=", ".join(notes)
                )
            )
        if it_set:
            lines.append(self.tr("The greyed-out settings are set by your IT department."))
        self.fixed_note.setText("\n".join(lines))
        self.fixed_note.setVisible(bool(lines))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # some desktop styles add floppy-disk icons: calmer without
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.role.currentIndexChanged.connect(self._role_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        for title, form in (
            (self.tr("You"), you),
            (self.tr("Dealership"), dealer),
            (self.tr("This PC"), app),
        ):
            box = QGroupBox(title)
            box.setLayout(form)
            layout.addWidget(box)
        layout.addWidget(self.fixed_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.setStyleSheet(_QSS)
        self._role_changed()
        self._check_hours()

    def _routing_text(self, deployed: dict[str, Any]) -> str:
        """The routing mode in a sentence (app.core.offer; leadpop.toml's [routing])."""
        policy = policy_from(deployed)
        seconds, minutes = policy.step_s, policy.manager_s // 60
        if policy.order == Order.PRIORITY and policy.priority:
            order = self.tr("by priority: {names}").format(names=", ".join(policy.priority))
        else:
            order = self.tr("in turn")
        first = {
            Mode.EVERYONE: self.tr("Everyone at once"),
            Mode.ROLLOUT: self.tr("One salesperson at a time, {s} s each ({order}), then everyone"),
            Mode.ROUND_ROBIN: self.tr("Each lead to the next salesperson for {s} s, then everyone"),
            Mode.BY_SOURCE: self.tr("A source's group first for {s} s, then everyone"),
        }[policy.mode].format(s=seconds, order=order)
        return self.tr("{first}; the manager's screen too after {m} min").format(
            first=first, m=minutes
        )

    def _minutes(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox(objectName=name)
        box.setRange(1, registry.MAX_MINUTES)
        box.setValue(int(value))
        box.setSuffix(self.tr(" min"))
        return box

    def _role_changed(self) -> None:
        self.manager_alert.setVisible(self.role.currentData() == Role.MANAGER)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Lead inbox folder"), self.inbox.text()
        )
        if path:
            self.inbox.setText(path)

    def _check_hours(self) -> bool:
        """Opening hours are parsed as the engine will: a clear error instead of a surprise."""
        text = self.hours.text().strip()
        try:
            OpeningHours.parse(text or DEFAULT_HOURS)
        except HoursError as exc:
            self.hours_error.setText(self.tr("Opening hours: {error}").format(error=exc))
            self.hours_error.setToolTip(self.hours_error.text())
            self.hours_error.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return False
        self.hours_error.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        return True

    def _save(self) -> None:
        if self._check_hours() and self.name.text().strip():
            self.accept()

    def values(self) -> dict[str, Any]:
        """The Prefs fields. What IT may deploy comes back None when it equals what the
        person would get anyway (IT's or the built-in value): not their own choice."""
        unset = self.current.get("defaults") or {}
        fixed = set(self.current.get("fixed", ()))
        values: dict[str, Any] = {}
        for setting in registry.SHOWN:
            if setting.key in fixed:  # greyed out, showing the command line's value
                value = self.current.get(setting.key)
            else:
                value = self.fields[setting.key][1]()
            default = unset.get(setting.key) or setting.default
            if setting.it and (
                value in (None, "", default) or _same_hours(setting.key, value, default)
            ):
                value = None
            values[setting.key] = value
        values["name"] = values["name"] or self.current.get("name")
        return values

    @classmethod
    def edit(cls, parent: QWidget | None, current: dict[str, Any]) -> dict[str, Any] | None:
        """The edited settings, or None when cancelled. Tests replace this."""
        dialog = cls(current, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(8)
    return form


_QSS = """
QDialog, QLabel, QLineEdit, QComboBox, QSpinBox, QCheckBox, QPushButton, QGroupBox {
    font-size: 15px;
}
QGroupBox { font-weight: 700; margin-top: 14px; padding-top: 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QLineEdit, QComboBox { padding: 4px 6px; min-height: 24px; }
QSpinBox { padding: 2px 6px; min-height: 26px; }
QPushButton { padding: 6px 18px; }
#settings-hours-error { color: #b91c1c; font-weight: 600; }
#settings-note { color: #475569; font-weight: 400; }
"""
