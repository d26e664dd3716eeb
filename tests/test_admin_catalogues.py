"""No fallback to another language in the admin: every string Django (and allauth) can show
in French exists in Dutch, in their catalogues or the project's; Dutch admin pages show no
French (issue 17, slice 4)."""

from __future__ import annotations

import os
from pathlib import Path

import allauth
import django
import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(django.__file__).parent
CATALOGUES = [
    BASE / "conf/locale/{lang}/LC_MESSAGES/django.po",
    BASE / "contrib/admin/locale/{lang}/LC_MESSAGES/django.po",
    BASE / "contrib/auth/locale/{lang}/LC_MESSAGES/django.po",
    BASE / "contrib/contenttypes/locale/{lang}/LC_MESSAGES/django.po",
    Path(allauth.__file__).parent / "locale/{lang}/LC_MESSAGES/django.po",
]


def translated(path) -> set:
    if not os.path.exists(path):
        return set()
    return {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(path))
        if not e.obsolete and e.translated() and "fuzzy" not in e.flags
    }


def test_every_french_string_of_django_and_allauth_exists_in_dutch():
    ours = translated(ROOT / "locale/nl/LC_MESSAGES/django.po")
    missing = []
    for template in CATALOGUES:
        french = translated(str(template).format(lang="fr"))
        dutch = translated(str(template).format(lang="nl"))
        missing += sorted(french - dutch - ours, key=str)
    assert missing == []


@pytest.mark.django_db
def test_dutch_admin_pages_show_no_french(client, staff_login, supervisor):
    from reports.triage.services import claim_report
    from tests.test_triage_admin import new_report

    report = claim_report(new_report(), by=supervisor)
    staff_login(supervisor)
    pages = ["/nl/admin/", "/nl/admin/reports/report/", "/nl/admin/reports/auditentry/",
             f"/nl/admin/reports/report/{report.pk}/change/"]  # fmt: skip
    for url in pages:
        body = client.get(url).content.decode()
        for french in ["Choisir une option", "Filtrer par", "Rechercher", "Déconnexion",
                       "Ajout de", "journal d'audit"]:  # fmt: skip
            assert french not in body, (url, french)
