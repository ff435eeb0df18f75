from __future__ import annotations

from types import SimpleNamespace

import pytest

from dangvu.core.testing import make_user


@pytest.fixture
def users(users: SimpleNamespace, tree: SimpleNamespace) -> SimpleNamespace:
    """The shared users, and a leader of district D1: the one who confirms, returns and
    exempts the parts of communes A and B (its officer prepares, does not decide)."""
    from dangvu.accounts.models import Role

    users.d1_leader = make_user("lanhdao.d1", tree.d1, Role.LEADER)
    return users
