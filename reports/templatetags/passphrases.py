from django import template

from reports.referrals import passphrase

register = template.Library()


@register.simple_tag
def propose_passphrase() -> str:
    """A fresh passphrase for a dossier file, put in the page once and kept nowhere."""
    return passphrase.propose()
