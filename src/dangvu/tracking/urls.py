from django.urls import path

from . import views

app_name = "tracking"
urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("giao-viec/", views.task_create, name="task_create"),
    path("giao-viec/don-vi/", views.unit_search, name="unit_search"),
    path("viec/<int:pk>/", views.task_detail, name="task_detail"),
    path("viec/<int:pk>/bao-cao/", views.task_reports, name="task_reports"),
    path("lich/", views.task_calendar, name="task_calendar"),
    path("van-ban/<int:document_pk>/", views.directive_detail, name="document_detail"),
    path("viec-cua-don-vi/", views.assignment_list, name="assignment_list"),
    path("viec-cua-don-vi/<int:org_pk>/", views.assignment_list, name="assignment_list_of"),
    path("phan-viec/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("phan-viec/<int:pk>/bao-cao/", views.assignment_submit, name="assignment_submit"),
    path("phan-viec/<int:pk>/xac-nhan/", views.assignment_confirm, name="assignment_confirm"),
    path("phan-viec/<int:pk>/tra-lai/", views.assignment_return, name="assignment_return"),
    path("phan-viec/<int:pk>/nhac-viec/", views.assignment_remind, name="assignment_remind"),
    path("phan-viec/<int:pk>/mien/", views.assignment_exempt, name="assignment_exempt"),
]
