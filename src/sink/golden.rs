//! Golden files: compare records with `expected.json` field by field (used by `dafu check` and tests/).
