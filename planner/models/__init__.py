from .content import ContentVersion
from .dataset import DatasetLoad
from .facts import Highlight, OpeningPeriod, Source
from .itineraries import Itinerary, ItineraryDay, ItineraryStop
from .places import (
    PLACE_MODEL_BY_KIND,
    PLACE_MODELS,
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
    "PLACE_MODELS",
    "PLACE_MODEL_BY_KIND",
    "Confidence",
    "ContentVersion",
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
