"""Django's own strings that its Dutch catalogue lacks, and French ones it words awkwardly.

Without a Dutch translation, Django falls back to the default language's catalogue (French):
Dutch staff would read "- Choisir une option -". Listed here so that `makemessages` puts them
in the project's catalogues (locale/), which take precedence over Django's, translated there.
Nothing here runs.
"""

from django.utils.translation import gettext_noop, ngettext

DUTCH_GAPS = [
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the "
        "following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
    gettext_noop(", "),
]
FRENCH_WORDING = [
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
]


def _plurals(n: int) -> None:  # never called: makemessages reads the plural forms here
    ngettext("…and %(count)d more object.", "…and %(count)d more objects.", n)
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        n,
    )
