"""The editors' tools for the experts' own profiles (issue 16, point 5), in the Wagtail admin, for moderators,
editors and superusers only (home.admin_reports.can_see_report):

- the queue of profiles from a sign-up waiting in moderation, with what changed since the last published
  version, field by field, as Wagtail's own "Compare" view finds it (the comparisons of the page's panels), each value as
  an editor reads it;
- merging duplicate expertise topics into one, optionally mapped to a competence area (testimonials.topics);
- the coverage of the directory: public experts per competence area × region × language she speaks, so that
  editors see where it is thin."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from taggit.managers import TaggableManager
from taggit.models import Tag
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, PageLogEntry, WorkflowState

from home.admin_reports import can_see_report
from home.fields import LanguagesField
from home.languages import language_choices, language_name
from home.models import CompetenceArea, Region
from home.models.taxonomies import localized_terms

from .models import ExpertSignup, TestimonialIndexPage, TestimonialPage
from .topics import merge_topics


class EditorsOnlyMixin:
    """Only those who `can_see_report` (moderators, editors, superusers) open the view."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorsPageView(EditorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin page for editors whose template gets what `content()` returns."""

    def content(self):
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.content(), **kwargs)


# -- the queue of sign-ups in moderation --------------------------------------------------------------------
@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class PendingProfile:
    page: TestimonialPage
    submitted_at: object
    published: object  # the revision last published, None for a new profile
    revision_id: int
    published_revision_id: int | None
    changes: list = field(default_factory=list)

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def compare_url(self):
        if self.published_revision_id is None:
            return ""
        return reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[self.page.pk, self.published_revision_id, self.revision_id],
        )


def last_published_revision(page):
    """The revision of `page` last published: its live revision, or for a paused profile (unpublished, so
    without one) the revision of its last "published" log entry; None if it was never published."""
    if page.live_revision_id:
        return page.live_revision
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None


def profile_changes(request, page, before, after):
    """[Change] of each field that differs between the page objects `before` and `after`, found by the
    comparisons of the page's panels (as Wagtail's "Compare" view does); each side shown as that comparison
    renders a value compared with itself, so old and new read as plain values."""
    comparisons = (
        page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None).get_comparison()
    )
    changes = []
    for comparison in comparisons:
        if comparison(before, after).has_changed():
            changes.append(
                Change(
                    label=comparison(before, after).field_label(),
                    before=readable(comparison, before),
                    after=readable(comparison, after),
                )
            )
    return changes


def readable(comparison, obj):
    """The value of the field of `comparison` on the page object `obj`, as the comparison renders it, except
    where that would show codes: yes or no for a checkbox, language names, tag names (not slugs)."""
    same = comparison(obj, obj)
    field = getattr(same, "field", None)
    if isinstance(field, models.BooleanField):
        return _("Yes") if same.val_a else _("No")
    if isinstance(field, LanguagesField):
        return ", ".join(str(language_name(code)) for code in same.val_a or [])
    if isinstance(field, TaggableManager):
        return ", ".join(tag.name for tag in same.val_a)
    return same.htmldiff()


def pending_profiles(request):
    """The role models made from a sign-up whose latest version waits for a moderator, longest waiting first."""
    signup_pages = ExpertSignup.objects.filter(page__isnull=False).values_list("page_id", flat=True)
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in signup_pages],
        )
        .select_related("current_task_state__revision")
        .order_by("created_at", "pk")
    )
    pages = TestimonialPage.objects.select_related("locale", "live_revision").in_bulk(
        [int(state.object_id) for state in states]
    )
    profiles = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        task_state = state.current_task_state
        revision = (
            task_state.revision if task_state and task_state.revision_id else page.get_latest_revision()
        )
        published_revision = last_published_revision(page)
        profile = PendingProfile(
            page=page,
            submitted_at=state.created_at,
            published=published_revision,
            revision_id=revision.pk,
            published_revision_id=published_revision.pk if published_revision else None,
        )
        if published_revision is not None:
            profile.changes = profile_changes(
                request, page, published_revision.as_object(), revision.as_object()
            )
        profile.page = revision.as_object()
        profiles.append(profile)
    return profiles


class PendingSignupsView(EditorsPageView):
    page_title = _("Expert profiles to review")
    header_icon = "user"
    template_name = "testimonials/admin/pending_signups.html"

    def content(self):
        return {"profiles": pending_profiles(self.request)}


# -- merging topics -------------------------------------------------------------------------------------
class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, tag):
        count = ngettext("%(count)s profile", "%(count)s profiles", tag.profiles) % {"count": tag.profiles}
        return f"{tag.name} ({count})"


def default_language_areas():
    locale = Locale.get_default()
    return CompetenceArea.objects.filter(locale=locale).order_by("sort_order", "name")


class MergeTopicsForm(forms.Form):
    topics = TopicChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics to merge"),
        help_text=_("Tick the topics that say the same thing, in any language."),
    )
    into = forms.CharField(
        label=_("Keep them as"),
        max_length=100,
        help_text=_(
            "The name of one of the ticked topics, or a new name: it replaces them on every profile."
        ),
    )
    competence_area = forms.ModelChoiceField(
        queryset=CompetenceArea.objects.none(),
        required=False,
        label=_("Also add this competence area to their profiles"),
        help_text=_("Optional: the profiles get the area in their own language."),
    )

    def __init__(self, *args, search="", **kwargs):
        """`search`: only the topics whose name contains it are offered (the editor's search, on the page)."""
        super().__init__(*args, **kwargs)
        topics = (
            Tag.objects.annotate(profiles=Count("testimonials_testimonialpagetag_items"))
            .filter(profiles__gt=0)
            .order_by(Lower("name"), "pk")
        )
        self.fields["topics"].queryset = topics.filter(name__icontains=search) if search else topics
        self.fields["competence_area"].queryset = default_language_areas()

    def clean(self):
        cleaned = super().clean()
        topics, into = cleaned.get("topics"), (cleaned.get("into") or "").strip()
        if topics and into and all(tag.name.lower() == into.lower() for tag in topics):
            raise forms.ValidationError(
                _("Tick at least one topic with another name than the one you keep."), code="nothing_to_merge"
            )
        return cleaned


class MergeTopicsView(EditorsOnlyMixin, WagtailAdminTemplateMixin, FormView):
    page_title = _("Merge expertise topics")
    header_icon = "tag"
    template_name = "testimonials/admin/merge_topics.html"
    form_class = MergeTopicsForm

    def search(self):
        return self.request.GET.get("q", "").strip()[:100] if self.request.method == "GET" else ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "search": self.search()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(search=self.search(), **kwargs)

    def form_valid(self, form):
        result = merge_topics(
            list(form.cleaned_data["topics"]), form.cleaned_data["into"], form.cleaned_data["competence_area"]
        )
        messages.success(
            self.request,
            ngettext(
                "Merged %(topics)s into “%(kept)s” on %(pages)s profile.",
                "Merged %(topics)s into “%(kept)s” on %(pages)s profiles.",
                result.pages,
            )
            % {
                "topics": ", ".join(f"“{tag.name}”" for tag in result.merged) or "—",
                "kept": result.kept.name,
                "pages": result.pages,
            },
        )
        return redirect("testimonials_merge_topics")


# -- coverage of the directory --------------------------------------------------------------------------
def public_experts():
    """The experts every directory shows (TestimonialIndexPage.experts() of each language), in one queryset."""
    indexes = list(TestimonialIndexPage.objects.all())
    if not indexes:
        return TestimonialPage.objects.none()
    return reduce(or_, (index.experts() for index in indexes))


def expert_coverage():
    """{(competence area key, region key or None, language code): number of experts}: each expert counted once
    (her translations are the same expert), whatever the number of experts in a fixed number of queries."""
    rows = public_experts().values_list(
        "translation_key", "competence_areas__translation_key", "region__translation_key", "languages"
    )
    seen = defaultdict(set)
    for key, area, region, languages in rows:
        if area is None:
            continue
        for code in languages or []:
            seen[area, region, code].add(key)
    return {cell: len(keys) for cell, keys in seen.items()}


@dataclass
class CoverageCell:
    count: int

    @property
    def thin(self):
        return self.count <= 1


@dataclass
class CoverageRow:
    area: object
    region: object
    cells: list
    first_of_area: bool = False
    area_rows: int = 1


def coverage_rows():
    """The rows of the coverage table: each competence area × each region (and "no region" when experts have
    none), with one cell per site language."""
    counts = expert_coverage()
    areas = list(localized_terms(CompetenceArea).items())
    regions = list(localized_terms(Region).items())
    if any(region is None for _area, region, _code in counts):
        regions.append((None, None))
    codes = [code for code, _name in language_choices()]
    rows = []
    for area_key, area in areas:
        for position, (region_key, region) in enumerate(regions):
            cells = [CoverageCell(counts.get((area_key, region_key, code), 0)) for code in codes]
            rows.append(CoverageRow(area, region, cells, first_of_area=position == 0, area_rows=len(regions)))
    return rows


class ExpertCoverageView(EditorsPageView):
    template_name = "testimonials/admin/expert_coverage.html"
    page_title = _("Experts per competence area, region and language")
    header_icon = "group"

    def content(self):
        panel_balance = reverse("events_panel_balance")
        return {"rows": coverage_rows(), "languages": language_choices(), "panel_balance_url": panel_balance}
