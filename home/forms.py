"""Form building blocks shared by every public form: a honeypot and plain-text-only fields."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What str.splitlines() splits on: in a single-line field (a name, a title) each of them could end an e-mail
# header and start another one ("Anne\r\nBcc: ...").
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def strip_format_characters(value):
    """`value` without its invisible format characters (Unicode category Cf): bidirectional embeddings, overrides
    and isolates (U+202A-U+202E, U+2066-U+2069) that show text in another order than it is stored, left-to-right
    and right-to-left marks, zero-width spaces, non-joiners and joiners (U+200B-U+200D), the word joiner
    (U+2060), the byte order mark (U+FEFF), soft hyphens (U+00AD), tag characters. None is needed in the four
    languages of the site; a zero-width joiner inside an emoji sequence goes too (the emoji shows as its parts)."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


def clean_plain_text(value, *, multiline=False):
    """Plain text as it will be stored: invisible format characters removed, Unicode normalised (NFC), outer
    whitespace stripped. Refused: markup, control characters and, unless `multiline` (a textarea), line breaks
    and tabs. In multi-line text every line break becomes "\n"."""
    if value is None:
        return value
    value = unicodedata.normalize("NFC", strip_format_characters(value)).strip()
    if multiline:
        for line_break in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):
            value = value.replace(line_break, "\n")
    elif any(ch in LINE_BREAKS or ch == "\t" for ch in value):
        raise ValidationError(
            _("Please write this on a single line, without line breaks or tabs."), code="line_break"
        )
    if any(unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in "\n\t" for ch in value):
        raise ValidationError(
            _("Please remove the invisible control characters from this text."), code="control"
        )
    if "<" in value and ">" in value:
        raise ValidationError(_("Please write plain text, without HTML tags."), code="html")
    return value


class PlainTextField(forms.CharField):
    """Text through clean_plain_text: a single line, unless the widget is a Textarea (or multiline=True)."""

    def __init__(self, *, multiline=None, **kwargs):
        super().__init__(**kwargs)
        self.multiline = isinstance(self.widget, forms.Textarea) if multiline is None else multiline

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return clean_plain_text(value, multiline=self.multiline) or self.empty_value


class _WithoutFormatCharacters:
    def to_python(self, value):
        return super().to_python(strip_format_characters(value) if isinstance(value, str) else value)


class PlainEmailField(_WithoutFormatCharacters, forms.EmailField):
    """An e-mail address without invisible format characters (line breaks are refused by EmailField)."""


class PlainURLField(_WithoutFormatCharacters, forms.URLField):
    """A link without invisible format characters (line breaks and tabs are refused by URLField)."""


class HoneypotFormMixin(forms.Form):
    """Adds a field that people never see nor fill (hidden with CSS and from screen readers); bots do."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-field"}),
    )

    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website_url")))


def name_field():
    """A visitor's name, as the public forms ask for it."""
    return PlainTextField(
        label=_("Your name"), max_length=150, error_messages={"required": _("Please enter your name.")}
    )


def message_field(*, min_length, max_length, help_text=""):
    """A visitor's message (a textarea), with the public forms' messages for each error."""
    return PlainTextField(
        label=_("Your message"),
        min_length=min_length,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=help_text,
        error_messages={
            "required": _("Please write a message."),
            "min_length": _("Please write a little more (at least %(limit_value)d characters)."),
            "max_length": _("Please shorten your message to %(limit_value)d characters at most."),
        },
    )
