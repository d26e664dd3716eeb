"""The report's life without dead ends (issue 14, slice 4): consent that decides what a
dossier names, a message that asks nothing, reopening, related reports both ways."""

import io

import pytest
from pypdf import PdfReader

from reports.errors import ReportError
from reports.models import Consent, Message, Referral, Report
from reports.referrals import dossier
from reports.referrals.services import forward_report
from reports.triage.services import (
    claim_report,
    close_report,
    link_reports,
    message_reporter,
    reopen_report,
)
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"


def a_report(client, **extra) -> Report:
    client.post("/fr/signaler/", report_data(
        reporter_name="Marie Dupont", reporter_email="marie@example.org", **extra))  # fmt: skip
    return Report.objects.order_by("-pk").first()


def test_ecpat_may_contact_me_keeps_the_identity_out(client, officer):
    report = a_report(client, consent="ecpat")
    assert report.consent == Consent.ECPAT
    forward_report(claim_report(report, by=officer), by=officer, authority="federal_police")
    referral = Referral.objects.get()
    assert (referral.identity_included, referral.consent_at_sending) == (False, "ecpat")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dossier.pdf(referral))).pages)
    assert "Marie Dupont" not in text


def test_the_police_may_contact_me_puts_the_identity_in_the_dossier(client, officer):
    report = a_report(client, consent="police")
    assert report.consent == Consent.POLICE
    forward_report(claim_report(report, by=officer), by=officer, authority="federal_police")
    referral = Referral.objects.get()
    assert referral.identity_included
    assert "Marie Dupont" in dossier.html(referral)


def test_a_message_asks_nothing_and_the_report_does_not_wait(client, officer):
    report = claim_report(a_report(client), by=officer)
    report = message_reporter(report, by=officer, text="Merci, c'est transmis.")
    assert report.status == Report.Status.ASSESSING
    message = Message.objects.get()
    assert message.kind == Message.Kind.MESSAGE
    with pytest.raises(ReportError):
        message_reporter(report, by=officer, text="  ")


def test_only_a_supervisor_reopens_a_closed_report_with_a_reason(client, officer, supervisor):
    report = close_report(claim_report(a_report(client), by=officer), by=officer, outcome="spam")
    with pytest.raises(ReportError):
        reopen_report(report, by=officer, reason="Nouvel élément")
    with pytest.raises(ReportError):
        reopen_report(report, by=supervisor, reason=" ")
    report = reopen_report(report, by=supervisor, reason="Nouvel élément")
    assert (report.status, report.closed_at, report.outcome) == ("assessing", None, "")
    event = report.events.get(kind="reopened")
    assert event.text == "Nouvel élément"


def test_related_reports_show_on_both_and_duplicates_both_ways(client, officer, staff_login):
    first, second, third = (a_report(client) for _ in range(3))
    link_reports(first, second, by=officer, note="Même hôtel")
    with pytest.raises(ReportError):
        link_reports(second, first, by=officer)
    close_report(claim_report(third, by=officer), by=officer, outcome="duplicate",
                 duplicate_of=first)  # fmt: skip
    staff_login(officer)
    on_first = client.get(f"{QUEUE}{first.pk}/change/").content.decode()
    on_second = client.get(f"{QUEUE}{second.pk}/change/").content.decode()
    on_third = client.get(f"{QUEUE}{third.pk}/change/").content.decode()
    assert second.reference in on_first
    assert third.reference in on_first  # its duplicate
    assert first.reference in on_second
    assert "Même hôtel" in on_second
    assert first.reference in on_third


def test_the_reporter_reads_the_outcome_in_plain_words_and_the_closing_message(client, officer):
    from reports.intake.services import submit_report
    from reports.referrals.services import record_outcome

    receipt = submit_report(location="abroad", country="TH", place_kind="",
                            content={"description": "x"}, upload_token="none")  # fmt: skip
    report = claim_report(Report.objects.get(reference=receipt.reference), by=officer)
    forward_report(report, by=officer, authority="federal_police")
    record_outcome(Referral.objects.get(), by=officer, outcome="investigation")
    close_report(report, by=officer, outcome="forwarded", message="Merci pour votre vigilance.")
    client.post("/fr/suivi/", {"action": "login", "code": receipt.code})
    body = client.get("/fr/suivi/").content.decode()
    assert "autorité compétente" in body
    assert "Merci pour votre vigilance." in body
    assert "enquête" not in body.lower()  # an opened investigation is never told


def test_the_report_page_offers_only_the_steps_one_may_take_now(
    client, officer, supervisor, make_staff, staff_login
):
    colleague = make_staff("colleague", "Triage officer")  # on the team when it arrives
    report = a_report(client)
    staff_login(officer)

    def offered():
        page = client.get(f"{QUEUE}{report.pk}/change/")
        return {value for value, _label in page.context["action_form"].fields["action"].choices}

    assert {"claim", "note", "link"} <= offered()
    assert not {"ask", "forward", "reopen", "outcome", "hand_over"} & offered()
    claim_report(report, by=officer)
    assert {"ask", "message", "forward", "close", "release"} <= offered()
    assert "claim" not in offered()
    staff_login(colleague)
    assert not {"ask", "forward", "close", "release"} & offered()  # a colleague's report
    close_report(report, by=officer, outcome="spam")
    staff_login(supervisor)
    assert "reopen" in offered()
    assert not {"ask", "forward", "close"} & offered()
