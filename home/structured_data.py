"""schema.org metadata (JSON-LD) for search engines: the one serialiser every app uses for its
<script type="application/ld+json"> element."""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data):
    """`data` as JSON that cannot close the <script> element it sits in (dates and decimals as ISO text)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(text)  # noqa: S308 - every markup character is escaped above


def rendition_or_none(image, spec):
    """The rendition `spec` of `image` for metadata (JSON-LD, Open Graph), or None when the image or its original
    file is missing: a page must never fail because its preview image cannot be made (the page's own {% image %}
    tags show Wagtail's placeholder in that case)."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        logger.warning("Original file of image %s is missing: no %s rendition for metadata", image.pk, spec)
        return None
