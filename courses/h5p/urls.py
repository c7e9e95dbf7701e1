from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("<uuid:content_id>/xapi/", views.xapi, name="xapi"),
    path("<uuid:content_id>/state/", views.user_data, name="state"),
    path("<uuid:content_id>/<path:path>", views.content_file, name="file"),
]
