"""Faceted listings: the one engine behind every listing of the site, and the one way of paginating.

An app declares each of its listings as a subclass of `Listing` in its `listing.py`: the page model (the
rows are the public children of the index page, with the content only in other languages:
`with_content_only_in_other_languages`), its facets (the
`Facet` subclasses below), its sort orders, how its cards are loaded (`prepare`) and decorated
(`decorate`), and the texts of its filter form and result count. Everything else happens here, the same way
for role models, the expert directory, trainings, initiatives and events:

- parameters: a facet keeps the GET values that are among its options (`?region=brussels&region=liege`);
  an unknown value is dropped (the other values and parameters are kept) and the parameter's name reported
  in `Listing.ignored`; a bad page number shows the nearest page. A multi-select facet (widget
  "checkboxes", the default) keeps every valid value, a radio facet and a flag the first one. Several
  values of one facet combine with OR (`Facet.match`), facets combine with AND (`Listing.condition`);
- the text search (`search = "index"`: the visitor's language search backend, best SEARCH_LIMIT ids, kept
  apart when the engine fails and the database backend answers; `search = "text"`: the listing's own
  `text_condition`, which may use those ids);
- facet counts and the total: ONE statement (`FacetCounter`). A common table expression reads the listed
  pages once, with one column per facet stored on the row (`Facet.column`) and one 0/1 column per selected
  facet and per flag (`Facet.match` compiled by the ORM: "matches one of its selected values"); each facet
  is then counted by one GROUP BY branch over it, restricted to the rows that match the *other* selected
  facets (disjunctive counts: an option's count is what choosing it would give with the other facets as
  they are), and the branches are joined with UNION ALL. Many-to-many facets group by term id through their link table (a row linked to
  two language versions of one term, which editors should not do, would count twice there);
- the result page: its ids (by relevance: the search's ids that match the facets; otherwise one query
  that sorts the matching ids alone, on narrow rows), then one query for its cards by id, then what
  `prepare` and `decorate` add (a fixed number per listing);
- an `indexed` listing without words (the catalogue, the initiatives, the role models) answers both the
  counts and the ids of a result page from its `FacetIndex`: every row's facet values as bitmaps and its
  ids in the order of each sort, built with the unfiltered listing. A filter combination nobody asked for
  then costs the same at 50,000 trainings as at 1,000 (no statement reads the catalogue), and gives exactly
  what FacetCounter and the sorting query give (tests/test_listing_index.py).

The search ids, the facet counts and the ids of each result page are plain data kept in the cache until
published content changes (`bdt_site.content_version.cached_results`, keyed by listing, language, moment
and the validated parameters): a repeated view of the same filters reads them back and only fetches its
cards. The unfiltered listing (what every visitor opens first) is not left to visitors: after every change
of content the task worker computes its counts and first page (`prepare_unfiltered_listings`, for each
listing that declares its `index_model`), and with them the FacetIndex of an indexed listing, so the first
visitor after a publish reads them whatever the size of the catalogue; they are kept until content changes
whatever RESULTS_CACHE_SECONDS says.

`paginate()` and `link_pages()` are the one pagination idiom (listings, organisation sections, the search):
the page carries its previous/next query strings and its label for `home/includes/pagination.html`.
"""

import array
import copy
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, CharField, Exists, F, IntegerField, Min, OuterRef, Q, Value, When
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bdt_site import content_version
from home.localization import active_language, term_ids_by_slug
from home.models.taxonomies import localized_terms
from home.visibility import public_q
from search.backends.breaker import log_engine_failure
from search.query import backend_for_language, clean_query, engine_query

SEARCH_LIMIT = 1000
PREPARED_LISTINGS = []  # the Listing classes that declare an index_model (prepare_unfiltered_listings)
NOTHING = Q(pk__isnull=True)  # matches no row


# -- content in fewer languages ----------------------------------------------------------------------------
def _other_language_indexes(index_page):
    """[(path, depth)] of the other language versions of `index_page` (cached until content changes)."""

    def build():
        from wagtail.models import Page

        versions = Page.objects.filter(translation_key=index_page.translation_key).exclude(pk=index_page.pk)
        return list(versions.values_list("path", "depth"))

    return content_version.cached(f"listing:other-indexes:{index_page.pk}", build)


def with_content_only_in_other_languages(model, index_page):
    """The one policy for content that exists in fewer languages, applied by every listing: the public
    `model` pages under `index_page` and, for each page with no public version in `index_page`'s language,
    its public version under another language version of `index_page` (the oldest when several: the
    original). Their cards carry their language (home/templatetags/page_language.py) and link to them."""
    others = Q()
    for path, depth in _other_language_indexes(index_page):
        others |= Q(path__startswith=path, depth=depth + 1)
    return _with_originals(model, Q(path__startswith=index_page.path, depth=index_page.depth + 1), others)


def in_locale_with_content_only_in_other_languages(model, locale_id, condition):
    """The same policy for a list that is not the children of one index (an organisation section): the public
    `model` pages matching `condition` in the locale `locale_id` and, for each with no public version in that
    locale, its original in another."""
    return _with_originals(model, Q(locale_id=locale_id) & condition, ~Q(locale_id=locale_id) & condition)


def _with_originals(model, own, others):
    """The public `model` pages matching `own`, and of those matching `others` whose translation key has no
    public page matching `own`, the oldest per key."""
    if not others:
        return model.objects.filter(own & public_q())
    # NOT EXISTS, probed by translation key for each page in another language (few), rather than NOT IN the
    # keys of every listed page (the whole catalogue, read again for each query).
    translated = model.objects.filter(own & public_q(), translation_key=OuterRef("translation_key"))
    originals = (
        model.objects.filter(others & public_q())
        .filter(~Exists(translated))
        .order_by()
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return model.objects.filter((own & public_q()) | Q(pk__in=originals))


# -- pagination -------------------------------------------------------------------------------------------
def link_pages(page_obj, params, param="page", label=""):
    """Give a Django Page the query strings of its previous and next pages (`params` kept, `param` set) and
    the label of its navigation (home/includes/pagination.html reads them)."""
    params = params.copy()
    params.pop(param, None)

    def querystring(number):
        linked = params.copy()
        linked[param] = number
        return linked.urlencode()

    page_obj.previous_querystring = (
        querystring(page_obj.previous_page_number()) if page_obj.has_previous() else ""
    )
    page_obj.next_querystring = querystring(page_obj.next_page_number()) if page_obj.has_next() else ""
    page_obj.label = label
    return page_obj


def paginate(request, object_list, per_page, params=None, param="page", label=""):
    """The requested page of `object_list` (a bad number gives the nearest page), linked to its neighbours
    with `params` (by default the request's own parameters)."""
    page_obj = Paginator(object_list, per_page).get_page(request.GET.get(param))
    return link_pages(page_obj, request.GET if params is None else params, param, label)


# -- facets -----------------------------------------------------------------------------------------------
def _pairs(choices):
    return list(choices() if callable(choices) else choices)


class Facet:
    """A GET parameter narrowing a listing to the rows with one of its values.

    Subclasses say what the values are (`options`), what "has this value" means (`q`), and how the counter
    reads the values of a row: `column` (an expression grouped by; None: `links` or, for flags, the 0/1
    column of `q`) and `decoder` (from a grouped key to the option values it stands for). A facet holds no
    state: listings declare theirs once, as a class attribute."""

    widget = "checkboxes"  # in the filter form: "checkboxes" (several values), "radio" or "checkbox" (a flag)

    def __init__(self, name, label, field="", *, widget=None, default=""):
        self.name = name  # the GET parameter
        self.label = label
        self.field = field
        self.widget = widget or self.widget
        self.default = default  # the value when the parameter is absent or ignored

    @property
    def is_flag(self):
        return self.widget == "checkbox"

    @property
    def multiple(self):
        return self.widget == "checkboxes"

    def match(self, values, listing):
        """The rows having one of `values` (a non-empty list)."""
        combined = NOTHING
        for value in values:
            combined |= self.q(value, listing)
        return combined

    def options(self, listing):
        """[(value, label)] in the active language."""
        raise NotImplementedError

    def q(self, value, listing):
        raise NotImplementedError

    def column(self, listing):
        return F(self.field)

    def links(self, listing):
        return None

    def decoder(self, listing):
        return lambda key: [key]


class ChoiceFacet(Facet):
    """A field holding one of `choices` ((value, label) pairs, or a callable returning them)."""

    def __init__(self, name, label, field, choices, **kwargs):
        super().__init__(name, label, field, **kwargs)
        self.choices = choices

    def options(self, listing):
        return _pairs(self.choices)

    def q(self, value, listing):
        return Q(**{self.field: value})


class ListFacet(ChoiceFacet):
    """A home.fields.ChoiceListField holding several of `choices` (e.g. languages), matched with the field's
    `__overlap` lookup; the stored list is decoded by the field itself."""

    def q(self, value, listing):
        return Q(**{f"{self.field}__overlap": [value]})

    def decoder(self, listing):
        stored = listing.model._meta.get_field(self.field)
        if not hasattr(stored, "from_db_value"):
            return lambda key: list(key or [])
        return lambda key: list(stored.from_db_value(key, None, connection) or []) if key is not None else []


class TermFacet(Facet):
    """A vocabulary foreign key (home.models.taxonomies), chosen by term slug in any language version."""

    def __init__(self, name, label, field, model, **kwargs):
        super().__init__(name, label, field, **kwargs)
        self.model = model

    def options(self, listing):
        return [(term.slug, term.name) for term in localized_terms(self.model).values()]

    def term_ids(self, value):
        return term_ids_by_slug(self.model).get(value) or []

    def q(self, value, listing):
        ids = self.term_ids(value)
        return Q(**{f"{self.field}_id__in": ids}) if ids else NOTHING

    def column(self, listing):
        return F(f"{self.field}_id")

    def decoder(self, listing):
        slugs = {str(pk): slug for slug, ids in term_ids_by_slug(self.model).items() for pk in ids}
        return lambda key: [slugs.get(str(key))]


class TermsFacet(TermFacet):
    """A vocabulary many-to-many relation. `also(value)`, when given, is a Q for rows that match the value
    another way (the directory's expertise tags); the counts then count the terms' links only."""

    def __init__(self, name, label, field, model, also=None, **kwargs):
        super().__init__(name, label, field, model, **kwargs)
        self.also = also

    def relation(self, listing):
        relation = listing.model._meta.get_field(self.field)
        return relation.remote_field.through, relation.m2m_field_name(), relation.m2m_reverse_field_name()

    def q(self, value, listing):
        ids = self.term_ids(value)
        through, row, term = self.relation(listing)
        condition = NOTHING
        if ids:
            links = through.objects.filter(**{f"{term}_id__in": ids})
            condition = Q(pk__in=links.values(f"{row}_id"))
        return condition | self.also(value) if self.also else condition

    def column(self, listing):
        return None

    def links(self, listing):
        """(link table, row column, term column), quoted."""
        qn = connection.ops.quote_name
        through, row, term = self.relation(listing)
        meta = through._meta
        return qn(meta.db_table), qn(meta.get_field(row).column), qn(meta.get_field(term).column)


class FlagFacet(Facet):
    """A checkbox: a boolean `field`, or `condition(listing)` (a Q) for a computed flag."""

    widget = "checkbox"

    def __init__(self, name, label, field="", condition=None, **kwargs):
        super().__init__(name, label, field, **kwargs)
        self.condition = condition

    def options(self, listing):
        return [("1", self.label)]

    def q(self, value, listing):
        return self.condition(listing) if self.condition else Q(**{self.field: True})

    def column(self, listing):
        return None


class CaseFacet(Facet):
    """Values computed from each row: `cases(listing)` returns [(value, label, Q)] (e.g. upcoming/past)."""

    def __init__(self, name, label, cases, **kwargs):
        super().__init__(name, label, **kwargs)
        self.cases = cases

    def options(self, listing):
        return [(value, label) for value, label, _condition in self.cases(listing)]

    def q(self, value, listing):
        return next((condition for key, _l, condition in self.cases(listing) if key == value), NOTHING)

    def column(self, listing):
        whens = [When(condition, then=Value(key)) for key, _l, condition in self.cases(listing)]
        return Case(*whens, default=Value(None), output_field=CharField())


class Chip:
    """A chosen filter shown above the results: its facet, its value's label and the query string of the
    listing without it."""

    def __init__(self, facet_label, label, querystring):
        self.facet_label = facet_label
        self.label = label
        self.querystring = querystring


class FacetState:
    """A facet as the filter form shows it: `selected` (the list of its values) and its options
    [(value, label, count, is_selected)]."""

    def __init__(self, facet, selected, options):
        self.facet = facet
        self.selected = selected
        self.options = options

    name = property(lambda self: self.facet.name)
    label = property(lambda self: self.facet.label)
    widget = property(lambda self: self.facet.widget)
    is_flag = property(lambda self: self.facet.is_flag)
    multiple = property(lambda self: self.facet.multiple)

    @property
    def count(self):
        return self.options[0][2] if self.options else 0


# -- listings ---------------------------------------------------------------------------------------------
class Listing:
    """Parse the request, filter, count, sort and paginate (lazily: a CSV export only filters).

    Declarations of a listing: the class attributes and the methods marked "declare"."""

    model = None
    index_model = ""  # "app_label.ModelName" of the index pages whose unfiltered listing the worker prepares
    facets = []  # in the order of the form
    per_page = 12
    sorts = [("title", _("Title"))]  # [(key, label)]; the first is the default, "relevance" needs a search
    search = None  # None, "index" (the search backend, ranked) or "text" (text_condition())
    search_label = _("Words to look for")
    query_max_length = 200
    form_label = _("Filter")  # the accessible name of the filter form
    submit_label = _("Apply filters")
    clear_label = _("Clear filters")  # "" when the page offers no "clear" link
    show_counts = True  # the number of results next to each option
    page_param = "page"  # the GET parameter of the page number
    page_label = ""  # the accessible name of the pagination ("Pagination" when empty)
    count_text = None  # ngettext_lazy("%(counter)s …", "%(counter)s …", "counter")
    empty_text = _("Nothing matches these filters.")  # a filtered listing without results
    # True when filter combinations can be answered from the listing's FacetIndex (below): the order of every
    # sort is the same whatever the facets chosen, and a row matches a facet's value exactly when the counts
    # count it there (no `also`, no overlapping cases).
    indexed = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("index_model"):
            PREPARED_LISTINGS.append(cls)

    def __init__(self, request, index_page, per_page=None):
        self.request = request
        self.index_page = index_page
        self.per_page = per_page or getattr(index_page, "per_page", None) or self.per_page
        self.today = timezone.localdate()
        self.language = active_language()
        self.search_backend = ""  # set by the index search
        params = request.GET
        self.ignored = []
        self.query = clean_query(params.get("q", ""))[: self.query_max_length].strip() if self.search else ""
        self.selected = {}  # facet name: [values], in the order of the facet's options
        for facet in self.facets:
            given = {value for value in params.getlist(facet.name) if value}
            allowed = self.allowed(facet)
            values = [value for value, _label in self.facet_options(facet) if value in given]
            if given - allowed:
                self.ignored.append(facet.name)
            if values and not facet.multiple:
                values = [value for value in params.getlist(facet.name) if value in allowed][:1]
            if not values and facet.default:
                values = [facet.default]
            if values:
                self.selected[facet.name] = values
        sort = params.get("sort", "")
        if sort not in {key for key, _label in self.available_sorts()}:
            if sort:
                self.ignored.append("sort")
            sort = self.default_sort
        self.sort = sort

    # -- declarations ---------------------------------------------------------------------------------
    def base_queryset(self):
        """declare (optional): every public row of this listing, with the content only in other languages."""
        return with_content_only_in_other_languages(self.model, self.index_page)

    def text_condition(self):
        """declare for search = "text": a Q for the rows matching self.query."""
        return Q(pk__in=self.search_ids)

    def moment(self):
        """declare (optional): the date or time the listing depends on, part of the cache keys."""
        return self.today

    def key_parts(self):
        """declare (optional): what else than the index page and the parameters tells the rows apart."""
        return ()

    def link_params(self):
        """declare (optional): the parameters the page links keep (by default the validated ones)."""
        return self.params()

    def prepare(self, queryset):
        """declare (optional): annotations and joins the result cards need."""
        return queryset

    def order(self, queryset):
        """declare (optional): `queryset` (prepared) in the order of self.sort."""
        return queryset.order_by("title", "pk")

    def decorate(self, items):
        """declare (optional): attach what the cards show, in a fixed number of queries."""
        return items

    # -- parameters -----------------------------------------------------------------------------------
    def facet_options(self, facet):
        if "_options" not in self.__dict__:
            self._options = {}
        if facet.name not in self._options:
            self._options[facet.name] = facet.options(self)
        return self._options[facet.name]

    def allowed(self, facet):
        return {value for value, _label in self.facet_options(facet)}

    def available_sorts(self):
        return [(key, label) for key, label in self.sorts if key != "relevance" or self.query]

    @property
    def default_sort(self):
        return "relevance" if self.query and "relevance" in dict(self.sorts) else self.sorts[0][0]

    def chosen(self, facet):
        """The values of `facet` the visitor chose (its default left out)."""
        return [value for value in self.selected.get(facet.name, []) if value != facet.default]

    @property
    def chosen_count(self):
        """How many facet values the visitor chose (the summary of the filter disclosure)."""
        return sum(len(self.chosen(facet)) for facet in self.facets)

    @property
    def is_filtered(self):
        return bool(self.query) or any(self.chosen(facet) for facet in self.facets)

    def params(self, **changes):
        """The validated parameters (without defaults) as a QueryDict, with `changes` applied (a value or a
        list of values; empty removes the parameter), in the order of the form."""
        values = {"q": [self.query]}
        values.update((facet.name, self.chosen(facet)) for facet in self.facets)
        values["sort"] = [self.sort] if self.sort != self.default_sort else []
        for key, value in changes.items():
            values[key] = list(value) if isinstance(value, list | tuple) else [value]
        params = QueryDict(mutable=True)
        for key, listed in values.items():
            listed = [str(value) for value in listed if value]
            if listed:
                params.setlist(key, listed)
        return params

    def querystring(self, **changes):
        return self.params(**changes).urlencode()

    @cached_property
    def chips(self):
        """The visitor's choices (the words and every chosen value), each with the query string that removes
        it alone: [Chip]."""
        chips = [Chip(self.search_label, self.query, self.querystring(q=""))] if self.query else []
        for facet in self.facets:
            chosen = self.chosen(facet)
            labels = dict(self.facet_options(facet))
            for value in chosen:
                rest = [other for other in chosen if other != value]
                label = facet.label if facet.is_flag else labels.get(value, value)
                chips.append(Chip(facet.label, label, self.querystring(**{facet.name: rest})))
        return chips

    def kept(self, key, build):
        """`build()` kept under `key` until content changes: for the unfiltered listing always (the worker
        prepares it after each change), for filters and words for RESULTS_CACHE_SECONDS."""
        if self.is_filtered:
            return content_version.cached_results(key, build)
        return content_version.cached(key, build)

    def cache_key(self, *parts):
        """Key of data computed for this listing and its validated parameters (content_version.cached_results)."""
        state = content_version.digest(
            self.query,
            *sorted((name, *sorted(values)) for name, values in self.selected.items()),
            self.search_backend,
            self.moment().isoformat(),
            *self.key_parts(),
            *parts,
        )
        # The listing's class is part of the key: two listings of one index page (the role models and the
        # expert directory) count different facets over the same rows.
        listing = f"{type(self).__module__}.{type(self).__qualname__}"
        return f"listing:{listing}:{self.index_page.pk}:{self.language}:{state}"

    @property
    def uses_index(self):
        """True when this request's counts and result ids come from the FacetIndex: an indexed listing
        without words (words narrow the rows to what the search finds, counted by the database)."""
        return self.indexed and not self.query

    @cached_property
    def facet_index(self):
        """The listing's FacetIndex, kept until content changes (the worker builds it with the unfiltered
        listing, so a visitor's new filter combination reads it instead of counting the catalogue)."""
        parts = content_version.digest(self.moment().isoformat(), *self.key_parts())
        listing = f"{type(self).__module__}.{type(self).__qualname__}"
        key = f"listing-index:{listing}:{self.index_page.pk}:{self.language}:{parts}"
        return content_version.cached(key, lambda: FacetIndex(self))

    # -- querysets ------------------------------------------------------------------------------------
    @cached_property
    def search_ids(self):
        """Ids of the rows matching the text query, best first, from the visitor's language backend (the
        database backend when the engine fails; that answer is kept apart, so it ends with the outage)."""
        words = engine_query(self.query) if self.query else ""
        if not words:
            return []
        backend = backend_for_language(self.language)
        try:
            return self._search(words, backend)
        except Exception as error:
            if backend == "default":
                raise
            log_engine_failure(error, backend, words)
            return self._search(words, "default")

    def _search(self, words, backend):
        self.search_backend = backend

        def build():
            results = self.base_queryset().only("pk").search(words, backend=backend, operator="and")
            return [result.pk for result in results[:SEARCH_LIMIT]]

        return self.kept(self.cache_key("search"), build)

    def scope(self):
        """What the facets count: the rows of this listing, narrowed by the text query."""
        queryset = self.base_queryset()
        if self.query:
            queryset = queryset.filter(self.text_condition())
        return queryset

    def condition(self, exclude=None):
        """The selected facets (but `exclude`) as one Q."""
        combined = Q()
        for facet in self.facets:
            if facet.name != exclude and facet.name in self.selected:
                combined &= facet.match(self.selected[facet.name], self)
        return combined

    def filtered(self):
        return self.scope().filter(self.condition())

    def ordered(self):
        """The matching rows, prepared for their cards, in the order of self.sort."""
        return self.order(self.prepare(self.filtered()))

    # -- counts ---------------------------------------------------------------------------------------
    @cached_property
    def counts(self):
        """{"total": n, facet name: {value: n}}, in one statement."""
        if self.uses_index:
            return self.facet_index.counts(self)
        self.search_ids  # noqa: B018 - the search decides the backend, which is part of the key
        return self.kept(self.cache_key("counts"), FacetCounter(self).run)

    @cached_property
    def facet_states(self):
        states = []
        for facet in self.facets:
            selected = self.selected.get(facet.name, [])
            counts = self.counts[facet.name]
            options = [
                (value, label, counts.get(value, 0), value in selected)
                for value, label in self.facet_options(facet)
            ]
            states.append(FacetState(facet, selected, options))
        return states

    @property
    def flag_states(self):
        return [state for state in self.facet_states if state.is_flag]

    @property
    def count(self):
        """The number of results (read with the counts, or the ranked ids: no card is fetched for it)."""
        if self.sort == "relevance":
            return len(self.ranked_sequence)
        return self.counts["total"]

    @property
    def page_number(self):
        """The number of the page shown: the requested one, as Paginator.get_page() reads it (not a whole
        number: the first; out of range: the last)."""
        pages = max(1, -(-self.count // self.per_page))
        try:
            number = int(self.request.GET.get(self.page_param, 1))
        except (TypeError, ValueError):
            return 1
        return number if 1 <= number <= pages else pages

    def kept_html(self, name, render):
        """`render()`, HTML that shows this listing's results (named `name`), kept with them: its key holds the
        validated parameters, the page shown, the language and the templates' version."""
        key = self.cache_key(name, self.page_number, self.per_page)
        return content_version.kept_html(key, render, keep=self.kept)

    @property
    def count_sentence(self):
        return self.count_text % {"counter": self.count} if self.count_text else ""

    # -- results --------------------------------------------------------------------------------------
    @cached_property
    def page_obj(self):
        """The requested page and its cards (decorated), in a fixed number of queries."""
        relevance = self.sort == "relevance"
        sequence = self.ranked_sequence if relevance else SortedIds(self, self.counts["total"])
        page_obj = paginate(
            self.request, sequence, self.per_page, self.link_params(), self.page_param, self.page_label
        )
        ids = list(page_obj.object_list)
        cards = list(self.prepare(self.model.objects.filter(pk__in=ids))) if ids else []
        by_pk = {item.pk: item for item in self.decorate(cards)}
        page_obj.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
        return page_obj

    @cached_property
    def ranked_sequence(self):
        return self.kept(self.cache_key("ranked"), self.ranked_ids)

    def ranked_ids(self):
        """The search's ids, best first, that match the selected facets."""
        matching = set(self.filtered().values_list("pk", flat=True)) if self.search_ids else set()
        return [pk for pk in self.search_ids if pk in matching]

    @property
    def items(self):
        return self.page_obj.object_list

    def response(self, template=None):
        """The index page rendered with this listing (by its own template or `template`, which include the
        listing's form, count and pagination: home/includes/listing_form.html, result_count.html,
        pagination.html)."""
        return self.index_page.render(self.request, template=template, context_overrides={"listing": self})


class SortedIds:
    """The ids of a sorted listing as a sequence for Paginator: its length is the total counted with the
    facets (no COUNT query) and a page of it is kept until content changes. The ids are sorted in a query of
    their own, on narrow rows (sorting whole cards with their joins costs the database twice as much on a
    large catalogue); the cards are then read by id."""

    def __init__(self, listing, total):
        self.listing = listing
        self.total = total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        listing = self.listing
        if listing.uses_index:
            return listing.facet_index.ids(listing, window)

        def build():
            return list(listing.ordered().values_list("pk", flat=True)[window])

        return listing.kept(listing.cache_key("ids", listing.sort, window.start, window.stop), build)


class FacetCounter:
    """Counts the total and every facet value of a listing in one SQL statement (see the module docstring).

    The rows and their 0/1 "matches" columns come from the ORM (the facets' own conditions); the grouping
    around them is written here, since the ORM cannot express one GROUP BY per facet in one statement."""

    def __init__(self, listing):
        self.listing = listing
        self.facets = listing.facets
        self.selected = [facet for facet in self.facets if facet.name in listing.selected]
        self.position = {facet.name: position for position, facet in enumerate(self.facets)}
        # One facet chosen, no words: its counts are the unfiltered listing's (prepared by the worker), and
        # only the rows having one of its chosen values are read for the others.
        alone = len(self.selected) == 1 and listing.is_filtered and not listing.query
        self.borrowed = self.selected[0] if alone else None

    def rows(self):
        """The rows that count anywhere: with one selected facet, those matching it when its own counts are
        borrowed; with several, those that miss at most one of them."""
        listing = self.listing
        if self.borrowed:
            return listing.scope().filter(self.borrowed.match(listing.selected[self.borrowed.name], listing))
        if len(self.selected) >= 2:
            either = NOTHING
            for facet in self.selected:
                either |= listing.condition(exclude=facet.name)
            return listing.scope().filter(either)
        return listing.scope()

    def unfiltered_counts(self):
        """The counts of the same listing without any parameter (kept until content changes)."""
        listing = self.listing
        request = copy.copy(listing.request)
        request.GET = QueryDict()
        return type(listing)(request, listing.index_page, listing.per_page).counts

    def column(self, facet):
        return f"c{self.position[facet.name]}"

    def matched(self, facet):
        """The 0/1 column telling whether a row has one of the selected values of `facet` (or the flag)."""
        return f"m{self.position[facet.name]}"

    def inner(self):
        """The listed rows, one each: c_pk, the column of every facet stored on the row, and the 0/1 columns."""
        listing = self.listing
        columns = {"c_pk": F("pk")}
        for facet in self.facets:
            expression = facet.column(listing)
            if expression is not None:
                columns[self.column(facet)] = expression
        for facet in self.facets:
            if facet.is_flag or facet in self.selected:
                condition = facet.match(listing.selected.get(facet.name, ["1"]), listing)
                columns[self.matched(facet)] = Case(
                    When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()
                )
        queryset = self.rows().order_by().annotate(**columns).values_list(*columns)
        return queryset.query.sql_with_params()

    def statement(self):
        inner_sql, params = self.inner()
        rows = f"SELECT * FROM ({inner_sql}) s"
        if len(self.selected) >= 2:
            # a row that misses two selected facets counts nowhere
            missed = " + ".join(f"(1 - s.{self.matched(facet)})" for facet in self.selected)
            rows += f" WHERE {missed} <= 1"

        def others(facet):
            conditions = [f"r.{self.matched(other)} = 1" for other in self.selected if other is not facet]
            return " AND ".join(conditions) or "1 = 1"

        branches = [f"SELECT -1, '', COUNT(*) FROM r WHERE {others(None)}"]
        for facet in self.facets:
            if facet is self.borrowed:
                continue
            position, where = self.position[facet.name], others(facet)
            links = facet.links(self.listing)
            if facet.is_flag:
                branches.append(
                    f"SELECT {position}, '1', COUNT(*) FROM r WHERE {where} AND r.{self.matched(facet)} = 1"
                )
            elif links:
                link_table, row_column, term_column = links
                branches.append(
                    f"SELECT {position}, CAST(l.{term_column} AS TEXT), COUNT(*) FROM r"
                    f" INNER JOIN {link_table} l ON l.{row_column} = r.c_pk WHERE {where} GROUP BY l.{term_column}"
                )
            else:
                column = f"r.{self.column(facet)}"
                branches.append(
                    f"SELECT {position}, CAST({column} AS TEXT), COUNT(*) FROM r WHERE {where} GROUP BY {column}"
                )
        return f"WITH r AS ({rows}) " + " UNION ALL ".join(branches), params

    def run(self):
        counts = {"total": 0, **{facet.name: {} for facet in self.facets}}
        if self.listing.search == "index" and self.listing.query and not self.listing.search_ids:
            return counts
        sql, params = self.statement()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        decoders = {}
        for position, key, number in rows:
            if position == -1:
                counts["total"] = number
                continue
            facet = self.facets[position]
            if position not in decoders:
                decoders[position] = facet.decoder(self.listing)
            for value in decoders[position](key):
                if value is not None:
                    counts[facet.name][value] = counts[facet.name].get(value, 0) + number
        if self.borrowed:
            counts[self.borrowed.name] = self.unfiltered_counts()[self.borrowed.name]
        return counts


class FacetIndex:
    """Every row of an indexed listing (without words) as bitmaps, so that any combination of facets is counted
    and paged without reading the rows again: what a new filter combination costs does not grow with the
    catalogue (issue 13, point 9).

    Built with the unfiltered listing (by the task worker after each change of content, see
    prepare_unfiltered_listings) in a few queries: the ids in the order of each sort, the facet columns of
    every row (as FacetCounter reads them) and the links of each many-to-many facet. Row i is the i-th of the
    first sort; each option of each facet is a Python int whose bit i is set when row i has that value (its
    decoded column or link, or the flag's condition). Counting a combination is then a few ANDs, ORs and
    int.bit_count() per option, with the same disjunctive rule as FacetCounter, and a page of results is the
    set bits of the combination, read in the order of the sort asked for. Kept pickled in the cache (about
    a megabyte at 50,000 trainings: 8 bytes an id, 4 a position in each other sort, one bit an option)."""

    def __init__(self, listing):
        sorts = [key for key, _label in listing.sorts if key != "relevance"]
        scope = listing.scope()
        orders = {}
        for sort in sorts:
            sorted_listing = copy.copy(listing)
            sorted_listing.sort = sort
            queryset = sorted_listing.order(sorted_listing.prepare(scope))
            orders[sort] = list(queryset.values_list("pk", flat=True))
        ids = orders[sorts[0]]
        position = {pk: i for i, pk in enumerate(ids)}
        self.size = len(ids)
        self.sorts = sorts
        self.row_ids = array.array("q", ids)
        self.orders = {sort: array.array("i", [position[pk] for pk in orders[sort]]) for sort in sorts[1:]}
        self.bitmaps = self._bitmaps(listing, scope, position)

    def _bitmaps(self, listing, scope, position):
        """{facet name: {value: int}} (see the class docstring)."""
        bits = {facet.name: {} for facet in listing.facets}

        def add(facet, values, row):
            byte, bit = row >> 3, 1 << (row & 7)
            for value in values:
                if value is not None:
                    rows = bits[facet.name].setdefault(value, bytearray((self.size + 7) // 8))
                    rows[byte] |= bit

        columns = {"c_pk": F("pk")}
        read = []  # (facet, column name, decode)
        for number, facet in enumerate(listing.facets):
            if facet.is_flag:
                columns[f"m{number}"] = Case(
                    When(facet.match(["1"], listing), then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
                read.append((facet, f"m{number}", lambda key: ["1"] if str(key) == "1" else []))
            elif facet.column(listing) is not None:
                columns[f"c{number}"] = facet.column(listing)
                read.append((facet, f"c{number}", facet.decoder(listing)))
        sql, params = scope.order_by().annotate(**columns).values_list(*columns).query.sql_with_params()
        casts = ", ".join(f"CAST(s.{name} AS TEXT)" for _facet, name, _decode in read)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT s.c_pk{', ' if casts else ''}{casts} FROM ({sql}) s", params)
            for pk, *keys in cursor.fetchall():
                row = position.get(pk)
                if row is not None:
                    for (facet, _name, decode), key in zip(read, keys, strict=True):
                        add(facet, decode(key), row)

        pks_sql, pks_params = scope.order_by().values("pk").query.sql_with_params()
        for facet in listing.facets:
            links = facet.links(listing)
            if not links:
                continue
            link_table, row_column, term_column = links
            decode = facet.decoder(listing)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT l.{row_column}, CAST(l.{term_column} AS TEXT) FROM {link_table} l"
                    f" WHERE l.{row_column} IN ({pks_sql})",
                    pks_params,
                )
                for pk, key in cursor.fetchall():
                    row = position.get(pk)
                    if row is not None:
                        add(facet, decode(key), row)
        return {
            name: {value: int.from_bytes(mask, "little") for value, mask in values.items()}
            for name, values in bits.items()
        }

    def _chosen(self, listing):
        """{facet name: the rows having one of its selected values} for each selected facet."""
        chosen = {}
        for facet in listing.facets:
            values = listing.selected.get(facet.name)
            if values:
                bitmaps, rows = self.bitmaps.get(facet.name, {}), 0
                for value in values:
                    rows |= bitmaps.get(value, 0)
                chosen[facet.name] = rows
        return chosen

    def _matching(self, chosen, exclude=None):
        """The rows matching every chosen facet but `exclude`."""
        rows = (1 << self.size) - 1
        for name, facet_rows in chosen.items():
            if name != exclude:
                rows &= facet_rows
        return rows

    def counts(self, listing):
        """What FacetCounter.run() counts, for `listing`'s selected facets."""
        chosen = self._chosen(listing)
        counts = {"total": self._matching(chosen).bit_count()}
        for facet in listing.facets:
            rows = self._matching(chosen, exclude=facet.name)
            found = (
                (value, (rows & bitmap).bit_count()) for value, bitmap in self.bitmaps[facet.name].items()
            )
            counts[facet.name] = {value: number for value, number in found if number}
        return counts

    def ids(self, listing, window):
        """The ids of the matching rows in `window` (a slice), in the order of listing.sort."""
        rows = self._matching(self._chosen(listing))
        flags = format(rows, "b")[::-1]  # flags[i] == "1": row i matches
        wanted = []
        if listing.sort == self.sorts[0]:
            row = flags.find("1")
            while row != -1 and len(wanted) < window.stop:
                wanted.append(row)
                row = flags.find("1", row + 1)
        else:
            last = len(flags)
            for row in self.orders[listing.sort]:
                if row < last and flags[row] == "1":
                    wanted.append(row)
                    if len(wanted) >= window.stop:
                        break
        return [self.row_ids[row] for row in wanted[window.start :]]


# -- the unfiltered listings, prepared by the task worker ---------------------------------------------------
def prepare_unfiltered_listings():
    """Compute and keep, for the current content, the counts and first page of every unfiltered listing
    (each `Listing` that declares its `index_model`, on each public index page, in its language). What is
    already kept is read back, not computed again. The task worker calls this after every change of content
    (home.management.commands.worker); returns the number of listings it went through."""
    from django.apps import apps
    from django.utils import translation
    from django.utils.module_loading import autodiscover_modules
    from wagtail.coreutils import get_dummy_request

    autodiscover_modules("listing")  # each app's listing.py declares its listings
    prepared = 0
    for listing_class in PREPARED_LISTINGS:
        index_model = apps.get_model(listing_class.index_model)
        for index_page in index_model.objects.filter(public_q()).select_related("locale"):
            request = get_dummy_request(path=index_page.url or "/", site=index_page.get_site())
            with translation.override(index_page.locale.language_code):
                listing_class(request, index_page).page_obj  # noqa: B018 - counts, first page ids, cards
            prepared += 1
    return prepared
