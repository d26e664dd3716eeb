"""An editor knows nothing of the reports, not even their number: every reports or audit
address answers 404 with the same body for an existing id as for a missing one."""

import re

import pytest

from reports.models import AuditEntry, ReportPhoto
from tests import images
from tests.test_triage_admin import new_report

pytestmark = pytest.mark.django_db

URLS = [
    "/fr/admin/reports/",
    "/fr/admin/reports/report/",
    "/fr/admin/reports/report/{id}/change/",
    "/fr/admin/reports/report/{id}/history/",
    "/fr/admin/reports/report/{id}/delete/",
    "/fr/admin/reports/report/{id}/dossier/",
    "/fr/admin/reports/report/{id}/photo/{photo}/",
    "/fr/admin/reports/report/{id}/photo/{photo}/thumbnail/",
    "/fr/admin/reports/report/{id}/photo/{photo}/view/",
    "/fr/admin/reports/report/{id}/photo/{photo}/download/",
    "/fr/admin/reports/report/{id}/photo/{photo}/flag/",
    "/fr/admin/reports/report/wellbeing/",
    "/fr/admin/reports/report/wellbeing/beat/",
    "/fr/admin/reports/report/{id}/",
    "/fr/admin/reports/report/statistics/",
    "/fr/admin/reports/report/statistics.csv",
    "/fr/admin/reports/report/enter/",
    "/fr/admin/reports/report/search/",
    "/fr/admin/reports/oncallshift/",
    "/fr/admin/reports/auditentry/",
    "/fr/admin/reports/auditentry/{audit}/change/",
    "/fr/admin/reports/auditentry/{audit}/history/",
    "/fr/admin/reports/auditentry/{audit}/delete/",
    "/fr/admin/reports/tag/",
    "/fr/admin/autocomplete/?app_label=reports&model_name=report&field_name=duplicate_of&term={id}",
]


def normalised(body: bytes, *ids) -> str:
    text = re.sub(r'nonce="[^"]*"', 'nonce=""', body.decode())
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "csrf", text)
    for value in ids:  # the address itself appears in the language links
        for before, after in (("/", "/"), ("term=", ""), ("term%3D", "")):
            # Only the id itself: "term%3D3" must not become "term%IDDID".
            text = text.replace(f"{before}{value}{after}", f"{before}ID{after}")
    return text


@pytest.fixture
def existing(officer):
    from reports.intake.uploads import accept_photos

    accept_photos("tok", [images.upload()], keep_place_and_time=False)
    report = new_report(token="tok")
    photo = ReportPhoto.objects.get(report=report)
    audit = AuditEntry.objects.create(username="officer", action="login")
    return {"id": report.pk, "photo": photo.pk, "audit": audit.pk}


@pytest.fixture(params=["editor", "staff without a role"])
def outsider(request, editor, make_staff, staff_login):
    user = editor if request.param == "editor" else make_staff("plain", "Editor")
    if request.param != "editor":
        user.groups.clear()
    return staff_login(user)


@pytest.mark.parametrize("method", ["get", "post", "head"])
def test_no_reports_address_tells_an_outsider_anything(outsider, existing, method):
    missing = {key: value + 1000 for key, value in existing.items()}
    for url in URLS:
        there = getattr(outsider, method)(url.format(**existing))
        gone = getattr(outsider, method)(url.format(**missing))
        assert there.status_code == 404, (url, method, there.status_code)
        assert gone.status_code == 404, (url, method, gone.status_code)
        assert normalised(there.content, *existing.values()) == normalised(
            gone.content, *missing.values()
        ), url


def test_the_admin_home_of_an_editor_names_no_reports(client, editor, staff_login):
    staff_login(editor)
    body = client.get("/fr/admin/").content.decode()
    assert "/admin/reports/" not in body


def test_triage_staff_still_reach_what_their_role_allows(client, officer, existing, staff_login):
    staff_login(officer)
    assert client.get("/fr/admin/reports/report/").status_code == 200
    assert client.get(f"/fr/admin/reports/report/{existing['id']}/change/").status_code == 200
    # The audit log is for supervisors: to an officer it does not exist either.
    assert client.get("/fr/admin/reports/auditentry/").status_code == 404
