//! Export pipeline (stub: being written).
#![forbid(unsafe_code)]
