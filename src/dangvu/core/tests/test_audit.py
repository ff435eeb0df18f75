"""The request id a command or a request carries into the audit log fits its column, and a
command's id does not outlive the command (it would tag every later write)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from dangvu.access import SYSTEM
from dangvu.core.audit import audit_record
from dangvu.core.request_id import get_request_id, reset_request_id, set_request_id


@pytest.mark.django_db
def test_a_long_request_id_is_cut_to_the_column(tree) -> None:
    token = set_request_id("a-command-with-a-very-long-name-" + "0123456789abcdef")
    try:
        entry = audit_record(actor=SYSTEM, action="core.test", obj=tree.province, summary="x")
        entry.refresh_from_db()
        assert len(entry.request_id) == 32
    finally:
        reset_request_id(token)


@pytest.mark.django_db
def test_the_follow_tree_command_leaves_no_request_id_behind(tree) -> None:
    before = get_request_id()
    call_command("tracking-follow-tree")
    assert get_request_id() == before
