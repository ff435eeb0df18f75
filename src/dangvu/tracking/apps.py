from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "dangvu.tracking"
    verbose_name = "Theo dõi thực hiện"
