"""Demo accounts: a leader of the province and officers of two communes."""

from collections.abc import Callable
from typing import Any

from dangvu.access import SYSTEM
from dangvu.orgs.models import Organization, OrgKind

from .models import Role, User
from .services import user_create

DEMO_PASSWORD = "DangVu@2025"


def _ensure(username: str, org: Organization, role: str, full_name: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(
            username=username,
            password=DEMO_PASSWORD,
            organization=org,
            role=role,
            full_name=full_name,
            actor=SYSTEM,
        )
    return user


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None:
        return
    accounts = [("tinhuy", province, Role.LEADER, "Nguyễn Văn Hùng")]
    communes = list(
        Organization.objects.within(province)
        .filter(kind=OrgKind.COMMUNE, dissolved_on__isnull=True)
        .order_by("code")[:2]
    )
    officers = ["Trần Thị Lan", "Lê Văn Bình"]
    for n, (commune, full_name) in enumerate(zip(communes, officers, strict=False), start=1):
        accounts.append((f"xa{n}", commune, Role.OFFICER, full_name))
    if scale != "demo":
        accounts = [(f"{u}.{province.code.lower()}", o, r, f) for u, o, r, f in accounts]
    log("")
    log("Tài khoản mẫu (mật khẩu chung: " + DEMO_PASSWORD + "):")
    for username, org, role, full_name in accounts:
        user = _ensure(username, org, role, full_name)
        log(f"  {user.username:<14} {user.get_role_display():<12} {org.name}")
    if not User.objects.filter(username="quantri").exists():
        admin = User(username="quantri", is_superuser=True, is_staff=True)
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    log(f"  {'quantri':<14} {'Quản trị':<12} toàn hệ thống")
