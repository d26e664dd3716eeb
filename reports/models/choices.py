"""The words a report is told in: the authorities it may go to, what the reporter agreed
to, how it ended, and what an authority gave back. No model: every module of the package
may use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Authority(models.TextChoices):
    FEDERAL_POLICE = "federal_police", _("Federal Police")
    FOREIGN = "foreign", _("Foreign authority (through FPS Foreign Affairs)")
    CHILD_FOCUS = "child_focus", _("Child Focus")
    ECPAT_MEMBER = "ecpat_member", _("ECPAT member of the destination country")
    OTHER = "other", _("Other")


# What a reporter may read of how their report ended: one decision per outcome, never
# anything that could compromise an investigation (an opened investigation is told as
# "passed to the competent authority"). None: the generic "closed" only.
OUTCOME_FOR_REPORTER = {
    "forwarded": _(
        "ECPAT passed your report to the competent authority, which decides what follows; "
        "ECPAT cannot tell you more. Thank you for reporting."
    ),
    "not_enough": _(
        "Your report did not hold enough information for ECPAT to pass it on. If you learn "
        "more, you can report again at any time. Thank you for reporting."
    ),
    "out_of_scope": _(
        "Your report concerns a situation outside what ECPAT handles. Thank you for reporting."
    ),
    "duplicate": _(
        "Your report concerned a situation already reported: it was added to that report. "
        "Thank you for reporting."
    ),
    "spam": None,
}


class Consent(models.TextChoices):
    """What the reporter agreed to. Only POLICE lets a dossier name them, and only a dossier
    for a police authority (POLICE_AUTHORITIES)."""

    ANONYMOUS = "anonymous", _("Stay anonymous; answer through the follow-up page")
    ECPAT = "ecpat", _("ECPAT may contact me")
    POLICE = "police", _("The police may contact me directly")


# The authorities "the police may contact me directly" lets a dossier name the reporter to:
# the Federal Police, and a foreign police through FPS Foreign Affairs. Never Child Focus, an
# ECPAT member or another body.
POLICE_AUTHORITIES = frozenset({Authority.FEDERAL_POLICE, Authority.FOREIGN})


class ReferralOutcome(models.TextChoices):
    """What an authority gave back. Blank: still waiting."""

    INVESTIGATION = "investigation", _("Investigation opened")
    REFERRED_ON = "referred_on", _("Passed on to another authority")
    NO_FURTHER_ACTION = "no_action", _("No further action")
    UNKNOWN = "unknown", _("Unknown (no answer)")


class Outcome(models.TextChoices):
    FORWARDED = "forwarded", _("Forwarded")
    NOT_ENOUGH = "not_enough", _("Not enough information")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
    DUPLICATE = "duplicate", _("Duplicate of another report")
    SPAM = "spam", _("Spam")
