"""How a number and symbol names one register entry, and who may write where.

A key is (kind, issuing organization if known, issuer code, type code, number, year of
a state symbol). The issuing organization is found from where the citing or
registering unit stands in the tree on the document's date: `TU` read by a commune of
Yên Bái in 2023 is the Tỉnh ủy Yên Bái, `HU` the district it then belonged to, `ĐU`
the nearest Đảng ủy at or above it. Without it, every province's `42-CTr/TU` would be
one document.

State documents of local bodies (issuer codes marked `local`: UBND, HĐND) are likewise
issued in every province and commune: their key carries the area instead, the place the
body's name gives ("của UBND tỉnh Lào Cai": the Đảng bộ tỉnh Lào Cai when the tree holds
it, else the place's name) or else the citing or registering unit's province on the
document's date. Central state bodies (CP, TTg, QH, the ministries) stay national.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from dangvu import access
from dangvu.access import Actor, AnyUser
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgKind
from dangvu.orgs.selectors import ancestors_on, version_on

from ..codes import central_issuer_codes, local_issuer_codes
from ..models import Document, DocumentKind, DocumentStatus
from ..parsing import AreaName, area_named, code_key, number_key

_NUMBER = re.compile(r"^[0-9]{1,6}$")
_CODE = re.compile(r"^[^\W\d_][\w-]{0,23}$")


@dataclass(frozen=True)
class DocKey:
    kind: str
    issuer_id: int | None
    issuer_code: str
    type_code: str
    number: str
    year: int | None
    area: str = ""  # a local state body's area: area_segment(...)

    @property
    def match_key(self) -> str:
        return "|".join(
            [
                self.kind,
                str(self.issuer_id or self.area or "-"),
                code_key(self.issuer_code),
                code_key(self.type_code),
                number_key(self.number),
                str(self.year or "-"),
            ]
        )

    def identity_key(self, on: date | None) -> str:
        return f"{self.match_key}|{on.isoformat() if on else '?'}"


def area_segment(area_id: int | None, area_name: str) -> str:
    """The key's place for a local state body: `@12` (an organization of the tree) or
    `@tinh lao cai` (a place named in the text that the tree does not hold)."""
    if area_id:
        return f"@{area_id}"
    return f"@{area_name}" if area_name else ""


# --- codes -----------------------------------------------------------------------------


def check_symbol(
    *, kind: str, type_code: str, number: str, issuer_code: str, year: int | None
) -> None:
    """Refuse a number and symbol an office would not write, naming the field to fix."""
    errors: dict[str, str] = {}
    if number and not _NUMBER.match(number):
        errors["number"] = "Số văn bản chỉ gồm chữ số, ví dụ 05 hoặc 126 (ký hiệu ghi riêng)."
    if number and not issuer_code:
        errors["issuer_code"] = "Hãy ghi ký hiệu cơ quan ban hành, ví dụ TU, ĐU, ĐUK."
    if number and kind == DocumentKind.PARTY and not type_code:
        errors["type_code"] = "Hãy chọn loại văn bản (ký hiệu loại như NQ, KH, BC)."
    if issuer_code and not _CODE.match(issuer_code):
        errors["issuer_code"] = "Ký hiệu cơ quan chỉ gồm chữ cái, chữ số và dấu gạch ngang."
    if type_code and not _CODE.match(type_code):
        errors["type_code"] = "Ký hiệu loại văn bản chỉ gồm chữ cái, ví dụ KH hoặc CTr."
    if year is not None and not 1945 <= year <= 2100:
        errors["year"] = "Năm trong số hiệu phải là năm có bốn chữ số, ví dụ 2023."
    if errors:
        raise ValidationError(errors)


# --- the issuing organization ----------------------------------------------------------


def _chain(context: Organization, on: date | None) -> list[tuple[int, str, str]]:
    """(organization id, issuer code, kind) from the context up to the root, nearest
    first, as the tree stood on `on` (today's shape when no date or no version then)."""
    if on is not None:
        own = version_on(context, on)
        if own is not None:
            versions = [*ancestors_on(context, on), own]
            return [(v.organization_id, v.issuer_code, v.kind) for v in reversed(versions)]
    ids = paths.ids_of(context.path)
    rows = {
        pk: (code, kind)
        for pk, code, kind in Organization.objects.filter(pk__in=ids).values_list(
            "pk", "issuer_code", "kind"
        )
    }
    return [(pk, *rows.get(pk, ("", ""))) for pk in reversed(ids)]


# The kinds of party organization whose area a level of local government matches: a
# commune's UBND governs the area of the Đảng bộ xã (a grassroots committee before 2025).
_AREA_KINDS: dict[str, tuple[str, ...]] = {
    "province": (OrgKind.PROVINCE,),
    "city": (OrgKind.PROVINCE, OrgKind.DISTRICT),
    "district": (OrgKind.DISTRICT,),
    "commune": (OrgKind.COMMUNE, OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_CELL),
}
_AREA_CANDIDATES = 50


def _place_of(org: Organization) -> str:
    """`tinh yen bai` for the Đảng bộ tỉnh Yên Bái: its name without the party words."""
    name = fold(org.name)
    for opener in ("dang bo ", "dang uy ", "chi bo "):
        if name.startswith(opener):
            return name[len(opener) :]
    return name


_HEADER_LINES = 12
_HEADER_CANDIDATES = 5000


def _names_of(org: Organization) -> set[str]:
    """How a header may name the unit: its committee (Đảng ủy xã X), or its name with
    the committee's word (Đảng bộ xã X -> Đảng ủy xã X)."""
    names = {fold(org.name), fold(org.name.replace("Đảng bộ", "Đảng ủy", 1))}
    if org.committee_name:
        names.add(fold(org.committee_name))
    return names


class IssuerResolver:
    """Finds issuing organizations for codes read in one document, with a cache."""

    def __init__(self, context: Organization, on: date | None) -> None:
        self.context = context
        self.on = on
        self._chain: list[tuple[int, str, str]] | None = None
        self._found: dict[str, Organization | None] = {}
        self._local: set[str] | None = None
        self._areas: dict[tuple[str, str, str], tuple[Organization | None, str]] = {}

    def resolve(self, kind: str, issuer_code: str) -> Organization | None:
        if kind != DocumentKind.PARTY or not issuer_code:
            return None
        key = code_key(issuer_code)
        if key not in self._found:
            self._found[key] = self._lookup(key, issuer_code)
        return self._found[key]

    def resolve_named(self, kind: str, issuer_code: str, header: str) -> Organization | None:
        """The unit a document's header names ("ĐẢNG ỦY XÃ VIỆT THÀNH" over its number),
        among the units above, at and below the context that sign with `issuer_code`;
        None when the header names none of them, or more than one."""
        if kind != DocumentKind.PARTY or not issuer_code or not header:
            return None
        lines = {
            fold(part).strip(" *")
            for line in header.splitlines()[:_HEADER_LINES]
            for part in line.split("\t")
            if part.strip()
        }
        above = paths.ids_of(self.context.path)
        candidates = Organization.objects.filter(
            Q(pk__in=above) | Q(path__gte=self.context.path, path__lt=self.context.path + "~"),
            issuer_code=issuer_code,
        ).only("pk", "name", "committee_name")[:_HEADER_CANDIDATES]
        named = [org for org in candidates if lines & _names_of(org)]
        return named[0] if len(named) == 1 else None

    def _chain_now(self) -> list[tuple[int, str, str]]:
        if self._chain is None:
            self._chain = _chain(self.context, self.on)
        return self._chain

    def is_local(self, kind: str, issuer_code: str) -> bool:
        """Whether the code is a local state body's (UBND, HĐND): see the module docstring."""
        if kind != DocumentKind.STATE or not issuer_code:
            return False
        if self._local is None:
            self._local = local_issuer_codes()
        return code_key(issuer_code) in self._local

    def resolve_area(
        self, kind: str, issuer_code: str, issuer_name: str = ""
    ) -> tuple[Organization | None, str]:
        """(organization, place name) a local state body's document belongs to: the place
        its name gives, else the context's own unit of that level (a bare "UBND xã": the
        commune), else the context's province. (None, "") for any other document, and
        for a context above every province."""
        if not self.is_local(kind, issuer_code):
            return None, ""
        named = area_named(issuer_name) if issuer_name else None
        cache_key = (named.level, named.place, named.word) if named else ("", "", "")
        if cache_key not in self._areas:
            if named is not None and named.place:
                found = self._named_area(named)
                self._areas[cache_key] = (found, "") if found else (None, named.key)
            else:
                self._areas[cache_key] = (self._own_area(named.level if named else ""), "")
        return self._areas[cache_key]

    def _own_area(self, level: str) -> Organization | None:
        chain = self._chain_now()
        for wanted in (level, "province") if level else ("province",):
            for pk, _, kind in chain:
                if kind in _AREA_KINDS[wanted]:
                    return Organization.objects.get(pk=pk)
        return None

    def _named_area(self, named: AreaName) -> Organization | None:
        """The unit of the tree whose area the name gives: a province anywhere; a district
        or commune within the context's province (commune names recur across provinces)."""
        qs = Organization.objects.filter(
            kind__in=_AREA_KINDS[named.level], search_text__contains=named.place
        )
        if named.level in ("district", "commune"):
            province = self._own_area("province")
            if province is None:
                return None
            low, high = paths.subtree_bounds(province.path)
            qs = qs.filter(path__gte=low, path__lt=high)
        found = qs.only("pk", "name", "kind")[:_AREA_CANDIDATES]
        matching = [org for org in found if _place_of(org) == named.key]
        if named.level == "city" and len(matching) > 1:
            matching = [org for org in matching if org.kind == OrgKind.PROVINCE]
        return Organization.objects.get(pk=matching[0].pk) if len(matching) == 1 else None

    def _lookup(self, key: str, issuer_code: str) -> Organization | None:
        for pk, code, _ in self._chain_now():
            if code and code_key(code) == key:
                return Organization.objects.get(pk=pk)
        # A unit below (the Tỉnh ủy citing a report of its Đảng ủy Khối): only when one
        # unit there signs with the code.
        below = list(
            Organization.objects.within(self.context)
            .filter(issuer_code__iexact=issuer_code)
            .exclude(pk=self.context.pk)[:2]
        )
        return below[0] if len(below) == 1 else None


# --- scope -----------------------------------------------------------------------------


def context_org(actor: Actor, owner: Organization | None) -> Organization:
    """The unit on whose behalf a document is registered: one the actor sees, or a
    committee above the actor's own."""
    if owner is not None:
        if not access.sees_everything(actor) and not access.can_view(actor, owner):
            own = access.own_organization(actor)
            if not (own and paths.is_within(own.path, owner.path)):
                raise PermissionDenied("Đơn vị này nằm ngoài phạm vi của bạn.")
        return owner
    org = access.own_organization(actor)
    if org is None:
        raise ValidationError({"owner": "Hãy chọn đơn vị ghi văn bản vào sổ."})
    return org


def owner_for(issuer: Organization | None, context: Organization) -> Organization:
    """A document belongs to its issuer when the issuer is the context unit, above it or
    below it; otherwise to the unit that registers it."""
    if issuer is not None and (
        paths.is_within(context.path, issuer.path) or paths.is_within(issuer.path, context.path)
    ):
        return issuer
    return context


def is_central(kind: str, issuer_code: str, issuer: Organization | None) -> bool:
    """A party document of the Centre's bodies (TW, VPTW, BTCTW...) whose issuer is not a
    unit of the tree: no unit of the tree owns it."""
    return (
        issuer is None
        and kind == DocumentKind.PARTY
        and bool(issuer_code)
        and code_key(issuer_code) in central_issuer_codes()
    )


def authorize_register(
    actor: Actor,
    owner: Organization,
    status: str,
    *,
    entry: Document | None = None,
    central: bool = False,
) -> bool:
    """Whether the actor registers the document itself (True) or a received copy (False).

    Officers and leaders register, complete and correct the documents of their subtree
    (and of the units merged into it). A document of a committee above them or of the
    Centre, or one whose entry (`entry`: a placeholder or an issued entry of the same
    number) another unit holds, belongs to its issuer: they register a received copy of
    it, linked to that entry, which stays as it was. A received copy is of an issued
    document only."""
    if not access.may_write(actor):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được ghi văn bản vào sổ.")
    if access.sees_everything(actor):
        return True
    holds = access.can_change(actor, owner, merged=True)
    holds_entry = entry is None or access.can_change(actor, entry.owner, merged=True)
    if holds and holds_entry and not central:
        return True
    own = access.own_organization(actor)
    above = own is not None and paths.is_within(own.path, owner.path)
    if not (holds or above or central):
        raise PermissionDenied("Văn bản này thuộc đơn vị ngoài phạm vi của bạn.")
    if status != DocumentStatus.ISSUED:
        raise ValidationError(
            {
                "status": (
                    "Văn bản của cấp ủy cấp trên hoặc của Trung ương chỉ ghi vào sổ của đơn vị "
                    "như bản nhận của văn bản đã ban hành: hãy chọn trạng thái Đã ban hành."
                )
            }
        )
    return False


def authorize_edit(actor: AnyUser, document: Document) -> None:
    """Changing a register entry (its details, findings, references, relations) is for
    officers and leaders of the unit that owns it or of a unit above (or of the unit it
    was merged into)."""
    if not access.may_write(actor):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được sửa sổ văn bản.")
    if not access.can_change(actor, document.owner, merged=True):
        raise PermissionDenied(
            "Văn bản này do đơn vị khác quản lý: chỉ đơn vị quản lý văn bản hoặc cấp trên "
            "của đơn vị đó được sửa."
        )
    if (
        document.status != DocumentStatus.PLACEHOLDER
        and document.copy_of_id is None
        and not access.sees_everything(actor)
        and is_central(document.kind, document.issuer_code, document.issuer)
    ):
        raise PermissionDenied(
            "Văn bản này do Trung ương ban hành: đơn vị không sửa bản gốc; hãy sửa bản nhận "
            "của đơn vị mình."
        )
