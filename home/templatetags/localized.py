"""The `localized` filter: `{{ term|localized }}`, `{{ page|localized:"region" }}` (home.localization.localized)."""

from django import template

from home.localization import localized

register = template.Library()
register.filter("localized", localized)
