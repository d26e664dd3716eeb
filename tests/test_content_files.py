"""The campaign's content as text files (campaign.content), loaded by campaign.seed: every
file readable, every item in three languages, and an editor's change never overwritten."""

from __future__ import annotations

import importlib
import io
import shutil
from pathlib import Path

import pytest
from django.apps import apps

from campaign import content, seed
from campaign.models import Article, KeyFigure, Page
from partners.models import Partner

pytestmark = pytest.mark.django_db


def test_every_content_file_reads_and_each_item_has_three_languages():
    counts = {kind: len(content.read(kind)) for kind in content.KINDS}
    assert counts == {"pages": 9, "articles": 4, "figures": 6, "partners": 9} or all(
        counts.values()
    )
    for kind in content.KINDS:
        for item in content.read(kind):
            assert set(item.fields) == {"fr", "nl", "en"}, item.key


def test_the_python_content_is_gone():
    root = Path(content.__file__).parent
    assert [p.name for p in root.glob("*.py")] == ["__init__.py"]


def load(root=None) -> str:
    out = io.StringIO()
    seed.load(out, root=root)
    return out.getvalue()


def test_a_second_load_changes_nothing_and_an_editors_change_survives(tmp_path):
    load()
    before = {m: m.objects.count() for m in (Page, Article, KeyFigure, Partner)}
    assert all(before.values())
    page = Page.objects.get(seed_key="campaign")
    page.title_nl = "Door een redacteur aangepast"
    page.save()
    # The files change: the untouched rows follow them, the edited one stays.
    root = tmp_path / "content"
    shutil.copytree(content.ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for name in ["campaign.nl.md", "exploitation.nl.md"]:
        path = root / "pages" / name
        path.write_text(path.read_text().replace('title = "', 'title = "Nieuw: ', 1))
    out = load(root)
    assert "1 brought up to date" in out
    assert "1 changed by editors" in out
    assert Page.objects.get(seed_key="campaign").title_nl == "Door een redacteur aangepast"
    assert Page.objects.get(seed_key="exploitation").title_nl.startswith("Nieuw: ")
    assert {m: m.objects.count() for m in (Page, Article, KeyFigure, Partner)} == before


def test_rows_loaded_before_the_files_are_recognised_unless_an_editor_changed_them(monkeypatch):
    """The migration knows the fingerprints of the seed as first loaded; here, those of the
    files as they are now stand in for them (the rows below are loaded from these files)."""
    load()
    Page.objects.update(seed_key="", seed_hash="")
    Article.objects.update(seed_key="", seed_hash="")
    KeyFigure.objects.update(seed_key="", seed_hash="")
    Partner.objects.update(seed_key="", seed_hash="")
    Page.objects.filter(slug="exploitation").update(title_fr="Modifié par un éditeur")
    migration = importlib.import_module("campaign.migrations.0004_seed_keys")
    values = {"pages": seed.page_values, "figures": seed.figure_values,
              "partners": seed.partner_values, "articles": seed.article_values}  # fmt: skip
    original = {
        kind: {item.key: seed.fingerprint(
            {k: v for k, v in values[kind](item).items() if k in migration.FIELDS[kind]}
        ) for item in content.read(kind)}
        for kind in values
    }  # fmt: skip
    monkeypatch.setattr(migration, "ORIGINAL", original)
    migration.mark(apps, None)
    assert not Page.objects.filter(seed_key="").exists()
    assert Page.objects.get(slug="exploitation").seed_hash == ""  # the editor's: never overwritten
    assert Page.objects.filter(seed_hash="").count() == 1
    for model in (Article, KeyFigure, Partner):
        assert not model.objects.filter(seed_hash="").exists(), model


def test_a_broken_file_says_which_and_why(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "campaign.fr.md").write_text("+++\ntitle = \n+++\nBody")
    with pytest.raises(content.ContentError, match=r"campaign\.fr\.md"):
        content.read("pages", tmp_path)
