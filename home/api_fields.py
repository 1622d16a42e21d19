"""The serializer fields of the read API (home/api.py), named in the models' `api_fields`.

Each field reads the whole object and writes plain data in the object's own language (a page's locale; for a
record without a locale, the language the request chose with `?locale=`): a vocabulary term as
{"id", "slug", "name"}, a choice as {"id", "name"} (the id is the stored code), an organisation as
{"id", "slug", "name", "website"}. Terms come from the cached term maps (no query); organisations and pages
linked to come from what the API prepared for the whole page of results (`prepare_translations`), so a listing
costs the same number of queries whatever its length. A linked page is shown only when it is public
(home.visibility)."""

from django.utils import translation
from rest_framework.fields import Field

from home.localization import locales_by_id, localize_term_ids, localized, terms_by_id
from home.visibility import is_public


def language_of(obj):
    """The language of a page or translatable object; otherwise the active one."""
    locale = locales_by_id().get(getattr(obj, "locale_id", None))
    return locale.language_code if locale else translation.get_language()


def term_data(term):
    return {"id": term.pk, "slug": term.slug, "name": term.name} if term is not None else None


def choice_data(value, choices):
    """{"id": code, "name": label} of a stored code, labelled in the active language; None when empty."""
    if value in (None, ""):
        return None
    return {"id": value, "name": str(dict(choices).get(value, value))}


def translated(owner, obj):
    """`obj` (an organisation or a page `owner` links to) in the active language: from the translations
    prepared for the page of results, else looked up (the detail of one object)."""
    if obj is None:
        return None
    prepared = getattr(owner, "_api_translations", None)
    if prepared is not None and (type(obj)._meta.label, obj.pk) in prepared:
        return prepared[(type(obj)._meta.label, obj.pk)]
    return localized(obj)


def prepare_translations(items, paths):
    """For each item, its linked objects along `paths` ("provider", "organisers", "speakers.person": a
    foreign key, a many-to-many or child relation, then optionally a foreign key of each child) in the item's
    language, found with one query per language and model at most (the relations are prefetched)."""
    by_language = {}
    for item in items:
        by_language.setdefault(language_of(item), []).append(item)
    for language, group in by_language.items():
        linked = [(item, obj) for item in group for path in paths for obj in _follow(item, path)]
        with translation.override(language):
            versions = localized([obj for _item, obj in linked])
        for item in group:
            item._api_translations = {}
        for (item, obj), version in zip(linked, versions, strict=True):
            item._api_translations[(type(obj)._meta.label, obj.pk)] = version
    return items


def _follow(obj, path):
    name, _dot, rest = path.partition(".")
    value = getattr(obj, name)
    values = list(value.all()) if hasattr(value, "all") else [value]
    values = [value for value in values if value is not None]
    if rest:
        return [found for value in values for found in _follow(value, rest)]
    return values


class ObjectField(Field):
    """A read-only value computed from the whole object, in the object's language (`represent`)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        with translation.override(language_of(instance)):
            return self.represent(instance)

    def represent(self, instance):
        raise NotImplementedError

    def model_field(self, instance):
        return instance._meta.get_field(self.field_name)


class TermField(ObjectField):
    """A vocabulary foreign key: {"id", "slug", "name"} or null."""

    def represent(self, instance):
        field = self.model_field(instance)
        pk = getattr(instance, field.attname)
        if pk is None:
            return None
        return term_data(terms_by_id(field.related_model).get(pk) or getattr(instance, self.field_name))


class TermsField(ObjectField):
    """A vocabulary many-to-many relation: [{"id", "slug", "name"}] in the vocabulary's order."""

    def represent(self, instance):
        model = self.model_field(instance).related_model
        ids = [term.pk for term in getattr(instance, self.field_name).all()]
        return [term_data(term) for term in localize_term_ids(model, ids)]


class ChoiceField(ObjectField):
    """A field with choices: {"id": code, "name": label} or null."""

    def represent(self, instance):
        return choice_data(getattr(instance, self.field_name), self.model_field(instance).choices)


class ChoicesField(ObjectField):
    """A home.fields.ChoiceListField (facilities, languages): [{"id": code, "name": label}]."""

    def represent(self, instance):
        pairs = self.model_field(instance).choices_pairs()
        return [choice_data(code, pairs) for code in getattr(instance, self.field_name) or []]


def organisation_data(organisation):
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "website": organisation.website,
    }


class OrganisationField(ObjectField):
    """An organisation (foreign key; with `many=True` a many-to-many relation, or with `through` the foreign key
    of each inline child), in the object's language."""

    def __init__(self, many=False, through="", **kwargs):
        self.many = many
        self.through = through
        super().__init__(**kwargs)

    def represent(self, instance):
        if self.many:
            rows = getattr(instance, self.field_name).all()
            organisations = [getattr(row, self.through) for row in rows] if self.through else rows
            return [organisation_data(translated(instance, org)) for org in organisations]
        organisation = (
            getattr(instance, self.field_name) if getattr(instance, f"{self.field_name}_id") else None
        )
        return organisation_data(translated(instance, organisation)) if organisation else None


class ChildrenField(ObjectField):
    """Inline children (sessions, timeline, links...): [{field: value}] of their `fields`, their `choices`
    fields as {"id", "name"}."""

    def __init__(self, fields, choices=(), **kwargs):
        self.fields = fields
        self.choices = choices
        super().__init__(**kwargs)

    def represent(self, instance):
        rows = []
        for child in getattr(instance, self.field_name).all():
            row = {name: getattr(child, name) for name in self.fields}
            for name in self.choices:
                row[name] = choice_data(getattr(child, name), child._meta.get_field(name).choices)
            rows.append(row)
        return rows


class TagsField(ObjectField):
    """Free tags (django-taggit, through `through` items prefetched with their tag): their names, sorted."""

    def __init__(self, through, **kwargs):
        self.through = through
        super().__init__(**kwargs)

    def represent(self, instance):
        return sorted(item.tag.name for item in getattr(instance, self.through).all())


def page_link(owner, page, request=None):
    """{"id", "title", "html_url"} of a page `owner` links to, in `owner`'s language, when it is public;
    otherwise None: the API never names a draft or restricted page."""
    if page is None or not is_public(page):
        return None
    version = translated(owner, page)
    return {"id": version.pk, "title": version.title, "html_url": version.get_full_url(request)}


class ImageField(ObjectField):
    """An image (foreign key) as {"url", "width", "height", "alt"} of a rendition made with `spec`; the text
    alternative is read from `alt_field`."""

    def __init__(self, spec, alt_field, **kwargs):
        self.spec = spec
        self.alt_field = alt_field
        super().__init__(**kwargs)

    def represent(self, instance):
        if not getattr(instance, f"{self.field_name}_id"):
            return None
        rendition = getattr(instance, self.field_name).get_rendition(self.spec)
        request = self.context.get("request")
        url = request.build_absolute_uri(rendition.url) if request else rendition.url
        alt = getattr(instance, self.alt_field)
        return {"url": url, "width": rendition.width, "height": rendition.height, "alt": alt}


class FileImageField(ObjectField):
    """An uploaded image file (a signatory's logo) as {"url", "width", "height", "alt"}, or null."""

    def __init__(self, alt_field, **kwargs):
        self.alt_field = alt_field
        super().__init__(**kwargs)

    def represent(self, instance):
        file = getattr(instance, self.field_name)
        if not file:
            return None
        request = self.context.get("request")
        url = request.build_absolute_uri(file.url) if request else file.url
        width, height = (getattr(instance, f"{self.field_name}_{side}", None) for side in ("width", "height"))
        return {"url": url, "width": width, "height": height, "alt": getattr(instance, self.alt_field)}


class CommitmentsField(ObjectField):
    """A signatory's commitments: [{"id": key, "name": title}], titled as the view's `commitment_titles`
    (the charter page of the chosen language) gives them; a key without a title there is left out."""

    def represent(self, instance):
        titles = self.context.get("commitment_titles", {})
        return [
            {"id": key, "name": titles[key]} for key in getattr(instance, self.field_name) if key in titles
        ]
