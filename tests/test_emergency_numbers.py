"""Help for where they are: each country's numbers from a labelled file, each number with its
own source; emergency numbers checked against libphonenumber's short-number data, every other
line (child helplines, tourist police) against an official source; every number a tel: link."""

import re

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


# Encyclopaedias and lists of numbers are not where a helpline is confirmed.
NOT_OFFICIAL = ("wikipedia.org", "wikivoyage.org")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_number_carries_its_own_source(path):
    entry = emergency._read(path)
    assert entry.code == path.stem.upper()
    kinds = {number.kind for number in entry.numbers}
    assert kinds & {"emergency", "police"}, "no way to reach the police"
    for number in entry.numbers:
        assert number.source.startswith("https://"), number


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_emergency_numbers_are_known_to_libphonenumber_for_their_country(path):
    entry = emergency._read(path)
    for number in entry.numbers:
        if number.kind in emergency.EMERGENCY_KINDS:
            assert shortnumberinfo.is_emergency_number(number.number, entry.code), number


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_helplines_rest_on_an_official_source_and_say_what_they_are_for(path):
    """libphonenumber lacks most child helplines (Thailand 1387, Cambodia 1280, Viet Nam 111…):
    each rests on the helpline's own site or its government's, and says what it is for, in
    the three languages."""
    entry = emergency._read(path)
    for number in entry.numbers:
        if number.kind in emergency.EMERGENCY_KINDS:
            continue
        assert not any(site in number.source for site in NOT_OFFICIAL), number
        if number.kind != "tourist_police":
            assert {lang for lang, text in number.notes if text} == {"en", "fr", "nl"}, number


def test_the_childrens_helplines_of_belgium_and_the_usual_destinations_are_there():
    """Issue 27, item 2: those whose official source was found. Awel (102), Colombia's 141
    and Egypt's 16000 stay out until one is."""
    expected = {
        "BE": {"116000": "missing_children", "103": "child_helpline"},
        "TH": {"1387": "child_helpline"},
        "KH": {"1280": "child_helpline"},
        "VN": {"111": "child_helpline"},
        "ID": {"129": "child_helpline"},
        "PH": {"1343": "trafficking_hotline"},
    }
    for code, numbers in expected.items():
        found = {n.number: n.kind for n in emergency.for_country(code).numbers}
        assert numbers.items() <= found.items(), (code, found)


def test_numbers_of_the_countries_that_rested_on_an_encyclopaedia_have_an_official_source():
    """Issue 27, item 3: where an official page was found, the number carries it."""
    for code, number in [("CO", "123"), ("DO", "911"), ("GB", "999"), ("GB", "112"),
                         ("ID", "112"), ("MX", "911"), ("TR", "112"), ("US", "911"),
                         ("VN", "113")]:  # fmt: skip
        (found,) = [n for n in emergency.for_country(code).numbers if n.number == number]
        assert not any(site in found.source for site in NOT_OFFICIAL), (code, found)


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
    assert 'href="https://childlinethailand.org/th/what-we-do/call-center"' in body  # sources
    assert "elke dag van het jaar" in body  # when Childline Thailand answers, in Dutch
    # Sorted in Dutch: Duitsland before Filipijnen before Thailand.
    assert body.index('id="country-de"') < body.index('id="country-ph"')
    assert body.index('id="country-ph"') < body.index('id="country-th"')


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fr/", "/fr/suivi/", "/fr/signaler/"])
def test_the_belgian_numbers_are_links_that_dial_everywhere(client, path):
    body = client.get(path).content.decode()
    assert {"112", "101", "116000"} <= tel_numbers(body)
    assert not re.search(r"<strong>(112|101|116 000)</strong>", body.replace("</strong></a>", ""))
