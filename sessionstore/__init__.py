"""Sessions stored so that reading the database gives no usable session.

The cookie holds the session key; the table holds only its SHA-256. A database read (a
backup, a leaked dump, a curious administrator) therefore yields no key that a browser could
present: neither a verified staff session nor a reporter's follow-up session. Each row also
records whose session it is, so that disabling an account ends its sessions at once.
"""
