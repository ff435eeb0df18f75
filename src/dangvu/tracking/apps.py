from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "dangvu.tracking"
    verbose_name = "Theo dõi thực hiện"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed

        from dangvu.orgs.models import Restructuring

        from .services.follow import on_restructuring_results

        # A split's parts do not exist yet when the orgs ending handlers run; orgs adds
        # them to the restructuring's results afterwards, in the same transaction.
        m2m_changed.connect(
            on_restructuring_results,
            sender=Restructuring.results.through,
            dispatch_uid="tracking.follow_split",
        )
