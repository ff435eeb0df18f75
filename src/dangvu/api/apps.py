from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "dangvu.api"
    verbose_name = "Giao diện lập trình (API)"
