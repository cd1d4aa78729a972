//! Ops Trio: an interactive module on how DevOps, SRE and DevSecOps differ and fit
//! together.
//!
//! The pure core (`content`, `i18n`, `shell::route`, `shell::state`, `shell::theme`)
//! has no browser API and is tested natively. Components render state and send
//! messages; the browser is reached only through `platform`, from effects and callbacks.

pub mod article;
pub mod budget;
pub mod calms;
pub mod content;
pub mod format;
pub mod i18n;
pub mod pipeline;
pub mod platform;
pub mod shell;
