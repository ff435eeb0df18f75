"""Who may open the API's pages and call each of its operations (checked by
tests/test_every_url.py). The pages take a session; the API (`api_v1`) takes personal
tokens only, so each cell of an operation's statement calls it with a token of that
cell's user (viewer, officer, leader of the object's own unit, a unit below, beside,
above). The objects and bodies are the API's own matrix (`api/tests/scope.py`); an
operation added to the schema without a row in `WHO` has no statement and fails the
walk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.accounts.models import Role, User
from dangvu.api.services import token_create
from dangvu.api.tests import scope
from dangvu.api.tests.helpers import secret_for
from dangvu.core.testing import make_user
from dangvu.documents.tests.permissions import SEES_ISSUED
from dangvu.members.tests.helpers import DECISION
from dangvu.tests.matrix import (
    ALL,
    CHANGES_BELOW,
    CHANGES_UNIT,
    EVERY_USER,
    LEADERS,
    NOBODY,
    OWN_WRITERS,
    SEES_UNIT,
    WRITERS,
    WRITERS_EVERYWHERE,
    Allow,
    Status,
    Who,
    World,
)
from dangvu.tracking.tests.permissions import APPROVES_BELOW, SEES_TASK


def _revoke(world: World) -> str:
    token = token_create(actor=world.officer, name="Đồng bộ", days=30).token
    return reverse("api:token_revoke", args=[token.pk])


def _bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret_for(user)}"}


# The world is built around commune A (`unit="a"`): its own users, cell A1's below it,
# commune B's beside it, the district's above it. The objects (scope.Objects): A itself,
# a member of cell A1, A's plan and draft, a province task with A's assignment, A's round
# and cell A1's report in it.
WROTE: Status = frozenset({200, 201, 204, 400, 409})  # let in: done, or refused on content
READ: Status = frozenset({200, 409})  # 409: the PDF converter failed (the .docx is there)
REFUSED: Status = frozenset({403, 404})  # outside the scope: refused, or not found in it
SEES_CELL = Who(own=ALL, descendant=ALL, ancestor=ALL)  # A1's member or report: A1, A, above
RECORDS_CELL = Who(own=WRITERS, descendant=WRITERS, ancestor=WRITERS)
APPROVES_CELL = Who(own=LEADERS, ancestor=LEADERS)  # leaders of a committee above A1

WHO: dict[str, tuple[Who, str]] = {  # URL name -> (who, why)
    # organizations: A and its tree
    "organization_tree": (EVERY_USER, "each user's own part of the tree"),
    "organization_detail": (SEES_UNIT, ""),
    "organization_children": (SEES_UNIT, ""),
    "organization_subtree": (SEES_UNIT, ""),
    "organization_create": (CHANGES_UNIT, "a unit's writers add under it, as on the page"),
    "organization_rename": (CHANGES_BELOW, "only a committee above changes a unit"),
    "organization_move": (CHANGES_BELOW, ""),
    "organization_merge": (CHANGES_BELOW, ""),
    "organization_split": (CHANGES_BELOW, ""),
    "organization_dissolve": (CHANGES_BELOW, ""),
    # members: a member of cell A1
    "member_list": (EVERY_USER, "each user's own subtree"),
    "member_stats": (EVERY_USER, "each user's own subtree"),
    "member_admit": (RECORDS_CELL, "into cell A1: its writers', A's and the district's"),
    "member_import": (WRITERS_EVERYWHERE, "into the user's own subtree"),
    "member_detail": (SEES_CELL, ""),
    "member_update": (RECORDS_CELL, ""),
    "member_event": (RECORDS_CELL, ""),
    "event_annul": (RECORDS_CELL, ""),
    "member_transfer": (RECORDS_CELL, ""),
    "transfer_confirm": (CHANGES_UNIT, "the receiving side (cell A2 of A): A and above"),
    # documents: A's own plan
    "document_list": (EVERY_USER, "each user's own register"),
    "document_upload": (WRITERS_EVERYWHERE, "into the user's own register"),
    "document_detail": (SEES_ISSUED, "as the document page"),
    "document_chain": (SEES_ISSUED, "as the document page"),
    "document_update": (CHANGES_UNIT, "the documents services' ownership rule"),
    "relation_add": (CHANGES_UNIT, ""),
    "relation_remove": (CHANGES_UNIT, ""),
    "reference_correct": (CHANGES_UNIT, ""),
    # tracking: a task of the province, A's assignment in it
    "task_list": (EVERY_USER, "each user's own tasks"),
    "task_create": (CHANGES_UNIT, "from A's plan: A's writers and those above"),
    "awaiting_review": (EVERY_USER, "each user's own units below"),
    "task_detail": (SEES_TASK, "as the task page: A's cells are not tasked"),
    "task_assignments": (SEES_TASK, "as the task page; each unit its own rows"),
    "unit_assignments": (SEES_UNIT, ""),
    "assignment_detail": (SEES_UNIT, ""),
    "assignment_submit": (OWN_WRITERS, "the unit itself reports"),
    "assignment_confirm": (APPROVES_BELOW, "as the task page: a leader above decides"),
    "assignment_return": (APPROVES_BELOW, ""),
    # reporting: A's round, cell A1's report in it
    "round_list": (EVERY_USER, "each user's own rounds"),
    "round_completeness": (SEES_CELL, "A's cells report in A's round and see it"),
    "round_consolidation": (SEES_CELL, ""),
    "submission_detail": (SEES_CELL, ""),
    "submission_save": (RECORDS_CELL, "the cell, or a committee above entering for it"),
    "submission_approve": (APPROVES_CELL, "leaders of a committee above the cell"),
    "submission_return": (APPROVES_CELL, ""),
    "submission_reopen": (APPROVES_CELL, ""),
    "submission_excuse": (APPROVES_CELL, ""),
    # drafting: A's draft
    "draft_list": (EVERY_USER, "each user's own drafts"),
    "draft_create": (WRITERS_EVERYWHERE, "for the user's own unit"),
    "draft_detail": (SEES_UNIT, ""),
    "draft_docx": (SEES_UNIT, ""),
    "draft_pdf": (SEES_UNIT, ""),
    "draft_edit": (CHANGES_UNIT, ""),
    "draft_redraft": (CHANGES_UNIT, ""),
    "draft_issue": (CHANGES_UNIT, ""),
    # the changes feed
    "changes": (EVERY_USER, "each user's own part of the audit log"),
}


def _objects(world: World) -> scope.Objects:
    """The API matrix's objects in the world's tree: the province's by an officer of the
    province (made here: the world's places stop at the district)."""
    name = "api.province.officer"
    superior = User.objects.filter(username=name).first()
    superior = superior or make_user(name, world.tree.province, Role.OFFICER)
    return scope.Objects(world.tree, officer=world.officer, superior=superior)


def _unscoped_body(name: str) -> Callable[[World], dict[str, Any]] | None:
    """Well-formed bodies of the writes without an object in the path, so a viewer's
    refusal is the role's, not the body's."""
    bodies: dict[str, Callable[[World], dict[str, Any]]] = {
        "member_admit": lambda w: {
            "organization": w.tree.a1.pk, "full_name": "Trần Văn Cường", "sex": "nam",
            "birth_date": "1990-01-01", "education": "12/12", "admitted_on": "2020-01-01",
            "decision": DECISION,
        },
        "task_create": lambda w: {
            "source": _objects(w).own_plan().pk,
            "title": "Quán triệt", "kind": "hold_activity", "issued_on": "2023-04-05",
            "due_dates": ["2023-06-30"], "unit_rule": "direct",
        },
        "draft_create": lambda w: {"genre": "member_stats", "on": "2024-12-31"},
        "member_import": lambda w: {"file": SimpleUploadedFile("ds.xlsx", b"PK")},
        "document_upload": lambda w: {
            "file": SimpleUploadedFile("kh.txt", "Kế hoạch số 16-KH/ĐU".encode())
        },
    }  # fmt: skip
    return bodies.get(name)


# Where the answer to a cell let in, or refused, is not the usual one.
STATUSES: dict[str, tuple[Status, Status]] = {  # URL name -> (allowed, refused)
    # the task form offers only the user's own documents: another's is a field error
    "task_create": (201, frozenset({400, 403})),
}

# Bodies naming another organization, one the cells above A may name.
IN_WORLD: dict[str, Callable[[World], dict[str, Any]]] = {
    "organization_move": lambda w: {**scope.ORG_CHANGE, "new_parent": w.tree.d1.pk},
    "organization_merge": lambda w: {**scope.ORG_CHANGE, "into": w.tree.b.pk},
}


def _statement(operation: scope.Operation) -> Allow:
    name = scope.url_name(operation)
    who, why = WHO[name]
    method = operation.method.lower()
    write = method != "get"
    multipart = name in ("member_import", "document_upload")

    def url(world: World) -> str:
        return _objects(world).url(operation)

    def data(world: World) -> dict[str, Any]:
        if not write:
            return {}
        body = _unscoped_body(name) or IN_WORLD.get(name)
        return body(world) if body else scope.BODIES.get(operation.path, {})

    return Allow(
        f"api_v1:{name}",
        who,
        url=url,
        method=method,
        data=data,
        allowed=STATUSES[name][0] if name in STATUSES else WROTE if write else READ,
        refused=STATUSES[name][1] if name in STATUSES else REFUSED if operation.kind else 403,
        anonymous=401,
        headers=_bearer,
        content_type=None if multipart else "application/json",
        why=why or "as the pages: the same selectors and services",
    )


PERMISSIONS = [
    Allow("api:token_list", EVERY_USER, why="each user's own tokens"),
    Allow("api:api_docs", EVERY_USER),
    Allow(
        "api:token_revoke",
        Who(own=frozenset({"officer"})),
        url=_revoke,
        method="post",
        allowed=302,
        refused=404,
        why="a token is its owner's alone (the officer of the unit made it)",
    ),
    Allow(
        "api_v1:openapi-json",
        EVERY_USER,
        anonymous=200,
        why="the schema describes the interface, not data: public",
    ),
    Allow(
        "api_v1:api-root",
        NOBODY,
        refused=frozenset({401, 404}),
        anonymous=frozenset({401, 404}),
        why="nothing at the root: tokens only, no session",
    ),
    Allow(
        "api_v1:not-found",
        NOBODY,
        url=lambda world: "/api/v1/khong-co",
        refused=404,
        anonymous=404,
        why="any other path: a problem document",
    ),
    # an operation without a row in WHO has no statement: the walk names its URL
    *[_statement(op) for op in scope.operations() if scope.url_name(op) in WHO],
]
