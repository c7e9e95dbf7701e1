from django.urls import path, re_path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    # Matched before allauth's own pattern for the same URL: adds a per-address rate limit.
    re_path(r"^confirm-email/(?P<key>[-:\w]+)/$", views.confirm_email, name="confirm_email"),
]
