//! The error-budget lab: an SLO slider, the downtime and failed requests it allows, a
//! burn simulation with the budget policy, and multiwindow burn-rate alerts. In the SRE
//! view, and as a widget that stands alone.
//!
//! `model` holds the maths and `parse` reads the fields, both tested natively; `lab`
//! renders them.

pub mod model;
pub mod parse;
pub mod state;

mod lab;

pub use lab::{BudgetLabWidget, BudgetLabWidgetProps};
