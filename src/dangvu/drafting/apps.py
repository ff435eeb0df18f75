from django.apps import AppConfig


class DraftingConfig(AppConfig):
    name = "dangvu.drafting"
    verbose_name = "Soạn thảo văn bản"
