from .content import ContentVersion
from .dataset import DatasetLoad
from .itineraries import Itinerary, ItineraryDay, ItineraryStop
from .places import (
    HUAIROU_EXTENT,
    PLACE_MODEL_BY_KIND,
    PLACE_MODELS,
    SEASON_MONTHS,
    Confidence,
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
    "ContentVersion",
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
