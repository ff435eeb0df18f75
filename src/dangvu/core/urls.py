from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("nhat-ky/", views.audit_list, name="audit_list"),
    path("huong-dan/", views.help_index, name="help_index"),
    path("huong-dan/<slug:area>/", views.help_page, name="help"),
]
