"""hadath (حدث): Arabic-native political event coding.

The Python API comes first; the CLI is a thin layer over it::

    from hadath import Article, load_pipeline
    nlp = load_pipeline()
    doc = nlp(Article(id="1", text="...", date="2017-01-11"))
    for event in doc.events:
        print(event.cameo, event.source, event.target)
"""

from hadath.model import Article, Document, Event
from hadath.pipeline import Pipeline, load_pipeline

__version__ = "0.1.0"

__all__ = ["Article", "Document", "Event", "Pipeline", "load_pipeline", "__version__"]
