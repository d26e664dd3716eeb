class ReportError(Exception):
    """A step that cannot be done; the message is translated and shown to the person."""
