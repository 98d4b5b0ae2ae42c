"""Route sheets and files: each exporter takes a `Sheet` (built from the engine's plan) and
returns bytes or text. Nothing here reads the request."""
