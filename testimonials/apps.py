from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = _("Role models")

    def ready(self):
        from django.db.models.signals import post_delete, pre_delete

        from .experts import forget_portrait, forget_signups
        from .models import ExpertSignup, TestimonialPage
        from .moderation import connect

        connect()  # the experts' notices of moderation (published, changes requested)
        post_delete.connect(forget_portrait, sender=ExpertSignup, dispatch_uid="testimonials-signup-portrait")
        pre_delete.connect(forget_signups, sender=TestimonialPage, dispatch_uid="testimonials-page-signups")
