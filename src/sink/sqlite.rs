//! SQLite sink: normalized tables keyed by path and sha256, one transaction per chunk.
