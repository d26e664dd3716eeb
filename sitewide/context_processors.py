from django.conf import settings
from django.utils.translation import gettext_lazy as _

NAV_ITEMS = [
    ("campaign:campaign", _("The campaign")),
    ("campaign:exploitation", _("What is it?")),
    ("campaign:how-to-act", _("How to act")),
    ("campaign:the-code", _("The Code")),
    ("campaign:projects", _("Projects")),
    ("campaign:figures", _("Figures")),
    ("campaign:news", _("News")),
    ("partners:list", _("Partners")),
]


def site(request):
    return {"DJANGO_ENV": settings.DJANGO_ENV, "nav_items": NAV_ITEMS}
