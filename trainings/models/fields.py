"""A set of choices stored in one text column (",en,nl,") so it can be filtered on SQLite and PostgreSQL."""

from django import forms
from django.db import models


def encode(values):
    values = [v for v in (values or []) if v]
    return f",{','.join(values)}," if values else ""


def choice_pairs(choice_set):
    """The (value, label) pairs of `choice_set`: a TextChoices class, or a callable that returns the pairs."""
    if choice_set is None:
        return []
    if hasattr(choice_set, "choices"):
        return list(choice_set.choices)
    return list(choice_set())


def decode(value):
    if value is None:
        return []
    if isinstance(value, list | tuple | set):
        return [v for v in value if v]
    return [v for v in str(value).split(",") if v]


class ChoiceSetField(models.CharField):
    """Several values from `choice_set` (see choice_pairs()); filter with `field__contains=",code,"`."""

    def __init__(self, *args, choice_set=None, **kwargs):
        self.choice_set = choice_set
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return decode(value)

    def to_python(self, value):
        return decode(value)

    def get_prep_value(self, value):
        if isinstance(value, list | tuple | set):
            return encode(value)
        return value

    def value_to_string(self, obj):
        return encode(decode(self.value_from_object(obj)))

    def validate(self, value, model_instance):
        allowed = {c for c, _label in choice_pairs(self.choice_set)}
        if self.choice_set:
            unknown = [v for v in decode(value) if v not in allowed]
            if unknown:
                from django.core.exceptions import ValidationError

                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": unknown[0]}
                )
        if not self.blank and not decode(value):
            from django.core.exceptions import ValidationError

            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        return super().run_validators(encode(decode(value)))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=choice_pairs(self.choice_set),
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
