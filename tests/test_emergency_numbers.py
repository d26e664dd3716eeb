"""Help for where they are: each country's numbers from a labelled, sourced file, each one
checked against libphonenumber's short-number data, every number a tel: link."""

import re

import phonenumbers
import pytest
from django.urls import reverse
from django.utils import translation
from phonenumbers import shortnumberinfo

from reports.intake import emergency
from tests.reporting import report_data

FILES = sorted(emergency.DATA.glob("*.toml"))


def test_there_is_a_file_for_belgium_and_every_usual_destination(settings):
    codes = {path.stem.upper() for path in FILES}
    assert "BE" in codes
    assert set(settings.REPORT_USUAL_COUNTRIES) <= codes


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_number_is_known_to_libphonenumber_for_its_country(path):
    entry = emergency._read(path)
    assert entry.code == path.stem.upper()
    assert entry.sources, "a file without a source"
    assert all(source.startswith("https://") for source in entry.sources)
    kinds = {number.kind for number in entry.numbers}
    assert kinds & {"emergency", "police"}, "no way to reach the police"
    for number in entry.numbers:
        if number.kind in emergency.EMERGENCY_KINDS:
            assert shortnumberinfo.is_emergency_number(number.number, entry.code), number
        else:
            parsed = phonenumbers.parse(number.number, entry.code)
            assert shortnumberinfo.is_valid_short_number_for_region(parsed, entry.code), number


def test_an_eu_country_without_a_file_gets_112_and_an_unknown_one_nothing():
    assert [n.number for n in emergency.for_country("FI").numbers] == ["112"]
    assert shortnumberinfo.is_emergency_number("112", "FI")
    assert emergency.for_country("AQ") is None
    assert emergency.help_country("AQ").code == "BE"


def test_numbers_are_labelled_in_the_readers_language():
    th = emergency.for_country("TH")
    with translation.override("fr"):
        assert [n.label for n in th.numbers][:2] == ["Police", "Ambulance"]
        assert th.name == "Thaïlande"
    with translation.override("nl"):
        assert "Toeristenpolitie" in [n.label for n in th.numbers]


def tel_numbers(body: str) -> set[str]:
    return set(re.findall(r'href="tel:(\d+)"', body))


@pytest.mark.django_db
def test_the_form_asks_first_whether_a_child_is_in_danger_with_numbers_to_tap(client):
    body = client.get("/fr/signaler/").content.decode()
    assert body.index("Un enfant est-il en danger") < body.index('id="report-form"')
    # Belgium's numbers, each a link that dials it; every country's for the choice.
    assert {"112", "101", "100", "116000"} <= tel_numbers(body)
    assert 'id="emergency-data"' in body
    assert '"TH"' in body
    assert "Thaïlande" in body
    assert "ne confrontez personne" in body
    assert reverse("reports:emergency") in body


@pytest.mark.django_db
def test_the_receipt_gives_the_numbers_of_the_country_of_the_report(client):
    body = client.post("/fr/signaler/", report_data(country="TH"), follow=True).content.decode()
    assert "Un enfant est-il en danger" in body
    numbers = tel_numbers(body)
    assert {"191", "1669", "1155"} <= numbers
    assert re.search(r'<strong id="urgent-country">Thaïlande</strong>', body)


@pytest.mark.django_db
def test_every_country_has_its_numbers_on_a_page_of_their_own(client):
    with translation.override("nl"):
        url = reverse("reports:emergency")
    assert url == "/nl/melden/noodnummers/"
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="country-th"' in body
    assert 'href="tel:1669"' in body
    assert 'href="tel:1098"' in body  # India's CHILDLINE
    assert "en.wikipedia.org/wiki/List_of_emergency_telephone_numbers" in body  # sources
    # Sorted in Dutch: Duitsland before Filipijnen before Thailand.
    assert body.index('id="country-de"') < body.index('id="country-ph"')
    assert body.index('id="country-ph"') < body.index('id="country-th"')


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fr/", "/fr/suivi/", "/fr/signaler/"])
def test_the_belgian_numbers_are_links_that_dial_everywhere(client, path):
    body = client.get(path).content.decode()
    assert {"112", "101", "116000"} <= tel_numbers(body)
    assert not re.search(r"<strong>(112|101|116 000)</strong>", body.replace("</strong></a>", ""))
