//! The JSON store: versioned schema, atomic writes, migration, quarantine.
