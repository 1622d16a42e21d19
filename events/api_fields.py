"""The serializer fields of an event page in the read API (home/api.py): its speakers and its panel balance."""

from home.api_fields import ObjectField, choice_data, page_link, translated

from .models.settings import EventSettings


class SpeakersField(ObjectField):
    """[{"name", "role", "affiliation", "profile"}]: the name the event page shows, the role as
    {"id", "name"}, and the speaker's public directory page (null when there is none, or it is not public).
    Never the gender nor any address."""

    def represent(self, instance):
        request = self.context.get("request")
        speakers = []
        for speaker in instance.speakers.all():
            person = translated(instance, speaker.person) if speaker.person_id else None
            speakers.append(
                {
                    "name": person.title if person else speaker.name,
                    "role": choice_data(speaker.role, type(speaker)._meta.get_field("role").choices),
                    "affiliation": speaker.affiliation,
                    "profile": page_link(instance, speaker.person, request) if speaker.person_id else None,
                }
            )
        return speakers


class PanelBalanceField(ObjectField):
    """A panel's No Women No Panel level as {"id", "name"} (null for other kinds of event)."""

    def represent(self, instance):
        balance = instance.balance(EventSettings.balanced_share(self.context.get("request")))
        level = instance.panel_level(balance)
        return choice_data(level, type(level).choices) if level else None
