from .builder import builder, itinerary_page
from .pages import home
from .places import place_detail
from .routes import route_detail, route_list

__all__ = ["builder", "home", "itinerary_page", "place_detail", "route_detail", "route_list"]
