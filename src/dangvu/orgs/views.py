"""Pages of the organization tree. Thin: parse, call one service or selector, render."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from dangvu import access
from dangvu.core.forms import parse_as_of
from dangvu.core.pages import form_page
from dangvu.flows import restructure

from . import forms, paths, rules, selectors, services
from .models import Organization, OrganizationQuerySet, OrgKind


def _as_of(request: HttpRequest) -> date:
    today = timezone.localdate()
    on, problem = parse_as_of(request.GET.get("ngay"), today)
    if problem:
        messages.error(request, problem)
    return on


def _visible(request: HttpRequest, pk: int) -> Organization:
    org = get_object_or_404(Organization, pk=pk)
    access.require_view(request.user, org)
    return org


@login_required
def organization_tree(request: HttpRequest) -> HttpResponse:
    on = _as_of(request)
    query = request.GET.get("q", "").strip()
    context: dict[str, Any] = {"on": on, "query": query}
    if query:
        results = selectors.organization_search(request.user, query, on)
        chains = selectors.ancestors_of_many(results, on)
        context["results"] = [(v, chains[v.organization_id]) for v in results]
    else:
        context["roots"] = selectors.scope_roots_on(request.user, on)
    return render(request, "orgs/tree.html", context)


@login_required
def organization_children(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible(request, pk)
    on = _as_of(request)
    return render(
        request,
        "orgs/_children.html",
        {"org": org, "nodes": selectors.children_on(org, on), "on": on},
    )


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible(request, pk)
    on = _as_of(request)
    version = selectors.version_on(org, on)
    versions, changes = selectors.history_of(org)
    context = {
        "org": org,
        "on": on,
        "version": version,
        "ancestors": selectors.ancestors_on(org, on) if version else [],
        "visible_ids": set(
            access.visible_organizations(request.user)
            .filter(pk__in=paths.ids_of(version.path) if version else [])
            .values_list("pk", flat=True)
        ),
        "children": selectors.children_on(org, on) if version else [],
        "versions": versions,
        "changes": changes,
        "can_manage": not org.is_dissolved
        and access.can_change(request.user, org, strictly_below=True),
        "can_add_child": not org.is_dissolved
        and access.can_change(request.user, org, strictly_below=False),
    }
    return render(request, "orgs/detail.html", context)


@dataclass(frozen=True)
class Change:
    """The words of a page that changes the tree: its title, its button, the message when
    the change is recorded."""

    title: str
    submit: str
    done: str


CREATE = Change("Thành lập tổ chức trực thuộc", "Thành lập", "Đã thành lập tổ chức mới.")
RENAME = Change("Đổi tên tổ chức", "Ghi thay đổi", "Đã ghi việc đổi tên.")
MOVE = Change("Điều chuyển tổ chức", "Ghi điều chuyển", "Đã ghi việc điều chuyển.")
MERGE = Change("Hợp nhất, sáp nhập tổ chức", "Ghi hợp nhất", "Đã ghi việc hợp nhất.")
SPLIT = Change("Chia tách tổ chức", "Ghi chia tách", "Đã ghi việc chia tách.")
DISSOLVE = Change("Giải thể tổ chức", "Ghi giải thể", "Đã ghi việc giải thể.")


def _decided(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    """What every dated change of the tree takes from its form: the date, the decision,
    and the acting user."""
    return {"on": data["effective_on"], "decision": data["decision"], "actor": request.user}


def _form_page(
    request: HttpRequest,
    org: Organization,
    form: Any,
    change: Change,
    perform: Callable[[dict[str, Any]], Organization | list[Organization]],
) -> HttpResponse:
    """A change of the tree: back to the organization it leaves (or forms) on its date."""

    def success_url(result: Organization | list[Organization]) -> str:
        target = result[0] if isinstance(result, list) else result
        on = form.cleaned_data.get("effective_on") or form.cleaned_data.get("founded_on")
        return f"{reverse('orgs:organization_detail', args=[target.pk])}?ngay={on:%Y-%m-%d}"

    return form_page(
        request,
        form,
        title=change.title,
        subtitle=org.name,
        submit=change.submit,
        perform=perform,
        done=change.done,
        back=reverse("orgs:organization_detail", args=[org.pk]),
        success_url=success_url,
    )


def _manageable(request: HttpRequest, pk: int, *, strictly_below: bool = True) -> Organization:
    org = _visible(request, pk)
    selectors.require_manage(request.user, org, strictly_below=strictly_below)
    return org


@login_required
def organization_create(request: HttpRequest, pk: int) -> HttpResponse:
    parent = _manageable(request, pk, strictly_below=False)
    form = forms.OrganizationCreateForm(
        request.POST or None, initial={"founded_on": timezone.localdate()}
    )

    def perform(data: dict[str, Any]) -> Organization:
        return restructure.org_create(parent=parent, actor=request.user, **data)

    return _form_page(request, parent, form, CREATE, perform)


@login_required
def organization_rename(request: HttpRequest, pk: int) -> HttpResponse:
    org = _manageable(request, pk)
    initial = {
        "name": org.name,
        "committee_name": org.committee_name,
        "code": org.code,
        "issuer_code": org.issuer_code,
        "kind": org.kind,
        "effective_on": timezone.localdate(),
    }
    form = forms.OrganizationRenameForm(request.POST or None, initial=initial)

    def perform(data: dict[str, Any]) -> Organization:
        changes = {k: v for k, v in data.items() if k not in {"effective_on", "decision"}}
        return restructure.org_rename(
            org=org,
            **_decided(request, data),
            **changes,
        )

    return _form_page(request, org, form, RENAME, perform)


def _within_own(request: HttpRequest, qs: OrganizationQuerySet) -> OrganizationQuerySet:
    """The organizations of `qs` in the user's own subtree (all of them for a superuser)."""
    if request.user.is_superuser:
        return qs
    own = access.own_organization(request.user)
    return qs.within(own) if own is not None else qs.none()


def _parent_candidates(request: HttpRequest, org: Organization) -> Any:
    allowed = [k for k in OrgKind.values if rules.may_contain(k, org.kind)]
    qs = Organization.objects.filter(dissolved_on__isnull=True, kind__in=allowed)
    qs = _within_own(request, qs)
    low, high = paths.subtree_bounds(org.path)
    # neither the organization itself nor anything below it can become its parent
    return qs.exclude(path__gte=low, path__lt=high).order_by("path")[:2000]


@login_required
def organization_move(request: HttpRequest, pk: int) -> HttpResponse:
    org = _manageable(request, pk)
    candidates = Organization.objects.filter(
        pk__in=[o.pk for o in _parent_candidates(request, org)]
    ).order_by("path")
    form = forms.OrganizationMoveForm(
        request.POST or None,
        candidates=candidates,
        initial={"effective_on": timezone.localdate()},
    )

    def perform(data: dict[str, Any]) -> Organization:
        return restructure.org_move(
            org=org,
            new_parent=data["new_parent"],
            **_decided(request, data),
        )

    return _form_page(request, org, form, MOVE, perform)


@login_required
def organization_merge(request: HttpRequest, pk: int) -> HttpResponse:
    org = _manageable(request, pk)
    siblings = Organization.objects.filter(parent=org.parent, dissolved_on__isnull=True).exclude(
        pk=org.pk
    )
    siblings = _within_own(request, siblings)
    targets = (
        Organization.objects.filter(
            pk__in=[o.pk for o in _parent_candidates(request, org)]
            + list(siblings.values_list("pk", flat=True))
        )
        .exclude(pk=org.pk)
        .order_by("path")
    )
    form = forms.OrganizationMergeForm(
        request.POST or None,
        siblings=siblings,
        targets=targets,
        initial={"effective_on": timezone.localdate(), "new_kind": org.kind},
    )

    def perform(data: dict[str, Any]) -> Organization:
        new = None
        if not data.get("into"):
            new = services.NewOrgSpec(
                name=data["new_name"],
                kind=data["new_kind"],
                code=data["new_code"],
                committee_name=data["new_committee_name"],
                issuer_code=data["new_issuer_code"],
                parent=org.parent,
            )
        return restructure.org_merge(
            sources=[org, *data["others"]],
            into=data.get("into"),
            new=new,
            **_decided(request, data),
        )

    return _form_page(request, org, form, MERGE, perform)


@login_required
def organization_split(request: HttpRequest, pk: int) -> HttpResponse:
    org = _manageable(request, pk)
    children = list(selectors.children_on(org, timezone.localdate()))
    form = forms.OrganizationSplitForm(
        request.POST or None,
        children=children,
        initial={"effective_on": timezone.localdate(), "kind": org.kind},
    )

    def perform(data: dict[str, Any]) -> list[Organization]:
        parts = [services.NewOrgSpec(name=n, kind=data["kind"], code=c) for n, c in data["parts"]]
        return restructure.org_split(
            org=org,
            **_decided(request, data),
            parts=parts,
            assignment=form.assignment(),
        )

    return _form_page(request, org, form, SPLIT, perform)


@login_required
def organization_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    org = _manageable(request, pk)
    form = forms.OrganizationDissolveForm(
        request.POST or None, initial={"effective_on": timezone.localdate()}
    )

    def perform(data: dict[str, Any]) -> Organization:
        return restructure.org_dissolve(org=org, **_decided(request, data))

    return _form_page(request, org, form, DISSOLVE, perform)
