"""marsad — Arabic news to PLOVER event data, every field traced to the original characters.

The public API::

    import marsad
    doc = marsad.extract(text, published="2016-12-14")
    for event in doc.events: ...

``extract`` runs the default :class:`Pipeline`; build a ``Pipeline(Settings(...))`` for another
configuration. Every error marsad raises is a :class:`MarsadError`.
"""

from __future__ import annotations

from .document import SCHEMA_VERSION, Document, Event
from .errors import MarsadError
from .pipeline import Pipeline, default_pipeline
from .settings import Settings

__all__ = ["extract", "Document", "Event", "Pipeline", "Settings", "MarsadError", "SCHEMA_VERSION"]
__version__ = "0.1.0"


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Run the pipeline over one article and return its :class:`Document` with events."""
    from .ingest.validate import check_text

    check_text(text, name=id or "<text>")
    doc = Document(text=text, id=id, title=title, published=published, source=source, url=url)
    return (pipeline or default_pipeline())(doc)
