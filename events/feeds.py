"""Atom feed of the upcoming events of one language (RFC 4287: the site is the feed's author, and each entry's id
is a UUID of its own, the same for the event in that language whatever its address)."""

import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _


class UpcomingEventsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return _("%(title)s: upcoming events") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def author_name(self, index):
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, index):
        return self.request.build_absolute_uri(index.get_parent().get_url(self.request) or "/")

    def subtitle(self, index):
        return index.introduction

    def items(self, index):
        return index.upcoming_events(timezone.now())[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        return f"{when} — {item.introduction}" if item.introduction else when

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return uuid.uuid5(item.translation_key, item.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
