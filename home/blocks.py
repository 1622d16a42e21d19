"""StreamField blocks shared by every page type. Each block has an icon, a template and a description."""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block(["bold", "italic", "link", "ol", "ul", "document-link"])
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = VideoBlock()
    key_figures = KeyFiguresBlock()

    def get_context(self, value, parent_context=None):
        """The first image of the page is its largest content on the first screen: its block is named so that
        it loads at once (home/blocks/image.html), while the images below load as they come into view."""
        context = super().get_context(value, parent_context=parent_context)
        context["eager_block_id"] = next((child.id for child in value if child.block_type == "image"), None)
        return context

    class Meta:
        template = "home/blocks/stream.html"
