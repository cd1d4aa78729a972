//! The shift-left pipeline: security checks moving from one gate at the end into every
//! stage, and defects sent down the pipeline to see where each model catches them. In
//! the DevSecOps view, and as a widget that stands alone.
//!
//! `model` holds the run's rules and `state` the widget's state and update, both tested
//! natively; `view` renders them.

pub mod model;
pub mod state;

mod view;

pub use view::{PipelineWidget, PipelineWidgetProps};

/// How long the token rests at each stop while a run plays.
pub const STEP_MS: u32 = 800;
