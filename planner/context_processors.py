from django.conf import settings


def site(request):
    return {"TIANDITU_KEY_SET": bool(settings.TIANDITU_KEY)}
