"""Demo signatories of the charter (home/demo/charter.json), loaded after the charter page exists
(`manage.py load_demo_content`): approved, each in the language it signed in, matched to the demo's
organisation when it has one. A second run changes nothing."""

from django.utils import timezone

from home.demo import read
from home.models import CharterPage, Organisation, Region, Signatory, SignatoryStatus


def load_signatories(loader):
    if Signatory.objects.exists():
        return
    now = timezone.now()
    for item in read("home", "charter")["signatories"]:
        page = CharterPage.objects.filter(locale__language_code=item["language"]).first()
        signatory = Signatory(
            organisation_name=item["organisation_name"],
            sector=item["sector"],
            region=Region.objects.filter(slug=item["region"], locale=loader.english).first(),
            contact_name="Demo",
            email="charter-demo@example.org",
            commitments=item["commitments"],
            statement=item["statement"],
            language=item["language"],
            page=page,
            organisation=Organisation.objects.filter(
                slug=item.get("organisation", ""), locale=loader.english
            ).first(),
            status=SignatoryStatus.APPROVED,
            confirmed_at=now,
            reviewed_at=now,
            delivery_status="sent",
        )
        signatory.save()
        loader.created += 1
