"""A member's notifications and subscriptions, across platforms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import notifications
from .models import Level, Notification, PlatformPage, Topic
from .permissions import access_for, can_read


@login_required
def notifications_list(request):
    items = notifications.notifications_for(request.user)
    response = render(request, "community/notifications.html", {"items": items})
    if Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    ):
        notifications.unread_changed([request.user.pk])
    return response


@login_required
@require_POST
def subscription(request):
    level = request.POST.get("level", "")
    if level not in Level.values:
        raise Http404
    if topic_id := request.POST.get("topic"):
        topic = get_object_or_404(Topic.objects.select_related("platform"), pk=topic_id)
        platform, target = topic.platform, {"topic": topic}
    else:
        platform = get_object_or_404(PlatformPage, pk=request.POST.get("platform") or 0)
        target = {"platform": platform}
    if not can_read(access_for(request.user, platform), platform):
        raise Http404
    notifications.subscription_set(user=request.user, level=level, **target)
    messages.success(request, _("Your notification setting is saved."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = platform.localized.url
    return redirect(next_url)


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a form; the signed token is
# the authority, and all it can do is mute e-mails about one topic.
def unsubscribe(request, token):
    """One click from an e-mail: GET asks, POST (or a mail client's one-click POST) mutes."""
    try:
        signing.loads(token, salt=notifications.UNSUBSCRIBE_SALT, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature as error:
        raise Http404 from error
    if request.method == "POST":
        notifications.unsubscribe(token)
        return render(request, "community/unsubscribed.html", {"done": True})
    return render(request, "community/unsubscribed.html", {"done": False, "token": token})
