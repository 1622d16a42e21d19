"""Read-only Wagtail API v2 for partners who reuse content: pages (filter by ?type= and ?locale=) and images."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from home.visibility import public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Only what an anonymous visitor may open, whoever asks (Wagtail's own view would also show a signed-in
    editor the pages her session may see)."""

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())


def public_image_ids(image_model):
    """Ids of the images that public pages refer to (through a field, a child object such as a career step, or a
    block), as found by Wagtail's reference index, which stores object ids as text."""
    page_keys = public_pages(Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_keys,
            to_content_type=ContentType.objects.get_for_model(image_model),
        )
        .annotate(image_id=Cast("to_object_id", IntegerField()))
        .values("image_id")
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only the images that public pages show, in the listing and in the detail (404 for the others): not the
    portrait of a role model kept as a draft until she consents, nor an image used only on a restricted page or
    on none. The reference index holds what a page's live content refers to (drafts stay in revisions), so an
    image leaves the API when its last public page is unpublished, restricted or stops using it."""

    def get_queryset(self):
        # On "id", which the search backends can filter on (?search= keeps working).
        return super().get_queryset().filter(id__in=public_image_ids(self.model))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
