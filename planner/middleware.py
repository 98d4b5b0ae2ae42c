"""Answers for failures the views never see: a database outage, and API errors as JSON."""

import logging

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from planner import db_watchdog
from planner.outage import Outage

logger = logging.getLogger(__name__)
API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30
database_outage = Outage("Database", logger)


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


class DatabaseUnavailableMiddleware:
    """A branded 503 with Retry-After (JSON under /api/) instead of a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            with db_watchdog.watching():
                response = self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            return self._unavailable(request, error)
        reached = response.status_code < 500 and connection.connection is not None
        if database_outage.down and reached:
            database_outage.recovered()  # this request reached the database
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self._unavailable(request, exception)
        return None

    @staticmethod
    def _unavailable(request, error):
        database_outage.failed(error)
        if is_api(request):
            response = JsonResponse(
                {"errors": {"service": ["The service is unavailable; try again shortly."]}},
                status=503,
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response._has_been_logged = True  # the outage is logged once, not per request
        return response


API_ERRORS = {
    404: "Not found.",
    405: "Method not allowed.",
    413: "The request body is too large.",
}


class ApiJsonErrorsMiddleware:
    """Clients of /api/ parse JSON: its 404 and 405 answers are JSON too, not HTML pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        message = API_ERRORS.get(response.status_code)
        if message is None or not is_api(request):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        replacement = JsonResponse({"errors": {"request": [message]}}, status=response.status_code)
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement


# Powerful browser features the site never uses are switched off for it and any frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("camera", "microphone", "payment", "usb", "serial", "bluetooth", "midi",
                    "magnetometer", "gyroscope", "accelerometer", "display-capture")
)  # fmt: skip


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
