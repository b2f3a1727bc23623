//! Paths (stub: being written).
