from modeltranslation.translator import TranslationOptions, register

from partners.models import Partner


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fr",)
