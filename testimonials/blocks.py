"""The story of a role model: a restricted set of the shared blocks (imported, never copied)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CaptionedImageBlock, QuoteBlock, VideoBlock


class StoryStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Formatted text with links and lists."),
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()

    class Meta:
        template = "home/blocks/stream.html"
