"""The contact page (the organisation's details and a form) and the messages sent through it.

A message is stored first, then e-mailed by the task worker (EmailDeliveryMixin): to the editors
(settings.EDITORS_EMAIL), answering to the sender, and an acknowledgement to the sender, both in the language
of the page she wrote from. `manage.py purge_personal_data` deletes messages older than
settings.CONTACT_RETENTION_DAYS (home/retention.py)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.fields import synchronized, translatable
from home.text import one_line

from .delivery import EmailDeliveryMixin
from .pages import BasePage


class ContactTopic(models.TextChoices):
    QUESTION = "question", _("A question")
    PARTNERSHIP = "partnership", _("A partnership")
    ACCESSIBILITY = "accessibility", _("An accessibility problem on this site")
    PRESS = "press", _("A press enquiry")
    OTHER = "other", _("Something else")


class ContactPage(RoutablePageMixin, BasePage):
    """The contact page of one language: the organisation's postal address, e-mail address and phone number,
    how soon it answers, and a form (home.views.contact_form). `?topic=accessibility` (any ContactTopic value)
    chooses the topic in advance, e.g. from the accessibility statement. After sending, the visitor is shown
    thanks/ with what became of the e-mails."""

    postal_address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line per line of the address.")
    )
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        help_text=_("In international form, e.g. +32 2 123 45 67."),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("answer time in working days"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Shown on the page and in the acknowledgement: “We answer within N working days”."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("contact_email"), FieldPanel("phone")],
            heading=_("Contact details"),
        ),
        FieldPanel("answer_days"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    override_translatable_fields = [
        *translatable("introduction", "postal_address", "body"),
        *synchronized("contact_email", "phone", "answer_days"),
    ]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def phone_link(self):
        """The phone number as a tel: link target (digits and a leading +), "" without a number."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}" if digits else ""

    @path("", name="form")
    def form(self, request):
        return import_string("home.views.contact_form")(request, self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return import_string("home.views.contact_thanks")(request, self)


class ContactMessage(EmailDeliveryMixin, models.Model):
    """A message sent through the contact page: stored first, then e-mailed by the task worker."""

    page = models.ForeignKey(
        ContactPage,
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    topic = models.CharField(_("topic"), max_length=16, choices=ContactTopic.choices)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("date received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} · {self.get_topic_display()}"

    @property
    def answer_days(self):
        return self.page.answer_days if self.page else ContactPage._meta.get_field("answer_days").default

    def delivery_messages(self):
        """To the editors, answering to the sender, and an acknowledgement with a copy of her message to the
        sender; both in the language she wrote in."""
        context = {"contact_message": self, "retention_days": settings.CONTACT_RETENTION_DAYS}
        with translation.override(self.language or settings.LANGUAGE_CODE):
            context["topic"] = self.get_topic_display()
            return {
                "editors": EmailMessage(
                    one_line(render_to_string("home/email/contact_editors_subject.txt", context)),
                    render_to_string("home/email/contact_editors_body.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    list(settings.EDITORS_EMAIL),
                    reply_to=[self.email],
                ),
                "sender": EmailMessage(
                    one_line(render_to_string("home/email/contact_ack_subject.txt", context)),
                    render_to_string("home/email/contact_ack_body.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    [self.email],
                    reply_to=list(settings.EDITORS_EMAIL),
                ),
            }
