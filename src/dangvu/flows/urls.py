from django.urls import path

from . import views

app_name = "flows"

# The dashboards (flows.dashboards): URL segment -> area; the names are
# flows:dashboard_<area> and flows:dashboard_<area>_export (its Excel).
SEGMENTS = {"dang-vien": "members", "theo-doi": "tracking", "bao-cao": "reporting"}

urlpatterns = [
    p
    for segment, area in SEGMENTS.items()
    for p in (
        path(f"{segment}/", views.dashboard, {"area": area}, name=f"dashboard_{area}"),
        path(
            f"{segment}/excel/",
            views.dashboard_export,
            {"area": area},
            name=f"dashboard_{area}_export",
        ),
    )
]
