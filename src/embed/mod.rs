//! Embed mode: one widget alone in an iframe, asked for by `?embed=`, sized to its
//! content through `postMessage` to the host page (see `assets/embed.js`), and the
//! Embed button that gives a blogger the snippet to paste.

pub mod model;

mod snippet;
mod view;

pub use snippet::{EmbedButton, EmbedButtonProps};
pub use view::{EmbedApp, EmbedAppProps};
