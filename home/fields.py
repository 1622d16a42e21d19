"""One model field for "several values of a fixed vocabulary", and its languages flavour used by every app.

`ChoiceListField` keeps a list of codes (["fr", "en"]) in one text column as ",fr,en,": the admin shows it as
checkboxes, validation refuses codes outside the vocabulary, and `field__overlap=[...]` ("shares at least one
value with") is a LIKE per value on SQLite and PostgreSQL alike (no JSON operator, which SQLite lacks for lists).
`LanguagesField` is the one field for the languages spoken or taught; its vocabulary is settings.LANGUAGES
(home.languages). Each field gives its model a `get_<name>_labels()` method: the labels of the stored codes,
in the vocabulary's order.

`TranslatableTags` is free-text tags (django-taggit, kept with the page's revisions) that wagtail-localize
translates: each tag is a segment of the translation editor, and a translation gets the translated names.

Also the shorthands every app's models declare their fields with: `optional_link()` (a foreign key that may be
empty and is emptied when its target is deleted), and `synchronized()` / `synchronized_codes()` /
`translatable()` for wagtail-localize's `override_translatable_fields`.
"""

from functools import partialmethod

from django import forms
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import models
from django.db.models import Lookup
from django.utils.text import capfirst
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.segments import StringSegmentValue

from home.languages import language_choices


def choice_pairs(vocabulary):
    """The (code, label) pairs of `vocabulary`: a TextChoices class, or a callable that returns the pairs."""
    if vocabulary is None:
        return []
    if hasattr(vocabulary, "choices"):
        return list(vocabulary.choices)
    return list(vocabulary())


def decode(value):
    """The list of codes of a stored (",fr,en,") or given (list, tuple, set) value."""
    if value is None:
        return []
    if isinstance(value, list | tuple | set):
        return [code for code in value if code]
    return [code for code in str(value).split(",") if code]


def encode(codes):
    codes = decode(codes)
    return f",{','.join(codes)}," if codes else ""


class ChoiceListField(models.CharField):
    """Several codes of `vocabulary` (see choice_pairs()) in one column; filter with `field__overlap`."""

    def __init__(self, *args, vocabulary=None, **kwargs):
        # The vocabulary only validates and labels; it is not in migrations (deconstruct() leaves it out, so a
        # vocabulary gaining a code changes no schema), and historical models check no codes.
        self.vocabulary = vocabulary
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["blank"] = self.blank  # always written: this field's own default for blank is True
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        setattr(cls, f"get_{name}_labels", partialmethod(_labels, field=self))

    def choices_pairs(self):
        return choice_pairs(self.vocabulary)

    def from_db_value(self, value, expression, connection):
        return decode(value)

    def to_python(self, value):
        return decode(value)

    def get_prep_value(self, value):
        return encode(value)

    def value_to_string(self, obj):
        return encode(self.value_from_object(obj))

    def validate(self, value, model_instance):
        codes = decode(value)
        if not self.blank and not codes:
            raise ValidationError(self.error_messages["blank"], code="blank")
        if self.vocabulary is None:
            return
        allowed = {code for code, _label in self.choices_pairs()}
        for code in codes:
            if code not in allowed:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": code}
                )

    def run_validators(self, value):
        super().run_validators(encode(value))  # max_length applies to the stored text

    def formfield(self, **kwargs):
        options = {
            "choices": self.choices_pairs,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        options.update(
            {key: kwargs[key] for key in ("widget", "label", "help_text", "required") if key in kwargs}
        )
        return forms.TypedMultipleChoiceField(**options)


def _labels(instance, field):
    """The labels of the codes stored in `field`, in the vocabulary's order."""
    codes = set(decode(getattr(instance, field.attname)))
    return [label for code, label in field.choices_pairs() if code in codes]


class LanguagesField(ChoiceListField):
    """The site languages (settings.LANGUAGES) someone speaks or a training or an event is given in."""

    def __init__(self, *args, **kwargs):
        kwargs["vocabulary"] = language_choices
        super().__init__(*args, **kwargs)


@ChoiceListField.register_lookup
class Overlap(Lookup):
    """`field__overlap=["fr", "en"]`: the stored list holds at least one of these codes (as ArrayField's
    `overlap`). One `LIKE '%,fr,%'` per code, OR-ed, with the LIKE wildcards of the codes escaped."""

    lookup_name = "overlap"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        codes = list(dict.fromkeys(decode(self.rhs)))
        if not codes:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        operator = connection.operators["contains"]  # "LIKE %s", with ESCAPE on SQLite
        sql = " OR ".join(f"{lhs} {operator}" for _code in codes)
        params = []
        for code in codes:
            params += [*lhs_params, f"%,{connection.ops.prep_for_like_query(code)},%"]
        return f"({sql})", params


class TranslatableTags(ClusterTaggableManager):
    """Free-text tags that wagtail-localize translates (declare them `translatable()`): it asks the field for
    its segments, one per tag, and gives the translated ones back (its `get_translatable_segments()` /
    `restore_translated_segments()` protocol); assigning a list of names sets the tags in memory."""

    def get_translatable_segments(self, tags):
        return [StringSegmentValue(tag.slug, tag.name) for tag in tags]

    def restore_translated_segments(self, tags, segments):
        return [segment.render_text() for segment in segments]

    def __set__(self, instance, names):
        self.__get__(instance, type(instance)).set(list(names))


def synchronized(*names):
    """wagtail-localize's `override_translatable_fields` entries for fields that are the same in every
    language (copied from the source page, not translated)."""
    return [SynchronizedField(name) for name in names]


def synchronized_codes(*names):
    """wagtail-localize's `override_translatable_fields` entries for fields that store codes (ChoiceListField:
    languages, facilities): synchronised and not overridable, so the translation editor never shows the
    stored codes ("enfr") as a value to keep or replace."""
    return [SynchronizedField(name, overridable=False) for name in names]


def translatable(*names):
    """wagtail-localize's `override_translatable_fields` entries for fields that each language translates."""
    return [TranslatableField(name) for name in names]


def optional_link(to, verbose_name, **options):
    """A foreign key that may be left empty and is emptied when what it points to is deleted; without a
    reverse accessor (`related_name="+"`) unless `options` name one."""
    options = {"null": True, "blank": True, "on_delete": models.SET_NULL, "related_name": "+", **options}
    return models.ForeignKey(to, verbose_name=verbose_name, **options)
