"""The campaign's seed content as text a translator or an editor can read: one Markdown file
per page (article, figure, partner) and language, `<key>.<lang>.md`, with TOML front matter
between `+++` lines (read with tomllib). Fields shared by all languages (order, category,
website, publication) are in the French file, the source language.

Written from the French seed texts of ECPAT Belgique (partners page, news, website pages,
leaflet), with names and facts from the shared glossary. French keeps the wording of the
sources; Dutch and English are written for Belgian Dutch and British readers. Bodies are
Markdown (## headings, lists, bold; no raw HTML): the page title is the only h1.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LANGS = ("fr", "nl", "en")
KINDS = ("pages", "articles", "figures", "partners")


class ContentError(ValueError):
    """A content file that cannot be read: its name and why."""


@dataclass
class Item:
    key: str
    shared: dict = field(default_factory=dict)
    # Per language: the front matter's own fields, and the body.
    fields: dict[str, dict] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)

    def translated(self, name: str) -> dict[str, str]:
        return {lang: self.fields.get(lang, {}).get(name, "") for lang in LANGS}


def parse(text: str, name: str = "") -> tuple[dict, str]:
    """Front matter and body of one file."""
    if not text.startswith("+++\n"):
        raise ContentError(f"{name}: no front matter (a file starts with +++)")
    try:
        front, body = text[4:].split("\n+++\n", 1)
    except ValueError:
        raise ContentError(f"{name}: the front matter is not closed by +++") from None
    try:
        return tomllib.loads(front), body.strip("\n")
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name}: {error}") from None


def read(kind: str, root: Path = ROOT) -> list[Item]:
    """Every item of `kind`, in the order of the French files' `order` (or publication)."""
    items: dict[str, Item] = {}
    for path in sorted((root / kind).glob("*.md")):
        key, _, lang = path.stem.rpartition(".")
        if lang not in LANGS or not key:
            raise ContentError(f"{path.name}: the name must be <key>.<fr|nl|en>.md")
        front, body = parse(path.read_text(encoding="utf-8"), path.name)
        item = items.setdefault(key, Item(key=key))
        own = {}
        for name, value in front.items():
            if name in SHARED.get(kind, ()):
                if lang != "fr":
                    raise ContentError(f"{path.name}: {name} belongs in the French file")
                item.shared[name] = value
            else:
                own[name] = value
        item.fields[lang] = own
        item.body[lang] = body
    for item in items.values():
        missing = [lang for lang in LANGS if lang not in item.fields]
        if missing:
            raise ContentError(f"{kind}/{item.key}: no file for {', '.join(missing)}")
    return sorted(items.values(), key=lambda i: (i.shared.get("order", 0), i.key))


SHARED = {
    "pages": ("order",),
    "articles": ("published", "date_shown", "date_note"),
    "figures": ("order",),
    "partners": ("order", "category", "website"),
}
