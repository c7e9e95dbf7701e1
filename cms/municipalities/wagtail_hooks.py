from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Municipality


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name_ar", "name_en", "name_fr", "country", "region"]
    list_filter = ["country"]
    search_fields = ["name_ar", "name_en", "name_fr"]


register_snippet(MunicipalityViewSet)
