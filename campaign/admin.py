from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from campaign.images import build_renditions, clean_upload, delete_files
from campaign.models import Article, ContactMessage, KeyFigure, Organisation, Page
from jedisstop import pagecache
from jedisstop.admin_search import BoundedSearchAdmin


@admin.register(Page)
class PageAdmin(BoundedSearchAdmin, TranslationAdmin):
    list_display = ["title", "slug", "order", "updated_at"]
    list_display_links = ["title"]
    list_editable = ["order"]
    readonly_fields = ["slug"]
    search_fields = ["title_fr", "title_nl", "title_en"]

    def has_add_permission(self, request):
        # Every page has its fixed address; editors edit their text, they do not add pages.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(KeyFigure)
class KeyFigureAdmin(TranslationAdmin):
    list_display = ["value", "label", "order"]
    list_editable = ["order"]


@admin.register(Article)
class ArticleAdmin(BoundedSearchAdmin, TranslationAdmin):
    list_display = ["__str__", "status", "published_at", "author", "in_languages", "preview"]
    list_filter = ["status", ("published_at", admin.DateFieldListFilter)]
    list_select_related = ["author"]
    search_fields = ["title_fr", "title_nl", "title_en", "summary_fr", "summary_nl", "summary_en"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug_fr": ["title_fr"], "slug_nl": ["title_nl"], "slug_en": ["title_en"]}

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        replaced = None
        if "image" in form.changed_data:
            if change:
                replaced = Article.objects.filter(pk=obj.pk).values_list("image", flat=True).first()
            if obj.image:
                obj.image = clean_upload(obj.image.file)  # nothing but its pixels is kept
        super().save_model(request, obj, form, change)
        if replaced and replaced != obj.image.name:
            pk = obj.pk
            transaction.on_commit(lambda: delete_files(pk, replaced))
        if "image" in form.changed_data and obj.image:
            build_renditions(obj)

    @admin.display(description=_("languages"))
    def in_languages(self, obj):
        return ", ".join(code.upper() for code in obj.languages())

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Preview"))

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(status=Article.Status.PUBLISHED, updated_at=timezone.now())
        pagecache.clear_on_commit()  # update() sends no signal
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT, updated_at=timezone.now())
        pagecache.clear_on_commit()  # update() sends no signal
        self.message_user(
            request,
            ngettext("%d article unpublished.", "%d articles unpublished.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """One row: the details on the contact page and in the legal notice."""

    list_display = ["name", "email", "phone", "is_demo", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Organisation.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form, read here only (decrypted for the reader)."""

    list_display = ["received_at", "topic", "handled_at"]
    list_filter = ["topic", ("handled_at", admin.EmptyFieldListFilter)]
    fields = ["received_at", "topic", "sender", "written", "handled_at"]
    readonly_fields = ["received_at", "topic", "sender", "written"]
    date_hierarchy = "received_at"

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("from"))
    def sender(self, obj):
        content = obj.content or {}
        parts = [content.get("name", ""), content.get("email", ""), content.get("organisation", "")]
        return " — ".join(p for p in parts if p) or "—"

    @admin.display(description=_("message"))
    def written(self, obj):
        return format_html("<div class='readonly'>{}</div>", (obj.content or {}).get("message", ""))
