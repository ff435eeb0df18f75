"""What the audit log's action codes mean, in Vietnamese: a table (data), read by the audit
page. A code missing here is still shown, as “Thao tác khác” with its code, and a test
checks that every code the services write has its label."""

from __future__ import annotations

ACTION_LABELS: dict[str, str] = {
    # accounts
    "accounts.user_create": "Tạo tài khoản",
    "accounts.user_change": "Sửa tài khoản (trang quản trị)",
    "accounts.user_delete": "Xóa tài khoản (trang quản trị)",
    "accounts.user_role": "Đổi vai trò tài khoản",
    "accounts.user_disable": "Khóa tài khoản",
    "accounts.user_enable": "Mở lại tài khoản",
    "accounts.user_unlock": "Mở khóa đăng nhập sai",
    "accounts.password_change": "Đổi mật khẩu",
    "accounts.password_reset": "Đặt lại mật khẩu",
    # orgs
    "orgs.org_create": "Thành lập tổ chức",
    "orgs.org_rename": "Đổi tên tổ chức",
    "orgs.org_move": "Điều chuyển tổ chức",
    "orgs.org_merge": "Hợp nhất tổ chức",
    "orgs.org_split": "Chia tách tổ chức",
    "orgs.org_dissolve": "Giải thể tổ chức",
    # members: the services write "members.<event kind>" for each membership event
    "members.member_admit": "Kết nạp đảng viên (ghi hồ sơ)",
    "members.member_update_profile": "Sửa lý lịch đảng viên",
    "members.members_export": "Xuất danh sách đảng viên ra Excel",
    "members.stats_export": "Xuất thống kê đảng viên ra Excel",
    "members.dashboard_export": "Xuất Excel số liệu biểu đồ (tổng quan đảng viên)",
    "members.worklists_export": "Xuất danh sách việc cần làm (đề nghị) ra Excel",
    "members.members_import": "Nhập đảng viên từ Excel",
    "members.import_check": "Kiểm tra tệp nhập đảng viên",
    "members.import_start": "Xác nhận ghi tệp nhập đảng viên",
    "members.event_annul": "Đính chính sự kiện",
    "members.transfer_redirect": "Chuyển tiếp giấy giới thiệu sinh hoạt",
    "members.ket_nap": "Kết nạp (dự bị)",
    "members.ket_nap_lai": "Kết nạp lại",
    "members.le_ket_nap": "Lễ kết nạp",
    "members.cong_nhan_chinh_thuc": "Công nhận đảng viên chính thức",
    "members.xoa_ten_du_bi": "Xóa tên trong danh sách đảng viên dự bị",
    "members.chuyen_di": "Chuyển sinh hoạt đảng chính thức đi",
    "members.chuyen_den": "Tiếp nhận sinh hoạt đảng chính thức",
    "members.huy_chuyen": "Hủy giấy giới thiệu chuyển sinh hoạt",
    "members.tam_chuyen_di": "Chuyển sinh hoạt đảng tạm thời đi",
    "members.tam_chuyen_den": "Tiếp nhận sinh hoạt đảng tạm thời",
    "members.tro_ve": "Kết thúc sinh hoạt tạm thời, trở về",
    "members.theo_to_chuc": "Chuyển theo tổ chức hợp nhất",
    "members.xin_ra": "Xin ra khỏi Đảng",
    "members.xoa_ten": "Xóa tên",
    "members.khai_tru": "Khai trừ",
    "members.tu_tran": "Từ trần",
    "members.phuc_hoi": "Phục hồi đảng tịch",
    "members.huy_hieu": "Trao Huy hiệu Đảng",
    "members.xep_loai": "Xếp loại chất lượng",
    "members.ky_luat": "Kỷ luật",
    "members.mien_sinh_hoat": "Miễn công tác và sinh hoạt đảng",
    "members.thoi_mien_sinh_hoat": "Thôi miễn công tác và sinh hoạt đảng",
    "members.dinh_chinh": "Đính chính (hủy bỏ sự kiện ghi nhầm)",
    "members.identifier_refused": "Từ chối số CCCD/thẻ đảng viên đã có ngoài phạm vi",
    # documents
    "documents.document_register": "Ghi văn bản vào sổ",
    "documents.document_ingest": "Tải lên và đọc văn bản",
    "documents.document_update": "Sửa thông tin văn bản",
    "documents.copy_receive": "Ghi bản nhận văn bản của cấp trên",
    "documents.document_rekey": "Đổi số, ký hiệu văn bản",
    "documents.finding_correct": "Sửa kết quả đọc văn bản",
    "documents.reference_correct": "Sửa dẫn chiếu văn bản",
    "documents.reference_relink": "Nối lại dẫn chiếu văn bản",
    "documents.relation_add": "Thêm quan hệ giữa văn bản",
    "documents.relation_remove": "Bỏ quan hệ giữa văn bản",
    "documents.placeholder_create": "Ghi văn bản được dẫn chiếu (chưa có bản)",
    "documents.placeholder_absorb": "Bổ sung văn bản chờ",
    "documents.placeholder_date": "Ghi ngày văn bản chờ",
    "documents.placeholder_drop": "Bỏ văn bản chờ",
    # tracking
    "tracking.task_create": "Giao nhiệm vụ",
    "tracking.assignment_submit": "Báo cáo kết quả thực hiện",
    "tracking.assignment_confirm": "Xác nhận hoàn thành",
    "tracking.assignment_return": "Trả lại báo cáo thực hiện",
    "tracking.assignment_exempt": "Miễn thực hiện nhiệm vụ",
    "tracking.assignment_transfer": "Chuyển nhiệm vụ sang đơn vị kế thừa",
    "tracking.assignment_done_by_document": "Hoàn thành bằng văn bản triển khai",
    "tracking.reminders_send": "Gửi nhắc việc",
    "tracking.assignment_remind": "Nhắc việc một đơn vị",
    "tracking.dashboard_export": "Xuất Excel số liệu biểu đồ (tổng quan theo dõi thực hiện)",
    "tracking.demo_bulk_states": "Dữ liệu mẫu: trạng thái nhiệm vụ",
    # drafting
    "drafting.number_take": "Lấy số văn bản đi",
    "drafting.number_cancel": "Hủy số văn bản đi",
    "drafting.draft_create": "Tạo dự thảo",
    "drafting.draft_edit_block": "Sửa dự thảo",
    "drafting.draft_redraft": "Cập nhật số liệu dự thảo",
    "drafting.draft_issue": "Ban hành văn bản từ dự thảo",
    "drafting.template_upload": "Tải lên mẫu văn bản của đơn vị",
    "drafting.template_remove": "Bỏ mẫu văn bản của đơn vị",
    # reporting
    "reporting.round_open": "Mở đợt báo cáo định kỳ",
    "reporting.round_remind": "Nhắc đơn vị chưa báo cáo",
    "reporting.reports_remind_due": "Nhắc báo cáo định kỳ đến hạn (dangvu remind)",
    "reporting.reports_follow_tree": "Cập nhật vị trí báo cáo định kỳ theo thay đổi tổ chức",
    "reporting.target_set": "Đặt chỉ tiêu năm",
    "reporting.submission_save": "Lưu báo cáo định kỳ (chưa gửi)",
    "reporting.submission_submit": "Gửi báo cáo định kỳ",
    "reporting.submission_approve": "Duyệt báo cáo định kỳ",
    "reporting.submission_return": "Trả lại báo cáo định kỳ",
    "reporting.submission_reopen": "Mở lại báo cáo định kỳ",
    "reporting.submission_excuse": "Miễn báo cáo định kỳ",
    "reporting.submission_unlock": "Cho nhập báo cáo sau khóa sổ",
    "reporting.dashboard_export": "Xuất Excel số liệu biểu đồ (tổng quan báo cáo định kỳ)",
    # api
    "api.token_create": "Tạo mã truy cập API",
    "api.token_revoke": "Thu hồi mã truy cập API",
    "api.token_use": "Dùng mã truy cập API",
    "api.write": "Ghi dữ liệu qua API",
}

# The areas' names, for the fallback and for grouping the filter's choices.
AREA_LABELS: dict[str, str] = {
    "accounts": "Tài khoản",
    "orgs": "Tổ chức",
    "members": "Đảng viên",
    "documents": "Văn bản",
    "tracking": "Theo dõi thực hiện",
    "drafting": "Soạn thảo",
    "reporting": "Báo cáo định kỳ",
    "api": "API",
}

# Object types that have a page of their own: the URL name taking the object's pk.
OBJECT_PAGES: dict[str, str] = {
    "orgs.organization": "orgs:organization_detail",
    "members.member": "members:member_detail",
    "documents.document": "documents:document_detail",
    "tracking.task": "tracking:task_detail",
    "tracking.assignment": "tracking:assignment_detail",
    "accounts.user": "accounts:user_detail",
}


def action_label(code: str) -> str:
    """The Vietnamese name of an action code; an unknown one says which area it is from."""
    label = ACTION_LABELS.get(code)
    if label is not None:
        return label
    area = AREA_LABELS.get(code.partition(".")[0])
    return f"Thao tác khác ({area}: {code})" if area else f"Thao tác khác ({code})"
