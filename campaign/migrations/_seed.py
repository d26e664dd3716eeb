"""The seed's fingerprint as the data migrations compute it (campaign.seed.fingerprint on
the day they were written), kept here so that no migration imports the live module. A test
holds the two equal: a change to the live one needs a migration of its own."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime


def fingerprint(values: dict) -> str:
    def plain(value):
        if isinstance(value, datetime):
            return value.astimezone(UTC).isoformat()
        return value

    encoded = json.dumps(
        {k: plain(v) for k, v in values.items()}, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(encoded.encode()).hexdigest()
