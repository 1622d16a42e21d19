"""Searches were counted twice: in search.SearchQueryStat (per language) and in Wagtail's Query and
QueryDailyHits. Wagtail's tables are now the only ones. Before SearchQueryStat is deleted, any hits it holds
that Wagtail's tables no longer have (daily hits removed by `searchpromotions_garbage_collect`) are added
to the day the query was last searched, so no count gets lost and none is counted twice."""

from django.db import migrations, models
from wagtail.search.utils import normalise_query_string


def copy_missing_hits(apps, schema_editor):
    SearchQueryStat = apps.get_model("search", "SearchQueryStat")
    Query = apps.get_model("wagtailsearchpromotions", "Query")
    QueryDailyHits = apps.get_model("wagtailsearchpromotions", "QueryDailyHits")
    totals = {}  # normalised query -> [hits, last searched date]
    for stat in SearchQueryStat.objects.iterator():
        query_string = normalise_query_string(stat.query_string)
        if not query_string:
            continue
        total = totals.setdefault(query_string, [0, stat.last_searched_at.date()])
        total[0] += stat.hits
        total[1] = max(total[1], stat.last_searched_at.date())
    for query_string, (hits, last_date) in totals.items():
        query, _created = Query.objects.get_or_create(query_string=query_string)
        counted = QueryDailyHits.objects.filter(query=query).aggregate(n=models.Sum("hits"))["n"] or 0
        if hits > counted:
            daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=last_date)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=models.F("hits") + hits - counted)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_text_search_configurations"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.RunPython(copy_missing_hits, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchQueryStat"),
    ]
