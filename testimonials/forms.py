from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from bdt_site.storage import MediaStorageError
from home.admin_forms import LocaleChoicesPageForm
from home.forms import HoneypotFormMixin, PlainEmailField, PlainTextField
from home.languages import language_choices
from home.models import CompetenceArea, Organisation, Region, localized_terms
from home.uploads import VerifiedImageField

from .models import CONSENT_REQUIRED, CONSENT_TEXT, ContactPurpose, ContactRequest, Sector, open_to_of

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


# -- experts who join the directory themselves (issue 16) ---------------------------------------------------
MAX_TOPICS = 10
MAX_TOPIC_LENGTH = 60


def _term_choices(model):
    return [(term.slug, term.name) for term in localized_terms(model).values()]


class ExpertProfileForm(HoneypotFormMixin, forms.Form):
    """Her profile, as she types it in the sign-up form and later in her self-service page. Terms are offered in
    the active language; `profile()` gives the cleaned data with the terms and organisation as objects."""

    name = PlainTextField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your name as it should appear in the directory.")},
    )
    job_title = PlainTextField(
        label=_("Your job"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={"required": _("Please enter your job, for example “Data analyst”.")},
    )
    employer = PlainTextField(
        label=_("Your employer (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization", "list": "expert-employers"}),
        help_text=_("Choose one of the suggested organisations or type the name of yours."),
    )
    sector = forms.ChoiceField(
        label=_("Sector you work in"),
        choices=[("", _("Choose a sector")), *Sector.choices],
        error_messages={"required": _("Please choose the sector you work in.")},
    )
    region = forms.ChoiceField(
        label=_("Region"), error_messages={"required": _("Please choose the region where you work.")}
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please tick at least one language you speak.")},
    )
    competence_areas = forms.MultipleChoiceField(
        label=_("Competence areas"), widget=forms.CheckboxSelectMultiple, required=False
    )
    topics = PlainTextField(
        label=_("Your expertise topics"),
        max_length=700,
        required=False,
        widget=forms.TextInput(attrs={"list": "expert-topics"}),
        help_text=_(
            "Your own words, in any language, separated by commas: for example “machine learning, "
            "open data, cybersécurité”. At most 10 topics."
        ),
    )
    open_to = forms.MultipleChoiceField(
        label=_("You are open to"),
        choices=[
            ("mentoring", _("Mentoring")),
            ("speaking", _("Speaking at events")),
            ("media", _("Media requests")),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please tick at least one: mentoring, speaking or media requests.")},
    )
    bio = PlainTextField(
        label=_("Short bio"),
        max_length=400,
        min_length=30,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Two or three sentences about what you do, at most 400 characters."),
        error_messages={
            "required": _("Please write a short bio."),
            "min_length": _("Please write a little more (at least %(limit_value)d characters)."),
            "max_length": _("Please shorten your bio to %(limit_value)d characters at most."),
        },
    )
    portrait = VerifiedImageField(
        label=_("Portrait (optional)"),
        required=False,
        help_text=_("A photo of you, in JPEG, PNG or WebP."),
    )
    portrait_alt_text = PlainTextField(
        label=_("Description of the portrait"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it, e.g. “Anna smiling in front of a whiteboard”."),
    )

    error_messages = {
        "no_expertise": _("Please tick a competence area or type at least one expertise topic."),
        "too_many_topics": _("Please give at most %(count)d topics."),
        "topic_too_long": _("Please shorten the topic “%(topic)s”: at most %(count)d characters."),
        "alt_text": _("Please describe your portrait for people who cannot see it."),
        "file_again": _(
            "For your security, your browser does not keep a chosen file when a form is shown again: please "
            "choose your portrait once more."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a region")), *_term_choices(Region)]
        self.fields["competence_areas"].choices = _term_choices(CompetenceArea)
        for field in self.fields.values():
            field.error_messages.setdefault("required", _("This field is required."))

    def clean_topics(self):
        topics = {}
        for topic in (self.cleaned_data.get("topics") or "").split(","):
            topic = " ".join(topic.split())
            if len(topic) > MAX_TOPIC_LENGTH:
                raise ValidationError(
                    self.error_messages["topic_too_long"]
                    % {"topic": topic[:20] + "…", "count": MAX_TOPIC_LENGTH}
                )
            if topic:
                topics.setdefault(topic.casefold(), topic)
        if len(topics) > MAX_TOPICS:
            raise ValidationError(self.error_messages["too_many_topics"] % {"count": MAX_TOPICS})
        return list(topics.values())

    def clean_portrait(self):
        upload = self.cleaned_data.get("portrait")
        if upload:
            storage = get_image_model()._meta.get_field("file").storage
            if hasattr(storage, "check_room"):
                try:
                    storage.check_room(upload.size)
                except MediaStorageError as exc:
                    raise ValidationError(exc.message, code="storage") from None
        return upload

    def has_portrait(self):
        return bool(self.cleaned_data.get("portrait"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("competence_areas") and not cleaned.get("topics") and "topics" not in self.errors:
            self.add_error("topics", self.error_messages["no_expertise"])
        if self.has_portrait() and not cleaned.get("portrait_alt_text"):
            self.add_error("portrait_alt_text", self.error_messages["alt_text"])
        if self.files.get(self.add_prefix("portrait")) and self.errors and "portrait" not in self.errors:
            self.add_error("portrait", self.error_messages["file_again"])
        return cleaned

    def profile(self, language):
        """The cleaned data with the region, competence areas and employer as the terms and organisation of
        `language` (an employer typed in free text is kept as `employer_name`)."""
        data = dict(self.cleaned_data)
        data["region"] = Region.objects.filter(slug=data["region"], locale__language_code=language).first()
        data["competence_areas"] = list(
            CompetenceArea.objects.filter(slug__in=data["competence_areas"], locale__language_code=language)
        )
        typed = data.get("employer") or ""
        organisations = (
            Organisation.objects.filter(name__iexact=typed) if typed else Organisation.objects.none()
        )
        match = organisations.filter(locale__language_code=language).first() or organisations.first()
        data["employer"] = match
        data["employer_name"] = "" if match else typed
        return data


class ExpertSignupForm(ExpertProfileForm):
    email = PlainEmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Never shown on the site: we send you a link to confirm it, and forward messages to it."),
        error_messages={
            "required": _("Please enter your e-mail address: we send you a link to confirm your sign-up."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree to the publication of your profile to sign up.")},
    )

    field_order = ["name", "email"]


class ExpertEditForm(ExpertProfileForm):
    remove_portrait = forms.BooleanField(label=_("Remove my portrait"), required=False)

    def has_portrait(self):
        return super().has_portrait() or (
            self.keeps_portrait and not self.cleaned_data.get("remove_portrait")
        )

    def __init__(self, *args, keeps_portrait=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.keeps_portrait = keeps_portrait


class ExpertLinkForm(HoneypotFormMixin, forms.Form):
    email = PlainEmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter the e-mail address you signed up with."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )


def profile_initial(page, signup):
    """The profile form's initial values from the latest version of her page."""
    return {
        "name": page.title,
        "job_title": page.job_title,
        "employer": page.employer.name if page.employer_id else signup.employer_name,
        "sector": page.sector,
        "region": page.region.slug if page.region_id else "",
        "languages": page.languages,
        "competence_areas": [term.slug for term in page.competence_areas.all()],
        "topics": ", ".join(tag.name for tag in page.expertise_tags.all()),
        "open_to": open_to_of(page),
        "bio": page.introduction,
        "portrait_alt_text": page.portrait_alt_text,
    }
