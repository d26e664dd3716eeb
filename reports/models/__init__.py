"""The reports app's models, a module by sub-domain. Every model keeps the app label
`reports` and its table: moving them here changed no migration."""

from reports.models.audit import AuditEntry, ReportEvent
from reports.models.choices import (
    OUTCOME_FOR_REPORTER,
    POLICE_AUTHORITIES,
    Authority,
    Consent,
    Outcome,
    ReferralOutcome,
)
from reports.models.intake import (
    Message,
    PendingUpload,
    PendingUploadQuerySet,
    ReportPhoto,
    ReportPhotoQuerySet,
    encrypted_path,
)
from reports.models.keys import ReportKey
from reports.models.referrals import Delivery, Referral
from reports.models.report import (
    CODE_ALPHABET,
    REFERENCE_ALPHABET,
    Report,
    ReportQuerySet,
    code_lookup,
    new_follow_up_code,
    new_reference,
    normalise_code,
)
from reports.models.retention import LegalHold, LegalHoldQuerySet, ReportStatistic
from reports.models.triage import (
    OnCallShift,
    ReportLink,
    SearchKey,
    SearchKeyWrap,
    SearchTerm,
    Tag,
)
from reports.models.wellbeing import Exposure, PhotoDisplay, TeamWellbeing, Wellbeing

__all__ = [
    "CODE_ALPHABET", "OUTCOME_FOR_REPORTER", "POLICE_AUTHORITIES", "REFERENCE_ALPHABET",
    "AuditEntry", "Authority", "Consent", "Delivery", "Exposure", "LegalHold",
    "LegalHoldQuerySet", "Message", "OnCallShift", "Outcome", "PendingUpload",
    "PendingUploadQuerySet", "PhotoDisplay", "Referral", "ReferralOutcome", "Report",
    "ReportEvent", "ReportKey", "ReportLink", "ReportPhoto", "ReportPhotoQuerySet",
    "ReportQuerySet", "ReportStatistic", "SearchKey", "SearchKeyWrap", "SearchTerm", "Tag",
    "TeamWellbeing", "Wellbeing",
    "code_lookup",
    "encrypted_path", "new_follow_up_code", "new_reference", "normalise_code",
]  # fmt: skip
