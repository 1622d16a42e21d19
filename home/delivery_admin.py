"""Admin side of EmailDeliveryMixin: a "Resend e-mails" action for a stored request whose e-mails failed after
every try.

`ResendDeliveryViewSetMixin` goes before ModelViewSet (or SnippetViewSet) in a viewset of an
EmailDeliveryMixin model. It adds the confirmation view (`…/resend/<pk>/`: GET asks, POST hands the e-mails
not sent yet to the task worker again, for a fresh series of tries, and tells what became of them) and a button
in the listing's row menu and on the inspect page, for those with the "change" permission on the model, while
the delivery status is "failed" (a queued one is still being tried, a sent one is done)."""

from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from home.models.delivery import DeliveryStatus

RESEND_LABEL = _("Resend e-mails")
QUEUED_MESSAGE = _("The e-mails of “%(object)s” are queued; they will be sent in the background.")


class ResendDeliveryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseOperationView):
    permission_required = "change"
    template_name = "home/admin/confirm_resend.html"
    page_title = RESEND_LABEL
    header_icon = "mail"
    model = None
    index_url_name = None
    inspect_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {"url": reverse(self.index_url_name), "label": capfirst(self.model._meta.verbose_name_plural)}
            )
        items.append({"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()})
        return [*self.breadcrumbs_items, *items]

    def get_success_url(self):
        if self.next_url:
            return self.next_url
        if self.inspect_url_name:
            return reverse(self.inspect_url_name, args=(quote(self.object.pk),))
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "confirmation": _("Send the e-mails of “%(object)s” again, to the same recipients as before?")
                % {"object": self.object},
                "resend_url": self.request.get_full_path(),
                "cancel_url": self.get_success_url(),
            }
        )
        return context

    def get(self, request, *args, **kwargs):
        if self.object.delivery_status != DeliveryStatus.FAILED:
            return self._not_failed()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        # Only one of two clicks (or of two editors) turns "failed" into "queued": one series of tries.
        claimed = (
            self.get_base_object_queryset()
            .filter(pk=self.object.pk, delivery_status=DeliveryStatus.FAILED)
            .update(delivery_status=DeliveryStatus.QUEUED)
        )
        if not claimed:
            self.object.refresh_from_db()
            return self._not_failed()
        self.object.queue_delivery(again=True)
        self.object.refresh_from_db()  # the worker may have sent them already (or at once, without a worker)
        names = {"object": self.object}
        if self.object.delivery_status == DeliveryStatus.SENT:
            messages.success(request, _("The e-mails of “%(object)s” have been sent.") % names)
        elif self.object.delivery_status == DeliveryStatus.FAILED:
            messages.error(
                request,
                _("Sending the e-mails of “%(object)s” failed again; the error has been recorded.") % names,
            )
        else:
            messages.success(request, QUEUED_MESSAGE % names)
        return redirect(self.get_success_url())

    def _not_failed(self):
        names = {"object": self.object}
        if self.object.delivery_status == DeliveryStatus.SENT:
            messages.info(self.request, _("The e-mails of “%(object)s” were already sent.") % names)
        else:
            messages.info(self.request, QUEUED_MESSAGE % names)
        return redirect(self.get_success_url())


class ResendButtonMixin:
    """For the index and inspect views of the viewset."""

    resend_url_name = None

    def get_resend_url(self, instance):
        if (
            self.resend_url_name
            and instance.delivery_status == DeliveryStatus.FAILED
            and self.user_has_permission("change")
        ):
            return reverse(self.resend_url_name, args=(quote(instance.pk),))
        return None


class ResendIndexViewMixin(ResendButtonMixin):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.get_resend_url(instance):
            buttons.append(MenuItem(RESEND_LABEL, url=url, icon_name="mail", priority=15))
        return buttons


class ResendInspectViewMixin(ResendButtonMixin):
    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        if url := self.get_resend_url(self.object):
            buttons.append(Button(RESEND_LABEL, url=url, icon_name="mail", priority=15))
        return sorted(buttons)


class ResendDeliveryViewSetMixin:
    resend_view_class = ResendDeliveryView

    @cached_property
    def index_view_class(self):
        base = super().index_view_class
        return type(f"Resend{base.__name__}", (ResendIndexViewMixin, base), {})

    @cached_property
    def inspect_view_class(self):
        base = super().inspect_view_class
        return type(f"Resend{base.__name__}", (ResendInspectViewMixin, base), {})

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(resend_url_name=self.get_url_name("resend"), **kwargs)

    @property
    def resend_view(self):
        return self.construct_view(self.resend_view_class)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"resend/<{self.pk_path_converter}:pk>/", self.resend_view, name="resend"),
        ]


DELIVERY_FIELDS = ["delivery_status", "delivery_attempts", "delivery_error", "delivery_attempted_at"]


def record_panels(*names):
    """Read-only panels of a stored request (nobody edits what a visitor sent): the fields `names`, then how
    its e-mails went."""
    return [FieldPanel(name, read_only=True) for name in [*names, *DELIVERY_FIELDS]]
