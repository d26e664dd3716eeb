"""Search and related reports without plaintext (reports.search): a keyed blind index."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation

from reports import search
from reports.intake.services import submit_report
from reports.models import AuditEntry, Report, SearchTerm
from reports.triage import services as triage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

QUEUE = "/fr/admin/reports/report/"
SEARCH = f"{QUEUE}search/"


def report(**answers) -> Report:
    receipt = submit_report(
        location="abroad", country="TH", place_kind="accommodation",
        content={"description": "Un homme avec une enfant", **answers}, upload_token="none",
    )  # fmt: skip
    return Report.objects.get(reference=receipt.reference)


def every_text_in_the_database() -> str:
    """Every text column of every table, as the database holds it."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                cursor.execute(f"SELECT {name} FROM {connection.ops.quote_name(table)}")  # noqa: S608
                texts += [str(row[0]) for row in cursor.fetchall() if row[0] is not None]
    return "\n".join(texts).casefold()


def test_the_database_holds_no_plaintext_and_a_hotel_name_finds_both_reports():
    first = report(travel_hotel="Hôtel  Soleil d'Or", city="Pattaya", travel_flight="TG 935")
    second = report(place_name="HOTEL SOLEIL D OR", suspects_name="Marc Dufresne")
    report(travel_hotel="Sunrise Beach Resort")
    held = every_text_in_the_database()
    for plain in ["soleil", "pattaya", "tg 935", "tg935", "dufresne", "sunrise"]:
        assert plain not in held, plain
    assert SearchTerm.objects.filter(report=first).count() > 0
    for query in ["soleil d'or", "Hotel Soleil d’Or", "SOLEIL", "hôtel   soleil  d'or"]:  # noqa: RUF001
        found, groups = search.search(query)
        assert set(found) == {first, second}, query
    found, groups = search.search("soleil")
    with translation.override("en"):
        assert search.labels(groups[first.pk]) == ["hotel"]
        assert search.labels(groups[second.pk]) == ["name of the place"]


def test_whole_words_only_no_prefix_and_identifiers_without_separators():
    flight = report(travel_flight="TG 935", suspects_vehicle="1-ABC-234")
    assert set(search.search("sol")[0]) == set()
    report(travel_hotel="Soleil")
    assert set(search.search("sol")[0]) == set()  # no prefix search
    assert set(search.search("TG935")[0]) == {flight}
    assert set(search.search("tg 935")[0]) == {flight}
    assert set(search.search("1ABC234")[0]) == {flight}
    assert set(search.search("la")[0]) == set()  # a stop word finds nothing


def test_the_report_page_lists_related_reports_with_what_they_share(client, staff_login, officer):
    one = report(travel_hotel="Soleil d'Or", links="see https://www.bad-example.com/room?id=3")
    two = report(travel_hotel="soleil d’or", city="Pattaya")  # noqa: RUF001
    three = report(links="http://bad-example.com and nothing else")
    same_city_only = report(city="Pattaya", travel_hotel="Autre")
    staff_login(officer)
    body = client.get(f"{QUEUE}{one.pk}/change/").content.decode()
    assert two.reference in body
    assert three.reference in body
    assert "le même hôtel" in body
    assert "le même site web" in body
    assert same_city_only.reference not in body  # a city alone relates nothing
    body = client.get(f"{QUEUE}{same_city_only.pk}/change/").content.decode()
    assert two.reference not in body


def test_searching_is_posted_audited_and_never_in_an_address(client, staff_login, officer):
    found = report(travel_operator="Voyages Lumière")
    staff_login(officer)
    assert "Voyages" not in client.get(f"{SEARCH}?q=lumiere").content.decode()
    response = client.post(SEARCH, {"q": "lumiere"})
    body = response.content.decode()
    assert found.reference in body
    assert "voyagiste" in body  # where it was found
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="search")
    assert entry.data == {"results": 1}
    assert "lumi" not in entry.detail.lower()
    assert client.post(SEARCH, {"q": "x"}).status_code == 200  # too short: the form says so


def test_a_rotated_key_keeps_search_working_until_and_after_the_reindex(settings):
    settings.SEARCH_INDEX_KEYS = ["old-key"]
    first = report(travel_hotel="Soleil")
    old_digests = set(SearchTerm.objects.values_list("digest", flat=True))
    settings.SEARCH_INDEX_KEYS = ["new-key", "old-key"]
    assert set(search.search("soleil")[0]) == {first}
    assert search.reindex_all() == 1
    assert not old_digests & set(SearchTerm.objects.values_list("digest", flat=True))
    settings.SEARCH_INDEX_KEYS = ["new-key"]
    assert set(search.search("soleil")[0]) == {first}


@override_settings(SEARCH_INDEX_KEYS=[])
def test_without_a_key_nothing_is_indexed_in_clear():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        report(travel_hotel="Soleil")
    assert not Report.objects.exists()


# --- Steps on several reports ---------------------------------------------------------------


def test_an_officer_closes_a_wave_of_spam_in_one_step(client, staff_login, officer, make_staff):
    colleague = make_staff("officer2", "Triage officer")
    unheld = [report(), report()]
    mine = report()
    triage.claim_report(mine, by=officer)
    theirs = report()
    triage.claim_report(theirs, by=colleague)
    ids = [r.pk for r in [*unheld, mine, theirs]]
    staff_login(officer)
    page = client.post(QUEUE, {"action": "close_selected", "_selected_action": ids})
    body = page.content.decode()
    for r in [*unheld, mine, theirs]:
        assert r.reference in body  # the confirmation lists them
    response = client.post(
        QUEUE,
        {"action": "close_selected", "_selected_action": ids, "apply": "1", "outcome": "spam"},
        follow=True,
    )
    assert response.status_code == 200
    statuses = dict(Report.objects.filter(pk__in=ids).values_list("pk", "status"))
    assert [statuses[r.pk] for r in [*unheld, mine]] == ["closed"] * 3
    assert statuses[theirs.pk] == "assessing"  # a colleague's: refused, and said why
    assert "officer2" in response.content.decode()
    for r in unheld:
        r.refresh_from_db()
        assert r.assigned_to == officer  # claimed by the same action
        steps = list(
            AuditEntry.objects.filter(report=r, action="change").values_list("detail", flat=True)
        )
        assert steps.count("closed") == 1


def test_bulk_duplicates_need_the_original_and_tags_are_added(client, staff_login, officer):
    from reports.models import Tag

    original, a, b = report(), report(), report()
    staff_login(officer)
    data = {"action": "close_selected", "_selected_action": [a.pk, b.pk], "apply": "1",
            "outcome": "duplicate"}  # fmt: skip
    body = client.post(QUEUE, data).content.decode()
    assert "Indiquez la référence" in body or "duplicate_of" in body
    assert Report.objects.get(pk=a.pk).status == "new"
    client.post(QUEUE, {**data, "duplicate_of": original.reference})
    assert set(Report.objects.filter(duplicate_of=original)) == {a, b}
    tag = Tag.objects.create(name="Pattaya")
    other = Tag.objects.create(name="Hôtels")
    triage.set_tags(original, by=officer, tags=[other])
    client.post(QUEUE, {"action": "tag_selected", "_selected_action": [original.pk],
                        "apply": "1", "tags": [tag.pk]})  # fmt: skip
    assert set(original.tags.all()) == {tag, other}


def test_a_long_query_costs_no_more_than_a_short_one(django_assert_max_num_queries):
    report(travel_hotel="Soleil")
    long_query = " ".join(f"mot{i}" for i in range(90))
    with django_assert_max_num_queries(12):
        search.search(long_query)


def test_every_word_is_matched_in_one_query_whatever_the_number_of_words(
    django_assert_num_queries,
):
    """The reports holding all the words come from one query (each further word a semi-join
    the database starts from the rarest), not one query and a read of every report per word:
    a common word holds thousands of reports."""
    both = report(travel_hotel="Sunrise Palace 1680 Beach Garden Resort Pattaya")
    report(travel_hotel="Sunrise Palace 1681 Beach Garden Resort Pattaya")
    report(travel_hotel="Sunrise Lodge 1680 Beach Garden Resort Pattaya")
    for query in ("Palace 1680 Sunrise", "Pattaya 1680 Resort Garden Sunrise Palace Beach"):
        with django_assert_num_queries(3):  # whole values, every word, the groups matched
            found, groups = search.search(query)
        assert list(found.values_list("pk", flat=True)) == [both.pk]
        assert groups[both.pk] == {"hotel"}
    assert set(search.search("Sunrise")[0]) == set(Report.objects.all())
