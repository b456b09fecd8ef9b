"""Typed records that cross stage boundaries. This package imports nothing else from eventwire."""

from eventwire.models.actor import Actor, ActorMention
from eventwire.models.document import Document, RawItem
from eventwire.models.event import Event, Evidence, Quantity, RoleFiller
from eventwire.models.place import Place, PlaceMention

__all__ = [
    "Actor",
    "ActorMention",
    "Document",
    "Event",
    "Evidence",
    "Place",
    "PlaceMention",
    "Quantity",
    "RawItem",
    "RoleFiller",
]
