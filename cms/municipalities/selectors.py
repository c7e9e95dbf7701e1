from wagtail.models import Locale

from cms.pages import with_source_fallback

from .models import Municipality


def municipality_activity(*, municipality: Municipality, locale: Locale) -> dict:
    """News, events and programmes that name a municipality, in one language."""
    from cms.events.models import EventPage
    from cms.news.models import NewsPage
    from cms.programmes.models import ProgrammePage

    def related(model):
        pages = model.objects.live().public().filter(municipalities=municipality)
        return with_source_fallback(pages, locale).select_related("locale")

    return {
        "news": related(NewsPage).select_related("image").order_by("-date")[:12],
        "events": related(EventPage).order_by("-start")[:12],
        "programmes": related(ProgrammePage).order_by("-start_date"),
    }
