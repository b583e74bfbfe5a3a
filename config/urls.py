from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

import config.converters  # noqa: F401  (registers <id:…>)
from accounts import views as accounts_views
from cabinet.urls import legacy_urlpatterns as cabinet_legacy_urls
from config import views
from home.sitemaps import MultilingualSitemap
from monitoring import views as monitoring_views
from network import views as network_views
from security.views import ThrottledPasswordResetView
from workflows import views as workflow_views
from workflows.public_views import published_material

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Feed readers and old browsers ask for /favicon.ico whatever the page links.
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("django-admin/", admin.site.urls),
    *cabinet_legacy_urls,
    # Before the admin: wagtail-localize's translate/sync views, limited to the user's own school.
    path("", include("editors.urls")),
    # Before Wagtail's own: the same form, limited per client address and e-mail address (security/views.py).
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    # Before Wagtail's own: the dashboard without the page search for reviewers who edit no page (workflows/views.py).
    path("admin/", require_admin_access(workflow_views.Dashboard.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("resources/<id:pk>/download/", network_views.resource_download, name="resource_download"),
    path("follow/", include("follow.urls")),
    # Teachers' accounts: allauth's sign-up, sign-in, e-mail and password pages, then the teacher's own pages.
    path("account/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("privacy/", accounts_views.privacy, name="privacy"),
    path("", include("attendance.urls")),
    path("cabinet/", include("cabinet.urls")),
    path("experience/materials/<int:file_id>/", published_material, name="published_material"),
    path("network-in-numbers/", monitoring_views.network_in_numbers, name="network_in_numbers"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
