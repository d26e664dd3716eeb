from django.shortcuts import render
from django.views.decorators.http import require_safe

from edge.httpcache import public_page
from partners.models import Partner


@require_safe
@public_page
def partner_list(request):
    partners = list(Partner.objects.all())
    groups = [
        (label, [p for p in partners if p.category == value])
        for value, label in Partner.Category.choices
    ]
    return render(request, "partners/list.html", {"groups": [g for g in groups if g[1]]})
