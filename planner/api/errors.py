from django.http import JsonResponse


class InvalidRequest(Exception):
    """Bad input from a client: answered with 400 and the reasons, field by field."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def error_response(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse(
        {"errors": errors}, status=status, json_dumps_params={"ensure_ascii": False}
    )
