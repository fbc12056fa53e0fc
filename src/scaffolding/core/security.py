"""Headers that keep private pages private on a shared or borrowed device."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.cache import add_never_cache_headers, patch_cache_control


class RequestSizeMiddleware:
    """Refuse a request body over MAX_REQUEST_BYTES before anything reads it (413).

    The proxy in front should refuse it even earlier (nginx: client_max_body_size).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            from .errors import request_too_large

            return request_too_large(request)
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """Stop an upload sent without a length once it passes MAX_REQUEST_BYTES."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.MAX_REQUEST_BYTES:
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


class NoStoreMiddleware:
    """Signed-in pages, downloads and evidence files are never kept by the browser.

    So that pressing Back after "Hide this page", or opening the browser's cache
    on a shared computer, shows nothing private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or response.has_header("Content-Disposition"):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response
