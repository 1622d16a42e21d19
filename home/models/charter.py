"""The 'Women in Digital' charter (seed 003: "encouraging organisations to sign the 'Women in Digital' charter").

`CharterPage` (one per language, under the home page) shows the charter's commitments (`CharterCommitment`,
translated with the page; each keeps a `key` that is the same in every language) and lists the approved
signatories through the listing engine (home/charter_listing.py). Its routes (home/charter_views.py): the
listing, `sign/` (the form), `confirm/<token>/` and `withdraw/<token>/`.

A `Signatory` is stored as soon as the form is sent (status "unconfirmed") and its confirmation e-mail goes
out through the task worker (EmailDeliveryMixin). The signed link of that e-mail (`confirmation_token()`,
valid CONFIRMATION_HOURS) makes it "to review" and tells the editors; an editor approves or rejects it in the
admin (home/charter_admin.py); an approved signatory is listed on the charter page in every language, and is
told so. The withdrawal link (`withdrawal_token()`, no expiry) makes it "withdrawn": off the list for good."""

import uuid
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin

from bdt_site import content_version
from home.api_fields import ChoiceField, CommitmentsField, FileImageField, OrganisationField, TermField
from home.blocks import BodyStreamBlock
from home.fields import optional_link, synchronized, translatable
from home.visibility import is_public, public_pages

from .delivery import EmailDeliveryMixin
from .pages import IndexPage

CONFIRMATION_HOURS = 48
CONFIRM_SALT = "home.charter.confirm"
WITHDRAW_SALT = "home.charter.withdraw"


class CharterPage(IndexPage):
    """The charter of one language: its text, its commitments, the form to sign it and the signatories."""

    listing_view = "home.charter_views.listing"
    per_page = 24

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    sign_introduction = models.TextField(
        _("introduction of the form"),
        blank=True,
        max_length=600,
        help_text=_("Shown above the form to sign the charter."),
    )

    content_panels = [
        *IndexPage.content_panels,
        FieldPanel("body"),
        InlinePanel("commitments", label=_("Commitments"), min_num=1),
        FieldPanel("sign_introduction"),
    ]
    override_translatable_fields = [
        *IndexPage.override_translatable_fields,
        *translatable("body", "commitments", "sign_introduction"),
    ]

    class Meta:
        verbose_name = _("charter page")
        verbose_name_plural = _("charter pages")

    @path("sign/", name="sign")
    def sign(self, request):
        return import_string("home.charter_views.sign")(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        return import_string("home.charter_views.confirm")(request, self, token)

    @path("withdraw/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        return import_string("home.charter_views.withdraw")(request, self, token)

    def commitment_choices(self):
        """[(key, title)] of this page's commitments, in their order."""
        return [(commitment.key, commitment.title) for commitment in self.commitments.all()]


class CharterCommitment(TranslatableMixin, Orderable):
    """One commitment of the charter; translated with its page, its `key` the same in every language (what a
    signatory's choice records)."""

    page = ParentalKey(CharterPage, on_delete=models.CASCADE, related_name="commitments")
    key = models.SlugField(
        _("key"), max_length=50, help_text=_("Stable identifier, the same in every language.")
    )
    title = models.CharField(_("commitment"), max_length=200)
    description = models.TextField(_("what it means"), blank=True, max_length=600)

    panels = [FieldPanel("key"), FieldPanel("title"), FieldPanel("description")]
    override_translatable_fields = [*synchronized("key"), *translatable("title", "description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.title


class SignatorySector(models.TextChoices):
    """The sectors the strategy calls on (seed 003: "governments, education networks, the private sector,
    civil society, media, academic sector")."""

    PUBLIC = "public", _("Public authority or service")
    PRIVATE = "private", _("Company")
    EDUCATION = "education", _("Education and research")
    CIVIL_SOCIETY = "civil_society", _("Non-profit and civil society")
    MEDIA = "media", _("Media")


class SignatoryStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the e-mail confirmation")
    TO_REVIEW = "to_review", _("To review")
    APPROVED = "approved", _("Approved (listed)")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def logo_path(instance, filename):
    """An unguessable name, so that a logo not yet approved cannot be found by its organisation's name."""
    extension = PurePath(filename).suffix.lower()[:8]
    return f"charter/logos/{uuid.uuid4().hex}{extension}"


class Signatory(EmailDeliveryMixin, models.Model):
    """An organisation that signed the charter (a record, not content: editors approve it in the admin)."""

    organisation_name = models.CharField(_("organisation"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=SignatorySector.choices)
    region = optional_link("home.Region", _("region"))
    contact_name = models.CharField(_("contact person"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    logo = models.ImageField(
        _("logo"), upload_to=logo_path, blank=True, width_field="logo_width", height_field="logo_height"
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(_("text alternative of the logo"), max_length=200, blank=True)
    commitments = models.JSONField(_("commitments"), default=list, blank=True)
    statement = models.TextField(_("statement"), max_length=600, blank=True)
    language = models.CharField(_("language"), max_length=8)
    page = models.ForeignKey(
        CharterPage,
        verbose_name=_("signed on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = optional_link(
        "home.Organisation",
        _("matching organisation"),
        help_text=_("When set, the listing links to this organisation's trainings, events and initiatives."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SignatoryStatus.choices, default=SignatoryStatus.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    # What the read API shows of a listed signatory: never the contact person nor the address.
    api_fields = [
        APIField("organisation_name"),
        APIField("sector", serializer=ChoiceField()),
        APIField("region", serializer=TermField()),
        APIField("statement"),
        APIField("logo", serializer=FileImageField(alt_field="logo_alt")),
        APIField("commitments", serializer=CommitmentsField()),
        APIField("organisation", serializer=OrganisationField()),
        APIField("signed_on"),
    ]

    class Meta:
        verbose_name = _("charter signatory")
        verbose_name_plural = _("charter signatories")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "organisation_name"], name="signatory_status_name")]

    def __str__(self):
        return self.organisation_name

    def save(self, *args, **kwargs):
        """Saved; what visitors see is made stale only when the signatory is or was listed (the charter pages,
        the count on the home page): a signature sent by a visitor empties no cache."""
        super().save(*args, **kwargs)
        if SignatoryStatus.APPROVED in {self.status, getattr(self, "_loaded_status", None)}:
            content_version.bump()
        self._loaded_status = self.status

    def delete(self, *args, **kwargs):
        listed = self.status == SignatoryStatus.APPROVED
        result = super().delete(*args, **kwargs)
        if listed:
            content_version.bump()
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    @classmethod
    def listed(cls):
        """The signatories shown on the charter pages: the approved ones."""
        return cls.objects.filter(status=SignatoryStatus.APPROVED)

    @property
    def signed_on(self):
        """The day the form was sent."""
        return timezone.localtime(self.created_at).date() if self.created_at else None

    # -- signed links ---------------------------------------------------------------------------------
    # A token is Django's signed value with "-" for ":" (Wagtail serves paths of letters, digits, "-" and "_"
    # only): the id and the time stamp hold no "-", so the first one or two "-" are the separators.
    def confirmation_token(self):
        return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(self.pk)).replace(":", "-")

    def withdrawal_token(self):
        return signing.Signer(salt=WITHDRAW_SALT).sign(str(self.pk)).replace(":", "-")

    @classmethod
    def from_confirmation_token(cls, token):
        """The signatory of a confirmation link; signing.SignatureExpired once CONFIRMATION_HOURS have
        passed, signing.BadSignature for a link that was not made here, None when it no longer exists."""
        pk = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            ":".join(token.split("-", 2)), max_age=timedelta(hours=CONFIRMATION_HOURS)
        )
        return cls.objects.filter(pk=pk).first()

    @classmethod
    def from_withdrawal_token(cls, token):
        """The signatory of a withdrawal link (signing.BadSignature for a link not made here)."""
        pk = signing.Signer(salt=WITHDRAW_SALT).unsign(":".join(token.split("-", 1)))
        return cls.objects.filter(pk=pk).first()

    def page_in_language(self):
        """The charter page of the signatory's language (the one she signed on, else any public one)."""
        if self.page is not None and is_public(self.page):
            return self.page
        pages = public_pages(CharterPage.objects.order_by("path"))
        return pages.filter(locale__language_code=self.language).first() or pages.first()

    def link(self, route, token):
        page = self.page_in_language()
        if page is None:
            return ""
        return page.get_full_url() + page.reverse_subpage(route, args=[token])

    # -- moving on ------------------------------------------------------------------------------------
    def _move(self, status, stamp, *, mail=True):
        """Change the status (and its time) and hand the e-mails of the new status to the task worker."""
        self.status = status
        setattr(self, stamp, timezone.now())
        self.save(update_fields=["status", stamp])
        if mail:
            self.queue_delivery(again=True)

    def confirm(self):
        """The e-mail confirmation: into the editors' queue (they are told). False when it cannot be."""
        if self.status != SignatoryStatus.UNCONFIRMED:
            return False
        self._move(SignatoryStatus.TO_REVIEW, "confirmed_at")
        return True

    def approve(self):
        self._move(SignatoryStatus.APPROVED, "reviewed_at")

    def reject(self):
        self._move(SignatoryStatus.REJECTED, "reviewed_at", mail=False)

    def withdraw(self):
        """Off the list for good; the logo file is deleted (it was only kept to be shown)."""
        if self.status == SignatoryStatus.WITHDRAWN:
            return False
        if self.logo:
            self.logo.delete(save=False)
            self.logo_alt = ""
            self.save(update_fields=["logo", "logo_width", "logo_height", "logo_alt"])
        self._move(SignatoryStatus.WITHDRAWN, "withdrawn_at", mail=False)
        return True

    def clean(self):
        """An editor approves only what the signatory confirmed; a withdrawn signature stays withdrawn."""
        super().clean()
        previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if previous == SignatoryStatus.WITHDRAWN and self.status != SignatoryStatus.WITHDRAWN:
            raise ValidationError(
                {"status": _("The organisation withdrew this signature: it cannot be listed again.")}
            )
        if self.status == SignatoryStatus.APPROVED and self.confirmed_at is None:
            raise ValidationError({"status": _("This signature has not been confirmed by e-mail yet.")})

    def reviewed(self, previous_status):
        """After an editor saved a new status: the time of the review, the withdrawal of the logo, and the
        e-mail telling the signatory her organisation is listed."""
        if self.status == previous_status:
            return
        if self.status == SignatoryStatus.WITHDRAWN:
            self.status = previous_status
            self.withdraw()
        elif self.status == SignatoryStatus.APPROVED:
            self.approve()
        elif self.status == SignatoryStatus.REJECTED:
            self.reject()

    # -- e-mails (EmailDeliveryMixin) ------------------------------------------------------------------
    def commitment_titles(self):
        """The titles of the commitments she chose, from the charter page of her language."""
        page = self.page_in_language()
        titles = dict(page.commitment_choices()) if page else {}
        return [titles[key] for key in self.commitments if key in titles]

    def delivery_messages(self):
        """To the signatory: the confirmation link (and the withdrawal link) at once; a note when her
        signature is published. To the editors: a signature to review, once confirmed. Each in the
        signatory's language (the editors' too: it quotes what she wrote)."""
        from django.core.mail import EmailMessage
        from django.template.loader import render_to_string
        from django.urls import reverse
        from django.utils import translation

        from home.text import one_line

        with translation.override(self.language or settings.LANGUAGE_CODE):
            page = self.page_in_language()
            context = {
                "signatory": self,
                "confirm_url": self.link("confirm", self.confirmation_token()),
                "withdraw_url": self.link("withdraw", self.withdrawal_token()),
                "page_url": page.get_full_url() if page else "",
                "hours": CONFIRMATION_HOURS,
                "commitments": self.commitment_titles(),
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("charter_signatories:edit", args=[self.pk]),
            }

            def message(name, to, **kwargs):
                subject = one_line(render_to_string(f"home/charter_email/{name}_subject.txt", context))
                body = render_to_string(f"home/charter_email/{name}_body.txt", context)
                return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, **kwargs)

            messages = {"confirm": message("confirm", [self.email], reply_to=list(settings.EDITORS_EMAIL))}
            if self.confirmed_at:
                messages["editors"] = message("editors", list(settings.EDITORS_EMAIL), reply_to=[self.email])
            if self.status == SignatoryStatus.APPROVED:
                messages["published"] = message(
                    "published", [self.email], reply_to=list(settings.EDITORS_EMAIL)
                )
        return messages
