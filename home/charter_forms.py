"""The public form to sign the 'Women in Digital' charter (home.charter_views.sign)."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from home.forms import HoneypotFormMixin, PlainEmailField, PlainTextField
from home.models import Region, SignatorySector, localized_terms
from home.uploads import VerifiedImageField

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 3000


class LogoField(VerifiedImageField):
    """An organisation's logo: the admin's image checks (format by content, damaged files, dimensions read
    before decoding), with a smaller limit on size and sides."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = LOGO_MAX_BYTES
        self.localise()

    def localise(self):
        """The size limit, the format error and the help text in the active language: a form's fields are made
        once, when its class is defined (in the language of the first request); its form calls this for each
        request."""
        self.max_upload_size_text = filesizeformat(LOGO_MAX_BYTES)
        self.error_messages["invalid_image_extension"] = _(
            "Not a supported image format. Supported formats: %(supported_formats)s."
        ) % {"supported_formats": self.supported_formats_text}
        self.error_messages["file_too_large_unknown_size"] = _(
            "This file is too big. Maximum filesize %(max_filesize)s."
        ) % {"max_filesize": self.max_upload_size_text}
        self.help_text = _(
            "Optional. PNG, JPEG, WEBP or GIF, at most %(size)s and %(side)s pixels a side."
        ) % {
            "size": self.max_upload_size_text,
            "side": LOGO_MAX_SIDE,
        }

    def check_dimensions(self, width, height):
        if max(width, height) > LOGO_MAX_SIDE:
            raise forms.ValidationError(
                _("This logo is %(width)s × %(height)s pixels: each side may be at most %(max_side)s pixels.")
                % {"width": width, "height": height, "max_side": LOGO_MAX_SIDE},
                code="image_too_wide_or_tall",
            )
        super().check_dimensions(width, height)


class CharterSignatureForm(HoneypotFormMixin, forms.Form):
    organisation_name = PlainTextField(label=_("Organisation"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"))
    region = forms.ChoiceField(label=_("Region"))
    contact_name = PlainTextField(label=_("Contact person"), max_length=150)
    email = PlainEmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the link to confirm the signature to this address; it is never published."),
    )
    logo = LogoField(label=_("Logo"), required=False)
    logo_alt = PlainTextField(
        label=_("Text alternative of the logo"),
        max_length=200,
        required=False,
        help_text=_("What the logo says, for people who cannot see it: usually the organisation's name."),
    )
    commitments = forms.MultipleChoiceField(
        label=_("The commitments your organisation makes"), widget=forms.CheckboxSelectMultiple
    )
    statement = PlainTextField(
        label=_("Your statement"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional: one or two sentences on why you sign, published with your name (400 characters)."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I may sign on behalf of this organisation, and I agree that you store these details to confirm "
            "the signature and publish the organisation's name, sector, region, logo and statement."
        )
    )

    def __init__(self, *args, commitments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("Choose a sector")), *SignatorySector.choices]
        self.fields["region"].choices = [
            ("", _("Choose a region")),
            *[(term.slug, term.name) for term in localized_terms(Region).values()],
        ]
        self.fields["commitments"].choices = list(commitments)
        self.fields["logo"].localise()
        for name, field in self.fields.items():
            field.error_messages.setdefault("required", _("This field is required."))
            if name == "consent":
                field.error_messages["required"] = _("Please agree to the privacy notice to send the form.")
            if name == "commitments":
                field.error_messages["required"] = _("Choose at least one commitment.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt") and "logo_alt" not in self.errors:
            self.add_error("logo_alt", _("Describe the logo for people who cannot see it."))
        return cleaned
