from django.urls import path

from . import views

app_name = "drafting"
urlpatterns = [
    path("", views.draft_list, name="draft_list"),
    path("soan-moi/", views.draft_create, name="draft_create"),
    path("mau/", views.template_list, name="template_list"),
    path("so-van-ban-di/", views.number_list, name="number_list"),
    path("so-van-ban-di/<int:pk>/huy/", views.number_cancel, name="number_cancel"),
    path("mau/<str:genre>.docx", views.template_download, name="template_download"),
    path("<int:pk>/", views.draft_detail, name="draft_detail"),
    path("<int:pk>/sua-doan/", views.draft_edit, name="draft_edit"),
    path("<int:pk>/soan-lai/", views.draft_redraft, name="draft_redraft"),
    path("<int:pk>/ban-hanh/", views.draft_issue, name="draft_issue"),
    path("<int:pk>/tai-ve.docx", views.draft_docx, name="draft_docx"),
    path("<int:pk>/tai-ve.pdf", views.draft_pdf, name="draft_pdf"),
]
