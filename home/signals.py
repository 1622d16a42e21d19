from django.db.models.signals import post_delete, post_save

from home.models.taxonomies import TAXONOMY_MODELS, bump_cache_version

for _model in TAXONOMY_MODELS:
    post_save.connect(lambda **kwargs: bump_cache_version(), sender=_model, weak=False)
    post_delete.connect(lambda **kwargs: bump_cache_version(), sender=_model, weak=False)
