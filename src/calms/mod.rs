//! The CALMS wheel: DevOps's five pillars as an explorable, animated diagram, in the
//! DevOps view and as a widget that stands alone.
//!
//! `state` holds the wheel's state and update (selection, spotlight, tour) and is tested natively;
//! `geometry` places the segments; `wheel` renders the state and sends messages.

pub mod geometry;
pub mod state;

mod icons;
mod wheel;

pub use wheel::{CalmsWheel, CalmsWheelProps};

/// How long the auto-tour rests on each pillar.
pub const TOUR_STEP_MS: u32 = 4_000;
