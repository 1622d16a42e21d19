"""StreamField blocks shared by every page type. Each block has an icon, a template and a description."""

import copy
import json
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from bdt_site import content_version
from home.visibility import is_public


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        help_text=_("The page title is the only h1; sections start at h2."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = _("Heading")
        description = _("A section or sub-section heading.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "home/blocks/image.html"
        label = _("Image")
        description = _("An image with alt text (or marked decorative) and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")
        description = _("A short quotation with the name of the person who said it.")


def paragraph_block(features):
    """The rich-text paragraph of a body or story, with the rich-text `features` editors may use there."""
    return blocks.RichTextBlock(
        label=_("Paragraph"),
        features=features,
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Formatted text with links and lists."),
    )


def child_block_error(name, message):
    """The validation error of a StructBlock, shown on its child block `name`."""
    return blocks.StructBlockValidationError(block_errors={name: ValidationError(message)})


class LinkStructValue(blocks.StructValue):
    """Link logic lives here, not in templates."""

    def url(self, request=None):
        page = self.get("page")
        if page:
            page = page.localized
            return page.get_url(request) if is_public(page) else ""  # a draft or restricted page: no button
        return self.get("external_url") or ""

    def is_external(self):
        return not self.get("page") and bool(self.get("external_url"))


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link_text = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    external_url = blocks.URLBlock(label=_("Or an external link"), required=False)

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted box with a button to a page on this site or an external link.")
        value_class = LinkStructValue

    def get_context(self, value, parent_context=None):
        """The link's URL made with the request, as page URLs are (Wagtail then reuses what it knows of the
        sites instead of reading its cache again)."""
        context = super().get_context(value, parent_context=parent_context)
        context["url"] = value.url((parent_context or {}).get("request"))
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise child_block_error("page", _("Choose a page or enter an external link, not both."))
        return value


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=150, help_text=_("Describes the video for everyone.")
    )
    embed = EmbedBlock(label=_("Video or media URL"))
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("A text version for people who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        template = "home/blocks/embed.html"
        label = _("Embedded media")
        description = _("A video or other media from an external site, with its title and transcript.")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(
        SnippetChooserBlock("home.KeyFigure", label=_("Key figure")),
        min_num=1,
        max_num=3,
        label=_("Key figures"),
        help_text=_("One to three figures; each shows its latest value, its year and its source."),
    )

    class Meta:
        icon = "table"
        template = "home/blocks/key_figures.html"
        label = _("Key figures")
        description = _("One to three key figures from 'Women in Digital in figures', with their sources.")

    def get_context(self, value, parent_context=None):
        """The chosen figures in the language of the page being shown (a translated page may still point
        at the source language's figures), with their values read in one query."""
        context = super().get_context(value, parent_context=parent_context)
        figures = [figure.localized for figure in value["figures"] if figure is not None]
        prefetch_related_objects(figures, "values")
        context["figures"] = figures
        return context


@dataclass(frozen=True)
class Section:
    """A section whose first cards a SectionPreviewBlock shows: its index page model, its listing (home.listing,
    by dotted path: the sections' apps build on home, not the other way round) and, optionally, the filter of
    a card shown first."""

    index: str
    listing: str
    lead: str = ""


SECTIONS = {
    "events": Section("events.EventIndexPage", "events.listing.EventListing", lead="kind=job_day"),
    "role_models": Section("testimonials.TestimonialIndexPage", "testimonials.listing.RoleModelListing"),
    "trainings": Section("trainings.TrainingCatalogPage", "trainings.listing.TrainingListing"),
}


def listing_cards(section, request, locale_id, count):
    """(index page, the first `count` cards of `section` in a locale): the section's listing in its default
    order, public pages only, read through the listing engine (ids cached, cards by id); the next card
    matching `section.lead` (the next job day) comes first. (None, []) when the section has no public index."""
    index = apps.get_model(section.index).for_locale(locale_id)
    if index is None:
        return None, []
    listing_class = import_string(section.listing)

    def first(params, number):
        preview = copy.copy(request)
        preview.GET = QueryDict(params)
        return list(listing_class(preview, index, per_page=number).items)

    cards = first(section.lead, 1) if section.lead else []
    cards += [card for card in first("", count) if card.pk not in {lead.pk for lead in cards}]
    return index, cards[:count]


class SectionPreviewBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    section = blocks.ChoiceBlock(
        label=_("Section"),
        choices=[
            ("events", _("Next events (the next job day first)")),
            ("role_models", _("Role models")),
            ("trainings", _("Trainings (soonest session first)")),
        ],
    )
    count = blocks.IntegerBlock(label=_("Number of cards"), min_value=1, max_value=6, default=3)
    link_text = blocks.CharBlock(
        label=_("Link to the section"), max_length=60, help_text=_("E.g. “All events”.")
    )

    class Meta:
        icon = "list-ul"
        template = "home/blocks/section_preview.html"
        label = _("Section preview")
        description = _(
            "The first cards of the events, role models or trainings, with a link to the whole list."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page, request = (parent_context or {}).get("page"), (parent_context or {}).get("request")
        index, cards = (None, [])
        if page is not None and request is not None:
            index, cards = listing_cards(SECTIONS[value["section"]], request, page.locale_id, value["count"])
        context.update(index=index, items=cards, section=value["section"])
        return context


class TrainingFinderBlock(blocks.StructBlock):
    """Three questions (who you are, where, what level) that open the catalogue with those filters."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "search"
        template = "home/blocks/training_finder.html"
        label = _("Training finder")
        description = _("Three questions that open the training catalogue with the matching filters.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        catalogue = apps.get_model(SECTIONS["trainings"].index).for_locale(page.locale_id) if page else None
        context.update(
            catalogue=catalogue,
            questions=[
                (name, question, apps.get_model("home", model).for_active_locale())
                for name, question, model in [
                    ("audience", _("Who are you?"), "TargetGroup"),
                    ("region", _("Where?"), "Region"),
                    ("level", _("What level?"), "Level"),
                ]
            ],
        )
        return context


class CharterCountBlock(blocks.StructBlock):
    """How many organisations have signed the 'Women in Digital' charter, with a link to the charter page of
    the page's language (home.models.charter)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    link_text = blocks.CharBlock(label=_("Link to the charter"), max_length=60)

    class Meta:
        icon = "pick"
        template = "home/blocks/charter_count.html"
        label = _("Charter signatories")
        description = _(
            "The number of organisations that signed the Women in Digital charter, with a link to it."
        )
        preview_value = {
            "heading": _("They have signed the charter"),
            "text": _("Organisations that commit to more women in digital."),
            "link_text": _("Read and sign the charter"),
        }

    def get_context(self, value, parent_context=None):
        """The count (cached until content changes: approving or withdrawing a signature bumps the content
        version) and the public charter page of the page's language."""
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        charter = apps.get_model("home", "CharterPage").for_locale(page.locale_id) if page else None
        listed = apps.get_model("home", "Signatory").listed
        context.update(
            charter=charter, count=content_version.cached("charter:count", lambda: listed().count())
        )
        return context


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block(["bold", "italic", "link", "ol", "ul", "document-link"])
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = VideoBlock()
    key_figures = KeyFiguresBlock()
    section_preview = SectionPreviewBlock()
    training_finder = TrainingFinderBlock()
    charter_count = CharterCountBlock()

    def render(self, value, context=None):
        """The body's HTML, kept until content changes and at most for the minute (the moment of the events in
        section previews), per page, language, host and value: a body reads key figures, listings, renditions
        and the charter's count, about two thirds of the home page's making. Nothing in a block's template is
        the visitor's own. Previews (of drafts and revisions) are rendered each time."""
        context = context or {}
        page, request = context.get("page"), context.get("request")
        if page is None or request is None or not page.pk or getattr(request, "is_preview", False):
            return super().render(value, context)
        key = "body:" + content_version.digest(
            page.pk,
            get_language(),
            request.get_host(),
            timezone.now().strftime("%Y-%m-%dT%H:%M"),
            json.dumps(list(value.raw_data), sort_keys=True, cls=DjangoJSONEncoder),
        )
        return content_version.kept_html(key, lambda: super(BodyStreamBlock, self).render(value, context))

    def get_context(self, value, parent_context=None):
        """The first image of the page is its largest content on the first screen: its block is named so that
        it loads at once (home/blocks/image.html), while the images below load as they come into view."""
        context = super().get_context(value, parent_context=parent_context)
        context["eager_block_id"] = next((child.id for child in value if child.block_type == "image"), None)
        return context

    class Meta:
        template = "home/blocks/stream.html"
