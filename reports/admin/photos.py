"""The report page's photos: blurred thumbnails, the clear image on a click, a viewer of its
own, downloads named JDS-…-1.jpg, the abuse flag, and each person's wellbeing page (their
exposure, their choice of blur). The work is in reports.triage.photos."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reports import rules
from reports.audit.services import audit
from reports.errors import ReportError
from reports.models import AuditEntry, PhotoDisplay, Referral, Report, ReportPhoto, TeamWellbeing
from reports.models import Wellbeing as WellbeingSetting
from reports.triage import photos


def _photo(request, report_id: int, photo_id: int) -> ReportPhoto:
    """A photo this person may see; a hidden one (flagged, deleted) is as missing."""
    if not request.user.has_perm("reports.view_reportphoto"):
        raise PermissionDenied
    photo = get_object_or_404(
        ReportPhoto.objects.select_related("report"), pk=photo_id, report_id=report_id
    )
    if photo.hidden:
        raise Http404
    return photo


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def thumbnail(request, report_id: int, photo_id: int) -> HttpResponse:
    photo = _photo(request, report_id, photo_id)
    data = photos.blurred_thumbnail(photo, photos.display_for(request.user))
    return _private(HttpResponse(data, content_type="image/jpeg"))


def clear(request, report_id: int, photo_id: int, *, download: bool = False) -> HttpResponse:
    """The photo as sent, for one authorised person who asked for it: audited and counted in
    their day's exposure."""
    photo = _photo(request, report_id, photo_id)
    audit(
        request.user, AuditEntry.Action.VIEW_PHOTO, photo.report, f"photo {photo.pk}",
        data={"photo": photo.pk},
    )  # fmt: skip
    photos.count_reveal(request.user)
    response = HttpResponse(photo.read(), content_type=photo.content_type)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{photo.download_name()}"'
    return _private(response)


def viewer(modeladmin, request, report_id: int, photo_id: int) -> TemplateResponse:
    """Full size, on a page of its own, with the way back to the report."""
    photo = _photo(request, report_id, photo_id)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Photo %(n)d") % {"n": photo.number},
        "photo": photo,
        "report": photo.report,
        "opts": Report._meta,
    }
    return _private(TemplateResponse(request, "admin/reports/report/photo_viewer.html", context))


@require_POST
def flag(request, report_id: int, photo_id: int) -> HttpResponse:
    photo = _photo(request, report_id, photo_id)
    try:
        photos.flag_photo(photo, by=request.user)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Photo %(n)d is hidden from everyone and will never be in a dossier.")
            % {"n": photo.number},
        )
    return redirect("admin:reports_report_change", report_id)


@require_POST
def abuse_material(request, report_id: int, referral_id: int, step: str) -> HttpResponse:
    referral = get_object_or_404(Referral, pk=referral_id, report_id=report_id)
    run = {"passed": photos.record_abuse_passed, "receipt": photos.confirm_abuse_receipt}.get(step)
    if run is None:
        raise Http404
    try:
        count = run(referral, by=request.user)
    except (ReportError, rules.StepRefused) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Done for %(n)d photo(s).") % {"n": count})
    return redirect("admin:reports_report_change", report_id)


@require_POST
def heartbeat(request) -> JsonResponse:
    """A report page open and visible, every 30 seconds: the person's time on reports."""
    if not rules.is_officer(request.user):
        raise PermissionDenied
    counted = photos.count_time(request.user)
    return _private(JsonResponse({"counted": counted}))


class WellbeingForm(forms.Form):
    photo_display = forms.ChoiceField(
        label=_("How photos are shown before you click"),
        choices=[("", _("As the team's default")), *PhotoDisplay.choices],
        required=False,
        help_text=_("Every photo stays blurred until you click it, whatever you choose."),
    )


class TeamWellbeingForm(forms.Form):
    team_photo_display = forms.ChoiceField(
        label=_("The team's default"), choices=PhotoDisplay.choices
    )


def wellbeing(modeladmin, request) -> TemplateResponse:
    """Only the person's own figures: nobody else's page reads them."""
    if not rules.is_officer(request.user):
        raise PermissionDenied
    setting, _created = WellbeingSetting.objects.get_or_create(user=request.user)
    team = TeamWellbeing.current()
    supervisor = rules.is_supervisor(request.user)
    form = WellbeingForm(
        request.POST if request.method == "POST" and "mine" in request.POST else None,
        initial={"photo_display": setting.photo_display},
    )
    team_form = TeamWellbeingForm(
        request.POST if request.method == "POST" and "team" in request.POST else None,
        initial={"team_photo_display": team.photo_display},
    )
    if form.is_bound and form.is_valid():
        setting.photo_display = form.cleaned_data["photo_display"]
        setting.save()
        messages.success(request, _("Saved."))
        return redirect("admin:reports_report_wellbeing")
    if team_form.is_bound and supervisor and team_form.is_valid():
        team.photo_display, team.changed_by = (
            team_form.cleaned_data["team_photo_display"],
            request.user,
        )
        team.save()
        audit(request.user, AuditEntry.Action.STAFF_ACCOUNT, None, detail="team photo default",
              data={"change": "team_photo_display", "value": team.photo_display})  # fmt: skip
        messages.success(request, _("Saved."))
        return redirect("admin:reports_report_wellbeing")
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("My wellbeing"),
        "form": form,
        "team_form": team_form if supervisor else None,
        "team_default": team.get_photo_display_display(),
        "days": photos.exposure_of(request.user),
        "notice": photos.notice_for(request.user),
        "opts": Report._meta,
    }
    return _private(TemplateResponse(request, "admin/reports/report/wellbeing.html", context))
