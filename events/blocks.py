"""The programme of a meeting: timed items and free text between them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PROGRAMME_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ProgrammeItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("From"))
    ends = blocks.TimeBlock(label=_("Until"), required=False)
    title = blocks.CharBlock(label=_("What"), max_length=150)
    speaker = blocks.CharBlock(label=_("Who"), required=False, max_length=150)
    description = blocks.RichTextBlock(
        label=_("Description"), required=False, features=PROGRAMME_TEXT_FEATURES
    )

    class Meta:
        icon = "time"
        template = "events/blocks/programme_item.html"
        label = _("Programme item")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=PROGRAMME_TEXT_FEATURES, icon="pilcrow"
    )
