//! Integration tests of the platform layer, one module per API family.

mod export_table;
mod support;
