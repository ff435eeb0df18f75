from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("", views.round_list, name="round_list"),
    path("mo-dot/", views.round_create, name="round_create"),
    path("dot/<int:pk>/", views.round_detail, name="round_detail"),
    path("dot/<int:pk>/nhac/", views.round_remind_view, name="round_remind"),
    path("dot/<int:pk>/tong-hop/", views.round_consolidation, name="round_consolidation"),
    path("dot/<int:pk>/bang/", views.round_pivot, name="round_pivot"),
    path("dot/<int:pk>/bieu-excel/", views.round_sheets, name="round_sheets"),
    path("dot/<int:pk>/tai-len/", views.round_upload, name="round_upload"),
    path("don-vi/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("don-vi/<int:pk>/quyet-dinh/", views.submission_decide, name="submission_decide"),
    path("don-vi/<int:pk>/excel/", views.submission_xlsx, name="submission_xlsx"),
]
