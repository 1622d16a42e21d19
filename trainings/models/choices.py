from django.db import models
from django.utils.translation import gettext_lazy as _


class Facility(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    HEARING_LOOP = "hearing-loop", _("Hearing loop")
    CHILDCARE = "childcare", _("Childcare")
    JOBSEEKERS = "jobseekers", _("Open to jobseekers (eligible for support)")
    SIGN_LANGUAGE = "sign-language", _("Sign language interpretation")
    ADAPTED_MATERIALS = "adapted-materials", _("Screen-reader friendly materials")


class InitiativeKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    CAMPAIGN = "campaign", _("Campaign")
    NETWORK = "network", _("Network")
    GOOD_PRACTICE = "good-practice", _("Good practice")


class FundingType(models.TextChoices):
    PUBLIC = "public", _("Public funding")
    EUROPEAN = "european", _("European funding (e.g. ESF)")
    PRIVATE = "private", _("Private funding")
    MIXED = "mixed", _("Mixed public and private funding")


class TimelineStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    IMPLEMENTATION = "implementation", _("Implementation")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")
