"""Property-based: whatever a visitor sends, never a server error (500)."""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from reports.intake.forms import ReportForm
from tests.reporting import report_data

pytestmark = pytest.mark.django_db

FIELDS = [*ReportForm.base_fields, "upload_token", "started", "remove_photo", "action"]
nasty_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50).map(lambda s: s * 200),
    st.sampled_from(["\x00", "a\x00b", "%00", "../../etc/passwd", "<script>alert(1)</script>",
                     "' OR 1=1 --", "\ud7ff", "9" * 400, "-1", "1e999", "NaN", "2026-13-45"]),
)  # fmt: skip
OK = {200, 302, 400, 403, 405, 413, 429}
HYPOTHESIS = hsettings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.REPORT_SUBMIT_LIMIT = 10**9
    settings.FOLLOW_UP_FAILURE_LIMIT = 10**9
    settings.REPORT_MIN_FILL_SECONDS = 0


@HYPOTHESIS
@given(
    data=st.dictionaries(
        st.sampled_from(FIELDS), st.one_of(nasty_text, st.lists(nasty_text, max_size=3))
    )
)
def test_the_report_form_never_fails(client, data):
    response = client.post("/fr/signaler/", {**report_data(), **data})
    assert response.status_code in OK


@HYPOTHESIS
@given(code=nasty_text, action=st.sampled_from(["login", "reply", "leave", "", "x"]))
def test_the_follow_up_never_fails(client, code, action):
    response = client.post("/nl/opvolging/", {"action": action, "code": code, "message": code})
    assert response.status_code in OK


@HYPOTHESIS
@given(language=nasty_text, next_url=nasty_text, method=st.sampled_from(["get", "post"]))
def test_the_language_switcher_never_fails_nor_leaves_the_site(client, language, next_url, method):
    """The public pages switch with links (GET), the admin with a form (POST)."""
    response = getattr(client, method)("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code in OK
    location = response.get("Location", "/")
    assert not location.startswith(("http://", "https://", "//")) or location.startswith(
        "http://testserver"
    )


@HYPOTHESIS
@given(page=nasty_text, slug=nasty_text)
def test_public_lists_and_articles_never_fail(client, page, slug):
    """The public site has no search box; its visitor-typed inputs are the list's page
    number and the article address."""
    assert client.get("/fr/actualites/", {"page": page}).status_code in OK
    path = "/fr/actualites/1/" + urllib.parse.quote(slug, safe="") + "/"
    assert client.get(path).status_code in {*OK, 404}


@HYPOTHESIS
@given(body=st.binary(max_size=2000), boundary=st.sampled_from(["xx", "----x", "", "a" * 80]))
def test_malformed_multipart_bodies_never_fail(client, body, boundary):
    response = client.generic(
        "POST", "/fr/signaler/", body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code in OK


@HYPOTHESIS
@given(query=nasty_text)
def test_the_staff_searches_never_fail(client, query, staff_login, django_user_model):
    from django.contrib.auth.models import Group

    user, _ = django_user_model.objects.get_or_create(username="sup", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Supervisor"))
    staff_login(user)
    for url in ["/fr/admin/reports/report/", "/fr/admin/reports/auditentry/"]:
        assert client.get(url, {"q": query}).status_code in OK
