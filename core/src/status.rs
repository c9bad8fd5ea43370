//! Progress status of a target (placeholder; see docs/methodology.md).
