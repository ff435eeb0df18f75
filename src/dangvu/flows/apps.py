from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "dangvu.flows"
    verbose_name = "Quy trình liên lĩnh vực"
