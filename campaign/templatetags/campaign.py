from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from campaign.markup import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[tuple[str, str]]:
    """(language, absolute URL) of this page in every language, for hreflang and the switcher.

    A view can give its own (`alternates` in the context) when the address differs by more
    than its path words, as an article's slug does.
    """
    if context.get("alternates"):
        return context["alternates"]
    request = context.get("request")
    if request is None:
        return []
    path = request.path
    current = translation.get_language()
    result = []
    for code, _name in settings.LANGUAGES:
        with translation.override(current):
            url = translate_url(path, code)
        result.append((code, request.build_absolute_uri(url)))
    return result
