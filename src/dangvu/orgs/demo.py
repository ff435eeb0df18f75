"""Demo organizations.

`demo`: the province of Yên Bái as it stood in 2023 (province → districts and a bloc →
communes and agencies → cells), then the restructuring of 1 July 2025 (districts
dissolved, communes merged into new commune committees directly under the province),
recorded through the same services users call, so its history and audit log are real.

`province` and `nation`: the present shape at full size, bulk-inserted (the services
would take hours for a quarter of a million organizations).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import connection, transaction

from dangvu.access import SYSTEM
from dangvu.core.collation import vi_sort_key
from dangvu.core.names import place_name
from dangvu.core.text import fold

from . import paths
from .models import Organization, OrgKind, OrgVersion, Restructuring, RestructuringKind
from .services import NewOrgSpec, org_create, org_dissolve, org_merge, org_move, org_rename

FOUNDED = date(1991, 10, 1)  # Yên Bái re-established (Hoàng Liên Sơn divided)
REFORM_DAY = date(2025, 7, 1)
CENTRAL_CODE = "TW"
DEMO_PROVINCE_CODE = "YB"

# District → its communes (2023); each commune's new 2025 commune is given by the group.
DEMO_DISTRICTS: list[tuple[str, str, str, list[list[str]]]] = [
    (
        "TY",
        "huyện Trấn Yên",
        "Huyện ủy Trấn Yên",
        [
            ["Việt Thành", "Hòa Cuông", "Minh Quán"],
            ["Cường Thịnh", "Y Can"],
            ["Báo Đáp", "Đào Thịnh"],
        ],
    ),
    (
        "VY",
        "huyện Văn Yên",
        "Huyện ủy Văn Yên",
        [["Đông Cuông", "Quang Minh", "An Bình"], ["Mậu Đông", "Ngòi A"]],
    ),
    (
        "YBI",
        "huyện Yên Bình",
        "Huyện ủy Yên Bình",
        [["Phú Thịnh", "Thịnh Hưng"], ["Đại Đồng", "Tân Hương", "Văn Lãng"]],
    ),
]
NEW_COMMUNE_NAMES = {
    "Việt Thành": "Trấn Yên",
    "Cường Thịnh": "Việt Hồng",
    "Báo Đáp": "Lương Thịnh",
    "Đông Cuông": "Đông Cuông",
    "Mậu Đông": "Mậu A",
    "Phú Thịnh": "Yên Bình",
    "Đại Đồng": "Thác Bà",
}
DISTRICT_AGENCIES = ["Chi bộ Phòng Giáo dục và Đào tạo", "Chi bộ Trung tâm Y tế"]
BLOC_MEMBERS = [
    ("Đảng bộ Sở Y tế", OrgKind.GRASSROOTS_COMMITTEE, 3),
    ("Đảng bộ Sở Giáo dục và Đào tạo", OrgKind.GRASSROOTS_COMMITTEE, 3),
    ("Chi bộ Sở Tư pháp", OrgKind.GRASSROOTS_CELL, 0),
    ("Chi bộ Sở Nội vụ", OrgKind.GRASSROOTS_CELL, 0),
]
VILLAGES = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn Đồng Tâm", "Thôn Khe Sâu", "Thôn Trung Tâm"]


def ensure_central() -> Organization:
    central = Organization.objects.filter(code=CENTRAL_CODE, parent__isnull=True).first()
    if central is not None:
        return central
    return org_create(
        name="Đảng Cộng sản Việt Nam",
        committee_name="Ban Chấp hành Trung ương Đảng",
        kind=OrgKind.CENTRAL,
        code=CENTRAL_CODE,
        issuer_code="TW",
        parent=None,
        founded_on=date(1930, 2, 3),
        decision="Cương lĩnh chính trị đầu tiên",
        actor=SYSTEM,
    )


def demo_province() -> Organization | None:
    return Organization.objects.filter(code=DEMO_PROVINCE_CODE, kind=OrgKind.PROVINCE).first()


@transaction.atomic
def build_demo_province(log: Callable[[str], None]) -> Organization:
    """The Yên Bái demo, through the services (idempotent: built once)."""
    existing = demo_province()
    if existing is not None:
        log("Tỉnh mẫu Yên Bái đã có; không tạo lại.")
        return existing
    central = ensure_central()
    decision = "Quyết định số 01-QĐ/TU, ngày 01/10/1991"

    def create(
        parent: Organization, name: str, kind: str, code: str, committee: str = "", issuer: str = ""
    ) -> Organization:
        return org_create(
            name=name,
            committee_name=committee,
            kind=kind,
            code=code,
            issuer_code=issuer,
            parent=parent,
            founded_on=FOUNDED,
            decision=decision,
            actor=SYSTEM,
        )

    province = create(
        central,
        "Đảng bộ tỉnh Yên Bái",
        OrgKind.PROVINCE,
        DEMO_PROVINCE_CODE,
        "Tỉnh ủy Yên Bái",
        "TU",
    )
    groups: list[tuple[Organization, list[Organization], list[str]]] = []
    agencies: dict[int, list[Organization]] = {}
    for dcode, dname, dcommittee, commune_groups in DEMO_DISTRICTS:
        district = create(
            province, f"Đảng bộ {dname}", OrgKind.DISTRICT, f"YB-{dcode}", dcommittee, "HU"
        )
        for g, group in enumerate(commune_groups):
            communes = []
            for c, commune in enumerate(group):
                ccode = f"{dcode}{g}{c}"
                org = create(
                    district,
                    f"Đảng bộ xã {commune}",
                    OrgKind.GRASSROOTS_COMMITTEE,
                    ccode,
                    f"Đảng ủy xã {commune}",
                    "ĐU",
                )
                for v, village in enumerate(VILLAGES[: 3 + (g + c) % 3]):
                    create(
                        org,
                        f"Chi bộ {village} xã {commune}",
                        OrgKind.CELL,
                        f"{ccode}-{v + 1:02d}",
                        f"Chi bộ {village}",
                        "CB",
                    )
                communes.append(org)
            groups.append((district, communes, group))
        agencies[district.pk] = [
            create(
                district,
                f"{agency} {dname}",
                OrgKind.GRASSROOTS_CELL,
                f"{dcode}-CQ{a + 1}",
                f"{agency} {dname}",
                "CB",
            )
            for a, agency in enumerate(DISTRICT_AGENCIES)
        ]
    bloc = create(
        province,
        "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh",
        OrgKind.BLOC,
        "YB-K",
        "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
        "ĐUK",
    )
    for b, (name, kind, cells) in enumerate(BLOC_MEMBERS):
        member = create(
            bloc,
            name,
            kind,
            f"K-{b + 1:02d}",
            name.replace("Đảng bộ", "Đảng ủy"),
            "ĐU" if cells else "CB",
        )
        for c in range(cells):
            create(
                member,
                f"Chi bộ Phòng {c + 1} {name.split(' ', 2)[2]}",
                OrgKind.CELL,
                f"K-{b + 1:02d}-{c + 1:02d}",
                "",
                "CB",
            )

    # 2024: a village cell renamed, as the history page should show.
    first_cell = Organization.objects.filter(kind=OrgKind.CELL, code="TY00-01").get()
    org_rename(
        org=first_cell,
        on=date(2024, 1, 1),
        name="Chi bộ Thôn Hòa Bình xã Việt Thành",
        decision="Quyết định số 245-QĐ/HU, ngày 20/12/2023",
        actor=SYSTEM,
    )

    # 1 July 2025: communes merge into new commune committees under the province; the
    # district agencies pass to the commune at the old district seat; districts end.
    reform = "Quyết định số 1575-QĐ/TU, ngày 27/6/2025"
    seats: dict[int, Organization] = {}
    for n, (district, communes, names) in enumerate(groups, start=1):
        new_name = NEW_COMMUNE_NAMES[names[0]]
        merged = org_merge(
            sources=communes,
            on=REFORM_DAY,
            decision=reform,
            actor=SYSTEM,
            new=NewOrgSpec(
                name=f"Đảng bộ xã {new_name}",
                kind=OrgKind.COMMUNE,
                code=f"YB-X{n:02d}",
                committee_name=f"Đảng ủy xã {new_name}",
                issuer_code="ĐU",
                parent=province,
            ),
        )
        seats.setdefault(district.pk, merged)
    for district_id, orgs in agencies.items():
        for agency in orgs:
            org_move(
                org=agency,
                new_parent=seats[district_id],
                on=REFORM_DAY,
                decision=reform,
                actor=SYSTEM,
            )
    for district_id in agencies:
        org_dissolve(
            org=Organization.objects.get(pk=district_id),
            on=REFORM_DAY,
            decision="Kết luận số 137-KL/TW, ngày 28/3/2025",
            actor=SYSTEM,
        )
    government = org_create(
        name="Đảng bộ Ủy ban nhân dân tỉnh Yên Bái",
        kind=OrgKind.PROVINCIAL_AGENCY,
        code="YB-UB",
        committee_name="Đảng ủy Ủy ban nhân dân tỉnh",
        issuer_code="ĐU",
        parent=province,
        founded_on=REFORM_DAY,
        decision=reform,
        actor=SYSTEM,
    )
    org_merge(sources=[bloc], into=government, on=REFORM_DAY, decision=reform, actor=SYSTEM)
    log(
        f"Đã tạo tỉnh mẫu Yên Bái: {Organization.objects.within(province).count()} tổ chức "
        "(cả các tổ chức đã chấm dứt năm 2025)."
    )
    return province


# --- bulk generation for the province and nation scales -----------------------------------

PROVINCES_2025 = [
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


class _Bulk:
    """Collects organizations with pre-assigned ids and paths, then inserts in batches."""

    def __init__(self, start_id: int, on: date, change: Restructuring) -> None:
        self.next_id = start_id
        self.on = on
        self.change = change
        self.orgs: list[Organization] = []
        self.versions: list[OrgVersion] = []
        self.count = 0

    def add(
        self,
        parent: Organization | None,
        parent_path: str,
        name: str,
        kind: str,
        code: str,
        committee: str = "",
        issuer: str = "",
    ) -> Organization:
        pk = self.next_id
        self.next_id += 1
        path = paths.child_path(parent_path, pk)
        search = fold(f"{name} {committee} {code}")
        org = Organization(
            pk=pk,
            name=name,
            committee_name=committee,
            kind=kind,
            code=code,
            issuer_code=issuer,
            parent_id=parent.pk if parent else None,
            path=path,
            depth=paths.depth_of(path),
            founded_on=self.on,
            search_text=search,
            sort_key=vi_sort_key(name),
        )
        self.orgs.append(org)
        self.versions.append(
            OrgVersion(
                organization_id=pk,
                parent_id=org.parent_id,
                name=name,
                committee_name=committee,
                kind=kind,
                code=code,
                issuer_code=issuer,
                path=path,
                depth=org.depth,
                valid_from=self.on,
                restructuring=self.change,
                search_text=search,
                sort_key=org.sort_key,
            )
        )
        if len(self.orgs) >= 20000:
            self.flush()
        return org

    def flush(self) -> None:
        Organization.objects.bulk_create(self.orgs, batch_size=5000)
        OrgVersion.objects.bulk_create(self.versions, batch_size=5000)
        self.count += len(self.orgs)
        self.orgs, self.versions = [], []


def _reset_sequences() -> None:
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), [Organization, OrgVersion])
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


@transaction.atomic
def build_bulk(
    provinces: int, log: Callable[[str], None], *, seed: int = 2025
) -> list[Organization]:
    """Provinces in their post-2025 shape at national proportions: per province about
    98 communes, 1,600 grassroots organizations and 7,400 cells."""
    started = time.perf_counter()
    central = ensure_central()
    names = PROVINCES_2025[:provinces]
    if Organization.objects.filter(
        kind=OrgKind.PROVINCE,
        name__in=[f"Đảng bộ {'thành phố' if n in CITIES else 'tỉnh'} {n}" for n in names],
    ).exists():
        log("Dữ liệu tổ chức quy mô lớn đã có; không tạo lại.")
        return list(Organization.objects.filter(kind=OrgKind.PROVINCE, parent=central))
    rng = random.Random(seed)
    change = Restructuring.objects.create(
        kind=RestructuringKind.ESTABLISH,
        effective_on=REFORM_DAY,
        decision="Dữ liệu mẫu: cơ cấu tổ chức từ 01/7/2025",
    )
    start_id = (Organization.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    bulk = _Bulk(start_id, REFORM_DAY, change)
    created = []
    total_communes = 3321
    for p, pname in enumerate(names):
        city = pname in CITIES
        prefix = "thành phố" if city else "tỉnh"
        pcode = f"P{p + 1:02d}"
        province = bulk.add(
            central,
            central.path,
            f"Đảng bộ {prefix} {pname}",
            OrgKind.PROVINCE,
            pcode,
            f"{'Thành ủy' if city else 'Tỉnh ủy'} {pname}",
            "TU",
        )
        created.append(province)
        communes = total_communes // 34 + (1 if p < total_communes % 34 else 0)
        units: list[tuple[str, str, str]] = [
            (
                OrgKind.COMMUNE,
                f"{'phường' if city and c % 3 else 'xã'} {place_name(rng)}",
                f"{pcode}-X{c + 1:03d}",
            )
            for c in range(communes)
        ]
        units += [
            (OrgKind.PROVINCIAL_AGENCY, "các cơ quan Đảng tỉnh", f"{pcode}-CQD"),
            (OrgKind.PROVINCIAL_AGENCY, "Ủy ban nhân dân tỉnh", f"{pcode}-UB"),
        ]
        for kind, uname, ucode in units:
            unit = bulk.add(
                province, province.path, f"Đảng bộ {uname}", kind, ucode, f"Đảng ủy {uname}", "ĐU"
            )
            for g in range(rng.randint(11, 22)):
                committee = rng.random() < 0.45
                gcode = f"{ucode}-{g + 1:02d}"
                gname = (
                    (
                        f"Đảng bộ {rng.choice(['Trường', 'Công ty', 'Bệnh viện', 'Cơ quan'])} "
                        f"{place_name(rng)}"
                    )
                    if committee
                    else f"Chi bộ thôn {place_name(rng)}"
                )
                grassroots = bulk.add(
                    unit,
                    unit.path,
                    gname,
                    OrgKind.GRASSROOTS_COMMITTEE if committee else OrgKind.GRASSROOTS_CELL,
                    gcode,
                    gname.replace("Đảng bộ", "Đảng ủy"),
                    "ĐU" if committee else "CB",
                )
                if committee:
                    for c in range(rng.randint(5, 15)):
                        bulk.add(
                            grassroots,
                            grassroots.path,
                            f"Chi bộ {c + 1} {gname[8:]}",
                            OrgKind.CELL,
                            f"{gcode}-{c + 1:02d}",
                            "",
                            "CB",
                        )
        log(
            f"  {pname}: xong ({bulk.count + len(bulk.orgs)} tổ chức, "
            f"{time.perf_counter() - started:.0f} giây)"
        )
    bulk.flush()
    _reset_sequences()
    log(f"Đã tạo {bulk.count} tổ chức trong {time.perf_counter() - started:.1f} giây.")
    return created


def populate(scale: str, log: Callable[[str], None]) -> dict[str, Any]:
    if scale == "demo":
        return {"province": build_demo_province(log)}
    provinces = build_bulk(1 if scale == "province" else 34, log)
    return {"province": provinces[0] if provinces else None}
