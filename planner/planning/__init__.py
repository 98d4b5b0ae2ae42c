"""The itinerary engine: plain Python, no Django. Entry point: `make_plan`."""

from . import types
from .engine import make_plan
from .types import *  # noqa: F403 (types.__all__ is the one list of the engine's public types)
from .warnings import WarningCode

__all__ = ["WarningCode", "make_plan", *types.__all__]
