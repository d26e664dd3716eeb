"""Backup and restore: the database and every file, in one encrypted archive.

`manage.py backup` (`make backup`) writes a consistent snapshot of the database (PostgreSQL's
own `pg_dump`, or SQLite's backup API in the local mode) followed by the public and private
files (from whatever storage holds them), as one tar archive encrypted in chunks with
BACKUP_ENCRYPTION_KEY. `manage.py restore FILE` (`make restore BACKUP=FILE`) brings it back
into an empty database and empty file stores, and refuses anything else.

The report files and columns inside stay encrypted with REPORT_ENCRYPTION_KEYS as well: a
restored site needs both keys, which are kept apart from the backups (README, "Backups").
"""
