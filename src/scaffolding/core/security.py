"""Headers that keep private pages private on a shared or borrowed device."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


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
