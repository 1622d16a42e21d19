from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import HoneypotFormMixin, PlainTextField

from .models import ContactPurpose, ContactRequest


class ContactExpertForm(HoneypotFormMixin, forms.ModelForm):
    """Contact an expert of the directory; her e-mail address is never shown."""

    name = PlainTextField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
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
