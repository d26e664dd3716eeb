from django import template

from reports.admin import workplace

register = template.Library()


@register.inclusion_tag("admin/reports/workplace.html", takes_context=True)
def workplace_summary(context):
    request = context["request"]
    return {"summary": workplace.summary(request.user), "request": request}
