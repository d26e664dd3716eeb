from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from campaign import media
from campaign.sitemaps import SITEMAPS
from campaign.views import news_page
from sitewide import views

urlpatterns = [
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("robots.txt", views.robots_txt, name="robots"),
    # It lists the articles, so it changes by itself when a scheduled one goes live.
    path("sitemap.xml", news_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # Article images and partner logos, from whatever storage holds them.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media"),
]

urlpatterns += i18n_patterns(
    # Staff sign-in (django-allauth's account and MFA pages) and the staff app's own.
    path("staff/", include("allauth.urls")),
    path("staff/", include("staff.urls")),
    path("admin/", admin.site.urls),
    path("", include("campaign.urls")),
    path("", include("partners.urls")),
    path("", include("reports.urls")),
    prefix_default_language=True,
)

handler400 = "sitewide.views.bad_request"
handler403 = "sitewide.views.permission_denied"
handler404 = "sitewide.views.page_not_found"
handler500 = "sitewide.views.server_error"
# Not Django's: django-allauth answers a request over one of its limits with it.
handler429 = "sitewide.views.too_many_requests"
