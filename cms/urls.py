from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from courses.certificates import views as certificate_views

from . import views
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("h5p/", include("courses.h5p.urls")),
    path("verify/", certificate_views.verify_form, name="verify_form"),
    path("verify/credential/", certificate_views.verify_credential, name="verify_credential"),
    path("badges/issuer", certificate_views.issuer, name="badge_issuer"),
    path("badges/jwks.json", certificate_views.jwks, name="badge_jwks"),
    path("badges/status/<int:number>", certificate_views.status_list, name="badge_status_list"),
    path("verify/<str:code>/", certificate_views.verify, name="verify"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("cms.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", views.search, name="search"),
    path("municipalities/", include("cms.municipalities.urls")),
    path("my/", include("courses.urls")),
    path("community/", include("community.urls")),
    # Wagtail's catch-all serves the page tree and must stay last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
