from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; JavaScript source-map comments are left as they are,
    because xstatic's markercluster points at a map file its package does not ship."""

    patterns = tuple(
        (glob, rules) for glob, rules in CompressedManifestStaticFilesStorage.patterns
        if glob != "*.js"
    )  # fmt: skip
