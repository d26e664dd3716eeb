"""The team changes (issue 26, slice 3): a member who joins after reports arrived, or whose
password was reset by email, waits for access; a supervisor grants it from their key, in
batches with progress; the recovery key does it from the terminal; a disabled account's
wraps are gone."""

import io
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from encryption import holders
from reports.access import services
from reports.intake.services import submit_report
from reports.models import AuditEntry, Report, ReportKey, SearchKeyWrap
from staff import accounts
from staff.authenticators import give_totp
from tests.keys import RECOVERY_PRIVATE_KEY, STAFF_PASSWORD
from tests.reporting import SECRET_TEXT

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/reports/report/"
ACCESS = "/fr/admin/reports/report/access/"
HOME = "/fr/admin/"


def _reports(n=1) -> list[Report]:
    made = []
    for _ in range(n):
        receipt = submit_report(
            location="abroad", country="TH", place_kind="", upload_token="none",
            content={"description": SECRET_TEXT},
        )  # fmt: skip
        made.append(Report.objects.get(reference=receipt.reference))
    return made


def _reads(client, member, staff_login, report) -> bool:
    staff_login(member)
    page = client.get(f"{QUEUE}{report.pk}/change/")
    return page.status_code == 200 and "chambre 214" in page.content.decode()


def test_a_supervisor_grants_a_new_member_access_and_the_home_page_says_who_waits(
    client, supervisor, make_staff, staff_login, django_capture_on_commit_callbacks
):
    [report] = _reports()
    newcomer = make_staff("newcomer", "Triage officer")
    assert not _reads(client, newcomer, staff_login, report)  # access pending

    staff_login(supervisor)
    client.post(f"{QUEUE}search/", {"q": "Sunrise"})  # the search key is made
    home = client.get(HOME).content.decode()
    assert "newcomer" in home
    assert f"{ACCESS}{newcomer.pk}/" in home
    page = client.get(f"{ACCESS}{newcomer.pk}/")
    assert page.status_code == 200
    assert "ne peut pas lire 1 signalement scellé" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{ACCESS}{newcomer.pk}/")
    assert done.status_code == 302
    assert done["Location"] == ACCESS
    assert "newcomer" not in client.get(HOME).content.decode()

    assert _reads(client, newcomer, staff_login, report)
    # The search index's key is given with the reports'.
    assert SearchKeyWrap.objects.filter(user=newcomer).count() == 1
    assert client.post(f"{QUEUE}search/", {"q": "Sunrise"}).status_code == 200
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.STAFF_ACCOUNT).latest("pk")
    assert (entry.user, entry.data["change"], entry.data["reports"]) == (
        supervisor, "access_granted", 1,
    )  # fmt: skip


def test_a_large_grant_goes_in_batches_with_its_progress(
    client, supervisor, make_staff, staff_login, monkeypatch
):
    monkeypatch.setattr(services, "GRANT_BATCH", 2)
    reports = _reports(5)
    newcomer = make_staff("newcomer", "Triage officer")
    staff_login(supervisor)
    first = client.post(f"{ACCESS}{newcomer.pk}/")
    body = first.content.decode()
    assert first.status_code == 200
    assert "data-continue" in body
    assert 'value="2"' in body
    assert 'max="5"' in body
    assert "staff-continue.js" in body  # goes on by itself; the button without scripts
    client.post(f"{ACCESS}{newcomer.pk}/")
    assert client.post(f"{ACCESS}{newcomer.pk}/").status_code == 302
    assert all(_reads(client, newcomer, staff_login, r) for r in reports)
    # Each report's two keys, and only once each however many times it is asked.
    assert ReportKey.objects.filter(user=newcomer).count() == 10
    staff_login(supervisor)
    client.post(f"{ACCESS}{newcomer.pk}/")
    assert ReportKey.objects.filter(user=newcomer).count() == 10


def test_only_a_supervisor_with_their_key_grants(client, officer, supervisor, make_staff,
                                                 staff_login):  # fmt: skip
    from django.conf import settings

    _reports()
    newcomer = make_staff("newcomer", "Triage officer")
    staff_login(officer)
    assert client.get(ACCESS).status_code == 403
    assert client.post(f"{ACCESS}{newcomer.pk}/").status_code == 403
    assert not ReportKey.objects.filter(user=newcomer).exists()
    # A supervisor signed in with a passkey types their password once first.
    staff_login(supervisor)
    del client.cookies[settings.STAFF_KEY_COOKIE_NAME]
    locked = client.post(f"{ACCESS}{newcomer.pk}/")
    assert locked.status_code == 302
    assert locked["Location"].startswith("/fr/staff/unlock/")
    assert not ReportKey.objects.filter(user=newcomer).exists()
    # Nobody grants themselves, nor someone who has not signed in (no key to give to).
    staff_login(supervisor)
    invited = accounts.invite_staff(by=supervisor, username="invited", email="i@example.org",
                                    role=accounts.OFFICER)  # fmt: skip
    refused = client.post(f"{ACCESS}{invited.pk}/", follow=True)
    assert "pas connecté" in refused.content.decode() or "signed in" in refused.content.decode()
    assert "invited" in client.get(ACCESS).content.decode()


def test_disabling_an_account_deletes_its_wraps(supervisor, officer):
    _reports(2)
    assert ReportKey.objects.filter(user=officer).count() == 4
    accounts.disable_staff(by=supervisor, account=officer)
    assert not ReportKey.objects.filter(user=officer).exists()
    # Enabled again, they wait for a grant like a newcomer.
    officer.is_active = True
    officer.save()
    assert [w.member for w in services.waiting_for_access()] == [officer]


def _reset_by_email(client, member, new_password):
    """Allauth's own flow: the link by email, then the new password."""
    member.email = f"{member.username}@example.org"
    member.save()
    client.post("/fr/staff/password/reset/", {"email": member.email})
    link = re.search(r"/fr/staff/password/reset/key/\S+/", mail.outbox[-1].body)[0]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(form.redirect_chain[-1][0] if form.redirect_chain else link,
                       {"password1": new_password, "password2": new_password})  # fmt: skip
    assert done.status_code == 302, done.content.decode()[:300]
    member.refresh_from_db()
    assert member.check_password(new_password)


def _sign_in(client, member, password, secret, minutes_later=0):
    """A real sign-in with password and code (a code is never accepted twice: a later one
    is signed in minutes later)."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from staff.authenticators import current_code

    client.logout()
    with time_machine.travel(timezone.now() + timedelta(minutes=minutes_later), tick=True):
        client.post("/fr/staff/login/", {"login": member.username, "password": password})
        client.post("/fr/staff/2fa/authenticate/", {"code": current_code(secret)})


def test_a_password_reset_by_email_waits_then_a_supervisors_grant_restores_it(
    client, officer, supervisor, staff_login
):
    [report] = _reports()
    secret = give_totp(officer)
    _reset_by_email(client, officer, "a new long password 2026")
    _sign_in(client, officer, "a new long password 2026", secret)
    page = client.get(f"{QUEUE}{report.pk}/change/")
    assert page.status_code == 403
    assert SECRET_TEXT not in page.content.decode()
    assert [w.member for w in services.waiting_for_access()] == [officer]

    staff_login(supervisor)
    client.post(f"{ACCESS}{officer.pk}/")
    _sign_in(client, officer, "a new long password 2026", secret, minutes_later=1)
    assert "chambre 214" in client.get(f"{QUEUE}{report.pk}/change/").content.decode()


def test_the_recovery_key_restores_access_from_the_terminal(
    client, officer, supervisor, monkeypatch, django_capture_on_commit_callbacks
):
    import base64

    reports = _reports(3)
    secret = give_totp(officer)
    _reset_by_email(client, officer, "a new long password 2026")
    _sign_in(client, officer, "a new long password 2026", secret)  # a new key pair
    typed = iter(["bm90IHRoZSBrZXk=", base64.b64encode(RECOVERY_PRIVATE_KEY).decode()])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    with pytest.raises(CommandError, match="not"):
        call_command("restore_access", "officer", stdout=io.StringIO())
    assert not ReportKey.objects.filter(user=officer).exists()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("restore_access", "officer", stdout=out)
    assert "3 reports, 0 left" in out.getvalue()
    _sign_in(client, officer, "a new long password 2026", secret, minutes_later=1)
    assert all(
        "chambre 214" in client.get(f"{QUEUE}{r.pk}/change/").content.decode() for r in reports
    )
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.STAFF_ACCOUNT).latest("pk")
    assert entry.data == {"change": "access_granted", "account": "officer", "reports": 3,
                          "by_recovery_key": True}  # fmt: skip
    assert holders.current() is None  # the key was held for the command only
    assert STAFF_PASSWORD not in out.getvalue()


def test_the_staff_accounts_page_leads_to_its_access(client, supervisor, make_staff, staff_login):
    newcomer = make_staff("newcomer", "Triage officer")
    staff_login(supervisor)
    page = client.get(f"/fr/admin/staff/staffaccount/{newcomer.pk}/change/")
    assert page.status_code == 200
    assert f"{ACCESS}{newcomer.pk}/" in page.content.decode()


def test_a_member_without_the_search_key_waits_even_holding_every_report(
    client, supervisor, make_staff, staff_login
):
    """The search key is made at the team's first search and wrapped to those who had a key
    then: a member who joined later, with every report since sealed to them, still cannot
    search until a grant gives it."""
    staff_login(supervisor)
    client.post(f"{QUEUE}search/", {"q": "Sunrise"})  # the search key is made
    newcomer = make_staff("newcomer", "Triage officer")
    _reports()  # sealed to the newcomer too
    assert [(w.member, w.missing) for w in services.waiting_for_access()] == [(newcomer, 0)]
    staff_login(newcomer)
    assert client.post(f"{QUEUE}search/", {"q": "Sunrise"}).status_code == 403
    staff_login(supervisor)
    client.post(f"{ACCESS}{newcomer.pk}/")
    assert services.waiting_for_access() == []
    staff_login(newcomer)
    assert client.post(f"{QUEUE}search/", {"q": "Sunrise"}).status_code == 200
