"""The event store: coded articles and events in SQLite (default) or PostgreSQL, with near-duplicate
articles, event clusters, full-text search, filters and GDELT/PLOVER exports.

    from hadath.store import Store
    with Store("events.db") as st:          # or Store("postgresql://user@host/db")
        print(st.counts())
"""

from hadath.store.db import StoreError, default_db
from hadath.store.store import Store

__all__ = ["Store", "StoreError", "default_db"]
