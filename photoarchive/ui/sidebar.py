"""The list of views on the left: Inbox, All photos, the categories, cases, sets, review, quarantine, sync, people and
the case register."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from photoarchive.ui.photo_model import PHOTO_IDS_MIME, photo_ids_from_mime
from photoarchive.ui.theme import icon
from photoarchive.ui.views import ViewKind, ViewSpec

SpecRole = Qt.ItemDataRole.UserRole + 10

# The views in sidebar order, with their names and icons: the sidebar and the window's View menu both list
# them from here.
VIEWS: tuple[tuple[ViewKind, str, str], ...] = (
    (ViewKind.INBOX, QT_TRANSLATE_NOOP("Sidebar", "Inbox"), "inbox"),
    (ViewKind.ALL, QT_TRANSLATE_NOOP("Sidebar", "All photos"), "all"),
    (ViewKind.PORTRAITS, QT_TRANSLATE_NOOP("Sidebar", "Portraits"), "portrait"),
    (ViewKind.CASES, QT_TRANSLATE_NOOP("Sidebar", "Case photos"), "case"),
    (ViewKind.MEDIA, QT_TRANSLATE_NOOP("Sidebar", "Media / high-res"), "media"),
    (ViewKind.SETS, QT_TRANSLATE_NOOP("Sidebar", "Sets"), "sets"),
    (ViewKind.NEEDS_REVIEW, QT_TRANSLATE_NOOP("Sidebar", "Needs review"), "review"),
    (ViewKind.QUARANTINE, QT_TRANSLATE_NOOP("Sidebar", "Quarantine"), "quarantine"),
    (ViewKind.SYNC, QT_TRANSLATE_NOOP("Sidebar", "Sync"), "sync"),
    (ViewKind.PEOPLE, QT_TRANSLATE_NOOP("Sidebar", "People"), "people"),
    (ViewKind.CASE_REGISTER, QT_TRANSLATE_NOOP("Sidebar", "Cases"), "register"),
)


def view_name(kind: ViewKind) -> str:
    """A view's name in the user's language."""
    return QCoreApplication.translate("Sidebar", next(name for k, name, _ in VIEWS if k is kind))


def view_icon(kind: ViewKind) -> str:
    """The name of a view's icon (resources/icons/ui/)."""
    return next(icon_name for k, _, icon_name in VIEWS if k is kind)


# Cases listed under "Case photos"; an archive can hold tens of thousands.
MAX_CASES = 200


class Sidebar(QTreeWidget):
    viewSelected = Signal(object)  # ViewSpec
    photosDropped = Signal(int, list)  # set id, photo ids dragged from the grid onto a set

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Two columns: the view's name with its icon, and its count, right-aligned and quieter.
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setMinimumWidth(190)
        self.setIconSize(QSize(18, 18))
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items: dict[ViewKind, QTreeWidgetItem] = {}
        names = [(kind, view_name(kind)) for kind, _, _ in VIEWS]
        self.names = dict(names)
        for kind, name in names:
            item = QTreeWidgetItem([name, ""])
            item.setIcon(0, icon(view_icon(kind)))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setForeground(1, self.palette().placeholderText())
            item.setData(0, SpecRole, ViewSpec(kind))
            self.addTopLevelItem(item)
            self.items[kind] = item
        self.currentItemChanged.connect(self._changed)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _set_at(self, event) -> int | None:  # type: ignore[no-untyped-def]
        if not event.mimeData().hasFormat(PHOTO_IDS_MIME):
            return None
        item = self.itemAt(event.position().toPoint())
        spec = item.data(0, SpecRole) if item is not None else None
        return spec.set_id if spec is not None and spec.kind is ViewKind.SET else None

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._set_at(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        set_id = self._set_at(event)
        if set_id is None:
            event.ignore()
            return
        ids = photo_ids_from_mime(event.mimeData())
        if ids:
            self.photosDropped.emit(set_id, ids)
        event.acceptProposedAction()

    def set_entries(self) -> list[tuple[int, str]]:
        """The sets listed under Sets, as (id, label)."""
        parent = self.items[ViewKind.SETS]
        return [
            (parent.child(i).data(0, SpecRole).set_id, parent.child(i).text(0))
            for i in range(parent.childCount())
        ]

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
        """Show a number beside a view's name (photos in it; for Sets, the number of sets)."""
        self.items[kind].setText(1, "" if count is None else f"{count:,}".replace(",", "\u202f"))

    def count_text(self, kind: ViewKind) -> str:
        return self.items[kind].text(1)

    def set_cases(self, cases: list[tuple[str, int]]) -> None:
        """The newest cases (older ones are found by typing the case number in the search box)."""
        self._set_children(
            self.items[ViewKind.CASES],
            [(case, ViewSpec(ViewKind.CASE, case_number=case), n) for case, n in cases[:MAX_CASES]],
        )

    def set_sets(self, sets: list[tuple[int, str]]) -> None:
        """Sets as (id, label) where the label already carries the state."""
        self._set_children(
            self.items[ViewKind.SETS], [(label, ViewSpec(ViewKind.SET, set_id=i), None) for i, label in sets]
        )
        self.items[ViewKind.SETS].setExpanded(True)

    def _set_children(
        self, parent: QTreeWidgetItem, children: list[tuple[str, ViewSpec, int | None]]
    ) -> None:
        current = self.current_spec()
        self.blockSignals(True)
        parent.takeChildren()
        for label, spec, count in children:
            child = QTreeWidgetItem([label, "" if count is None else str(count)])
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            child.setForeground(1, self.palette().placeholderText())
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
