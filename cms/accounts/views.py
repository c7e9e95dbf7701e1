from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from allauth.account.views import confirm_email as allauth_confirm_email
from allauth.core import ratelimit

from .forms import ProfileForm
from .services import user_profile_update


@login_required
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            user = user_profile_update(user=request.user, data=form.cleaned_data)
            # The confirmation is shown in the language the user now prefers.
            with translation.override(user.preferred_language):
                messages.success(request, _("Your profile has been saved."))
                return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile.html", {"form": form})


def confirm_email(request, key):
    """allauth's e-mail confirmation, with a limit per address on opening keys (GET too), so
    confirmation keys cannot be tried one after another (ACCOUNT_RATE_LIMITS)."""
    refused = ratelimit.consume_or_429(request, action="confirm_email_key", limit_get=True)
    return refused or allauth_confirm_email(request, key=key)
