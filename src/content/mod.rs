//! Loads the embedded `assets/` data into typed structures.
