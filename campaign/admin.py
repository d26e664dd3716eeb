from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from campaign.images import build_renditions, clean_upload, delete_files
from campaign.markup import render_markdown
from campaign.models import Article, ContactMessage, KeyFigure, Organisation, Page
from sitewide.admin_search import BoundedSearchAdmin


class EditorsDesk(TabbedTranslationAdmin):
    """The three languages in tabs (modeltranslation), a body box sized for a page of text,
    and a live preview of the Markdown, rendered and sanitised as on the page."""

    formfield_overrides = {
        models.TextField: {
            "widget": forms.Textarea(
                attrs={
                    "rows": 24,
                    "cols": 90,
                    "data-preview-label": _("Preview of the text"),
                    "data-switch-label": _("Language of every tab"),
                }
            )
        },
    }

    class Media:
        js = ["js/editor-preview.js"]
        css = {"all": ["css/editors.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.FileField) and field is not None:
            # The admin puts file inputs in a fieldset with a legend but no label.
            field.widget.attrs["aria-label"] = str(db_field.verbose_name).capitalize()
        return field

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "preview-markdown/",
                self.admin_site.admin_view(self.markdown_preview),
                name=f"{opts.app_label}_{opts.model_name}_preview_markdown",
            ),
            *super().get_urls(),
        ]

    def markdown_preview(self, request):
        if request.method != "POST" or not self.has_change_permission(request):
            raise PermissionDenied
        text = request.POST.get("text", "")[:100_000]
        return JsonResponse({"html": str(render_markdown(text))})


@admin.register(Page)
class PageAdmin(BoundedSearchAdmin, EditorsDesk):
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
class KeyFigureAdmin(EditorsDesk):
    list_display = ["value", "label", "source", "order"]
    list_editable = ["order"]


class StateFilter(admin.SimpleListFilter):
    """Draft, scheduled (published, from a future date) or published: three states."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", _("Draft")), ("scheduled", _("Scheduled")), ("published", _("Published"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == "draft":
            return queryset.exclude(status=Article.Status.PUBLISHED)
        if value == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        if value == "published":
            return queryset.filter(status=Article.Status.PUBLISHED, published_at__lte=now)
        return queryset


@admin.register(Article)
class ArticleAdmin(BoundedSearchAdmin, EditorsDesk):
    list_display = ["__str__", "state", "published_at", "author", "in_languages", "preview"]
    list_filter = [StateFilter, ("published_at", admin.DateFieldListFilter)]
    list_select_related = ["author"]
    search_fields = ["title_fr", "title_nl", "title_en", "summary_fr", "summary_nl", "summary_en"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Image"), {"fields": ["thumbnail", "image", "image_alt"]}),
        (_("Publication"), {"fields": ["status", "published_at", "date_shown"]}),
    ]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("state"), ordering="published_at")
    def state(self, obj):
        if obj.status != Article.Status.PUBLISHED:
            return _("Draft")
        if obj.published_at > timezone.now():
            return format_html("<strong>{}</strong>", _("Scheduled"))
        return _("Published")

    @admin.display(description=_("current image"))
    def thumbnail(self, obj):
        sizes = obj.renditions().get("jpg") if obj.pk and obj.image else None
        if not sizes:
            return _("No image yet.")
        first = sizes[0]
        return format_html(
            '<img src="{}" width="240" alt="{}" class="article-thumbnail">', first.url,
            obj.image_alt or _("(no description yet)"),
        )  # fmt: skip

    def save_model(self, request, obj, form, change):
        self._save_model(request, obj, form, change)
        if obj.status == Article.Status.PUBLISHED:
            missing = [
                code.upper() for code, _name in settings.LANGUAGES
                if code not in obj.languages() or not getattr(obj, f"body_{code}", "")
            ]  # fmt: skip
            if missing:
                self.message_user(
                    request,
                    _("Published without %(languages)s: visitors reading in that language do "
                      "not see this article.") % {"languages": ", ".join(missing)},
                    messages.WARNING,
                )  # fmt: skip

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug_fr": ["title_fr"], "slug_nl": ["title_nl"], "slug_en": ["title_en"]}

    def _save_model(self, request, obj, form, change):
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
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT, updated_at=timezone.now())
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
