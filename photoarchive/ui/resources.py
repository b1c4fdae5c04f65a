"""Where the app's resources (icon, translations) are, in a source checkout and in the PyInstaller build.

Translations: the `.ts` sources live in `resources/translations/`; the `.qm` files Qt loads are built
from them with `pyside6-lrelease` — by `build.spec` for the Windows build, and on first start in a source
checkout (into the same folder, or the per-user cache when that folder is read-only). `.qm` files are
not kept in git.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("nb", "en")


def resources_dir() -> Path:
    """The top-level `resources/` folder (beside the package, or inside the frozen app)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / "photoarchive.png"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _lrelease() -> str | None:
    """pyside6-lrelease from the running interpreter's environment (ships with PySide6-Essentials)."""
    name = "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    scripts = Path(sys.executable).parent / "Scripts" / name
    if scripts.exists():
        return str(scripts)
    return shutil.which("pyside6-lrelease")


def compile_translations(source_dir: Path, out_dir: Path) -> list[Path]:
    """Build `.qm` from each `.ts` in source_dir that is missing or older in out_dir; returns the .qm paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    tool = None
    for ts in sorted(source_dir.glob("photoarchive_*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            built.append(qm)
            continue
        tool = tool or _lrelease()
        if tool is None:
            log.warning("pyside6-lrelease not found; %s stays untranslated", ts.name)
            continue
        result = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0 or not qm.exists():
            log.warning("could not compile %s: %s", ts.name, result.stderr.strip())
            continue
        built.append(qm)
    return built


def qm_file(language: str) -> Path | None:
    """The compiled translation for a language, building it first when needed (source checkout only)."""
    name = f"photoarchive_{language}.qm"
    source = translations_dir()
    shipped = source / name
    ts = source / f"photoarchive_{language}.ts"
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    for out_dir in (source, _cache_dir()):
        try:
            for qm in compile_translations(source, out_dir):
                if qm.name == name:
                    return qm
        except OSError as exc:  # read-only install folder: fall through to the cache
            log.info("cannot build translations in %s: %s", out_dir, exc)
    return None


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("photoarchive", appauthor=False)) / "translations"
