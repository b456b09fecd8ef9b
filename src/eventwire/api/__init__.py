"""The HTTP API: events, documents, stats and exports as JSON, read from one store; see :func:`create_app`."""

from eventwire.api.app import create_app
from eventwire.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
