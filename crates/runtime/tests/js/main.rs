//! Tests of the JS runtime: the conformance corpus and the WebIDL
//! behaviour of the bindings, run from JS.

mod conformance;
mod fonts;
mod fs;
mod images;
mod page_images;
mod platform_pages;
mod projects;
mod session;
mod support;
mod webidl;
