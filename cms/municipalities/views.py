from itertools import groupby
from operator import attrgetter

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .models import Municipality
from .selectors import municipality_activity


@require_GET
def municipality_list(request):
    municipalities = Municipality.objects.order_by("country", "name_ar")
    countries = []
    for _country, group in groupby(municipalities, key=attrgetter("country")):
        items = sorted(group, key=attrgetter("name"))
        countries.append((items[0].get_country_display(), items))
    return render(request, "municipalities/municipality_list.html", {"countries": countries})


@require_GET
def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    locale = Locale.objects.get(language_code=get_language())
    context = {
        "municipality": municipality,
        **municipality_activity(municipality=municipality, locale=locale),
    }
    return render(request, "municipalities/municipality_detail.html", context)
