"""The read API for partners (Wagtail API v2 at /api/v2/, routed in bdt_site/api.py): public pages, their
images, the charter's signatories, and in each app's `api.py` what the API offers for its pages.

What a model shows is its `api_fields` (serializer fields in home/api_fields.py: terms, choices and
organisations in the object's own language). What it can be filtered by is declared once per model by a
`ModelAPI`: the facets of the model's public listing (home.listing, the same parameter names and values as the
site's filter links; a term also by its id, several values comma-separated or repeated: OR; facets: AND) and,
for dated content, `start_after` (on or after that day) and `start_before` (before that day). `ModelAPI.condition`
is the one place where these values are read: an unknown or malformed one is a 400 with a message, never a
server error, as are a value Wagtail's field filters cannot use and an unknown `locale`.

Only public pages (home.visibility), whoever asks: in the listings, their counts, the details, and what a
detail links to (home/api_fields.py `page_link`). A page of results is loaded with a fixed number of queries
(`ModelAPI.prepare`)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, FieldError, ValidationError
from django.db.models import AutoField, CharField, IntegerField, Q, prefetch_related_objects
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils import timezone, translation
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import DefaultContentNegotiation
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.serializers import PageAliasOfField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from home.api_fields import prepare_translations
from home.charter_listing import SignatoryListing
from home.listing import TermFacet
from home.localization import active_language, locale_ids, locales_by_id, term_ids_by_slug, terms_by_id
from home.models import CharterCommitment, CharterPage, Signatory
from home.visibility import is_public, public_pages

DATE_PARAMETERS = ("start_after", "start_before")


def _shown(value):
    """A query value as a message quotes it (short)."""
    return repr(value if len(value) <= 40 else value[:40] + "…")


class FacetContext:
    """What a facet of a listing (home.listing) reads from its listing when it builds its condition."""

    def __init__(self, model):
        self.model = model
        self.now = timezone.now().replace(second=0, microsecond=0)
        self.today = timezone.localdate()


class ModelAPI:
    """What the API offers for one model beyond its `api_fields`; subclassed once per model in its app."""

    model = None
    facets = []  # home.listing facets, usually the model's listing's own
    date_lookup = ""  # what start_after / start_before compare, e.g. "start__date", "sessions__start_date"
    lookups = []  # prefetch_related lookups of a page of results
    translated = []  # paths to the organisations and pages shown in the item's language (api_fields)

    @classmethod
    def parameters(cls):
        return [facet.name for facet in cls.facets] + (list(DATE_PARAMETERS) if cls.date_lookup else [])

    @classmethod
    def condition(cls, query):
        """The Q of the facet and date parameters of `query` (a QueryDict); BadRequestError for a bad value."""
        context = FacetContext(cls.model)
        condition = Q()
        for facet in cls.facets:
            values = [value for raw in query.getlist(facet.name) for value in raw.split(",") if value.strip()]
            chosen = [
                choice for value in values if (choice := cls._facet_value(facet, value.strip(), context))
            ]
            if chosen:
                condition &= facet.match(chosen, context)
        if cls.date_lookup:
            bounds = {}
            for name, lookup in zip(DATE_PARAMETERS, ("gte", "lt"), strict=True):
                if name in query:
                    bounds[f"{cls.date_lookup}__{lookup}"] = cls._date(name, query[name])
            if bounds:
                condition &= Q(pk__in=cls.model.objects.filter(**bounds).values("pk"))
        return condition

    @staticmethod
    def _facet_value(facet, value, context):
        """The facet's value for `value` (a term also by id; a flag "true"/"1", nothing for "false"/"0")."""
        if facet.is_flag:
            flags = {"1": "1", "true": "1", "0": None, "false": None}
            if value.lower() not in flags:
                raise BadRequestError(f"{facet.name} takes true or false, not {_shown(value)}")
            return flags[value.lower()]
        if isinstance(facet, TermFacet):
            if value.isdigit():
                term = terms_by_id(facet.model).get(int(value))
                if term is None:
                    raise BadRequestError(f"unknown {facet.name} id: {_shown(value)}")
                return term.slug
            options = sorted(term_ids_by_slug(facet.model))
        else:
            options = [option for option, _label in facet.options(context)]
        if value not in options:
            raise BadRequestError(
                f"unknown {facet.name}: {_shown(value)}; expected one of: {', '.join(options)}"
                + (" (or a term id)" if isinstance(facet, TermFacet) else "")
            )
        return value

    @staticmethod
    def _date(name, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise BadRequestError(f"{name} must be a date written YYYY-MM-DD, not {_shown(value)}") from error

    @classmethod
    def get_lookups(cls):
        return cls.lookups

    @classmethod
    def prepare(cls, items):
        """Load a page of results: its prefetched relations, its linked objects in each item's language."""
        prefetch_related_objects(items, *cls.get_lookups())
        return prepare_translations(items, cls.translated)


# -- filter backends --------------------------------------------------------------------------------------
class _OneParameter:
    """A request as Wagtail's field filter reads it, with one query parameter."""

    def __init__(self, name, value):
        self.GET = QueryDict(mutable=True)
        self.GET[name] = value


class FieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's exact-value filters on the database fields of `api_fields` (?slug=, ?women_only=true), except
    the parameters the model's `ModelAPI` reads; a value its field cannot hold is a 400."""

    def filter_queryset(self, request, queryset, view):
        taken = set(view.parameters_of(queryset.model))
        for name, value in request.GET.items():
            if name in taken:
                continue
            _check_integer_range(queryset.model, name, value)
            try:
                queryset = super().filter_queryset(_OneParameter(name, value), queryset, view)
            except (ValueError, TypeError, ValidationError, FieldError) as error:
                raise BadRequestError(f"{_shown(value)} is not a valid value for {name}") from error
        return queryset


def _check_integer_range(model, name, value):
    """An integer the database cannot hold fails only when the query runs: refused before (a 400)."""
    try:
        field = model._meta.get_field(name)
        number = int(value)
    except (FieldDoesNotExist, ValueError):
        return
    target = getattr(field, "target_field", field)
    if isinstance(target, (IntegerField, AutoField)) and not -(2**63) <= number < 2**63:
        raise BadRequestError(f"{_shown(value)} is not a valid value for {name}")


class LocaleFilter(wagtail_filters.LocaleFilter):
    """?locale=: one of the site's languages (a 400 names them otherwise)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            check_locale(request.GET["locale"])
        return super().filter_queryset(request, queryset, view)


def check_locale(code):
    if code not in locale_ids():
        raise BadRequestError(
            f"unknown locale {_shown(code)}; expected one of: {', '.join(sorted(locale_ids()))}"
        )
    return code


class ModelFilter(BaseFilterBackend):
    """The facet and date filters of the listed model's `ModelAPI`."""

    def filter_queryset(self, request, queryset, view):
        api = view.api_for(queryset.model)
        condition = api.condition(request.GET) if api else Q()
        if not condition:
            return queryset
        # on "id", which the search backends can filter on (?search= combines with the facets)
        return queryset.filter(id__in=api.model.objects.filter(condition).values("pk"))


class JSONOnly(DefaultContentNegotiation):
    """The answer is JSON (the first renderer) whatever the query says: `?format=` is the training catalogue's
    facet here, not Django REST framework's choice of renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ModelAPIMixin:
    """A viewset whose models are described by `apis` (ModelAPI subclasses): their parameters are known, a page
    of results and a detail are loaded by their `prepare`, and their listings carry every field."""

    apis = ()
    content_negotiation_class = JSONOnly

    @classmethod
    def api_for(cls, model):
        return next((api for api in cls.apis if api.model is model), None)

    @classmethod
    def parameters_of(cls, model):
        api = cls.api_for(model)
        return api.parameters() if api else []

    @classmethod
    def get_listing_default_fields(cls, model):
        if cls.api_for(model) is None:
            return super().get_listing_default_fields(model)
        return [name for name in cls.get_available_fields(model) if name not in cls.detail_only_fields]

    def check_query_parameters(self, queryset):
        model = queryset.model
        allowed = set(self.get_available_fields(model, db_fields_only=True))
        allowed |= set(self.known_query_parameters) | set(self.parameters_of(model))
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )

    def prepare(self, items):
        items = list(items)
        locales = locales_by_id()
        for item in items:  # the locale of each item from the cached map, not one query each
            if getattr(item, "locale_id", None) in locales:
                item.locale = locales[item.locale_id]
        for model in {type(item) for item in items}:
            api = self.api_for(model)
            if api is not None:
                api.prepare([item for item in items if type(item) is model])
        return items

    def paginate_queryset(self, queryset):
        return self.prepare(super().paginate_queryset(queryset))

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = self.prepare([super().get_object()])[0]
        return self._cached_object


# -- pages ------------------------------------------------------------------------------------------------
class PublicAliasOfField(PageAliasOfField):
    """The page a page is an alias of, when that page is public (else null: a public alias does not name a
    private original). Wagtail's `parent` is already checked against the public pages."""

    def get_attribute(self, instance):
        original = super().get_attribute(instance)
        return original if original is not None and is_public(original) else None


class PublicPageSerializer(PageSerializer):
    alias_of = PublicAliasOfField(read_only=True)


class PublicPagesAPIViewSet(ModelAPIMixin, PagesAPIViewSet):
    """Only what an anonymous visitor may open, whoever asks (Wagtail's own view would also show a signed-in
    editor the pages her session may see)."""

    base_serializer_class = PublicPageSerializer

    filter_backends = [
        FieldsFilter,
        wagtail_filters.ChildOfFilter,
        wagtail_filters.AncestorOfFilter,
        wagtail_filters.DescendantOfFilter,
        wagtail_filters.OrderingFilter,
        wagtail_filters.TranslationOfFilter,
        LocaleFilter,
        ModelFilter,
        wagtail_filters.SearchFilter,  # last: search results cannot be filtered further
    ]

    def get_base_queryset(self):
        # built once per request (Wagtail asks for it three times; it reads the restrictions and the site)
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = public_pages(super().get_base_queryset())
        return self._base_queryset


# -- images -----------------------------------------------------------------------------------------------
def public_image_ids(image_model):
    """Ids of the images that public pages refer to (through a field, a child object such as a career step, or a
    block), as found by Wagtail's reference index, which stores object ids as text."""
    page_keys = public_pages(Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_keys,
            to_content_type=ContentType.objects.get_for_model(image_model),
        )
        .annotate(image_id=Cast("to_object_id", IntegerField()))
        .values("image_id")
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only the images that public pages show, in the listing and in the detail (404 for the others): not the
    portrait of a role model kept as a draft until she consents, nor an image used only on a restricted page or
    on none. The reference index holds what a page's live content refers to (drafts stay in revisions), so an
    image leaves the API when its last public page is unpublished, restricted or stops using it."""

    def get_queryset(self):
        # On "id", which the search backends can filter on (?search= keeps working).
        return super().get_queryset().filter(id__in=public_image_ids(self.model))


# -- the charter's signatories ----------------------------------------------------------------------------
class SignatoryAPI(ModelAPI):
    model = Signatory
    facets = SignatoryListing.facets
    translated = ["organisation"]


class SignatoriesAPIViewSet(ModelAPIMixin, BaseAPIViewSet):
    """The signatories the charter pages list (`Signatory.listed()`, the charter listing's rule), while a
    charter page is public: organisation, sector, region, statement, logo, commitments, date. Never the contact
    person or the address. Names in the language of `?locale=` (by default the site's)."""

    name = "signatories"
    model = Signatory
    apis = (SignatoryAPI,)
    filter_backends = [FieldsFilter, wagtail_filters.OrderingFilter, ModelFilter]
    known_query_parameters = (BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}) | {
        "locale"
    }

    def get_queryset(self):
        if not public_pages(CharterPage.objects.all()).exists():
            return Signatory.objects.none()
        return Signatory.listed().select_related("organisation").order_by("organisation_name", "pk")

    def language(self):
        return check_locale(self.request.GET["locale"]) if "locale" in self.request.GET else active_language()

    def commitment_titles(self, language):
        """{key: title} of the commitments of the public charter page in `language`."""
        pages = public_pages(CharterPage.objects.filter(locale__language_code=language))
        return dict(CharterCommitment.objects.filter(page__in=pages).values_list("key", "title"))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["commitment_titles"] = self.commitment_titles(translation.get_language())
        return context

    def listing_view(self, request):
        with translation.override(self.language()):
            return super().listing_view(request)

    def detail_view(self, request, pk):
        with translation.override(self.language()):
            return super().detail_view(request, pk)
