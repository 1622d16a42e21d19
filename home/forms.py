"""Form building blocks shared by every public form: a honeypot and plain-text-only fields."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def clean_plain_text(value):
    """Refuse markup and control characters; normalise Unicode. Returns the cleaned text."""
    if value is None:
        return value
    value = unicodedata.normalize("NFC", value)
    if any(unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in "\n\r\t" for ch in value):
        raise ValidationError(
            _("Please remove the invisible control characters from this text."), code="control"
        )
    if "<" in value and ">" in value:
        raise ValidationError(_("Please write plain text, without HTML tags."), code="html")
    return value.strip()


class PlainTextField(forms.CharField):
    def clean(self, value):
        return super().clean(clean_plain_text(value))


class HoneypotFormMixin(forms.Form):
    """Adds a field that people never see nor fill (hidden with CSS and from screen readers); bots do."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-field"}),
    )

    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website_url")))
