from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "dangvu.reporting"
    verbose_name = "Báo cáo định kỳ"
