"""A small multiple-choice model field stored as ',fr,nl,' so it can be filtered with `__contains` on any
database (SQLite and PostgreSQL alike)."""

from django import forms
from django.db import models


class MultipleChoiceField(models.CharField):
    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return [item for item in value if item]
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        items = self.to_python(value)
        return f",{','.join(items)}," if items else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not self.blank and not value:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")
        allowed = {str(key) for key, _label in self.choices or []}
        for item in value or []:
            if item not in allowed:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        return forms.TypedMultipleChoiceField(
            **{k: v for k, v in defaults.items() if k not in {"form_class", "choices_form_class"}}
        )

    @staticmethod
    def contains(field_name, value):
        """Lookup kwargs for 'the list stored in field_name contains value'."""
        return {f"{field_name}__contains": f",{value},"}
