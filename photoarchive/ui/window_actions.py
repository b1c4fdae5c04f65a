"""The main window's actions and menu bar: every command with its keys (window-wide, or on the grid only
for the culling keys, Delete and the full-screen preview), the File/Edit/View/Photo/Set/Help menus, and the
Help entries (keyboard shortcuts, about)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from photoarchive.catalog.photos import Category, CategoryState
from photoarchive.ui.sidebar import view_icon, view_name
from photoarchive.ui.theme import Theme, current_theme, icon
from photoarchive.ui.views import ViewKind, ViewSpec

# One step of Ctrl+plus / Ctrl+minus on the tile size.
ZOOM_STEP = 40
# Keyboard culling: key letter per category.
CULL_KEYS = {Category.PORTRAIT: "P", Category.CASE: "C", Category.MEDIA: "M"}


class WindowActions:
    """The window's actions, menus and Help entries (a mixin of MainWindow, which owns the widgets)."""

    # -- building -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot,  # type: ignore[no-untyped-def]
        name: str,
        icon_name: str = "",
        *,
        window_wide: bool = True,
    ) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if icon_name:
            act.setIcon(icon(icon_name))
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{text.rstrip('…')} ({keys})" if keys else text.rstrip("…"))
        act.triggered.connect(slot)
        if window_wide:
            self.addAction(act)
        return act

    def _build_actions(self) -> None:
        action = self._action
        self.act_search = action(self.tr("Find"), QKeySequence.StandardKey.Find, self._focus_search, "search")
        self.act_save = action(
            self.tr("Save press information"), "Ctrl+S", lambda: self.inspector.save(), "save", "save"
        )
        self.act_reviewed = action(
            self.tr("Mark as reviewed"), "Ctrl+R", self.mark_reviewed, "mark_reviewed", "reviewed"
        )
        self.act_template = action(
            self.tr("Apply press template"),
            "Ctrl+T",
            lambda: self.inspector.apply_template(),
            "apply_template",
            "template",
        )
        self.act_refresh = action(self.tr("Refresh"), "F5", self.refresh_all, "refresh", "refresh")
        self.act_settings = action(self.tr("Settings…"), "Ctrl+,", self.open_settings, "settings", "settings")
        self.act_add_to_set = action(
            self.tr("Add to set…"), "Ctrl+Shift+S", self.add_selected_to_set, "add_to_set", "add_to_set"
        )
        self.act_export = action(
            self.tr("Export clean copies…"), "Ctrl+E", self.export_selected, "export", "export"
        )
        self.act_quit = action(self.tr("Exit"), "Ctrl+Q", self.close, "quit")
        self.act_select_all = action(self.tr("Select all"), "Ctrl+A", self._select_all, "select_all")
        self.act_zoom_in = action(
            self.tr("Larger tiles"), "Ctrl++", lambda: self.zoom(ZOOM_STEP), "zoom_in", "zoom_in"
        )
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = action(
            self.tr("Smaller tiles"), "Ctrl+-", lambda: self.zoom(-ZOOM_STEP), "zoom_out", "zoom_out"
        )
        self.act_help_keys = action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcuts")
        self.act_about = action(self.tr("About Photo archive"), None, self.show_about, "about")
        self.view_actions: dict[ViewKind, QAction] = {}
        # Ctrl+1 … Ctrl+9 for the photo views in the Inbox-to-Sync order the menu has always had; the
        # registers (People, Cases) have no number left.
        numbered = (
            ViewKind.INBOX, ViewKind.ALL, ViewKind.PORTRAITS, ViewKind.CASES, ViewKind.MEDIA,
            ViewKind.NEEDS_REVIEW, ViewKind.SETS, ViewKind.QUARANTINE, ViewKind.SYNC,
        )  # fmt: skip
        for kind in (*numbered, ViewKind.PEOPLE, ViewKind.CASE_REGISTER):
            number = numbered.index(kind) + 1 if kind in numbered else None
            self.view_actions[kind] = action(
                view_name(kind),
                f"Ctrl+{number}" if number else None,
                lambda _=False, k=kind: self.sidebar.select(ViewSpec(k)),
                f"go_{kind.value}",
                view_icon(kind),
            )
        self.act_redaction = action(
            self.tr("Redaction…"),
            "Ctrl+Shift+R",
            lambda: self.inspector.open_redaction(),
            "redaction",
        )
        self.act_inbox = self.view_actions[ViewKind.INBOX]
        self.act_all = self.view_actions[ViewKind.ALL]

        # Only on the grid (and the full-screen preview), never window-wide: keys typed into a text field
        # must not confirm a category, and a Delete there must not offer to remove photos.
        def grid_action(text: str, shortcut: str, slot, name: str, icon_name: str = "") -> QAction:  # type: ignore[no-untyped-def]
            act = action(text, shortcut, slot, name, icon_name, window_wide=False)
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            return act

        self.act_remove = grid_action(
            self.tr("Remove from archive…"), "Del", self.remove_selected, "remove_from_archive"
        )
        self.act_fullscreen = grid_action(
            self.tr("Full-screen preview"), "F", self.open_fullscreen, "fullscreen", "fullscreen"
        )
        self.act_fullscreen.setShortcuts([QKeySequence("F"), QKeySequence("Space")])
        names = {
            Category.PORTRAIT: (self.tr("Confirm portrait"), self.tr("Reject portrait")),
            Category.CASE: (self.tr("Confirm case photo"), self.tr("Reject case photo")),
            Category.MEDIA: (self.tr("Confirm media / high-res"), self.tr("Reject media / high-res")),
        }
        self.cull_actions: dict[tuple[Category, CategoryState], QAction] = {}
        for category, key in CULL_KEYS.items():
            confirm, reject = names[category]
            for state, text, keys in (
                (CategoryState.CONFIRMED, confirm, key),
                (CategoryState.REJECTED, reject, f"Shift+{key}"),
            ):
                self.cull_actions[(category, state)] = grid_action(
                    text,
                    keys,
                    lambda _=False, c=category, s=state: self.cull(c, s),
                    f"{state.value}_{category.value}",
                )
        self.grid_actions = [self.act_remove, self.act_fullscreen, *self.cull_actions.values()]

    def _build_menus(self) -> None:
        """File, Edit, View, Photo, Set, Help, as Windows programs have them; shortcuts show beside."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addAction(self.act_export)
        if self._has_module("photoarchive.ui.check_dialog"):
            self.act_check = self._action(self.tr("Check archive…"), None, self.open_check, "check_archive")
            file_menu.addAction(self.act_check)
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.setObjectName("menu_edit")
        for act in (self.act_save, self.act_template):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.act_select_all)
        edit.addAction(self.act_search)
        edit.addSeparator()
        edit.addAction(self.act_remove)

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menu_view")
        for kind in (
            ViewKind.INBOX,
            ViewKind.ALL,
            ViewKind.PORTRAITS,
            ViewKind.CASES,
            ViewKind.MEDIA,
            ViewKind.NEEDS_REVIEW,
            ViewKind.QUARANTINE,
            ViewKind.PEOPLE,
            ViewKind.CASE_REGISTER,
        ):
            view.addAction(self.view_actions[kind])
        view.addSeparator()
        view.addAction(self.act_zoom_in)
        view.addAction(self.act_zoom_out)
        view.addAction(self.act_fullscreen)
        view.addSeparator()
        sort_menu = view.addMenu(self.tr("Sort"))
        self.sort_group = QActionGroup(self)
        for i in range(self.sort_box.count()):
            act = sort_menu.addAction(self.sort_box.itemText(i))
            act.setCheckable(True)
            act.setData(i)
            act.triggered.connect(lambda _=False, row=i: self.sort_box.setCurrentIndex(row))
            self.sort_group.addAction(act)
        theme_menu = view.addMenu(self.tr("Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, text in ((Theme.DARK, self.tr("Dark grey")), (Theme.LIGHT, self.tr("Light"))):
            act = theme_menu.addAction(text)
            act.setObjectName(f"theme_{theme.value}")
            act.setCheckable(True)
            act.setChecked(current_theme() is theme)
            act.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            self.theme_group.addAction(act)
            self.theme_actions[theme] = act
        view.addSeparator()
        view.addAction(self.act_refresh)

        photo = bar.addMenu(self.tr("&Photo"))
        photo.setObjectName("menu_photo")
        for state in (CategoryState.CONFIRMED, CategoryState.REJECTED):
            for category in CULL_KEYS:
                photo.addAction(self.cull_actions[(category, state)])
            photo.addSeparator()
        photo.addAction(self.act_reviewed)
        photo.addAction(self.act_fullscreen)
        photo.addAction(self.act_redaction)
        photo.addSeparator()
        photo.addAction(self.view_actions[ViewKind.PEOPLE])
        photo.addAction(self.view_actions[ViewKind.CASE_REGISTER])

        set_menu = bar.addMenu(self.tr("&Set"))
        set_menu.setObjectName("menu_set")
        set_menu.addAction(self.act_add_to_set)
        set_menu.addSeparator()
        set_menu.addAction(self.view_actions[ViewKind.SETS])
        set_menu.addAction(self.view_actions[ViewKind.SYNC])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.act_help_keys)
        help_menu.addAction(self.act_about)
        self.menus: list[QMenu] = [file_menu, edit, view, photo, set_menu, help_menu]
        self._sort_changed(self.sort_box.currentIndex(), reload=False)

    @staticmethod
    def _has_module(name: str) -> bool:
        import importlib.util

        try:
            return importlib.util.find_spec(name) is not None
        except ImportError:
            return False

    # -- commands of the actions -------------------------------------------------------------------

    def _select_all(self) -> None:
        if self.stack.currentWidget() is self.pages["grid"]:
            self.grid.selectAll()
            self.grid.setFocus()

    def show_shortcuts(self) -> None:
        """Every menu command with its keys, in one list (Help → Keyboard shortcuts)."""
        lines = []
        for menu in self.menus:
            for act in menu.actions():
                keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and not act.isSeparator():
                    lines.append(f"{act.text().replace('&', '')}\t{keys}")
        lines.append(self.tr("Arrow keys\tmove in the grid"))
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), "\n".join(lines), parent=self
        )
        box.setObjectName("shortcuts_box")
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        from photoarchive import __version__

        QMessageBox.about(
            self,
            self.tr("About Photo archive"),
            self.tr(
                "Photo archive %1: the press office's archive of photos, with personal data removed "
                "before anything leaves it."
            ).replace("%1", __version__),
        )

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()
