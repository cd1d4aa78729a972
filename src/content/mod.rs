//! The article's content as data: the model, and the build-time tools that read,
//! check and bake it. The baked content of each locale is reached through
//! [`crate::i18n::Locale::content`].

pub mod model;

// Build-time and test-time only: the wasm carries baked statics, not these.
#[cfg(not(target_arch = "wasm32"))]
pub mod bake;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
