//! Tests of the JS runtime: the conformance corpus, the WebIDL
//! behaviour of the bindings and the local web-platform-tests run, from JS.

mod app_apis;
mod components;
mod conformance;
mod device_env;
mod fonts;
mod fs;
mod fuzz;
mod globals;
mod images;
mod intl_node;
mod jsenv;
mod markup;
mod page_images;
mod platform_pages;
mod projects;
mod reentrancy;
mod session;
mod support;
mod taps;
mod webidl;
mod wpt;
