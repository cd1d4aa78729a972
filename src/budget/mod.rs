//! The error-budget lab: an SLO slider, the downtime and failed requests it allows, a
//! burn simulation with the budget policy, and multiwindow burn-rate alerts. In the SRE
//! view, and as a widget that stands alone.
//!
//! `model` holds the maths, `parse` reads the fields and `rules` writes the Prometheus
//! rules and the OpenSLO document, all tested natively; `lab` and `takeaway` render them.

pub mod burndown;
pub mod model;
pub mod parse;
pub mod rules;
pub mod state;

mod chart;
mod lab;
mod takeaway;

pub use lab::{BudgetLabWidget, BudgetLabWidgetProps};
