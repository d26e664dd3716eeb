"""Locale smoke tests: the catalogues are compiled and actually used."""

import pytest
from django.utils import translation


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "Aller au contenu"), ("nl", "Naar de inhoud"), ("en", "Skip to content")],
)
def test_it_translates_the_page_shell(lang, expected):
    with translation.override(lang):
        assert translation.gettext("Skip to content") == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "word"), [("fr", "Accueil"), ("nl", "Home"), ("en", "Home")])
def test_it_renders_the_navigation_in_each_language(client, lang, word):
    response = client.get(f"/{lang}/")
    assert f">{word}</a>" in response.content.decode()
