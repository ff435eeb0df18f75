from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.organization_tree, name="organization_tree"),
    path("<int:pk>/", views.organization_detail, name="organization_detail"),
    path("<int:pk>/truc-thuoc/", views.organization_children, name="organization_children"),
    path("<int:pk>/thanh-lap/", views.organization_create, name="organization_create"),
    path("<int:pk>/doi-ten/", views.organization_rename, name="organization_rename"),
    path("<int:pk>/dieu-chuyen/", views.organization_move, name="organization_move"),
    path("<int:pk>/hop-nhat/", views.organization_merge, name="organization_merge"),
    path("<int:pk>/chia-tach/", views.organization_split, name="organization_split"),
    path("<int:pk>/giai-the/", views.organization_dissolve, name="organization_dissolve"),
]
