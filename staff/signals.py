"""What happens to staff accounts, for whoever keeps the audit trail (reports.audit.signals).
Sent after the change is committed."""

from django.dispatch import Signal

# sender=None, actor, account, change ("invited", "disabled", "second_factor_reset"), detail
account_changed = Signal()
