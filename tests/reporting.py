"""Helpers to fill and send the report form as a browser would."""

import time

from django.core import signing

from reports.intake import uploads

SECRET_TEXT = "Un homme emmène une fillette de dix ans dans la chambre 214 de l'hôtel Sunrise"


def started(seconds_ago: int = 60) -> str:
    signer = signing.Signer(salt="reports.form-started")
    return signer.sign(str(int(time.time()) - seconds_ago))


def report_data(**overrides) -> dict:
    data = {
        "upload_token": uploads.new_token(),
        "started": started(),
        "location": "abroad",
        "country": "TH",
        "description": SECRET_TEXT,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def token_of(response) -> str:
    """The signed upload token the form came back with."""
    import re

    match = re.search(r'name="upload_token" value="([^"]+)"', response.content.decode())
    assert match, "the form has no upload token"
    return match.group(1)
