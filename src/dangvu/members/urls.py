from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="member_list"),
    path("xuat-excel/", views.member_export, name="member_export"),
    path("nhap-excel/", views.member_import, name="member_import"),
    path("thong-ke/", views.member_stats, name="member_stats"),
    path("viec-can-lam/", views.member_worklists, name="member_worklists"),
    path("ket-nap/", views.member_create, name="member_create"),
    path("<int:pk>/", views.member_detail, name="member_detail"),
    path("<int:pk>/sua/", views.member_update, name="member_update"),
    path("<int:pk>/chuyen-sinh-hoat/", views.member_transfer, name="member_transfer"),
    path("<int:pk>/cong-nhan/", views.member_recognize, name="member_recognize"),
    path("<int:pk>/ra-khoi-dang/", views.member_exit, name="member_exit"),
    path("<int:pk>/mien-sinh-hoat/", views.member_exempt, name="member_exempt"),
    path("<int:pk>/thoi-mien-sinh-hoat/", views.member_exempt_end, name="member_exempt_end"),
    path("<int:pk>/phuc-hoi/", views.member_restore, name="member_restore"),
    path("<int:pk>/xep-loai/", views.member_rate, name="member_rate"),
    path("<int:pk>/huy-hieu/", views.member_badge, name="member_badge"),
    path("<int:pk>/ky-luat/", views.member_discipline, name="member_discipline"),
    path("chuyen-sinh-hoat/<int:pk>/tiep-nhan/", views.transfer_confirm, name="transfer_confirm"),
    path("chuyen-sinh-hoat/<int:pk>/huy/", views.transfer_cancel, name="transfer_cancel"),
    path("chuyen-sinh-hoat/<int:pk>/tro-ve/", views.transfer_return, name="transfer_return"),
    path("su-kien/<int:pk>/dinh-chinh/", views.event_annul, name="event_annul"),
]
