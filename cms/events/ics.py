"""iCalendar (RFC 5545) for one event, written with the `icalendar` library."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from icalendar import Calendar, Event


def event_to_ics(page, request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Markaz//Events//AR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    url = page.get_full_url(request)
    # Stable across languages and edits, so calendars update rather than duplicate.
    event.add("uid", f"{page.translation_key}@{request.get_host() if request else 'markaz'}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", page.start)
    event.add("dtend", page.end or page.start + timedelta(hours=2))
    event.add("summary", page.title)
    event.add("description", f"{page.lead}\n\n{url}")
    if page.place:
        event.add("location", page.place)
    elif page.online_url:
        event.add("location", page.online_url)
    event.add("url", url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("categories", [page.get_kind_display()])
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(event)
    return calendar.to_ical()
