"""Idempotent demo-content loaders, called in order by `manage.py load_demo`."""

LOADERS: list = []
