"""The story of a role model: a restricted set of the shared blocks (imported, never copied)."""

from wagtail import blocks

from home.blocks import CaptionedImageBlock, QuoteBlock, VideoBlock, paragraph_block


class StoryStreamBlock(blocks.StreamBlock):
    paragraph = paragraph_block(["bold", "italic", "link", "ol", "ul"])
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()

    class Meta:
        template = "home/blocks/stream.html"
