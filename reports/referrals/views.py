"""A report's dossier: what a referral would hold, before the report is forwarded, and each
referral's dossier to read or to take away as a file. Every one is audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from reports import rules
from reports.audit.services import audit
from reports.models import AuditEntry, Delivery, Referral, Report
from reports.pages import not_kept, staff_page
from reports.referrals import dossier
from reports.referrals.forms import DeliveryForm
from reports.rules import Step


def _report(request, report_id: int) -> Report:
    report = get_object_or_404(Report, pk=report_id)
    try:
        rules.check(request.user, Step.DOSSIER, report)
    except rules.StepRefused as refusal:
        raise PermissionDenied(str(refusal)) from None
    return report


def preview(request, report_id: int):
    """What a referral would hold by default, before the report is forwarded."""
    report = _report(request, report_id)
    audit(request.user, AuditEntry.Action.DOSSIER, report, detail="preview")
    return not_kept(HttpResponse(dossier.html(dossier.preview(report), request=request)))


@sensitive_post_parameters()  # a passphrase, a reason: never in a log
def referral_dossier(request, report_id: int, referral_id: int):
    """The dossier of one referral: to read (GET), or as a PDF or ZIP (POST, encrypted with
    a passphrase, which never travels in an address, is never kept and never rendered back;
    or without one, with a reason recorded on the referral). Each one is audited and
    recorded on the referral with its SHA-256. A form that does not pass is given back on a
    page of its own with everything typed but the passphrase."""
    report = _report(request, report_id)
    referral = get_object_or_404(Referral, pk=referral_id, report=report)
    if request.method != "POST":
        audit(request.user, AuditEntry.Action.DOSSIER, report, detail=f"html {referral.pk}")
        return not_kept(HttpResponse(dossier.html(referral, request=request)))
    form = DeliveryForm(request.POST, prefix=f"r{referral.pk}")
    if not form.is_valid():
        return staff_page(
            request, "admin/reports/report/delivery.html", title=_("Make a dossier file"),
            status=400, original=report, referral=referral, form=form,
            passphrase_typed=bool(request.POST.get(f"r{referral.pk}-passphrase")),
        )  # fmt: skip
    kind, passphrase = form.cleaned_data["kind"], form.cleaned_data["passphrase"]
    if form.cleaned_data["unencrypted"]:
        passphrase = ""
    if kind == Delivery.Kind.ZIP:
        data, content_type = dossier.zip_file(referral, passphrase=passphrase), "application/zip"
    else:
        data, content_type = dossier.pdf(referral, passphrase=passphrase), "application/pdf"
    dossier.record_delivery(
        referral, kind=kind, data=data, by=request.user,
        recipient=form.cleaned_data["recipient"], encrypted=bool(passphrase),
        unencrypted_reason=form.cleaned_data["reason"].strip() if not passphrase else "",
    )  # fmt: skip
    how = "encrypted" if passphrase else "not encrypted, reason given"
    audit(request.user, AuditEntry.Action.DOSSIER, report, detail=f"{kind} {referral.pk} {how}")
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{report.reference}-{referral.pk}.{kind}"'
    )
    return not_kept(response)
