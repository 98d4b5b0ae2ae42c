class TokenConverter:
    """Share tokens: URL-safe base64 only, so nothing else ever reaches a query."""

    regex = "[A-Za-z0-9_-]{8,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
