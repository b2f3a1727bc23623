//! Tests of the JS runtime: the conformance corpus, the WebIDL
//! behaviour of the bindings and the local web-platform-tests run, from JS.

mod app_apis;
mod bindings;
mod component_events;
mod component_tree;
mod components;
mod conformance;
mod device_checks;
mod device_env;
mod download_task;
mod fonts;
mod fs;
mod fs_dirs;
mod fs_fd;
mod fuzz;
mod game;
mod globals;
mod images;
mod intl_node;
mod jsenv;
mod markup;
mod page_images;
mod platform_pages;
mod projects;
mod reentrancy;
mod script_images;
mod session;
mod support;
mod taps;
mod webidl;
mod wpt;
