"""The person picker of the redaction editor's "This is…": the register's people, filtered as one types,
each with their consent in words; a name nobody has yet can be added to the register from here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.people import Consent, Person
from photoarchive.ui.people_words import STATUS, USES, word


def consent_in_words(consent: Consent | None) -> str:
    """A person's consent in a few words: "consent: given (Flickr, press)"."""
    if consent is None:
        status = word(STATUS, "none")
    else:
        status = word(STATUS, consent.status.value)
        if consent.status.value == "given" and consent.uses:
            status += " (" + ", ".join(word(USES, u.value) for u in sorted(consent.uses)) + ")"
    return QCoreApplication.translate("PersonPicker", "consent: %1").replace("%1", status)


class PersonPicker(QDialog):
    """Choose who is in the box. `chosen_id()` after accept (None: a new person named `new_name()`)."""

    def __init__(
        self, people: list[tuple[Person, Consent | None]], title: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("person_picker")
        self.setWindowTitle(title)
        self._people = people
        self._new_name = ""
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Who is this? Type to find the person in the register."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.filter = QLineEdit()
        self.filter.setObjectName("person_filter")
        self.filter.setPlaceholderText(self.tr("Name, employee id or role"))
        self.filter.textChanged.connect(self._fill)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName("person_list")
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update())
        layout.addWidget(self.list, 1)
        self.add_button = QPushButton()
        self.add_button.setObjectName("person_add")
        self.add_button.clicked.connect(self._add_new)
        layout.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            self.tr("This is the person"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("person_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 380)
        self._fill("")
        self.filter.setFocus()

    def _fill(self, text: str) -> None:
        wanted = text.strip().casefold()
        self.list.clear()
        for person, consent in self._people:
            haystack = " ".join((person.name, person.employee_id, person.role)).casefold()
            if wanted and wanted not in haystack:
                continue
            details = ", ".join(x for x in (person.employee_id, person.role) if x)
            label = person.name + (f" ({details})" if details else "") + " — " + consent_in_words(consent)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        name = text.strip()
        known = any(p.name.casefold() == name.casefold() for p, _c in self._people)
        self.add_button.setText(self.tr("Add “%1” to the register").replace("%1", name))
        self.add_button.setVisible(bool(name) and not known)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.list.currentItem() is not None)

    def _add_new(self) -> None:
        self._new_name = self.filter.text().strip()
        self.list.setCurrentItem(None)  # type: ignore[arg-type]
        self.accept()

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if self._new_name or item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def new_name(self) -> str:
        return self._new_name
