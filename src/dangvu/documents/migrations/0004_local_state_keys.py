"""Local state bodies (UBND, HĐND) are scoped to their area (see services/keys.py).

Marks the two codes `local`, then gives every existing state document of those codes
its area and its new keys:

- a registered document takes the province of the unit that owns it;
- a placeholder takes the province of each document that cites or names it; when
  documents of several provinces named one placeholder (the merge this fixes), it is
  split: the first province keeps the entry, each other gets its own placeholder and its
  references and relations move there.

A place named in a reference ("của UBND tỉnh Lào Cai") is not re-read here: the
placeholder takes the citing unit's province, as an undated, unnamed reference does.
Provinces are read from today's tree. Each change is written to the audit log as the
system's. Going back leaves the keys as they are (split placeholders stay apart)."""

from django.db import migrations

from dangvu.core.text import fold
from dangvu.orgs import paths

LOCAL_CODES = ("UBND", "HĐND")


def _code_key(code):
    return fold(code).upper().replace(" ", "")


def _number_key(number):
    return number.strip().lstrip("0") or "0"


def _match_key(doc, area_id):
    return "|".join(
        [
            doc.kind,
            f"@{area_id}" if area_id else "-",
            _code_key(doc.issuer_code),
            _code_key(doc.type_code),
            _number_key(doc.number),
            str(doc.year or "-"),
        ]
    )


def forwards(apps, schema_editor):
    IssuerCode = apps.get_model("documents", "IssuerCode")
    Document = apps.get_model("documents", "Document")
    Reference = apps.get_model("documents", "Reference")
    DocumentRelation = apps.get_model("documents", "DocumentRelation")
    Organization = apps.get_model("orgs", "Organization")
    AuditEntry = apps.get_model("core", "AuditEntry")

    IssuerCode.objects.filter(kind="state", code__in=LOCAL_CODES).update(local=True)
    local = {_code_key(c) for c in LOCAL_CODES}
    docs = [
        d
        for d in Document.objects.filter(kind="state").exclude(number="").order_by("pk")
        if _code_key(d.issuer_code) in local
    ]
    if not docs:
        return
    provinces = {}

    def province_of(org_id):
        if org_id not in provinces:
            org = Organization.objects.get(pk=org_id)
            ids = paths.ids_of(org.path)
            kinds = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "kind"))
            provinces[org_id] = next((i for i in reversed(ids) if kinds.get(i) == "province"), None)
        return provinces[org_id]

    def audit(doc, summary, before, after):
        AuditEntry.objects.create(
            actor_name="hệ thống",
            action="documents.document_rekey",
            object_type="documents.document",
            object_id=str(doc.pk),
            object_repr=f"{doc.number}/{doc.type_code}-{doc.issuer_code}"[:255],
            organization_id_ref=doc.owner_id,
            org_path=Organization.objects.get(pk=doc.owner_id).path,
            summary=summary,
            before=before,
            after=after,
        )

    def rekey(doc, area_id):
        before = {"area": doc.area_id, "match_key": doc.match_key}
        doc.area_id = area_id
        doc.area_name = ""
        doc.match_key = _match_key(doc, area_id)
        date = doc.date.isoformat() if doc.date else "?"
        doc.identity_key = f"{doc.match_key}|{date}"
        doc.save(update_fields=["area", "area_name", "match_key", "identity_key"])
        audit(
            doc,
            "Văn bản của cơ quan nhà nước địa phương: gắn với địa bàn (tỉnh) của nó",
            before,
            {"area": area_id, "match_key": doc.match_key},
        )

    for doc in docs:
        if doc.status != "placeholder":
            rekey(doc, province_of(doc.owner_id))
            continue
        groups = {}
        for ref in Reference.objects.filter(target=doc).select_related("document"):
            groups.setdefault(province_of(ref.document.owner_id), ([], []))[0].append(ref)
        for rel in DocumentRelation.objects.filter(target=doc).select_related("source"):
            groups.setdefault(province_of(rel.source.owner_id), ([], []))[1].append(rel)
        if not groups:
            rekey(doc, province_of(doc.owner_id))
            continue
        first, *others = sorted(groups, key=lambda p: (p is None, p or 0))
        rekey(doc, first)
        for area_id in others:
            refs, rels = groups[area_id]
            copy = Document.objects.get(pk=doc.pk)
            copy.pk = None
            copy.id = None
            source = refs[0].document if refs else rels[0].source
            copy.owner_id = source.owner_id
            copy.visibility = source.visibility
            copy.area_id = area_id
            copy.match_key = _match_key(copy, area_id)
            date = copy.date.isoformat() if copy.date else "?"
            copy.identity_key = f"{copy.match_key}|{date}"
            copy.save()
            Reference.objects.filter(pk__in=[r.pk for r in refs]).update(target=copy)
            DocumentRelation.objects.filter(pk__in=[r.pk for r in rels]).update(target=copy)
            audit(
                copy,
                f"Tách văn bản chờ (mã {doc.pk}): văn bản cùng số của UBND, HĐND tỉnh khác "
                "là văn bản khác",
                {"split_from": doc.pk},
                {"area": area_id, "match_key": copy.match_key},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_local_state_area"),
        ("core", "0002_path_collation"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
