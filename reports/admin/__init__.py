"""The reports' admin, one module a concern; importing the package registers them."""

from reports.admin import audit, report, tags

__all__ = ["audit", "report", "tags"]
