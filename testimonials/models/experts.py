"""Women experts who join the directory themselves (issue 16).

An `ExpertSignup` is what she typed in the public sign-up form, stored before anything else happens, with the
version of the consent text she agreed to and when. Only once she confirms her address (the signed link of the
first e-mail) does it become a draft role model in her language, submitted to moderation (testimonials.experts).
Every e-mail she or the editors get is an `ExpertNotice`, sent by the task worker (EmailDeliveryMixin). When she
deletes her profile, an `ExpertDeletion` row records that it happened (the page id and the date, nothing else)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.fields import LanguagesField, optional_link
from home.languages import language_choices
from home.models.delivery import EmailDeliveryMixin
from home.text import one_line
from home.visibility import public_pages

from .. import tokens
from .pages import Sector

# The version of the consent text of the sign-up form (CONSENT_TEXT): change it whenever the text changes, so
# that each sign-up records which text she agreed to.
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "I agree that Be Digital Together publishes this profile and my portrait in the directory of women "
    "experts, and forwards to me the messages sent through the site. I can change, pause or delete my profile "
    "at any time through the links in the e-mails I receive."
)


# What she is open to, as the profile form names it, and the field of a sign-up or role model that records it.
OPEN_TO_FIELDS = [
    ("mentoring", "open_to_mentoring"),
    ("speaking", "open_to_speaking"),
    ("media", "open_to_media"),
]


def open_to_of(obj):
    """["mentoring", "speaking", ...]: what the sign-up or role model `obj` is open to."""
    return [key for key, field in OPEN_TO_FIELDS if getattr(obj, field)]


def set_open_to(obj, chosen):
    for key, field in OPEN_TO_FIELDS:
        setattr(obj, field, key in chosen)


class ExpertSignup(models.Model):
    """A woman expert's sign-up: what she typed, her consent, and once confirmed the draft page made of it."""

    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    job_title = models.CharField(_("job title"), max_length=150)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    employer = optional_link("home.Organisation", _("employer"))
    employer_name = models.CharField(
        _("employer (as she typed it)"),
        max_length=200,
        blank=True,
        help_text=_("When it is not an organisation of the site, the editors may add it."),
    )
    region = optional_link("home.Region", _("region"))
    languages = LanguagesField(_("languages she speaks"))
    competence_areas = models.ManyToManyField(
        "home.CompetenceArea", verbose_name=_("competence areas"), blank=True, related_name="+"
    )
    topics = models.JSONField(_("expertise topics"), default=list, blank=True)
    open_to_mentoring = models.BooleanField(_("open to mentoring"), default=False)
    open_to_speaking = models.BooleanField(_("open to speaking at events"), default=False)
    open_to_media = models.BooleanField(_("open to media requests"), default=False)
    bio = models.TextField(_("short bio"), max_length=400)
    portrait = optional_link("wagtailimages.Image", _("portrait"))
    portrait_alt_text = models.CharField(_("portrait alt text"), max_length=250, blank=True)
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    page = optional_link("testimonials.TestimonialPage", _("role model page"), related_name="signups")

    class Meta:
        verbose_name = _("expert sign-up")
        verbose_name_plural = _("expert sign-ups")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.created_at:%Y-%m-%d})" if self.created_at else self.name

    def index_page(self):
        """The public role-model index of her language (where her page goes and her links point), else any."""
        from .pages import TestimonialIndexPage

        indexes = public_pages(TestimonialIndexPage.objects.order_by("pk"))
        return indexes.filter(locale__language_code=self.language).first() or indexes.first()

    def route_url(self, name, *args):
        index = self.index_page()
        return index.get_full_url() + index.reverse_subpage(name, args=args) if index else ""

    def confirm_url(self):
        return self.route_url("expert_confirm", tokens.confirmation_token(self))

    def profile_url(self):
        """Her self-service link (edit, pause, download, delete), once her page exists."""
        return self.route_url("expert_profile", tokens.profile_token(self.page_id)) if self.page_id else ""


class NoticeKind(models.TextChoices):
    CONFIRM = "confirm", _("Link to confirm the sign-up")
    RECEIVED = "received", _("Sign-up confirmed, in moderation")
    CHANGES_RECEIVED = "changes_received", _("Changes received, in moderation")
    PUBLISHED = "published", _("Profile published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    LINK = "link", _("Link to manage the profile")


SUBJECTS = {
    NoticeKind.CONFIRM: _("Please confirm your sign-up to the directory of women experts"),
    NoticeKind.RECEIVED: _("We received your profile: our editors will review it"),
    NoticeKind.CHANGES_RECEIVED: _("We received the changes to your profile"),
    NoticeKind.PUBLISHED: _("Your profile is published in the directory of women experts"),
    NoticeKind.CHANGES_REQUESTED: _("Our editors ask you to change your profile"),
    NoticeKind.LINK: _("Your link to manage your profile"),
}


class ExpertNotice(EmailDeliveryMixin, models.Model):
    """An e-mail about her sign-up, in her language (the confirmation link, then each step of moderation, or
    a fresh self-service link); a confirmed sign-up also tells the editors."""

    signup = models.ForeignKey(
        ExpertSignup, verbose_name=_("expert sign-up"), on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("notice"), max_length=20, choices=NoticeKind.choices)
    comment = models.TextField(_("moderator's comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert notice")
        verbose_name_plural = _("expert notices")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.signup_id} · {self.get_kind_display()}"

    @classmethod
    def send(cls, signup, kind, comment=""):
        notice = cls.objects.create(signup=signup, kind=kind, comment=comment)
        notice.queue_delivery()  # the task worker sends it
        return notice

    def delivery_messages(self):
        signup = self.signup
        page = signup.page.specific if signup.page_id else None
        context = {
            "signup": signup,
            "notice": self,
            "confirm_url": signup.confirm_url() if self.kind == NoticeKind.CONFIRM else "",
            "profile_url": signup.profile_url(),
            "link_url": signup.route_url("expert_link"),
            "public_url": page.get_full_url() if page is not None and page.live else "",
            "hours": tokens.CONFIRM_MAX_AGE // 3600,
            "days": tokens.PROFILE_MAX_AGE // 86400,
        }
        with translation.override(signup.language):
            messages = {
                "expert": EmailMessage(
                    subject=one_line(gettext(SUBJECTS[self.kind])),
                    body=render_to_string(f"testimonials/email/expert_{self.kind}.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[signup.email],
                    reply_to=list(settings.EDITORS_EMAIL),
                )
            }
        if self.kind in {NoticeKind.RECEIVED, NoticeKind.CHANGES_RECEIVED} and page is not None:
            context["admin_url"] = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "wagtailadmin_pages:edit", args=[page.pk]
            )
            with translation.override(settings.LANGUAGE_CODE):
                messages["editors"] = EmailMessage(
                    subject=one_line(gettext("Expert profile to review: %(name)s") % {"name": page.title}),
                    body=render_to_string("testimonials/email/expert_editors.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=list(settings.EDITORS_EMAIL),
                )
        return messages


class ExpertDeletion(models.Model):
    """That an expert deleted her profile: the id her page had and when, without any personal data."""

    page_id = models.PositiveIntegerField(_("page id"))
    deleted_at = models.DateTimeField(_("deleted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert profile deletion")
        verbose_name_plural = _("expert profile deletions")
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"{self.page_id} · {self.deleted_at:%Y-%m-%d}"
