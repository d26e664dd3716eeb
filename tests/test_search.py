"""Search and related reports without plaintext (reports.search): a keyed blind index."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import translation

from encryption import holders
from encryption.sealing import Locked
from reports import search
from reports.intake.services import submit_report
from reports.models import AuditEntry, Report, SearchKey, SearchKeyWrap, SearchTerm
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
    assert not SearchTerm.objects.exists()  # waiting for a member's request
    search.index_waiting()
    assert SearchTerm.objects.filter(report=first).count() > 0
    held = every_text_in_the_database()
    for plain in ["soleil", "pattaya", "tg 935", "tg935", "dufresne", "sunrise"]:
        assert plain not in held, plain
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


def test_a_new_search_key_indexes_every_report_again_and_forgets_the_old_digests():
    first = report(travel_hotel="Soleil")
    assert set(search.search("soleil")[0]) == {first}
    old_digests = set(SearchTerm.objects.values_list("digest", flat=True))
    assert search.new_search_key() == 2
    assert not SearchTerm.objects.exists()
    assert search.waiting_count() == 1
    assert set(search.search("soleil")[0]) == {first}  # indexed again before searching
    assert not old_digests & set(SearchTerm.objects.values_list("digest", flat=True))
    assert SearchKey.objects.get().generation == 2


def test_the_search_key_is_sealed_to_the_team_and_a_new_report_waits_for_a_member():
    """Nobody signed in when a report arrives: its words are sealed with it and nothing is
    indexed; the environment holds no search key; a member's search indexes it."""
    first = report(travel_hotel="Soleil")
    assert not SearchTerm.objects.exists()
    assert Report.objects.get(pk=first.pk).search_indexed is False
    with holders.holding(None), pytest.raises(Locked):
        search.search("soleil")
    assert not SearchTerm.objects.exists()
    assert set(search.search("soleil")[0]) == {first}  # as the recovery key
    assert Report.objects.get(pk=first.pk).search_indexed is True
    wraps = set(SearchKeyWrap.objects.values_list("holder", flat=True))
    assert wraps == {"recovery"}  # and each member with a key, when there are some


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
    search.index_waiting()  # as the request's first search does, once
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
    search.index_waiting()  # as the request's first search does, once
    for query in ("Palace 1680 Sunrise", "Pattaya 1680 Resort Garden Sunrise Palace Beach"):
        # Whether any report waits to be indexed, whole values, every word, the groups.
        with django_assert_num_queries(4):
            found, groups = search.search(query)
        assert list(found.values_list("pk", flat=True)) == [both.pk]
        assert groups[both.pk] == {"hotel"}
    assert set(search.search("Sunrise")[0]) == set(Report.objects.all())


def test_a_supervisor_makes_a_new_search_key_and_the_reports_are_indexed_in_batches(
    client, staff_login, officer, supervisor, monkeypatch
):
    from reports.triage import views

    monkeypatch.setattr(views, "REINDEX_BATCH", 2)
    reports = [report(travel_hotel=f"Soleil {i}") for i in range(3)]
    staff_login(officer)
    assert client.post(f"{SEARCH}key/", {"new": "1"}).status_code == 403
    staff_login(supervisor)
    page = client.post(f"{SEARCH}key/", {"new": "1"})
    assert page.status_code == 200
    assert "data-continue" in page.content.decode()
    assert search.waiting_count() == 1
    done = client.post(f"{SEARCH}key/", {"index": "1"})
    assert done.status_code == 302
    assert search.waiting_count() == 0
    assert SearchKey.objects.get().generation == 1  # the site's first: none was made yet
    body = client.post(SEARCH, {"q": "soleil"}).content.decode()
    assert all(r.reference in body for r in reports)
