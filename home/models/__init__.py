from .charter import CharterCommitment, CharterPage, Signatory, SignatorySector, SignatoryStatus
from .contact import ContactMessage, ContactPage, ContactTopic
from .delivery import DeliveryStatus, EmailDeliveryMixin
from .figures import FigureArea, FigureTheme, FigureUnit, KeyFigure, KeyFiguresPage, KeyFigureValue
from .organisations import Organisation, OrganisationKind
from .pages import HomePage, StandardPage
from .settings import SiteLinks
from .taxonomies import (
    CompetenceArea,
    Format,
    Level,
    Region,
    StrategicObjective,
    TargetGroup,
    TaxonomyTerm,
    localized_terms,
)

__all__ = [
    "CharterCommitment",
    "CharterPage",
    "Signatory",
    "SignatorySector",
    "SignatoryStatus",
    "CompetenceArea",
    "ContactMessage",
    "ContactPage",
    "ContactTopic",
    "DeliveryStatus",
    "EmailDeliveryMixin",
    "FigureArea",
    "FigureTheme",
    "FigureUnit",
    "Format",
    "HomePage",
    "KeyFigure",
    "KeyFigureValue",
    "KeyFiguresPage",
    "Level",
    "Organisation",
    "OrganisationKind",
    "Region",
    "SiteLinks",
    "StandardPage",
    "StrategicObjective",
    "TargetGroup",
    "TaxonomyTerm",
    "localized_terms",
]
