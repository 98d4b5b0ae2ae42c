from .pages import home
from .places import place_detail
from .routes import route_detail, route_list

__all__ = ["home", "place_detail", "route_detail", "route_list"]
