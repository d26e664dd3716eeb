"""Mail backends for the tests: a server that refuses each recipient list once, with the
addresses in its answer (as real servers do), then delivers to the test outbox."""

from __future__ import annotations

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class RefusingOnce(EmailBackend):
    refused: set[tuple[str, ...]] = set()

    def send_messages(self, messages):
        for message in messages:
            recipients = tuple(message.recipients())
            if recipients not in RefusingOnce.refused:
                RefusingOnce.refused.add(recipients)
                raise smtplib.SMTPRecipientsRefused(
                    {
                        address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
                        for address in recipients
                    }
                )
        return super().send_messages(messages)
