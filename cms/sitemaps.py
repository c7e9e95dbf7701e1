from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap


class MultilingualSitemap(Sitemap):
    """Every live page of every language tree, each with its hreflang alternates."""

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True).only("path")
        in_a_tree = Q()
        for tree in roots:
            in_a_tree |= Q(path__startswith=tree.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_tree)
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        self.alternates = any(url.get("alternates") for url in urls)
        return urls
