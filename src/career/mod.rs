//! The career path finder: the article's decision tree made interactive, a
//! self-rating against the skills table, and the salary table as a range chart. In the
//! Career view, and the tree as a widget that stands alone (`?embed=career`).
//!
//! `model` holds the walk, the tree's layout, the gaps and the salary scale, all tested
//! natively; `tree`, `rating` and `salary` render them.

pub mod model;

mod rating;
mod salary;
mod tree;

pub use rating::{SkillGapTable, SkillGapTableProps, SkillRatingWidget, SkillRatingWidgetProps};
pub use salary::{SalaryChartView, SalaryChartViewProps};
pub use tree::{CareerTreeWidget, CareerTreeWidgetProps};
