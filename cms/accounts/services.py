from typing import Any

from django.db import transaction

from .models import User

PROFILE_FIELDS = (
    "name_ar",
    "name_latin",
    "municipality",
    "position",
    "organisation_type",
    "gender",
    "preferred_language",
)


@transaction.atomic
def user_profile_update(*, user: User, data: dict[str, Any]) -> User:
    changed = [field for field in PROFILE_FIELDS if field in data]
    for field in changed:
        setattr(user, field, data[field])
    user.full_clean(exclude=["password"])
    user.save(update_fields=changed)
    return user
