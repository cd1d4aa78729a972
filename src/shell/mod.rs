//! The app shell: header, navigation between the views, theme, footer, and the route
//! that says which view is shown.

pub mod effects;
pub mod route;
pub mod state;
pub mod theme;

mod app;
mod chrome;
mod not_found;

pub use app::{App, AppProps};

/// The id of every view's `<h1>`, where focus goes after a navigation.
pub const PAGE_TITLE_ID: &str = "page-title";

/// The id of a section's heading, where a `#/<view>/<section>` link lands.
pub fn section_element_id(section: &str) -> String {
    format!("section-{section}")
}
