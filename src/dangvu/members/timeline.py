"""A member's state follows from the events: replay them, get the periods of membership
(spans) and the state at the end. Pure: plain dataclasses in, plain dataclasses out.

Corrections are events too: an annulled event is left out of the replay, never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

# Event kinds (the values of `EventKind` in models.py).
ADMIT = "ket_nap"
READMIT = "ket_nap_lai"
CEREMONY = "le_ket_nap"
RECOGNIZE = "cong_nhan_chinh_thuc"
PROBATION_FAILED = "xoa_ten_du_bi"
TRANSFER_OUT = "chuyen_di"
TRANSFER_IN = "chuyen_den"
TRANSFER_CANCEL = "huy_chuyen"
TEMP_OUT = "tam_chuyen_di"
TEMP_IN = "tam_chuyen_den"
TEMP_RETURN = "tro_ve"
ORG_FOLLOW = "theo_to_chuc"
LEAVE = "xin_ra"
STRIKE_OFF = "xoa_ten"
EXPEL = "khai_tru"
DEATH = "tu_tran"
RESTORE = "phuc_hoi"
BADGE = "huy_hieu"
RATING = "xep_loai"
DISCIPLINE = "ky_luat"
EXEMPT = "mien_sinh_hoat"  # exemption from party activity and work (old age, illness)
EXEMPT_END = "thoi_mien_sinh_hoat"  # the exemption ends: back to party activity
CORRECTION = "dinh_chinh"

# Statuses (the values of `MemberStatus`).
PROBATIONARY = "du_bi"
OFFICIAL = "chinh_thuc"
EXITED = "ra_khoi"
DECEASED = "tu_tran"
ACTIVE = (PROBATIONARY, OFFICIAL)

EXIT_KINDS = (LEAVE, STRIKE_OFF, EXPEL, PROBATION_FAILED)


@dataclass(frozen=True)
class Event:
    kind: str
    on: date
    seq: int = 0  # the order of recording, for events of the same day
    org_id: int | None = None  # where the event counts (the new unit for transfers)
    other_org_id: int | None = None  # the other unit of a transfer or follow
    badge_years: int | None = None
    annulled: bool = False


@dataclass(frozen=True)
class Span:
    org_id: int
    valid_from: date
    valid_to: date | None
    status: str
    exempt: bool = False  # exempt from party activity and work (still a member)


@dataclass
class State:
    status: str = ""
    org_id: int | None = None
    host_org_id: int | None = None
    pending_org_id: int | None = None  # an official transfer awaiting confirmation
    pending_host_id: int | None = None  # a temporary transfer awaiting confirmation
    admitted_on: date | None = None
    readmitted_on: date | None = None
    ceremony_on: date | None = None
    official_on: date | None = None
    exit_kind: str = ""
    exited_on: date | None = None
    exempt_since: date | None = None  # exempt from party activity and work since
    gaps: list[tuple[date, date]] = field(default_factory=list)
    badges: list[int] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    _status_before_exit: str = ""
    _open_from: date | None = None

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


def _close(state: State, on: date) -> None:
    opened = state._open_from
    if opened is not None and state.org_id is not None and state.status in ACTIVE and on > opened:
        state.spans.append(Span(state.org_id, opened, on, state.status, _exempt(state)))
    state._open_from = None


def _exempt(state: State) -> bool:
    return state.exempt_since is not None


def _open(state: State, on: date) -> None:
    if state.status in ACTIVE and state.org_id is not None:
        state._open_from = on


def _move(state: State, on: date, *, status: str | None = None, org_id: int | None = None) -> None:
    _close(state, on)
    if status is not None:
        state.status = status
    if org_id is not None:
        state.org_id = org_id
    _open(state, on)


def replay(events: Iterable[Event], *, until: date | None = None) -> State:
    """The state after the events (those on or before `until` if given)."""
    state = State()
    ordered = sorted((e for e in events if not e.annulled), key=lambda e: (e.on, e.seq))
    for e in ordered:
        if until is not None and e.on > until:
            break
        _apply(state, e)
    if state._open_from is not None and state.org_id is not None and state.status in ACTIVE:
        state.spans.append(Span(state.org_id, state._open_from, None, state.status, _exempt(state)))
    return state


def _apply(state: State, e: Event) -> None:
    k = e.kind
    if k == ADMIT:
        state.admitted_on = e.on
        _move(state, e.on, status=PROBATIONARY, org_id=e.org_id)
    elif k == READMIT:
        if state.exited_on is not None:
            state.gaps.append((state.exited_on, e.on))
        state.readmitted_on = e.on
        state.ceremony_on = state.official_on = None
        state.exit_kind, state.exited_on = "", None
        _move(state, e.on, status=PROBATIONARY, org_id=e.org_id)
    elif k == CEREMONY:
        state.ceremony_on = e.on
    elif k == RECOGNIZE:
        state.official_on = e.on
        _move(state, e.on, status=OFFICIAL)
    elif k in (TRANSFER_OUT,):
        state.pending_org_id = e.other_org_id
    elif k == TRANSFER_CANCEL:
        state.pending_org_id = state.pending_host_id = None
    elif k == TRANSFER_IN:
        state.pending_org_id = None
        state.host_org_id = None
        _move(state, e.on, org_id=e.org_id)
    elif k == TEMP_OUT:
        state.pending_host_id = e.other_org_id
    elif k == TEMP_IN:
        state.pending_host_id = None
        state.host_org_id = e.org_id
    elif k == TEMP_RETURN:
        state.host_org_id = None
    elif k == ORG_FOLLOW:
        if state.org_id == e.other_org_id:
            _move(state, e.on, org_id=e.org_id)
        if state.host_org_id == e.other_org_id:
            state.host_org_id = e.org_id
        if state.pending_org_id == e.other_org_id:
            state.pending_org_id = e.org_id
        if state.pending_host_id == e.other_org_id:
            state.pending_host_id = e.org_id
    elif k == EXEMPT:
        _close(state, e.on)  # the span splits: the exempt are counted apart
        state.exempt_since = e.on
        _open(state, e.on)
    elif k == EXEMPT_END:
        _close(state, e.on)
        state.exempt_since = None
        _open(state, e.on)
    elif k in EXIT_KINDS:
        state._status_before_exit = state.status
        state.exit_kind, state.exited_on = k, e.on
        state.host_org_id = state.pending_org_id = state.pending_host_id = None
        _move(state, e.on, status=EXITED)
        state.exempt_since = None  # an exemption ends with membership
    elif k == DEATH:
        state.host_org_id = state.pending_org_id = state.pending_host_id = None
        _move(state, e.on, status=DECEASED)
        state.exited_on = e.on
        state.exempt_since = None
    elif k == RESTORE:
        # The exit is undone by the competent body: membership counts as unbroken.
        state.exit_kind, state.exited_on = "", None
        _move(state, e.on, status=state._status_before_exit or OFFICIAL)
    elif k == BADGE and e.badge_years:
        state.badges.append(e.badge_years)


def status_on(spans: Sequence[Span], on: date) -> Span | None:
    """The span in force on `on`, if the member was active then."""
    for s in spans:
        if s.valid_from <= on and (s.valid_to is None or on < s.valid_to):
            return s
    return None


def annul(events: Sequence[Event], target_seq: int) -> list[Event]:
    """The events with the one recorded as `target_seq` annulled (for what-if checks)."""
    return [replace(e, annulled=True) if e.seq == target_seq else e for e in events]
