"""Idempotent demo-content loaders, called in order by `manage.py load_demo`.

LOADERS hold the site's real seed content (pages, partners, news): they run everywhere.
LOCAL_LOADERS hold invented data (demo reports): they never run in production.
"""

from campaign import seed
from reports import demo as reports_demo

LOADERS: list = [seed.load]
LOCAL_LOADERS: list = [reports_demo.load]
