from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from partners.models import Partner
from sitewide.admin_search import BoundedSearchAdmin


@admin.register(Partner)
class PartnerAdmin(BoundedSearchAdmin, TabbedTranslationAdmin):
    list_display = ["name", "category", "order", "website"]
    list_editable = ["order"]
    list_filter = ["category"]
    search_fields = ["name_fr", "name_nl", "name_en"]
    prepopulated_fields = {"slug": ["name_fr"]}
