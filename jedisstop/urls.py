from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from jedisstop import media, views
from jedisstop.sitemaps import SITEMAPS
from reports import twofactor_views

urlpatterns = [
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Article images and partner logos, from whatever storage holds them.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media"),
]

urlpatterns += i18n_patterns(
    path("admin/two-factor/setup/", twofactor_views.setup, name="two-factor-setup"),
    path("admin/two-factor/verify/", twofactor_views.verify, name="two-factor-verify"),
    path("admin/", admin.site.urls),
    path("", include("campaign.urls")),
    path("", include("partners.urls")),
    path("", include("reports.urls")),
    prefix_default_language=True,
)

handler400 = "jedisstop.views.bad_request"
handler403 = "jedisstop.views.permission_denied"
handler404 = "jedisstop.views.page_not_found"
handler500 = "jedisstop.views.server_error"
