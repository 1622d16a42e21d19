"""Image uploads in the Wagtail admin (WAGTAILIMAGES_IMAGE_FORM_BASE): a file that is not the image it claims to
be, or an image of absurd dimensions, is a form error, never a 500 nor a worker killed by decoding it; and a full
or read-only media disk is a form error with nothing stored (bdt_site.storage for the disk itself).

Kept out of home.forms: Wagtail's image forms import models, so this module is only imported once the apps are
ready (by Wagtail, through the setting)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageSequence
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from bdt_site.storage import MediaStorageError

IMAGE_DAMAGED = _(
    "This file is not a complete, valid image: it is damaged, cut short or not in the format its name says. "
    "Please export the image again and upload the new file."
)
IMAGE_TOO_WIDE_OR_TALL = _(
    "This image is %(width)s × %(height)s pixels: each side may be at most %(max_side)s pixels. "
    "Please make it smaller and upload it again."
)
BOMB_ERRORS = (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning)


def size_from_header(data):
    """(width, height) read from the file's header, without decoding the image; None when Pillow does not know
    the file (Wagtail's own checks then refuse it, or accept an SVG)."""
    data.seek(0)
    try:
        with PILImage.open(data) as image:
            return image.size
    except BOMB_ERRORS:
        raise
    except Exception:  # noqa: BLE001 - whatever Pillow cannot identify is left to Wagtail's checks
        return None
    finally:
        data.seek(0)


def decode_fully(data):
    """Pillow's integrity check (e.g. PNG checksums), then every frame decoded: a truncated or corrupt file fails
    now, in the form, rather than in a rendition later. Only called within the size limits."""
    try:
        data.seek(0)
        with PILImage.open(data) as image:
            image.verify()
        data.seek(0)
        with PILImage.open(data) as image:
            for frame in ImageSequence.Iterator(image):
                frame.load()
    finally:
        data.seek(0)


class VerifiedImageField(WagtailImageField):
    """Wagtail's image field, plus: the dimensions are read from the header first and refused beyond
    IMAGE_MAX_SIDE pixels a side or WAGTAILIMAGES_MAX_IMAGE_PIXELS in all, before anything is decoded (Wagtail's
    own check decodes the image to learn its size); then the whole image is decoded. Any failure of the image
    libraries is the form error IMAGE_DAMAGED."""

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        try:
            size = size_from_header(data)
        except BOMB_ERRORS:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": _("unknown number"), "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from None
        if size is not None:
            self.check_dimensions(*size)
        try:
            image_file = super().to_python(data)
            if image_file is not None and size is not None:
                decode_fully(data)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - Pillow and Willow raise many kinds of error for a broken file
            raise ValidationError(IMAGE_DAMAGED, code="invalid_image") from exc
        return image_file

    def check_dimensions(self, width, height):
        max_side = getattr(settings, "IMAGE_MAX_SIDE", None)
        if max_side and max(width, height) > max_side:
            raise ValidationError(
                IMAGE_TOO_WIDE_OR_TALL % {"width": width, "height": height, "max_side": max_side},
                code="image_too_wide_or_tall",
            )
        if self.max_image_pixels and width * height > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": width * height, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )


class VerifiedImageForm(BaseImageForm):
    """Base of every admin image form (add, multiple upload, edit, chooser): a VerifiedImageField for the file,
    and a form error, with nothing stored, when the media storage has no room or is read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")  # absent from the multiple upload's edit form
        if isinstance(field, WagtailImageField) and not isinstance(field, VerifiedImageField):
            self.fields["file"] = VerifiedImageField(
                label=field.label, required=field.required, widget=field.widget, disabled=field.disabled
            )

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        storage = self._meta.model._meta.get_field("file").storage
        if "file" in self.changed_data and upload is not None and hasattr(storage, "check_room"):
            try:
                storage.check_room(upload.size)
            except MediaStorageError as exc:
                self.add_error("file", ValidationError(exc.message, code="storage"))
        return cleaned_data
