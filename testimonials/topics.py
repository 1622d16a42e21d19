"""Merging the expertise topics the experts typed (free tags, in any language) into one (issue 16, point 5).

The tags of a role model live in three places: the page's own rows (what the published version shows), its
revisions (the draft in moderation, and the history a page can be reverted to) and, for images, taggit's
generic rows, since every tagged model shares taggit's Tag table. `merge_topics` puts the kept tag in place of
the merged ones in all three, so that the next publish of a draft does not bring a deleted tag back, then
deletes the merged tags. It may also add a competence area (a vocabulary term) to the pages that have the kept
tag: on the page and its latest revision, in the page's language (the area's translation there)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from taggit.models import Tag, TaggedItem
from wagtail.models import Revision

from home.models import CompetenceArea

from .models import TestimonialPage, TestimonialPageTag


@dataclass
class MergeResult:
    kept: Tag
    merged: list
    pages: int


def _dedupe(ids):
    return list(dict.fromkeys(ids))


def _area_in(area, locale_id, cache):
    """The translation of the competence area `area` in the locale `locale_id` (else `area` itself)."""
    if locale_id not in cache:
        cache[locale_id] = (
            CompetenceArea.objects.filter(translation_key=area.translation_key, locale_id=locale_id).first()
            or area
        )
    return cache[locale_id]


def _revision_content(content, replace, area_id):
    """The revision content `content` with the tag ids of `replace` ({old id: new id}) replaced and, when
    `area_id`, that competence area added; None when nothing changes."""
    items = content.get("tagged_items") or []
    new_items, seen = [], set()
    for item in items:
        tag_id = replace.get(item.get("tag"), item.get("tag"))
        if tag_id in seen:
            continue
        seen.add(tag_id)
        new_items.append({**item, "tag": tag_id})
    changed = new_items != items
    content = {**content, "tagged_items": new_items}
    if area_id is not None:
        areas = content.get("competence_areas") or []
        if area_id not in areas:
            content["competence_areas"] = [*areas, area_id]
            changed = True
    return content if changed else None


@transaction.atomic
def merge_topics(tags, into, area=None):
    """Merge the tags `tags` into the tag named `into` (an existing tag of that name, whatever its case, or a new
    one) on every role model, its revisions and any other tagged object, and delete them; with `area` (a
    CompetenceArea), add it to the role models that have the kept tag."""
    name = into.strip()
    kept = Tag.objects.filter(name__iexact=name).order_by("pk").first() or Tag.objects.create(name=name)
    merged = [tag for tag in tags if tag.pk != kept.pk]
    replace = {tag.pk: kept.pk for tag in merged}
    wanted = set(replace) | ({kept.pk} if area is not None else set())

    page_ids = set(
        TestimonialPageTag.objects.filter(tag_id__in=wanted).values_list("content_object_id", flat=True)
    )
    revisions = Revision.objects.filter(content_type=ContentType.objects.get_for_model(TestimonialPage))
    latest_ids = set(TestimonialPage.objects.values_list("latest_revision_id", flat=True))
    touched = []
    for revision in revisions.only("pk", "object_id", "content"):
        tag_ids = {item.get("tag") for item in revision.content.get("tagged_items") or []}
        if tag_ids & wanted:
            touched.append(revision)
            if revision.pk in latest_ids:
                page_ids.add(int(revision.object_id))

    areas = {}
    pages = TestimonialPage.objects.filter(pk__in=page_ids).prefetch_related("competence_areas")
    for page in pages:
        own = list(page.expertise_tags.all())
        new_tags = list({replace.get(tag.pk, tag.pk): tag for tag in own}.keys())
        changed = new_tags != [tag.pk for tag in own]
        if changed:
            page.expertise_tags.set(Tag.objects.filter(pk__in=new_tags))
        term = _area_in(area, page.locale_id, areas) if area is not None and kept.pk in new_tags else None
        if term is not None and term not in page.competence_areas.all():
            page.competence_areas = [*page.competence_areas.all(), term]
            changed = True
        if changed:
            page.save(clean=False)  # the published version, as it is; the search index is updated with it

    page_locales = dict(TestimonialPage.objects.filter(pk__in=page_ids).values_list("pk", "locale_id"))
    for revision in touched:
        page_id = int(revision.object_id)
        tag_ids = {replace.get(item.get("tag"), item.get("tag")) for item in revision.content["tagged_items"]}
        area_id = None
        if area is not None and revision.pk in latest_ids and kept.pk in tag_ids and page_id in page_locales:
            area_id = _area_in(area, page_locales[page_id], areas).pk
        content = _revision_content(revision.content, replace, area_id)
        if content is not None:
            revision.content = content
            revision.save(update_fields=["content"])

    # Images and documents share taggit's tags: they keep theirs under the kept name.
    for item in TaggedItem.objects.filter(tag_id__in=replace):
        same = TaggedItem.objects.filter(content_type_id=item.content_type_id, object_id=item.object_id)
        if same.filter(tag=kept).exists():
            item.delete()
        else:
            item.tag = kept
            item.save(update_fields=["tag"])
    Tag.objects.filter(pk__in=replace).delete()
    return MergeResult(kept=kept, merged=merged, pages=len(page_ids))
