"""What happens to an expert's sign-up and profile (the views call these): her confirmed sign-up becomes a draft
role model in her language, submitted to moderation; her changes become new revisions submitted the same way;
she can pause her profile, download everything the site holds about her, and delete it all."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, PageLogEntry, Revision

from .models import (
    ContactRequest,
    ExpertDeletion,
    ExpertNotice,
    ExpertSignup,
    NoticeKind,
    TestimonialPage,
    open_to_of,
    set_open_to,
)
from .moderation import submit_for_moderation

logger = logging.getLogger(__name__)

PORTRAITS_COLLECTION = "Expert portraits"

# The fields of her page that hold data about her, as exported from each revision.
PERSONAL_FIELDS = [
    "title",
    "slug",
    "introduction",
    "job_title",
    "employer",
    "sector",
    "region",
    "pull_quote",
    "story",
    "career_steps",
    "portrait",
    "portrait_alt_text",
    "competence_areas",
    "target_groups",
    "tagged_items",
    "open_to_mentoring",
    "open_to_speaking",
    "open_to_media",
    "languages",
    "contact_email",
    "consent_date",
]


# -- portraits --------------------------------------------------------------------------------------------
def portraits_collection():
    collection = Collection.objects.filter(name=PORTRAITS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PORTRAITS_COLLECTION)
    return collection


def store_portrait(upload, name):
    """A Wagtail image of her uploaded portrait (already checked by VerifiedImageField), in the experts'
    collection: so that deleting her profile only ever deletes images she uploaded."""
    image = get_image_model()(title=name, collection=portraits_collection())
    image.file = upload
    image._set_image_file_metadata()
    image.save()
    return image


def forget_portrait(sender, instance, **kwargs):
    """post_delete of an ExpertSignup (with her profile, or an unconfirmed one purged): the portrait she uploaded
    goes too, with its renditions, unless a page shows it."""
    if instance.portrait_id and not TestimonialPage.objects.filter(portrait_id=instance.portrait_id).exists():
        get_image_model().objects.filter(
            pk=instance.portrait_id, collection__name=PORTRAITS_COLLECTION
        ).delete()


def forget_signups(sender, instance, **kwargs):
    """pre_delete of a role model (an editor deleting it in the admin): the sign-ups it was made from go too,
    rather than stay behind with her address."""
    ExpertSignup.objects.filter(page_id=instance.pk).delete()


# -- the page -------------------------------------------------------------------------------------------
def apply_profile(page, profile):
    """Copy `profile` (the cleaned data of the sign-up or profile form) onto `page` (not saved)."""
    page.title = profile["name"]
    page.draft_title = profile["name"]
    page.job_title = profile["job_title"]
    page.sector = profile["sector"]
    page.employer = profile.get("employer")
    page.region = profile.get("region")
    page.languages = profile["languages"]
    page.competence_areas = list(profile.get("competence_areas") or [])
    page.expertise_tags.set(profile.get("topics") or [])
    set_open_to(page, profile["open_to"])
    page.introduction = profile["bio"]
    if profile.get("portrait_image") is not None:
        page.portrait = profile["portrait_image"]
    elif profile.get("remove_portrait"):
        page.portrait = None
    page.portrait_alt_text = profile.get("portrait_alt_text", "") if page.portrait_id else ""


def unique_slug(index, name):
    base = slugify(name, allow_unicode=True)[:70].strip("-") or "expert"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def signup_profile(signup):
    return {
        "name": signup.name,
        "job_title": signup.job_title,
        "sector": signup.sector,
        "employer": signup.employer,
        "region": signup.region,
        "languages": signup.languages,
        "competence_areas": list(signup.competence_areas.all()),
        "topics": signup.topics,
        "open_to": open_to_of(signup),
        "bio": signup.bio,
        "portrait_image": signup.portrait,
        "portrait_alt_text": signup.portrait_alt_text,
    }


def confirm(signup):
    """Her address is confirmed: a draft role model under the index of her language, with her consent date
    and address, submitted to moderation; she and the editors are told. Nothing if it was done already."""
    with transaction.atomic():
        signup = ExpertSignup.objects.select_for_update().get(pk=signup.pk)
        if signup.confirmed_at is not None:
            return signup, False
        index = signup.index_page()
        page = TestimonialPage(
            slug=unique_slug(index, signup.name),
            locale=index.locale,
            live=False,
            has_unpublished_changes=True,
            consent_date=timezone.localdate(signup.consented_at),
            contact_email=signup.email,
        )
        apply_profile(page, signup_profile(signup))
        index.add_child(instance=page)
        page.save_revision(log_action=True)
        submit_for_moderation(page)
        signup.page = page
        signup.confirmed_at = timezone.now()
        signup.save(update_fields=["page", "confirmed_at"])
    ExpertNotice.send(signup, NoticeKind.RECEIVED)
    return signup, True


def update_profile(page, signup, profile):
    """Her changes: a new revision of her page, submitted to moderation (the published version stays as it is
    until a moderator approves); she and the editors are told."""
    with transaction.atomic():
        draft = page.get_latest_revision_as_object()
        apply_profile(draft, profile)
        draft.save_revision(log_action=True)
        submit_for_moderation(page)
    ExpertNotice.send(signup, NoticeKind.CHANGES_RECEIVED)


def her_pages(page):
    """Her page and any translation the editors made of it."""
    return TestimonialPage.objects.filter(translation_key=page.translation_key)


def pause(page):
    """Her profile off the site (and out of the directory) in every language, until she resumes it."""
    for live_page in her_pages(page).filter(live=True):
        live_page.unpublish(log_action=True)


def resume(page):
    """A paused profile goes back online once a moderator has approved it again."""
    if not page.live and page.current_workflow_state is None:
        submit_for_moderation(page)


# -- her data ---------------------------------------------------------------------------------------------
def _iso(value):
    return value.isoformat() if value else None


def _page_fields(page):
    page = page.specific
    return {
        "title": page.title,
        "job_title": page.job_title,
        "sector": page.sector,
        "employer": page.employer.name if page.employer_id else None,
        "region": page.region.name if page.region_id else None,
        "languages": page.languages,
        "competence_areas": [term.name for term in page.competence_areas.all()],
        "expertise_topics": [tag.name for tag in page.expertise_tags.all()],
        "open_to_mentoring": page.open_to_mentoring,
        "open_to_speaking": page.open_to_speaking,
        "open_to_media": page.open_to_media,
        "bio": page.introduction,
        "pull_quote": page.pull_quote,
        "story": page.story.get_prep_value() if page.story else [],
        "career_steps": [
            {"year": s.year, "role": s.role, "organisation": s.organisation} for s in page.career_steps.all()
        ],
        "portrait": page.portrait.file.url if page.portrait_id else None,
        "portrait_alt_text": page.portrait_alt_text,
        "contact_email": page.contact_email,
        "consent_date": _iso(page.consent_date),
    }


def export_data(page, signup):
    """Everything the site holds about her, as a JSON-ready dict: her pages (published and draft versions),
    the personal fields of every revision, her sign-up and consent, the e-mails sent to her and the contact
    requests addressed to her."""
    pages = list(her_pages(page).select_related("locale"))
    page_ids = [p.pk for p in pages]
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]).order_by(
        "created_at"
    )
    contact_requests = ContactRequest.objects.filter(expert_id__in=page_ids).order_by("created_at")
    return {
        "exported_at": timezone.now().isoformat(),
        "pages": [
            {
                "id": p.pk,
                "language": p.locale.language_code,
                "public_url": p.get_full_url() if p.live else None,
                "published": p.live,
                "first_published_at": _iso(p.first_published_at),
                "published_version": _page_fields(p),
                "latest_version": _page_fields(p.get_latest_revision_as_object()),
            }
            for p in pages
        ],
        "revisions": [
            {
                "page_id": int(revision.object_id),
                "created_at": _iso(revision.created_at),
                "fields": {
                    name: revision.content.get(name) for name in PERSONAL_FIELDS if name in revision.content
                },
            }
            for revision in revisions
        ],
        "signup": {
            "name": signup.name,
            "email": signup.email,
            "language": signup.language,
            "job_title": signup.job_title,
            "sector": signup.sector,
            "employer": signup.employer.name if signup.employer_id else None,
            "employer_as_typed": signup.employer_name,
            "region": signup.region.name if signup.region_id else None,
            "languages": signup.languages,
            "competence_areas": [term.name for term in signup.competence_areas.all()],
            "expertise_topics": signup.topics,
            "open_to_mentoring": signup.open_to_mentoring,
            "open_to_speaking": signup.open_to_speaking,
            "open_to_media": signup.open_to_media,
            "bio": signup.bio,
            "portrait_alt_text": signup.portrait_alt_text,
            "consent_version": signup.consent_version,
            "consented_at": _iso(signup.consented_at),
            "signed_up_at": _iso(signup.created_at),
            "confirmed_at": _iso(signup.confirmed_at),
        },
        "emails_sent_to_her": [
            {"kind": notice.kind, "created_at": _iso(notice.created_at), "comment": notice.comment}
            for notice in signup.notices.order_by("created_at")
        ],
        "contact_requests": [
            {
                "received_at": _iso(request.created_at),
                "name": request.name,
                "email": request.email,
                "organisation": request.organisation,
                "purpose": request.purpose,
                "message": request.message,
                "language": request.language,
            }
            for request in contact_requests
        ],
    }


def delete_profile(page):
    """Delete her profile and her data: her page and its translations with their revisions, moderation states,
    history and translation sources, the portraits she uploaded with their renditions (and files), her entries in the search
    index (removed with the pages), her sign-up and the e-mails sent to her; the contact requests addressed to
    her keep their date and sender, without her name or the message. Logged with the page id only."""
    from wagtail_localize.models import String, StringSegment, TranslationSource

    Image = get_image_model()
    pages = list(her_pages(page))
    page_ids = [p.pk for p in pages]
    object_ids = [str(pk) for pk in page_ids]
    revisions = Revision.page_revisions.filter(object_id__in=object_ids)
    portrait_ids = {p.portrait_id for p in pages} | {
        revision.content.get("portrait") for revision in revisions
    }
    signups = ExpertSignup.objects.filter(page_id__in=page_ids)
    portrait_ids |= set(signups.values_list("portrait_id", flat=True))
    with transaction.atomic():
        ContactRequest.objects.filter(expert_id__in=page_ids).update(message="", expert_name="")
        # What wagtail-localize extracted from her page for translation: the sources, and their strings that no
        # other page uses.
        sources = TranslationSource.objects.filter(object_id=page.translation_key)
        string_ids = list(
            StringSegment.objects.filter(source__in=sources).values_list("string_id", flat=True)
        )
        sources.delete()
        String.objects.filter(pk__in=string_ids, segments__isnull=True).delete()
        signups.delete()  # and the notices sent to her
        for each in sorted(pages, key=lambda p: p.pk, reverse=True):
            each.delete()
        revisions.delete()
        PageLogEntry.objects.filter(page_id__in=page_ids).delete()  # with Wagtail's own "deleted" entries
        Image.objects.filter(
            pk__in=[pk for pk in portrait_ids if pk], collection__name=PORTRAITS_COLLECTION
        ).delete()  # their renditions with them; the files once committed (Wagtail's signal handlers)
        ExpertDeletion.objects.create(page_id=page.pk)
    logger.info("Expert profile %s deleted at her request", page.pk)
