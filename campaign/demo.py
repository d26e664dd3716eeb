"""Idempotent demo-content loaders, called in order by `manage.py load_demo`.

LOADERS hold the site's real seed content (pages, partners, news): they run everywhere.
LOCAL_LOADERS hold invented data (demo reports): they never run in production.
"""

from campaign import seed
from reports import demo as reports_demo

LOADERS: list = [seed.load]


def demo_organisation(stdout) -> None:
    """Invented details for the contact page and the legal notice, marked as demo data."""
    from campaign.models import Organisation

    if Organisation.objects.exists():
        return
    Organisation.objects.create(
        name="ECPAT Belgique", address="Demo: Rue de l'Exemple 1\n1000 Bruxelles",
        company_number="Demo: 0000.000.000", email="contact@example.org",
        phone="+32 2 000 00 00", data_protection_contact="Demo: data protection officer",
        data_protection_email="privacy@example.org", is_demo=True,
    )  # fmt: skip
    stdout.write("Demo organisation details created (marked as demo data).")


LOCAL_LOADERS: list = [demo_organisation, reports_demo.load]
