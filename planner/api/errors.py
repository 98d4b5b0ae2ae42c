from django.http import JsonResponse


def error_response(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse(
        {"errors": errors}, status=status, json_dumps_params={"ensure_ascii": False}
    )
