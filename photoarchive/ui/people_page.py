"""The People and Cases views: who is in the photos with what consent (editors record and withdraw it),
and the case register (editors close cases; the retention list asks to keep or remove a closed case's
photos). The window asks the core (people.service, cases.service) for everything shown here.

Wiring (G): `PeoplePage(ctx)` / `CasesPage(ctx)` (`today=` a date function, for tests), call `.refresh()` once the catalog is open and after
a sync; both emit `changed()` after an edit (e.g. to refresh the grid's consent markers).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.errors import PhotoarchiveError
from photoarchive.ui.context import AppContext
from photoarchive.ui.people_words import CASE_STATE, STATUS, USES, error_in_words, problem_in_words, word

_ALERT = QBrush(QColor("#b00020"))


class _Page(QWidget):
    changed = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    def _problem(self, exc: PhotoarchiveError) -> str:
        """A core error in the user's language (by its code), else the core's English."""
        return error_in_words(getattr(exc, "code", ""), dict(getattr(exc, "params", {}) or {}), str(exc))

    def _show(self, text: str, *, alert: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if alert else "")


class PeoplePage(_Page):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ):
        super().__init__(ctx, parent, today=today)
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("takedown_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fde7e9; padding: 6px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.expiring_only = QCheckBox(self.tr("Only consents that end in the next 30 days"))
        self.expiring_only.setObjectName("expiring_only")
        self.expiring_only.toggled.connect(lambda _on: self.refresh())
        layout.addWidget(self.expiring_only)
        self.table = self._table(
            [
                self.tr("Name"),
                self.tr("Employee id / role"),
                self.tr("Consent"),
                self.tr("Uses"),
                self.tr("Ends"),
                self.tr("Photos"),
                self.tr("Published"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)

        add_row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("person_name")
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.employee_edit = QLineEdit()
        self.employee_edit.setObjectName("person_employee_id")
        self.employee_edit.setPlaceholderText(self.tr("Employee id or role"))
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.setObjectName("add_person")
        self.add_button.clicked.connect(self.add_person)
        for w in (self.name_edit, self.employee_edit, self.add_button):
            add_row.addWidget(w)
        layout.addLayout(add_row)

        consent_row = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("consent_status")
        for key in ("given", "pending", "withdrawn", "not_needed"):
            self.status.addItem(word(STATUS, key), key)
        consent_row.addWidget(self.status)
        self.use_boxes: dict[str, QCheckBox] = {}
        for key in ("internal", "flickr", "press"):
            box = QCheckBox(word(USES, key))
            box.setObjectName(f"use_{key}")
            self.use_boxes[key] = box
            consent_row.addWidget(box)
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.has_end.setObjectName("consent_has_end")
        self.ends = QDateEdit()
        self.ends.setObjectName("consent_ends")
        self.ends.setCalendarPopup(True)
        self.ends.setDisplayFormat("yyyy-MM-dd")
        self.ends.setDate(QDate.currentDate().addYears(1))
        consent_row.addWidget(self.has_end)
        consent_row.addWidget(self.ends)
        self.record_button = QPushButton(self.tr("Record consent"))
        self.record_button.setObjectName("record_consent")
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent"))
        self.withdraw_button.setObjectName("withdraw_consent")
        self.withdraw_button.setToolTip(
            self.tr("The next sync takes this person's published photos off Flickr.")
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        consent_row.addWidget(self.record_button)
        consent_row.addWidget(self.withdraw_button)
        consent_row.addStretch(1)
        layout.addLayout(consent_row)
        layout.addWidget(self.message)
        self.rows: list = []
        self._selection_changed()

    def service(self):  # -> PeopleService
        from photoarchive.people.service import PeopleService

        return PeopleService.for_home(
            self.ctx.catalog, self.ctx.home, self.ctx.settings, actor=self.ctx.actor, today=self.today
        )

    def refresh(self) -> None:
        service = self.service()
        rows = service.report()
        if self.expiring_only.isChecked():
            soon = {p.id for p, _c in service.expiring(30)}
            rows = [r for r in rows if r.person.id in soon]
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            c = r.consent
            values = (
                r.person.name,
                r.person.employee_id or r.person.role,
                word(STATUS, c.status.value if c else "none"),
                ", ".join(word(USES, u.value) for u in sorted(c.uses)) if c else "",
                c.expires_on.isoformat() if c and c.expires_on else "",
                str(len(r.photo_ids)),
                str(len(r.published_ids)),
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.person.id)
                if r.flickr_problem is not None and r.published_ids:
                    item.setForeground(_ALERT)
                    item.setToolTip(problem_in_words(r.flickr_problem.value, {"use": "flickr"}))
                self.table.setItem(i, col, item)
        waiting = service.pending_takedowns()
        self.banner.setVisible(bool(waiting))
        self.banner.setText(
            self.tr(
                "%n published photo(s) show someone whose consent no longer allows Flickr; the next sync takes "
                "them down.",
                "",
                len(waiting),
            )
        )
        self._selection_changed()

    def selected_person_id(self) -> int | None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return self.rows[rows[0]].person.id if rows and rows[0] < len(self.rows) else None

    def add_person(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._show(self.tr("Type the person's name first."), alert=True)
            return
        try:
            self.service().add(name, employee_id=self.employee_edit.text())
        except PhotoarchiveError as exc:
            self._show(self._problem(exc), alert=True)
            return
        self.name_edit.clear()
        self.employee_edit.clear()
        self._show(self.tr("%1 added to the register.").replace("%1", name))
        self.refresh()
        self.changed.emit()

    def record_consent(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            return
        ends = self.ends.date().toPython() if self.has_end.isChecked() else None
        assert ends is None or isinstance(ends, date)
        try:
            self.service().set_consent(
                person_id,
                self.status.currentData(),
                uses=[k for k, box in self.use_boxes.items() if box.isChecked()],
                expires_on=ends,
            )
        except PhotoarchiveError as exc:
            self._show(self._problem(exc), alert=True)
            return
        self._show(self.tr("Consent recorded."))
        self.refresh()
        self.changed.emit()

    def withdraw(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            return
        try:
            self.service().withdraw(person_id)
        except PhotoarchiveError as exc:
            self._show(self._problem(exc), alert=True)
            return
        self._show(self.tr("Consent withdrawn. The next sync takes the published photos down."))
        self.refresh()
        self.changed.emit()

    def _selection_changed(self) -> None:
        chosen = self.selected_person_id() is not None
        self.record_button.setEnabled(chosen)
        self.withdraw_button.setEnabled(chosen)


class CasesPage(_Page):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ):
        super().__init__(ctx, parent, today=today)
        layout = QVBoxLayout(self)
        self.table = self._table(
            [self.tr("Case"), self.tr("Title"), self.tr("State"), self.tr("Photos"), self.tr("Public now")]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close case"))
        self.close_button.setObjectName("close_case")
        self.close_button.setToolTip(self.tr("The next sync takes the case's public photos off Flickr."))
        self.close_button.clicked.connect(self.close_case)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retention_heading = QLabel()
        self.retention_heading.setWordWrap(True)
        layout.addWidget(self.retention_heading)
        self.retention = self._table([self.tr("Photo"), self.tr("Case"), self.tr("Due"), self.tr("Decision")])
        self.retention.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.retention)
        decide = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("retention_reason")
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.setObjectName("retention_keep")
        self.keep_button.clicked.connect(lambda: self.decide(remove=False))
        self.remove_button = QPushButton(self.tr("Remove from archive"))
        self.remove_button.setObjectName("retention_remove")
        self.remove_button.clicked.connect(lambda: self.decide(remove=True))
        for w in (self.reason, self.keep_button, self.remove_button):
            decide.addWidget(w)
        layout.addLayout(decide)
        layout.addWidget(self.message)
        self.reports: list = []
        self.items: list = []
        self._selection_changed()

    def service(self):  # -> CaseService
        from photoarchive.cases.service import CaseService

        return CaseService.for_home(
            self.ctx.catalog, self.ctx.home, self.ctx.settings, actor=self.ctx.actor, today=self.today
        )

    def refresh(self) -> None:
        service = self.service()
        self.reports = service.report()
        self.table.setRowCount(len(self.reports))
        for i, r in enumerate(self.reports):
            state = word(CASE_STATE, r.case.state)
            if r.case.closed_at is not None:
                state += f" {r.case.closed_at:%Y-%m-%d}"
            values = (r.case.case_number, r.case.title, state, str(len(r.photo_ids)), str(len(r.public_ids)))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if r.block is not None and r.public_ids:
                    item.setForeground(_ALERT)
                    item.setToolTip(self.tr("Still public: the next sync takes these photos down."))
                self.table.setItem(i, col, item)
        self.items = service.retention()
        self.retention_heading.setText(
            self.tr(
                "%n photo(s) of closed cases are past their retention time: keep them (say why) or remove them.",
                "",
                len(self.items),
            )
            if self.items
            else self.tr("No case photos wait for a retention decision.")
        )
        self.retention.setRowCount(len(self.items))
        for i, item in enumerate(self.items):
            if item.decision is None:
                decided = self.tr("waiting")
            elif item.decision.decision == "keep":
                decided = self.tr("kept: %1").replace("%1", item.decision.reason)
            else:
                decided = self.tr("removed: %1").replace("%1", item.decision.reason)
            due = item.due_on.isoformat() if item.due_on else ""
            for col, text in enumerate((item.name, item.case_number, due, decided)):
                self.retention.setItem(i, col, QTableWidgetItem(text))
        self._selection_changed()

    def _selected(self, table: QTableWidget, rows: list) -> list:
        picked = sorted({index.row() for index in table.selectionModel().selectedRows()})
        return [rows[r] for r in picked if r < len(rows)]

    def close_case(self) -> None:
        chosen = self._selected(self.table, self.reports)
        if not chosen:
            return
        try:
            case = self.service().close(chosen[0].case.case_number)
        except PhotoarchiveError as exc:
            self._show(self._problem(exc), alert=True)
            return
        self._show(
            self.tr("Case %1 closed; the next sync takes its public photos down.").replace(
                "%1", case.case_number
            )
        )
        self.refresh()
        self.changed.emit()

    def decide(self, *, remove: bool) -> None:
        chosen = self._selected(self.retention, self.items)
        if not chosen:
            return
        service = self.service()
        reason = self.reason.text()
        try:
            for case_number in dict.fromkeys(i.case_number for i in chosen):
                ids = [i.photo_id for i in chosen if i.case_number == case_number]
                if remove:
                    refused = [r for r in service.remove(case_number, ids, reason) if not r.done]
                    if refused:
                        self._show(refused[0].describe(), alert=True)
                        self.refresh()
                        return
                else:
                    service.keep(case_number, ids, reason)
        except PhotoarchiveError as exc:
            self._show(self._problem(exc), alert=True)
            return
        self.reason.clear()
        self._show(self.tr("Decision recorded."))
        self.refresh()
        self.changed.emit()

    def _selection_changed(self) -> None:
        self.close_button.setEnabled(bool(self._selected(self.table, self.reports)))
        waiting = bool(self._selected(self.retention, self.items))
        self.keep_button.setEnabled(waiting)
        self.remove_button.setEnabled(waiting)
