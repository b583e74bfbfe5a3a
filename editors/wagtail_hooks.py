from django.urls import path
from wagtail import hooks

from editors import translation


@hooks.register("register_admin_urls")
def register_translation_moderation_url():
    return [
        path("editors/translations/<int:translation_id>/submit/", translation.submit_for_moderation,
             name="editors_submit_translation"),
    ]
