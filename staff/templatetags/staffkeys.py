from django import template

from staff import keyring

register = template.Library()


@register.simple_tag
def passkey_prf_salt() -> str:
    """The salt the site's passkey script asks a passkey's PRF output for (base64url)."""
    return keyring.prf_salt()
