"""Reports kept from before sealing: sealed to the current team and the recovery key, once
(`manage.py seal_reports`, with a dry run and a check that proves the site's key reads no
report afterwards).

- Wrapping needs public keys only: the command runs with nobody signed in. Each report
  gets its team key and, if its reporter can no longer come back (closed, or no follow-up
  possible), its channel key; every value and photo under the site's key is opened with it
  (REPORT_ENCRYPTION_KEYS) and sealed with the report's key, bound to its place.
- **The reporter's channel waits for them.** An open report whose reporter may come back
  keeps its channel (their answers, photos, the messages to and from them) under the site's
  key until they type their code on the follow-up page: their key is derived then, and the
  channel is sealed to them, the team and the recovery key (`seal_channel`). The check
  counts these reports, and running the command again seals the channels of reports closed
  since.
- Values moved under the site's key on a report already sealed (the referral columns of
  migration 0033) need the report's key: with `--recovery-key` (asked on the terminal)
  the command seals them too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import partial

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction

from encryption import crypto, sealing
from encryption.fields import Ciphertext
from reports import search
from reports.models import Report, ReportKey, ReportPhoto
from reports.models.keys import SealedToReport, key_for, new_keys, value_context, wrap_rows

logger = logging.getLogger("reports.access")
TEAM, CHANNEL = ReportKey.Scope.TEAM, ReportKey.Scope.CHANNEL


def sealed_fields():
    """[(model, field, lookup of its report, scope)] for every sealed value of a report."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not issubclass(model, SealedToReport):
            continue
        lookup = model.sealed_report.replace(".", "__") or "pk"
        for name, scope in model.sealed_scopes.items():
            found.append((model, model._meta.get_field(name), lookup, scope))
    return found


def _unsealed_tokens(report_id: int, scopes):
    """(model, field, row pk, token) of each value of the report still under the site's key."""
    for model, fld, lookup, scope in sealed_fields():
        if scope not in scopes:
            continue
        rows = model._default_manager.filter(**{lookup: report_id}).exclude(**{fld.attname: ""})
        for pk, token in rows.values_list("pk", fld.attname):
            if token and not sealing.is_sealed_value(token):
                yield model, fld, pk, token


def _seal_values(report, keys: dict) -> int:
    count = 0
    for model, fld, pk, token in list(_unsealed_tokens(report.pk, keys)):
        scope = model.sealed_scopes[fld.name]
        clear = crypto.decrypt_json_strict(token)
        sealed = sealing.seal_value(keys[scope], clear, context=value_context(
            report.reference, f"{model._meta.label_lower}.{fld.name}"))  # fmt: skip
        model._default_manager.filter(pk=pk).update(**{fld.attname: Ciphertext(sealed)})
        count += 1
    return count


def _seal_photos(report, key: bytes) -> int:
    count = 0
    for photo in ReportPhoto.objects.filter(report=report).exclude(file=""):
        storage, old = photo.file.storage, photo.file.name
        try:
            with storage.open(old, "rb") as fh:
                data = fh.read()
        except OSError:
            logger.warning("A photo's file is missing: left as it is")
            continue
        if sealing.is_sealed_file(data):
            continue
        sealed = sealing.seal_file(key, crypto.decrypt_bytes(data), context=value_context(
            report.reference, "reports.reportphoto.file"))  # fmt: skip
        new = storage.save(photo.file.field.generate_filename(photo, "photo.bin"),
                           ContentFile(sealed))  # fmt: skip
        ReportPhoto.objects.filter(pk=photo.pk).update(file=new)
        transaction.on_commit(partial(storage.delete, old))
        count += 1
    return count


def reporter_may_come_back(report) -> bool:
    return report.follow_up_possible and report.status != Report.Status.CLOSED


def seal_report(report, *, code: str | None = None) -> int:
    """Seal what of `report` is still under the site's key to the team and the recovery
    key: its team values now, its channel now unless its reporter may come back (then when
    they type their `code`). Returns how many values and files were sealed."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        have = set(ReportKey.objects.filter(report=report).values_list("scope", flat=True))
        wanted = {TEAM} | ({CHANNEL} if code or not reporter_may_come_back(report) else set())
        keys = {scope: key for scope, key in new_keys().items() if scope in wanted - have}
        if not keys:
            return 0
        ReportKey.objects.bulk_create(wrap_rows(report, keys, code=code))
        count = _seal_values(report, keys)
        if CHANNEL in keys:
            count += _seal_photos(report, keys[CHANNEL])
        if TEAM in keys and not report.search_words:
            content = Report.objects.filter(pk=report.pk).values_list("content", flat=True)[0]
            words = search.words_of(
                sealing.open_value(keys[CHANNEL], content, context=value_context(
                    report.reference, "reports.report.content"))
                if sealing.is_sealed_value(content) else crypto.decrypt_json_strict(content)
                if content else {}
            )  # fmt: skip
            sealed = sealing.seal_value(keys[TEAM], words, context=value_context(
                report.reference, "reports.report.search_words"))  # fmt: skip
            Report.objects.filter(pk=report.pk).update(search_words=Ciphertext(sealed))
    return count


def seal_channel(report, code: str) -> int:
    """The reporter typed their code on a report whose channel waited for them."""
    if ReportKey.objects.filter(report=report, scope=CHANNEL).exists():
        return 0
    return seal_report(report, code=code)


def seal_left_over(report) -> int:
    """Values under the site's key on a report already sealed (migration 0033's columns),
    sealed with its keys as opened by the current holder (the recovery key)."""
    scopes = set(ReportKey.objects.filter(report=report).values_list("scope", flat=True))
    keys = {scope: key_for(report, scope) for scope in scopes}
    with transaction.atomic():
        return _seal_values(report, keys)


@dataclass
class State:
    reports: int = 0
    unsealed: int = 0  # reports with no team key
    channels_waiting: int = 0  # open reports whose channel waits for the reporter
    left_over: list[int] = field(default_factory=list)  # sealed reports, values not sealed
    readable: int = 0  # values or files the site's key opens
    readable_outside_waiting_channels: int = 0


def state() -> State:
    """Where the reports stand, and the proof: every value and photo the site's key still
    opens, counted (outside the channels that wait for their reporter, none must). One scan
    of each sealed column and of the photos, not a query per report."""
    result = State(reports=Report.objects.count())
    keyed: dict[int, set] = {}
    for report_id, scope in ReportKey.objects.values_list("report_id", "scope").distinct():
        keyed.setdefault(report_id, set()).add(scope)
    for report_id in Report.objects.values_list("pk", flat=True).iterator():
        scopes = keyed.get(report_id, set())
        if TEAM not in scopes:
            result.unsealed += 1
        elif CHANNEL not in scopes:
            result.channels_waiting += 1
    left_over = set()

    def readable(report_id: int, scope: str) -> None:
        scopes = keyed.get(report_id, set())
        result.readable += 1
        if TEAM not in scopes:
            return  # not sealed at all: counted in `unsealed`
        if scope == CHANNEL and CHANNEL not in scopes:
            return  # its channel waits for the reporter
        result.readable_outside_waiting_channels += 1
        left_over.add(report_id)

    for model, fld, lookup, scope in sealed_fields():
        rows = model._default_manager.exclude(**{fld.attname: ""})
        for report_id, token in rows.values_list(lookup, fld.attname).iterator():
            if token and not sealing.is_sealed_value(token) and _opens(token):
                readable(report_id, scope)
    photos = ReportPhoto.objects.exclude(file="").values_list("report_id", "file")
    storage = ReportPhoto._meta.get_field("file").storage
    for report_id, name in photos.iterator():
        try:
            with storage.open(name, "rb") as fh:
                if not sealing.is_sealed_file(fh.read(len(sealing.FILE_PREFIX))):
                    readable(report_id, CHANNEL)
        except OSError:
            continue
    result.left_over = sorted(left_over)
    return result


def _opens(token: str) -> bool:
    try:
        crypto.decrypt_json_strict(token)
    except crypto.DecryptionError:
        return False
    return True


def reports_have_holders() -> bool:
    """Whether a report sealed now would be sealed to someone: a member or the recovery key."""
    from reports.models.keys import recovery_public_key, team_public_keys

    return bool(team_public_keys()) or recovery_public_key() is not None
