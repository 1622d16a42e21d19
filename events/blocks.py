"""StreamField blocks of the events app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import child_block_error


class ProgrammeItemBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(label=_("Start time"))
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=100)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=250)

    class Meta:
        icon = "time"
        template = "events/blocks/programme_item.html"
        label = _("Programme item")
        description = _("One slot of the day's programme: time, title, room and speakers.")

    def clean(self, value):
        result = super().clean(value)
        if result.get("end_time") and result["end_time"] <= result["start_time"]:
            raise child_block_error("end_time", _("The end time must be after the start time."))
        return result


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()

    class Meta:
        icon = "list-ul"
        template = "events/blocks/programme.html"
        description = _("The programme of a job day.")
