"""The dashboard: static HTML, JavaScript and CSS served from the package, and a local API docs page."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(str(files("eventwire.web") / "static"))

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _page(name: str) -> FileResponse:
    return FileResponse(
        STATIC / name,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"},
    )


def install_dashboard(app: FastAPI, *, openapi_url: str) -> None:
    """Serve the dashboard at ``/``, its assets under ``/static`` and the API docs at ``/docs``."""

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return _page("index.html")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> FileResponse:
        return _page("docs.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
