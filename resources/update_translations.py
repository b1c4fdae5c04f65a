"""Refresh the translation sources from the code, and build the .qm files Qt loads.

    python resources/update_translations.py          # lupdate: new strings into the .ts files
    python resources/update_translations.py --build  # lrelease only: .ts -> .qm (what build.spec runs)

Translate new strings with Qt Linguist (`pyside6-linguist resources/translations/photoarchive_nb.ts`).
English is the source language: photoarchive_en.ts holds only the plural forms ("1 photo" / "2 photos").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TRANSLATIONS = HERE / "translations"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name + (".exe" if sys.platform == "win32" else ""))
    if beside.exists():
        return str(beside)
    scripts = Path(sys.executable).parent / "Scripts" / (name + ".exe")
    return str(scripts) if scripts.exists() else name


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "photoarchive" / "ui").glob("*.py"))
    for language, extra in (("nb", []), ("en", ["-pluralonly"])):
        ts = TRANSLATIONS / f"photoarchive_{language}.ts"
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *extra,
                "-locations",
                "none",
                "-target-language",
                language,
                *sources,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )


def build() -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from photoarchive.ui.resources import compile_translations

    return compile_translations(TRANSLATIONS, TRANSLATIONS)


if __name__ == "__main__":
    if "--build" not in sys.argv:
        update()
    for qm in build():
        print(qm)
