"""The contact page's form (home.views.contact_form). Apart from home.forms, which must import before the apps
are ready (home.ratelimit, bdt_site.throttling), as this one imports models."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import HoneypotFormMixin, PlainEmailField, message_field, name_field
from home.models import ContactMessage, ContactTopic


class ContactForm(HoneypotFormMixin, forms.ModelForm):
    """A message to the editors through the contact page; stored as a home.ContactMessage."""

    name = name_field()
    email = PlainEmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We answer at this address and send you an acknowledgement."),
        error_messages={
            "required": _("Please enter your e-mail address so that we can answer you."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        error_messages={
            "required": _("Please choose a topic."),
            "invalid_choice": _("Please choose one of the listed topics."),
        },
    )
    message = message_field(min_length=10, max_length=5000)
    consent = forms.BooleanField(
        label=_(
            "I agree that my message and details are stored to answer me, as the privacy notice explains."
        ),
        error_messages={"required": _("Please agree to the privacy notice to send your message.")},
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Choose a topic")), *ContactTopic.choices]
