"""Seal the reports kept from before sealing to the current team and the recovery key
(reports.access.existing), once, after the upgrade; then prove that the site's key
(REPORT_ENCRYPTION_KEYS) reads no report: `--check` fails while it reads anything but the
channels that wait for their reporter's code.

    manage.py seal_reports --dry-run      # what would be sealed; nothing changes
    manage.py seal_reports                # seal (public keys only: nobody signs in)
    manage.py seal_reports --recovery-key # also values moved under the site's key on
                                          # reports already sealed (migration 0033)
    manage.py seal_reports --check        # the proof
"""

from django.core.management.base import BaseCommand, CommandError

from encryption import holders
from reports.access import existing
from reports.access.recovery import ask_recovery_key
from reports.models import Report, ReportKey


class Command(BaseCommand):
    help = "Seal the reports kept from before sealing to the team; --check proves it."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would be sealed")
        parser.add_argument("--check", action="store_true", help="prove nothing else is left")
        parser.add_argument(
            "--recovery-key", action="store_true",
            help="also seal left-over values of sealed reports (the key is asked for)",
        )  # fmt: skip

    def handle(self, *args, dry_run=False, check=False, recovery_key=False, **options):
        if check:
            return self._check()
        if not ReportKey.objects.exists() and not existing.reports_have_holders():
            raise CommandError(
                "Nobody on the team has a key yet and no recovery key is set: the reports "
                "would be sealed to nobody. Sign in once as each member, or set "
                "REPORT_RECOVERY_PUBLIC_KEY, then run this again."
            )
        before = existing.state()
        self._say(before, "Before" if not dry_run else "Now")
        if dry_run:
            self.stdout.write(f"Would seal {before.unsealed} reports (nothing was changed).")
            return None
        sealed = values = 0
        unkeyed = Report.objects.exclude(keys__scope=ReportKey.Scope.TEAM)
        closed_waiting = Report.objects.filter(keys__scope=ReportKey.Scope.TEAM).exclude(
            keys__scope=ReportKey.Scope.CHANNEL
        )  # fmt: skip
        for report in [*unkeyed.distinct().iterator(), *closed_waiting.distinct().iterator()]:
            if report.keys.filter(scope=ReportKey.Scope.TEAM).exists() and (
                existing.reporter_may_come_back(report)
            ):
                continue  # its channel waits for its reporter
            values += existing.seal_report(report)
            sealed += 1
        if recovery_key and before.left_over:
            with holders.holding(holders.recovery(ask_recovery_key())):
                for report in Report.objects.filter(pk__in=before.left_over):
                    values += existing.seal_left_over(report)
        self.stdout.write(f"Sealed {sealed} reports ({values} values and photos).")
        self._say(existing.state(), "After")
        return None

    def _say(self, state, when):
        self.stdout.write(
            f"{when}: {state.reports} reports; {state.unsealed} not sealed; "
            f"{state.channels_waiting} channels waiting for their reporter's code; "
            f"{len(state.left_over)} sealed with values left under the site's key; "
            f"{state.readable} values or photos the site's key still reads."
        )

    def _check(self):
        state = existing.state()
        self._say(state, "Check")
        if state.unsealed or state.readable_outside_waiting_channels:
            raise CommandError(
                f"The site's key still reads {state.readable_outside_waiting_channels} values "
                f"or photos of sealed reports, and {state.unsealed} reports are not sealed: "
                "run `manage.py seal_reports` (with --recovery-key for the left-over values)."
            )
        self.stdout.write(
            "The site's key reads no report but the channels waiting for their reporter's "
            f"code ({state.channels_waiting} reports, sealed when they come back or once "
            "closed and this command runs again)."
        )
