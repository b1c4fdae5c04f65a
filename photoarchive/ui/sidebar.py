"""The list of views on the left: Inbox, All photos, the categories, cases, sets, review, quarantine, sync."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from photoarchive.ui.views import ViewKind, ViewSpec

SpecRole = Qt.ItemDataRole.UserRole + 10


class Sidebar(QTreeWidget):
    viewSelected = Signal(object)  # ViewSpec

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setMinimumWidth(190)
        self.items: dict[ViewKind, QTreeWidgetItem] = {}
        names = [
            (ViewKind.INBOX, self.tr("Inbox")),
            (ViewKind.ALL, self.tr("All photos")),
            (ViewKind.PORTRAITS, self.tr("Portraits")),
            (ViewKind.CASES, self.tr("Case photos")),
            (ViewKind.MEDIA, self.tr("Media / high-res")),
            (ViewKind.SETS, self.tr("Sets")),
            (ViewKind.NEEDS_REVIEW, self.tr("Needs review")),
            (ViewKind.QUARANTINE, self.tr("Quarantine")),
            (ViewKind.SYNC, self.tr("Sync")),
        ]
        self.names = dict(names)
        for kind, name in names:
            item = QTreeWidgetItem([name])
            item.setData(0, SpecRole, ViewSpec(kind))
            self.addTopLevelItem(item)
            self.items[kind] = item
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.viewSelected.emit(current.data(0, SpecRole))

    def current_spec(self) -> ViewSpec:
        item = self.currentItem()
        return item.data(0, SpecRole) if item is not None else ViewSpec(ViewKind.ALL)

    def select(self, spec: ViewSpec) -> None:
        for item in self._all_items():
            if item.data(0, SpecRole) == spec:
                self.setCurrentItem(item)
                return

    def set_count(self, kind: ViewKind, count: int | None) -> None:
        """Show a number beside a view's name (e.g. photos waiting in the Inbox)."""
        name = self.names[kind]
        self.items[kind].setText(0, name if not count else f"{name} ({count})")

    def set_cases(self, cases: list[tuple[str, int]]) -> None:
        self._set_children(
            self.items[ViewKind.CASES], [(f"{case} ({n})", ViewSpec(ViewKind.CASE, case_number=case)) for case, n in cases]
        )

    def set_sets(self, sets: list[tuple[int, str]]) -> None:
        """Sets as (id, label) where the label already carries the state."""
        self._set_children(self.items[ViewKind.SETS], [(label, ViewSpec(ViewKind.SET, set_id=i)) for i, label in sets])

    def _set_children(self, parent: QTreeWidgetItem, children: list[tuple[str, ViewSpec]]) -> None:
        current = self.current_spec()
        self.blockSignals(True)
        parent.takeChildren()
        for label, spec in children:
            child = QTreeWidgetItem([label])
            child.setData(0, SpecRole, spec)
            parent.addChild(child)
        self.blockSignals(False)
        if self.currentItem() is None or self.current_spec() != current:
            self.blockSignals(True)
            self.select(current)
            self.blockSignals(False)

    def _all_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            out.append(top)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out
