from modeltranslation.translator import TranslationOptions, register

from campaign.models import Article, KeyFigure, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("fr",)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("value", "label", "source")
    required_languages = ("fr",)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "image_alt")
