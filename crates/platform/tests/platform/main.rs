//! Integration tests of the platform layer, one module per API family.

mod album_table;
mod auth_table;
mod export_table;
mod files;
mod legacy;
mod node_export;
mod support;
