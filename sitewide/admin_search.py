from django.contrib import admin

MAX_SEARCH_CHARS = 100
MAX_SEARCH_WORDS = 8


class BoundedSearchAdmin(admin.ModelAdmin):
    """Admin search cut to a sensible size: each word becomes a clause of the query, and a
    pasted page of text would otherwise build a query the database refuses (a 500)."""

    def get_search_results(self, request, queryset, search_term):
        words = search_term[:MAX_SEARCH_CHARS].split()[:MAX_SEARCH_WORDS]
        return super().get_search_results(request, queryset, " ".join(words))
