from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from bdt_site import content_version
from home.blocks import BodyStreamBlock
from home.fields import translatable
from home.translation_sync import LocalizedLinksMixin
from home.visibility import public_pages

MAX_ROUTED_DEPTH = 12  # deeper URLs are routed level by level, as Wagtail does


def _restricted_or_alias_paths():
    """Tree paths of the pages with a view restriction and of alias pages (few, usually none)."""
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return tuple({*restricted, *aliases})


def _stops_routing(page, remaining):
    """Whether `page` (a row of HomePage.route's query) answers `remaining` itself rather than a child: a
    routable page whose own routes match (as RoutablePageMixin.route decides), or a page type with a
    route() of its own."""
    model = page.specific_class
    if model is None:
        return True
    if issubclass(model, RoutablePageMixin):
        if model.route is not RoutablePageMixin.route:
            return True
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Exception:  # noqa: BLE001 - Resolver404: no route of its own matches
            return False
        return True
    return model.route is not Page.route


class FormClassPath:
    """A page model's `base_form_class` named by dotted path and imported when Wagtail first asks for it, so
    that the admin form lives in the app's forms.py and models never import forms:
    `base_form_class = FormClassPath("testimonials.forms.TestimonialPageForm")`."""

    def __init__(self, dotted_path):
        self.dotted_path = dotted_path

    def __get__(self, instance, owner=None):
        return import_string(self.dotted_path)


class BasePage(LocalizedLinksMixin, Page):
    """Fields every public page shares: a short introduction used on the page, in listings and in meta tags.
    Its links to vocabulary terms and organisations are saved in the page's own language (LocalizedLinksMixin).
    Each page type declares how wagtail-localize treats each of its fields (`override_translatable_fields`):
    text is translated, the rest is synchronised with the source page."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown under the title, in listings and to search engines."),
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    override_translatable_fields = translatable("introduction")
    base_form_class = FormClassPath("home.admin_forms.LocaleChoicesPageForm")

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.introduction

    def detail_lookups(self):
        """The relations the page shows, as `prefetch_related` lookups (none unless a page type names some)."""
        return []

    def prefetch_details(self):
        """Load `detail_lookups()` once, so the page and its structured data never query them again. Skipped
        for unsaved pages; previews keep working because in-memory relations take precedence."""
        if self.pk and not getattr(self, "_details_prefetched", False):
            lookups = self.detail_lookups()
            if lookups:
                self._details_prefetched = True
                prefetch_related_objects([self], *lookups)

    def get_context(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            self.prefetch_details()
        return super().get_context(request, *args, **kwargs)

    def parent_url(self, request=None):
        """The URL of this page's parent (the section it is listed in), worked out from this page's own URL
        without loading the parent."""
        url = self.get_url(request) or ""
        if url.endswith(f"/{self.slug}/"):
            return url[: -len(self.slug) - 1]
        return self.get_parent().get_url(request) or ""

    def parent_route_url(self, index_model, name, *args, request=None):
        """The URL of route `name` (with `args`) of this page's parent, an `index_model` page, worked out from
        this page's own URL without loading the parent; "" when the parent is of another type."""
        url = self.get_url(request) or ""
        if url.endswith(f"/{self.slug}/"):
            return url[: -len(self.slug) - 1] + index_model.get_resolver().reverse(name, *args)
        parent = self.get_parent().specific
        if not isinstance(parent, index_model):
            return ""
        return parent.url + parent.reverse_subpage(name, args=args)

    def get_view_restrictions(self):
        """Wagtail checks the view restrictions of the page and its ancestors (resolving aliases) before
        serving it, in two queries; they are asked only when this page or an ancestor is restricted or an
        alias, as the cached list of those paths tells (bumped with the content version)."""
        paths = content_version.cached("pages:restricted-or-alias", _restricted_or_alias_paths)
        if any(self.path.startswith(path) for path in paths):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class IndexPage(RoutablePageMixin, BasePage):
    """A section of one language (at most one per home page) that lists its child pages, `per_page` a page.
    Its own URL is served by the view named in `listing_view`, called as `view(request, index_page)`, so the
    listing lives in the app's views.py and models never import views; further routes are the subclass's."""

    per_page = 12
    listing_view = ""  # "app.views.function"

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @path("")
    def listing(self, request):
        return import_string(self.listing_view)(request, self)

    @classmethod
    def for_locale(cls, locale_id):
        """The public index of this type in a locale, or None (cached until published content changes)."""
        return content_version.cached(
            f"index:{cls._meta.label_lower}:{locale_id}",
            lambda: public_pages(cls.objects.filter(locale_id=locale_id)).order_by("path").first(),
        )

    def route_kwargs_in(self, name, kwargs, language_codes):
        """{language code: keyword arguments of route `name` in that language's translation of this page, or
        None where it has no such sub-page}: the same arguments by default; a route naming a page (the
        contact form of an expert) says which page that is in each language."""
        return dict.fromkeys(language_codes, kwargs)

    def routed_urls(self, resolver_match, urls):
        """`urls` ({language code: URL of this page's translation}) moved to the sub-page that
        `resolver_match` (one of this page's routes) shows, for the languages where it exists."""
        if resolver_match.url_name == "listing":
            return urls
        kwargs_by_language = self.route_kwargs_in(resolver_match.url_name, resolver_match.kwargs, list(urls))
        return {
            code: url + self.reverse_subpage(resolver_match.url_name, args=resolver_match.args, kwargs=kwargs)
            for code, url in urls.items()
            if (kwargs := kwargs_by_language.get(code)) is not None
        }


class HomePage(BasePage):
    """The home page of one language. There is one per locale, translated from the English one."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translatable("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def localized(self):
        """This home page in the active language, as Wagtail's `localized` gives it (a live translation, else
        itself), kept until content changes: Wagtail routes every request from
        `site.root_page.localized.specific` and would ask the active Locale, and in another language than the
        root's the translation and its specific page, on each one."""
        from home.localization import active_locale_id

        locale_id = active_locale_id()
        if locale_id is None or locale_id == self.locale_id:
            return self
        translation = content_version.cached(
            f"home:localized:{self.translation_key}:{locale_id}",
            lambda: (
                HomePage.objects.filter(translation_key=self.translation_key, locale_id=locale_id, live=True)
                .select_related("locale")
                .first()
            ),
        )
        return translation or self

    def route(self, request, path_components):
        """Find the page of a URL with one query for the whole chain of slugs, where Wagtail asks for the
        child and then the specific page at each level. The walk stops at a page that answers the rest of
        the path itself (RoutablePageMixin routes) and hands over to that page's route(), so what is served,
        and every 404, is exactly what Wagtail's level-by-level routing gives."""
        if not path_components or len(path_components) > MAX_ROUTED_DEPTH:
            return super().route(request, path_components)
        levels = Q()
        for offset, slug in enumerate(path_components, start=1):
            levels |= Q(depth=self.depth + offset, slug=slug)
        rows = Page.objects.filter(levels, path__startswith=self.path).only(
            "path", "depth", "slug", "live", "content_type"
        )
        by_parent = {(row.path[: -Page.steplen], row.slug): row for row in rows}
        target, consumed = None, 0
        parent_path = self.path
        for offset, slug in enumerate(path_components, start=1):
            row = by_parent.get((parent_path, slug))
            if row is None:
                break
            target, consumed, parent_path = row, offset, row.path
            if _stops_routing(row, path_components[offset:]):
                break
        if target is None:
            return super().route(request, path_components)
        return target.specific.route(request, path_components[consumed:])


class StandardPage(BasePage):
    """A general content page: about, accessibility statement, privacy, contact…"""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translatable("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
