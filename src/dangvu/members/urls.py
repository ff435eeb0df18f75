from django.urls import path

from . import views

app_name = "members"

# The pages that record one event of a member (views.EVENT_PAGES): URL segment → event;
# the URL name is member_<event>.
EVENT_SEGMENTS = {
    "cong-nhan": "recognize",
    "ra-khoi-dang": "exit",
    "mien-sinh-hoat": "exempt",
    "thoi-mien-sinh-hoat": "exempt_end",
    "phuc-hoi": "restore",
    "xep-loai": "rate",
    "huy-hieu": "badge",
    "ky-luat": "discipline",
}

urlpatterns = [
    path("", views.member_list, name="member_list"),
    path("xuat-excel/", views.member_export, name="member_export"),
    path("nhap-excel/", views.member_import, name="member_import"),
    path("nhap-excel/mau/", views.import_template, name="import_template"),
    path("nhap-excel/<int:pk>/", views.import_batch, name="import_batch"),
    path("nhap-excel/<int:pk>/ghi/", views.import_write, name="import_write"),
    path("nhap-excel/<int:pk>/tep-danh-dau/", views.import_marked, name="import_marked"),
    path("thong-ke/", views.member_stats, name="member_stats"),
    path("thong-ke/xuat-excel/", views.member_stats_export, name="member_stats_export"),
    path("so-luong/", views.member_counts, name="member_counts"),
    path("viec-can-lam/", views.member_worklists, name="member_worklists"),
    path("viec-can-lam/xuat-excel/", views.member_worklists_export, name="member_worklists_export"),
    path("ket-nap/", views.member_create, name="member_create"),
    path("<int:pk>/", views.member_detail, name="member_detail"),
    path("<int:pk>/sua/", views.member_update, name="member_update"),
    path("<int:pk>/chuyen-sinh-hoat/", views.member_transfer, name="member_transfer"),
    path("chuyen-sinh-hoat/<int:pk>/tiep-nhan/", views.transfer_confirm, name="transfer_confirm"),
    path("chuyen-sinh-hoat/<int:pk>/huy/", views.transfer_cancel, name="transfer_cancel"),
    path("chuyen-sinh-hoat/<int:pk>/tro-ve/", views.transfer_return, name="transfer_return"),
    path("su-kien/<int:pk>/dinh-chinh/", views.event_annul, name="event_annul"),
] + [
    path(f"<int:pk>/{segment}/", views.member_event, {"event": event}, name=f"member_{event}")
    for segment, event in EVENT_SEGMENTS.items()
]
