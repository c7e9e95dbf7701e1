from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from wagtail import hooks
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from . import cache

        # Whatever public pages show makes the cached pages stale (cms/cache.py).
        page_signals = {
            "page_published": page_published,
            "page_unpublished": page_unpublished,
            "post_page_move": post_page_move,
            "published": published,
            "unpublished": unpublished,
        }
        for name, signal in page_signals.items():
            signal.connect(cache.on_page_event, dispatch_uid=f"page_cache_{name}")
        post_save.connect(cache.on_model_saved, dispatch_uid="page_cache_saved")
        post_delete.connect(cache.on_model_deleted, dispatch_uid="page_cache_deleted")
        m2m_changed.connect(cache.on_m2m_changed, dispatch_uid="page_cache_m2m")
        from wagtail.models import Locale

        from .pages import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_saved")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_deleted")
        hooks.register("before_serve_page", cache.mark_cacheable_page)
