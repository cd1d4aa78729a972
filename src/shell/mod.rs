//! The app shell: header, navigation between the views, theme toggle, footer, and the
//! state that says which view is shown.

pub mod effects;
pub mod state;

mod app;
mod chrome;
mod not_found;

pub use app::{App, AppProps};
