import logging


class ScrubRequestFilter(logging.Filter):
    """Keep request objects out of log records.

    Django attaches the request to error records; a handler that formats it (an error
    email, say) would copy POST data, which may hold a report. The record keeps its
    message (method and path) and traceback, never the request itself.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True
