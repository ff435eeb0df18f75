from django.contrib import admin
from django.urls import include, path

from dangvu.api.urls import api_v1_urls
from dangvu.flows import views as flows_views

handler400 = "dangvu.core.views.bad_request"
handler403 = "dangvu.core.views.forbidden"
handler404 = "dangvu.core.views.not_found"
handler500 = "dangvu.core.views.server_error"

urlpatterns = [
    path("", flows_views.home, name="home"),
    path("tong-quan/", include("dangvu.flows.urls")),
    path("tai-khoan/", include("dangvu.accounts.urls")),
    path("to-chuc/", include("dangvu.orgs.urls")),
    path("dang-vien/", include("dangvu.members.urls")),
    path("van-ban/", include("dangvu.documents.urls")),
    path("theo-doi/", include("dangvu.tracking.urls")),
    path("bao-cao/", include("dangvu.reporting.urls")),
    path("soan-thao/", include("dangvu.drafting.urls")),
    path("api/v1/", api_v1_urls),
    path("api/", include("dangvu.api.urls")),
    path("", include("dangvu.core.urls")),
    path("quan-tri/", admin.site.urls),
]
