from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "kind", "url"]
    list_filter = ["kind"]


register_snippet(PartnerViewSet)
