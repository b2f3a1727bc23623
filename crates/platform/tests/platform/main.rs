//! Integration tests of the platform layer, one module per API family.

mod album_table;
mod auth_table;
mod crash;
mod download;
mod export_table;
mod feedback;
mod fetch;
mod files;
mod fs;
#[cfg(unix)]
mod hardening;
mod legacy;
mod legacy_text;
mod node_export;
mod profiles;
mod support;
