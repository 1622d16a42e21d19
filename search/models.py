from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchQueryStat(models.Model):
    """What visitors searched for, per language, and how often it found nothing (for the editors' report)."""

    query_string = models.CharField(_("query"), max_length=255)
    language_code = models.CharField(_("language"), max_length=10)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("searches without results"), default=0)
    last_results_count = models.PositiveIntegerField(_("results last time"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(fields=["query_string", "language_code"], name="search_query_stat_unique")
        ]

    def __str__(self):
        return f"{self.query_string} ({self.language_code})"

    @classmethod
    def record(cls, query_string, language_code, results_count):
        query_string = query_string.lower()[:255]
        stat, _created = cls.objects.get_or_create(query_string=query_string, language_code=language_code)
        cls.objects.filter(pk=stat.pk).update(
            hits=models.F("hits") + 1,
            zero_result_hits=models.F("zero_result_hits") + (0 if results_count else 1),
            last_results_count=results_count,
        )
