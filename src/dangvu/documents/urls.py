from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("tai-len/", views.document_upload, name="document_upload"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/tep-goc/", views.document_file, name="document_file"),
    path("<int:pk>/sua/", views.document_edit, name="document_edit"),
    path("<int:pk>/quan-he/them/", views.relation_add, name="relation_add"),
    path("quan-he/<int:pk>/bo/", views.relation_remove, name="relation_remove"),
    path("phat-hien/<int:pk>/sua/", views.finding_correct, name="finding_correct"),
    path("dan-chieu/<int:pk>/sua/", views.reference_correct, name="reference_correct"),
]
