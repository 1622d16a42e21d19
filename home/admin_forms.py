"""The admin forms of translatable pages and snippets: their choosers offer the content's own language only.

Vocabulary terms and organisations exist once per language. On the form of an English training, the competence
areas field lists the English terms (each once, not once per language), the provider chooser opens on the
English organisations, and a term of another language is refused. The language is the page's or snippet's
locale; a new page takes its parent's. Inline children (an initiative's organisations, an event's exhibitors)
are filtered the same way.
"""

import copy
from urllib.parse import urlencode

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import BaseChooser
from wagtail.models import Locale

from home.translation_sync import is_translatable_snippet


def limit_to_locale(fields, locale):
    """Restrict the choices of `fields` (a form's fields) that pick translatable snippets to `locale`."""
    for field in fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not is_translatable_snippet(queryset.model):
            continue
        field.queryset = queryset.filter(locale=locale)
        if isinstance(field.widget, BaseChooser):
            url = f"{field.widget.get_chooser_modal_url()}?{urlencode({'locale': locale.language_code})}"
            field.widget.get_chooser_modal_url = lambda url=url: url
            field.widget.__dict__.pop("base_js_init_options", None)


class LocaleChoicesMixin:
    """For a ClusterForm of a translatable model: choices of translatable snippets in the instance's locale
    (`form_locale()`), in the form and in each inline formset."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.form_locale()
        if locale is None:
            return
        limit_to_locale(self.fields, locale)
        for formset in getattr(self, "formsets", {}).values():
            # The formset makes its forms (the blank one for "add" included) from its form class: a subclass
            # with the restricted fields.
            fields = copy.deepcopy(formset.form.base_fields)
            limit_to_locale(fields, locale)
            formset.form = type(formset.form.__name__, (formset.form,), {})
            formset.form.base_fields = fields

    def form_locale(self):
        locale_id = getattr(self.instance, "locale_id", None)
        return Locale.objects.filter(pk=locale_id).first() if locale_id else None


class LocaleChoicesPageForm(LocaleChoicesMixin, WagtailAdminPageForm):
    """The base admin form of every page type (BasePage.base_form_class)."""

    def form_locale(self):
        locale = super().form_locale()
        if locale is None and self.parent_page is not None:
            return self.parent_page.locale
        return locale


class LocaleChoicesModelForm(LocaleChoicesMixin, WagtailAdminModelForm):
    """The base admin form of translatable snippets that link to other translatable snippets."""
