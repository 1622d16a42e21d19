from django import forms
from django.utils.translation import gettext_lazy as _

from home.admin_forms import LocaleChoicesPageForm
from home.forms import HoneypotFormMixin, PlainEmailField, PlainTextField

from .models import CONSENT_REQUIRED, ContactPurpose, ContactRequest

NOT_HER_PURPOSE = _(
    "%(name)s has not agreed to be contacted for this purpose. Please choose one of the purposes in the list."
)


def purposes_of(expert):
    """The purposes she agreed to be contacted for, in the order of ContactPurpose.

    "Something else" (ContactPurpose.OTHER) is never offered, not even to an expert open to all three: she agreed
    to mentoring, speaking or media requests, not to anything else (recruiting, sales, surveys...); a request
    that fits none of her purposes is not one she asked for. OTHER stays a model choice so that requests stored
    before keep their label (no migration)."""
    return [
        (purpose.value, purpose.label)
        for purpose, agreed in [
            (ContactPurpose.SPEAKING, expert.open_to_speaking),
            (ContactPurpose.MEDIA, expert.open_to_media),
            (ContactPurpose.MENTORING, expert.open_to_mentoring),
        ]
        if agreed
    ]


class ContactExpertForm(HoneypotFormMixin, forms.ModelForm):
    """Contact an expert of the directory; her e-mail address is never shown."""

    name = PlainTextField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Please enter your name.")},
    )
    email = PlainEmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address so that she can answer you."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )
    organisation = PlainTextField(label=_("Your organisation"), max_length=200, required=False)
    purpose = forms.ChoiceField(
        label=_("Purpose of your request"),
        choices=ContactPurpose.choices,
        error_messages={
            "required": _("Please choose the purpose of your request."),
            "invalid_choice": _("Please choose one of the listed purposes."),
        },
    )
    message = PlainTextField(
        label=_("Your message"),
        max_length=3000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say who you are, what you propose, when and where. At least 20 characters."),
        error_messages={
            "required": _("Please write a message."),
            "min_length": _("Please write a little more (at least %(limit_value)d characters)."),
            "max_length": _("Please shorten your message to %(limit_value)d characters at most."),
        },
    )

    class Meta:
        model = ContactRequest
        fields = ["name", "email", "organisation", "purpose", "message"]

    def __init__(self, *args, expert, **kwargs):
        super().__init__(*args, **kwargs)
        purpose = self.fields["purpose"]
        purpose.choices = purposes_of(expert)
        if len(purpose.choices) == 1:
            purpose.initial = purpose.choices[0][0]
        # Any other value (another purpose, or one that does not exist) gets the form back with this message.
        message = str(NOT_HER_PURPOSE) % {"name": expert.title}
        purpose.error_messages["invalid_choice"] = message.replace("%", "%%")


class TestimonialPageForm(LocaleChoicesPageForm):
    """Publishing a role model (or asking moderators to) needs her recorded consent; saving a draft does not."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = bool(self.data.get("action-publish") or self.data.get("action-submit"))
        if publishing and not cleaned_data.get("consent_date") and "consent_date" not in self.errors:
            self.add_error("consent_date", CONSENT_REQUIRED)
        return cleaned_data
