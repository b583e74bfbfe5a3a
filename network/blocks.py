"""The one StreamField block set used by every body on the site (bakerydemo's pattern)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's own ImageBlock (the image with its alternative text, or marked decorative, which the admin insists
    on) and a caption under it. Its `image` value is the Image itself, carrying `contextual_alt_text` and
    `decorative`, which the `{% image %}` tag renders as the alt attribute. Migration network/0009 converted the
    earlier flat {image, alt_text, caption} blocks."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "network/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "network/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    """A video file from the school's own media library (no third-party player needed)."""

    video = DocumentChooserBlock(label=_("video file"), help_text=_("An MP4 file from the documents library."))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video file")
        template = "network/blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "network/blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", icon="title", template="network/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3"])
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    embed = EmbedBlock(label=_("Video embed"), help_text=_("A link to a video on a hosting service."), icon="media")
    document = DocumentBlock()

    class Meta:
        block_counts: dict[str, dict[str, int]] = {}
