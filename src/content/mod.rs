//! The article's content as data: the model, and the build-time tools that read,
//! check and bake it, from the `ops-trio-content` crate (`crates/content/`), which
//! `build.rs` and xtask share. The baked content of each locale is reached through
//! [`crate::i18n::Locale::content`].

pub use ops_trio_content::model;

// Build-time and test-time only: the wasm carries baked statics, not these.
#[cfg(not(target_arch = "wasm32"))]
pub use ops_trio_content::{bake, load, validate};
