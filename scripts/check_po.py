"""Fail if any message in the code is missing from a .po file, untranslated or fuzzy.

It runs makemessages (which merges new strings from the code into the .po files), reads
the result, then puts the committed .po files back untouched.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "nl"]


def main() -> int:
    po_paths = [ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in LANGS]
    backup = Path(tempfile.mkdtemp())
    for i, path in enumerate(po_paths):
        if not path.exists():
            print(f"missing catalogue: {path.relative_to(ROOT)}")
            return 1
        shutil.copy2(path, backup / f"{i}.po")
    problems: list[str] = []
    try:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete",
             "--ignore=.venv", "--ignore=node_modules", "--ignore=var", "-v", "0",
             *[arg for lang in LANGS for arg in ("-l", lang)]],
            cwd=ROOT, check=True,
        )  # fmt: skip
        for path in po_paths:
            catalogue = polib.pofile(str(path))
            rel = path.relative_to(ROOT)
            for entry in catalogue.untranslated_entries():
                problems.append(f"{rel}: untranslated: {entry.msgid!r}")
            for entry in catalogue.fuzzy_entries():
                problems.append(f"{rel}: fuzzy: {entry.msgid!r}")
    finally:
        for i, path in enumerate(po_paths):
            shutil.copy2(backup / f"{i}.po", path)
        shutil.rmtree(backup)
    for line in problems:
        print(line)
    if problems:
        print(
            f"{len(problems)} translation problem(s): run `make makemessages` and translate them."
        )
        return 1
    print(f"translations complete: {', '.join(LANGS)} (English is the source language)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
