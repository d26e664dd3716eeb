from django.conf import settings


def site(request):
    return {"DJANGO_ENV": settings.DJANGO_ENV}
