"""The app's look: a calm, neutral dark-grey or light palette (grey, never tinted, so photos look as
they are), icons drawn for the app, and the per-user window state (QSettings).

Photo tools (Lightroom, Photo Mechanic, digiKam) show pictures on neutral grey: a coloured surround
shifts how colours in the picture are seen. Only the selection carries a muted blue.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from photoarchive import APP_NAME
from photoarchive.ui.resources import resources_dir


class Theme(StrEnum):
    DARK = "dark"
    LIGHT = "light"


# (window, base, alternate base, text, disabled text, button, highlight, highlighted text)
_COLOURS = {
    Theme.DARK: ("#2b2b2b", "#232323", "#303030", "#e0e0e0", "#7a7a7a", "#353535", "#4a6a8a", "#ffffff"),
    Theme.LIGHT: ("#efefef", "#fafafa", "#e6e6e6", "#1d1d1d", "#9a9a9a", "#e4e4e4", "#9bb6d3", "#0d0d0d"),
}


def palette_for(theme: Theme) -> QPalette:
    window, base, alt, text, disabled, button, highlight, highlighted = (QColor(c) for c in _COLOURS[theme])
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Highlight, highlight),
        (role.HighlightedText, highlighted),
        (role.BrightText, QColor("#ff6b6b")),
        (role.Link, QColor("#6f9fd8" if theme is Theme.DARK else "#1f5fa8")),
        (role.Light, window.lighter(130)),
        (role.Midlight, window.lighter(115)),
        (role.Mid, window.darker(130)),
        (role.Dark, window.darker(160)),
        (role.Shadow, QColor("#000000")),
    ):
        p.setColor(r, colour)
    group = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group, r, disabled)
    return p


def apply_theme(theme: Theme | str, app: QApplication | None = None) -> Theme:
    """Fusion with the neutral palette; the same on Windows, Linux and offscreen."""
    theme = Theme(theme) if theme in set(Theme) else Theme.DARK
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return theme
    app.setStyle("Fusion")
    app.setPalette(palette_for(theme))
    app.setProperty("photoarchive_theme", theme.value)
    return theme


def current_theme() -> Theme:
    app = QApplication.instance()
    value = app.property("photoarchive_theme") if app is not None else None
    return Theme(value) if value in set(Theme) else Theme.DARK


@cache
def icon(name: str) -> QIcon:
    """One of the app's line icons (resources/icons/ui/NAME.svg; mid-grey, legible on both themes)."""
    path = resources_dir() / "icons" / "ui" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def user_state() -> QSettings:
    """The window's per-user memory (size, splitters, sort, tile size, export folder): an INI file in
    the user's settings folder (%APPDATA%\\photoarchive on Windows), never the archive's shared settings."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "window")
