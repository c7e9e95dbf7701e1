from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """After login, send people to their profile until it is complete, in their own language."""

    def get_login_redirect_url(self, request):
        user = request.user
        with translation.override(user.preferred_language or translation.get_language()):
            if not user.profile_complete:
                return reverse("accounts:profile")
            return resolve_url(settings.LOGIN_REDIRECT_URL)
