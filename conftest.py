"""Test-wide settings: run tasks immediately, hash passwords fast, keep uploads in a tmp dir."""

import pytest

# After every database test, no IP address anywhere in the database; after every test, no
# report text or follow-up code it created in any log record it made.
pytest_plugins = ["tests.privacy_sweep"]


@pytest.fixture(autouse=True)
def _test_settings(request, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "reports.hashers.FollowUpCodeHasher",
    ]
    # A team member's key: the smallest Argon2id (the real cost is in make bench).
    settings.STAFF_KEY_ARGON2 = {"memory_kib": 8, "iterations": 1, "lanes": 1}
    settings.REPORTER_KEY_ARGON2 = {"memory_kib": 8, "iterations": 1, "lanes": 1}
    # Every report is wrapped to the tests' recovery key too (tests.keys).
    from tests.keys import RECOVERY_PUBLIC_KEY

    settings.REPORT_RECOVERY_PUBLIC_KEY = RECOVERY_PUBLIC_KEY
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    # A request leaves its language active in the thread: start each test in French.
    from django.utils import translation

    translation.activate("fr")


@pytest.fixture
def seeded(db):
    """The campaign's real seed content: pages, figures, partners, the four articles."""
    import io

    from campaign import seed

    seed.load(io.StringIO())


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "ed",
        password="pw-editor-123456",  # noqa: S106
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Editor"))
    return user


from tests.keys import STAFF_PASSWORD, hold_staff_key, staff_private_key  # noqa: E402


@pytest.fixture
def staff_login(client):
    """Log a staff member in with their second factor already given and their key unlocked
    (as a sign-in with password and code leaves them)."""

    from staff.verification import verified_session_data

    def login(user):
        client.force_login(user)
        session = client.session
        session.update(verified_session_data(user))
        session.save()
        if user.has_usable_password():
            hold_staff_key(client, user)
        return client

    return login


@pytest.fixture
def reading_everything():
    """`with reading_everything():` opens every sealed value, as the recovery key does."""
    from encryption import holders
    from tests.keys import RECOVERY_PRIVATE_KEY

    return lambda: holders.holding(holders.recovery(RECOVERY_PRIVATE_KEY))


@pytest.fixture
def opened_by_recovery_key(reading_everything):
    """For tests of rules and services called outside a request: what they seal and open
    there, the recovery key does (a request always opens as its signed-in member)."""
    with reading_everything():
        yield


@pytest.fixture
def reading_as():
    """`with reading_as(user):` opens sealed values as that member would in their session."""
    from encryption import holders

    def reading(user, password: str = STAFF_PASSWORD):
        return holders.holding(holders.member(user.pk, staff_private_key(user, password)))

    return reading


@pytest.fixture
def roles(transactional_db):
    """The staff roles, recreated: a transactional test's flush removes what data
    migrations created, so browser tests that come after one need them back."""
    import importlib

    from django.apps import apps

    for module in [
        "reports.migrations.0002_roles",
        "reports.migrations.0004_triage_roles",
        "reports.migrations.0021_on_call_roles",
        "campaign.migrations.0007_contact_roles",
        "staff.migrations.0003_supervisors_set_sign_in_rules",
        "staff.migrations.0005_supervisors_manage_staff",
        "maintenance.migrations.0002_supervisors_see_maintenance",
    ]:
        migration = importlib.import_module(module)
        (migration.create_roles if hasattr(migration, "create_roles") else migration.grant)(
            apps, None
        )


@pytest.fixture
def make_staff(db, django_user_model):
    """A staff account in one of the roles the data migrations create."""
    from django.contrib.auth.models import Group

    def make(username: str, role: str):
        """With a password (STAFF_PASSWORD) and, for the reports roles, a key: reports sent
        from now on are sealed to them too."""
        user = django_user_model.objects.create_user(
            username, password=STAFF_PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        from staff import keyring

        if keyring.needs_key(user):
            staff_private_key(user)  # made now, as at their first sign-in
        return user

    return make


@pytest.fixture
def officer(make_staff):
    return make_staff("officer", "Triage officer")


@pytest.fixture
def supervisor(make_staff):
    return make_staff("supervisor", "Supervisor")
