from django.urls import path

from . import account_views

app_name = "community"

urlpatterns = [
    path("notifications/", account_views.notifications_list, name="notifications"),
    path("subscription/", account_views.subscription, name="subscription"),
    path("unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
]
