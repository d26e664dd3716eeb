"""The reports' admin, one module a concern; importing the package registers them."""

from reports.admin import audit, on_call, report, tags

__all__ = ["audit", "on_call", "report", "tags"]
