from django.conf import settings


def site_context(request):
    return {"source_code_url": settings.SOURCE_CODE_URL}
