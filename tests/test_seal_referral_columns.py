"""Migration 0033 moves the referrals' clear columns (case reference, contact person,
authority's name, the deliveries' recipients, the report's authority reference) under the
site's key, as every value of a report kept from before sealing: nothing is left in clear,
and the site reads them as before."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("reports", "0032_sealed_to_the_team")]
AFTER = [("reports", "0033_drop_clear_referral_columns")]


@pytest.mark.django_db(transaction=True)
def test_clear_referral_columns_move_under_the_sites_key(opened_by_recovery_key):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    now = timezone.now()
    report = old.get_model("reports", "Report").objects.create(
        reference="JDS-OLDR-EF01", received_at=now, authority="foreign",
        authority_reference="PV-OLD-4410",
    )  # fmt: skip
    referral = old.get_model("reports", "Referral").objects.create(
        report=report, authority="foreign", authority_name="Policía Nacional",
        reference="CASE-OLD-88", contact="Inspectora Ruiz", sent_at=now,
    )  # fmt: skip
    old.get_model("reports", "Delivery").objects.create(
        referral=referral, kind="pdf", recipient="Brigada Madrid", sha256="0" * 64
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reports_referral")
        rows = repr(cursor.fetchall())
        cursor.execute("SELECT * FROM reports_delivery")
        rows += repr(cursor.fetchall())
        cursor.execute("SELECT authority_reference_sealed FROM reports_report")
        rows += repr(cursor.fetchall())
    for clear in ["CASE-OLD", "Ruiz", "Policía", "Madrid", "PV-OLD"]:
        assert clear not in rows

    from reports.models import Referral, Report

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    kept = Referral.objects.get()
    assert (kept.reference, kept.contact, kept.authority_name) == (
        "CASE-OLD-88", "Inspectora Ruiz", "Policía Nacional",
    )  # fmt: skip
    assert kept.deliveries.get().recipient == "Brigada Madrid"
    assert Report.objects.get().authority_reference == "PV-OLD-4410"
