//! The shift-left pipeline: security checks moving from one gate at the end into every
//! stage, and defects sent down the pipeline to see where each model catches them. In
//! the DevSecOps view, and as a widget that stands alone.
//!
//! `model` holds the behaviour and is tested natively; `view` renders it.

pub mod model;

mod view;

pub use view::{PipelineWidget, PipelineWidgetProps};

/// How long the token rests at each stop while a run plays.
pub const STEP_MS: u32 = 800;
