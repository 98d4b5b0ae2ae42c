from .dataset import DatasetLoad
from .facts import Highlight, OpeningPeriod, Source
from .itineraries import Itinerary, ItineraryDay, ItineraryStop
from .places import (
    HUAIROU_EXTENT,
    PLACE_MODEL_BY_KIND,
    PLACE_MODELS,
    SEASON_MONTHS,
    Confidence,
    CoordPrecision,
    Homestay,
    Place,
    PointOfInterest,
    Rating,
    ScenicSpot,
    StartPoint,
    Village,
    VillageCafe,
)
from .routes import RouteStop, SeasonalRoute

__all__ = [
    "HUAIROU_EXTENT",
    "PLACE_MODELS",
    "PLACE_MODEL_BY_KIND",
    "SEASON_MONTHS",
    "Confidence",
    "CoordPrecision",
    "Highlight",
    "OpeningPeriod",
    "Source",
    "DatasetLoad",
    "Homestay",
    "Itinerary",
    "ItineraryDay",
    "ItineraryStop",
    "Place",
    "PointOfInterest",
    "Rating",
    "RouteStop",
    "ScenicSpot",
    "SeasonalRoute",
    "StartPoint",
    "Village",
    "VillageCafe",
]
