"""Partners see their own pages in the admin, not each other's drafts.

A partner (the Partners group, events/moderation.py) may add event pages under an events index. Wagtail then
lets her explore everything below that index, so the explorer, the admin page search, the sidebar explorer,
the site history report and the page types usage report showed the titles of other partners' drafts. Here:

- the page permission policy keeps, below the pages a partner has permissions on (the events indexes), only
  the pages she owns in `explorable_instances`, which the explorer listing and its search, the admin page
  search, the admin API behind the sidebar explorer and the site history report (through
  `PageLogEntry.objects.viewable_by_user`) all filter on; the indexes and their ancestors stay explorable;
- the page chooser offers her live pages and her own drafts;
- the page types usage report names another page as "last edited" only if she may explore it.

Moderators, editors and superusers are not restricted. The dashboard panels a partner sees already list only
her own pages (her pages in a workflow, her recent edits, her locked pages); tests/test_admin_privacy.py
checks them all."""

from django.db.models import Q
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from events.moderation import MODERATORS_GROUP, PARTNERS_GROUP

UNRESTRICTED_GROUPS = {MODERATORS_GROUP, "Editors"}
_CACHE_ATTRIBUTE = "_bdt_is_restricted_partner"


def is_restricted_partner(user):
    """True for an active member of the Partners group who is neither a superuser nor a moderator or editor
    (cached on the user object, which lives for one request)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = False
        if user.is_active and not user.is_superuser:
            names = set(user.groups.values_list("name", flat=True))
            cached = PARTNERS_GROUP in names and not names & UNRESTRICTED_GROUPS
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


class PartnerAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a partner explores only her own pages below her permission roots."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if not is_restricted_partner(user):
            return pages
        below_a_root = Q(pk__in=[])
        for permission in self.get_cached_permissions_for_user(user):
            root = permission.page
            below_a_root |= Q(path__startswith=root.path, depth__gt=root.depth)
        return pages.filter(~below_a_root | Q(owner=user))


# Replaces the policy wagtail.permissions registered for every page model; Wagtail looks pages' policy up in
# this registry (policy_registry.get_by_type(Page)) wherever it lists pages.
register_permission_policy(AbstractPage, PartnerAwarePagePermissionPolicy(Page))


@hooks.register("construct_page_chooser_queryset")
def partners_choose_live_or_own_pages(pages, request):
    if is_restricted_partner(request.user):
        pages = pages.filter(Q(live=True) | Q(owner=request.user))
    return pages


class PartnerAwarePageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page types usage report, without naming a page the user may not explore as last edited.
    Served at Wagtail's own URL (bdt_site/urls.py routes it before the admin)."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if is_restricted_partner(user):
            shown = [item.last_edited_page.pk for item in page_types if item.last_edited_page is not None]
            explorable = set(
                policy_registry.get_by_type(Page)
                .explorable_instances(user)
                .filter(pk__in=shown)
                .values_list("pk", flat=True)
            )
            for item in page_types:
                if item.last_edited_page is not None and item.last_edited_page.pk not in explorable:
                    item.last_edited_page = None
        return page_types


def _admin_view(view):
    return never_cache(require_admin_access(view))


# Routed before Wagtail's admin URLs (bdt_site/urls.py), at the same addresses, so Wagtail's URL names lead here.
admin_urlpatterns = [
    path(
        "reports/page-types-usage/",
        _admin_view(PartnerAwarePageTypesUsageReportView.as_view()),
        name="bdt_page_types_usage",
    ),
    path(
        "reports/page-types-usage/results/",
        _admin_view(PartnerAwarePageTypesUsageReportView.as_view(results_only=True)),
        name="bdt_page_types_usage_results",
    ),
]
