"""The contact page type and the messages sent through it. Editors and moderators (Wagtail's default groups) see
the messages with their e-mail delivery status and may resend failed e-mails (view and change permissions);
partners and other groups get nothing."""

import django.core.validators
import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from home.group_permissions import grant_to_groups


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_body_discovery_blocks'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='ContactPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True, help_text='One or two sentences shown under the title, in listings and to search engines.', max_length=400, verbose_name='introduction')),
                ('postal_address', models.TextField(blank=True, help_text='One line per line of the address.', verbose_name='postal address')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, help_text='In international form, e.g. +32 2 123 45 67.', max_length=40, verbose_name='phone number')),
                ('answer_days', models.PositiveSmallIntegerField(default=5, help_text='Shown on the page and in the acknowledgement: “We answer within N working days”.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(60)], verbose_name='answer time in working days')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 15), ('embed', 19), ('key_figures', 23), ('section_preview', 27), ('training_finder', 29)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (h2)'), ('h3', 'Sub-heading (h3)')], 'help_text': 'The page title is the only h1; sections start at h2.', 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Formatted text with links and lists.', 'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'icon': 'pilcrow', 'label': 'Paragraph', 'template': 'home/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote', 'max_length': 600}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 120, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 60}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'Or an external link', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('title', 10), ('text', 11), ('link_text', 12), ('page', 13), ('external_url', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describes the video for everyone.', 'label': 'Title', 'max_length': 150}), 17: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Video or media URL'}), 18: ('wagtail.blocks.TextBlock', (), {'help_text': 'A text version for people who cannot watch or hear the video.', 'label': 'Transcript', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('title', 16), ('embed', 17), ('transcript', 18)]], {}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 21: ('wagtail.snippets.blocks.SnippetChooserBlock', ('home.KeyFigure',), {'label': 'Key figure'}), 22: ('wagtail.blocks.ListBlock', (21,), {'help_text': 'One to three figures; each shows its latest value, its year and its source.', 'label': 'Key figures', 'max_num': 3, 'min_num': 1}), 23: ('wagtail.blocks.StructBlock', [[('heading', 20), ('figures', 22)]], {}), 24: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('events', 'Next events (the next job day first)'), ('role_models', 'Role models'), ('trainings', 'Trainings (soonest session first)')], 'label': 'Section'}), 25: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'label': 'Number of cards', 'max_value': 6, 'min_value': 1}), 26: ('wagtail.blocks.CharBlock', (), {'help_text': 'E.g. “All events”.', 'label': 'Link to the section', 'max_length': 60}), 27: ('wagtail.blocks.StructBlock', [[('heading', 0), ('section', 24), ('count', 25), ('link_text', 26)]], {}), 28: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 300, 'required': False}), 29: ('wagtail.blocks.StructBlock', [[('heading', 0), ('text', 28), ('button_text', 12)]], {})}, verbose_name='body')),
            ],
            options={
                'verbose_name': 'contact page',
                'verbose_name_plural': 'contact pages',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ContactMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('delivery_status', models.CharField(choices=[('queued', 'Queued'), ('sent', 'Sent'), ('failed', 'Sending failed')], default='queued', max_length=16, verbose_name='e-mail delivery')),
                ('delivery_error', models.TextField(blank=True, verbose_name='delivery error')),
                ('delivery_attempted_at', models.DateTimeField(blank=True, null=True, verbose_name='last delivery attempt')),
                ('delivery_attempts', models.PositiveSmallIntegerField(default=0, verbose_name='delivery attempts')),
                ('delivery_done', models.JSONField(blank=True, default=list, editable=False, verbose_name='e-mails already sent')),
                ('name', models.CharField(max_length=150, verbose_name='name')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('topic', models.CharField(choices=[('question', 'A question'), ('partnership', 'A partnership'), ('accessibility', 'An accessibility problem on this site'), ('press', 'A press enquiry'), ('other', 'Something else')], max_length=16, verbose_name='topic')),
                ('message', models.TextField(max_length=5000, verbose_name='message')),
                ('language', models.CharField(blank=True, max_length=8, verbose_name='language')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='date received')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='messages', to='home.contactpage', verbose_name='contact page')),
            ],
            options={
                'verbose_name': 'contact message',
                'verbose_name_plural': 'contact messages',
                'ordering': ['-created_at'],
            },
        ),
        grant_to_groups("home", ["view_contactmessage", "change_contactmessage"]),
    ]
