"""Every place (online, unknown), uncertainty allowed, the warning about images of abuse,
and countries in the reader's language with the usual destinations first."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.sites import site
from django.test import RequestFactory

from reports.admin.filters import CountryFilter
from reports.intake import schema
from reports.models import Report
from tests.reporting import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opened_by_recovery_key")]

URL = "/fr/signaler/"


def test_where_has_a_third_answer_online_or_unknown(client):
    body = client.get(URL).content.decode()
    assert 'name="location" value="unknown"' in body
    assert "En ligne, ou je ne sais pas où" in body


def test_an_online_report_needs_no_country(client):
    response = client.post(
        URL, report_data(location="unknown", country="", links="https://example.org/annonce")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get()
    assert report.location == Report.Location.UNKNOWN
    assert report.country == ""
    assert report.content["links"] == "https://example.org/annonce"


def test_abroad_still_needs_a_country(client):
    response = client.post(URL, report_data(location="abroad", country=""))
    assert Report.objects.count() == 0
    assert 'href="#id_country"' in response.content.decode()


def test_the_form_warns_never_to_capture_images_of_abuse_and_says_where_to_report_them(client):
    body = client.get(URL).content.decode()
    evidence = body[body.index('id="section-evidence"') :]
    assert "Ne téléchargez, ne copiez et ne faites jamais de capture d'écran" in evidence
    assert 'href="https://www.stopchildporno.be/"' in evidence
    assert "ne photographiez pas les enfants" in evidence.lower()


def test_not_sure_is_an_answer_and_how_sure_one_is_reaches_triage(client):
    body = client.get(URL).content.decode()
    assert body.count("Je ne suis pas sûr") >= 5  # ongoing, counts, ages, sex
    assert "Dans quelle mesure êtes-vous sûr" in body
    client.post(
        URL,
        report_data(certainty="unsure", children_count="unknown", ongoing="unknown"),
    )
    report = Report.objects.get()
    answers = {a.name: a.value for s in schema.sections(report) for a in s.answers}
    assert answers["certainty"] == "Je ne suis pas sûr·e, mais quelque chose clochait"
    assert answers["children_count"] == "Je ne suis pas sûr·e"


@time_machine.travel(datetime.datetime(2026, 7, 14, 12, tzinfo=datetime.UTC))
def test_a_date_in_the_future_is_refused_but_tomorrow_abroad_is_not(client):
    response = client.post(URL, report_data(date="2026-07-20"))
    assert Report.objects.count() == 0
    assert "La date est dans le futur" in response.content.decode()
    client.post(URL, report_data(date="2026-07-15"))
    assert Report.objects.count() == 1


def options(body: str, name: str) -> str:
    return re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', body, re.S).group(1)


def test_countries_are_in_french_sorted_for_french_with_the_usual_destinations_first(client):
    body = client.get(URL).content.decode()
    select = options(body, "country")
    usual, everything = re.findall(r'<optgroup label="([^"]+)">', select)
    assert (usual, everything) == ("Destinations habituelles", "Tous les pays")
    first_group = select[: select.index("</optgroup>")]
    assert "Thaïlande" in first_group
    assert "Allemagne" not in first_group
    rest = select[select.index("</optgroup>") :]
    assert rest.index("Afrique du Sud") < rest.index("Allemagne") < rest.index("Égypte")
    assert rest.index("Égypte") < rest.index("Espagne") < rest.index("Zambie")
    assert ">Belgique<" not in select  # abroad only
    assert ">Belgique<" in options(body, "suspects_nationality")


def test_countries_are_in_dutch_on_the_dutch_form(client):
    select = options(client.get("/nl/melden/").content.decode(), "country")
    assert "Duitsland" in select
    assert "Germany" not in select
    assert '<optgroup label="Gebruikelijke bestemmingen">' in select


def test_a_usual_destination_chosen_is_selected_once(client):
    response = client.post(URL, report_data(country="TH", description=""))
    select = options(response.content.decode(), "country")
    assert select.count("selected") == 1


def test_the_admin_country_filter_sorts_in_the_readers_language(rf: RequestFactory):
    for code in ["ES", "EG", "ZA"]:
        Report.objects.create(location="abroad", country=code, code_lookup=code, code_hash="x")
    request = rf.get("/")
    country_filter = CountryFilter(request, {}, Report, site._registry[Report])
    names = [name for _code, name in country_filter.lookups(request, None)]
    assert names == ["Afrique du Sud", "Égypte", "Espagne"]


def test_triage_sees_an_online_report_as_such_in_the_queue_and_the_statistics():
    from django.utils import timezone

    from reports.admin.report import ReportAdmin
    from reports.statistics.figures import Period, compute

    report = Report.objects.create(location="unknown", code_lookup="u", code_hash="x")
    assert str(ReportAdmin(Report, site).where(report)) == "En ligne, ou je ne sais pas où"
    stats = compute(Period.year(timezone.localdate().year))
    assert ("En ligne, ou je ne sais pas où", 1) in stats["locations"]


def test_a_child_in_danger_now_is_an_answer_that_makes_the_report_urgent(client):
    body = client.get(URL).content.decode()
    assert 'name="danger_now"' in body
    client.post(URL, report_data(danger_now="yes"))
    report = Report.objects.get()
    assert report.content["danger_now"] == "yes"
    assert report.priority == Report.Priority.URGENT
    assert report.clock == "urgent"
