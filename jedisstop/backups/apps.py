from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "jedisstop.backups"
    label = "backups"
    verbose_name = "Backups"
