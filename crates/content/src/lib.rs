//! Ops Trio's content as data, shared by the app, its `build.rs` and `xtask`: the model
//! of the article and of its widgets' data, the question bank, decimals as written, the
//! checks on all of it, and (with the `authoring` feature) the tools that read the TOML
//! and bake it into Rust statics. The wasm gets the model and the bank's types, never a
//! parser.

// As in the app: no lookup that can panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod bank;
pub mod decimal;
pub mod model;
pub mod validate;

#[cfg(feature = "authoring")]
pub mod bake;
#[cfg(feature = "authoring")]
pub mod load;
#[cfg(feature = "authoring")]
pub mod shape;
#[cfg(feature = "authoring")]
pub mod ui_bake;
