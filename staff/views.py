from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from staff.access import NEXT_KEY, safe_next


@never_cache
def continue_to_next(request):
    """After enrolling a second factor: on to the page that was asked for (this site only)."""
    target = safe_next(request, request.session.pop(NEXT_KEY, None))
    return redirect(target or "admin:index")
