"""The public 'Submit your event' form: event details plus a formset of speakers (fixed extra rows, no JS)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventKind, Gender, SpeakerRole
from home.forms import HoneypotFormMixin, PlainEmailField, PlainTextField, PlainURLField
from home.languages import language_choices
from home.models import CompetenceArea, Region, TargetGroup, localized_terms

DATETIME_INPUT = "%Y-%m-%dT%H:%M"
MAX_SPEAKERS = 8


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_INPUT, **kwargs)


def _term_choices(model):
    return [(term.slug, term.name) for term in localized_terms(model).values()]


class EventSubmissionForm(HoneypotFormMixin, forms.Form):
    organisation = PlainTextField(label=_("Organisation"), max_length=200)
    contact_name = PlainTextField(label=_("Your name"), max_length=150)
    contact_email = PlainEmailField(label=_("Your e-mail address"), max_length=254)
    title = PlainTextField(label=_("Title of the event"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices)
    start = forms.DateTimeField(
        label=_("Start"),
        input_formats=[DATETIME_INPUT, "%Y-%m-%d %H:%M"],
        widget=LocalDateTimeInput(),
        help_text=_("Local time in Belgium."),
    )
    end = forms.DateTimeField(
        label=_("End"),
        input_formats=[DATETIME_INPUT, "%Y-%m-%d %H:%M"],
        widget=LocalDateTimeInput(),
        help_text=_("Local time in Belgium."),
    )
    venue_name = PlainTextField(label=_("Venue"), max_length=200, required=False)
    address = PlainTextField(
        label=_("Address"), max_length=400, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    online_url = PlainURLField(label=_("Online link"), max_length=500, required=False, assume_scheme="https")
    region = forms.ChoiceField(label=_("Region"))
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=language_choices, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), widget=forms.CheckboxSelectMultiple, required=False
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Used to suggest women experts for your panel."),
    )
    summary = PlainTextField(
        label=_("Summary"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or two sentences, at most 400 characters."),
    )
    registration_url = PlainURLField(
        label=_("Registration link"), max_length=500, required=False, assume_scheme="https"
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that you store these details to review and publish the event."
        )
    )
    confirm_imbalance = forms.BooleanField(
        label=_("Submit anyway: I understand the panel is not gender-balanced."),
        required=False,
    )

    error_messages = {
        "end_before_start": _("The end must be after the start."),
        "in_past": _("The event must start in the future."),
        "where": _("Give a venue with its address, or an online link."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a region")), *_term_choices(Region)]
        self.fields["audiences"].choices = _term_choices(TargetGroup)
        self.fields["topics"].choices = _term_choices(CompetenceArea)
        for name, field in self.fields.items():
            field.error_messages.setdefault("required", _("This field is required."))
            if name == "consent":
                field.error_messages["required"] = _("Please agree to the privacy notice to send the form.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", self.error_messages["end_before_start"])
        if start and start <= timezone.now():
            self.add_error("start", self.error_messages["in_past"])
        has_place = cleaned.get("venue_name") and cleaned.get("address")
        if not cleaned.get("online_url") and not has_place and "online_url" not in self.errors:
            self.add_error("venue_name", self.error_messages["where"])
        return cleaned


class SpeakerForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=SpeakerRole.choices, initial=SpeakerRole.PANELLIST)
    gender = forms.ChoiceField(
        label=_("Gender (optional, self-declared)"),
        choices=[("", _("Not given")), *Gender.choices],
        required=False,
    )

    def has_speaker(self):
        return bool(getattr(self, "cleaned_data", {}).get("name"))


class BaseSpeakerFormSet(forms.BaseFormSet):
    def speakers(self):
        return [
            {
                "name": form.cleaned_data["name"],
                "role": form.cleaned_data["role"],
                "gender": form.cleaned_data.get("gender", ""),
            }
            for form in self.forms
            if form.has_speaker()
        ]


SpeakerFormSet = forms.formset_factory(
    SpeakerForm,
    formset=BaseSpeakerFormSet,
    extra=5,
    max_num=MAX_SPEAKERS,
    validate_max=True,
    absolute_max=MAX_SPEAKERS,
)
