from django.urls import path
from django.utils.translation import gettext_lazy as _

from campaign import contact, views
from campaign.models import Page

app_name = "campaign"

PAGE_PATHS = {
    Page.Key.CAMPAIGN: _("campaign/"),
    Page.Key.EXPLOITATION: _("what-is-child-sexual-exploitation/"),
    Page.Key.HOW_TO_ACT: _("how-to-act/"),
    Page.Key.THE_CODE: _("the-code/"),
    Page.Key.PROJECTS: _("projects/"),
    Page.Key.PRIVACY: _("privacy/"),
    Page.Key.FAQ: _("faq/"),
    Page.Key.TRAVEL: _("before-you-travel/"),
    Page.Key.PROFESSIONALS: _("for-tourism-professionals/"),
}

urlpatterns = [
    path("", views.home, name="home"),
    *[
        path(route, views.page, {"slug": key.value}, name=key.value)
        for key, route in PAGE_PATHS.items()
    ],
    path(_("ecpat-in-figures/"), views.figures, name="figures"),
    # A form: never stored by any cache (its own address, with the CSRF cookie).
    path(_("contact/"), contact.contact, name="contact"),
    path(_("news/"), views.news_list, name="news"),
    path(_("news/feed/"), views.news_feed, name="feed"),
    path(_("news/<int:pk>/<str:slug>/"), views.article, name="article"),
]
