"""schema.org metadata (JSON-LD) for search engines: the one serialiser every app uses for its
<script type="application/ld+json"> element."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data):
    """`data` as JSON that cannot close the <script> element it sits in (dates and decimals as ISO text)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(text)  # noqa: S308 - every markup character is escaped above
