//! The career path finder: the article's decision tree made interactive, a
//! self-rating against the skills table, and the salary table as a range chart. In the
//! Career view, and the tree as a widget that stands alone (`?embed=career`).
//!
//! The models, each with its tests and no browser: `walk` (the path finder's state),
//! `layout` (the tree drawn), `skills` (the self-rating's state and its gaps), `scale`
//! (the salary chart's axis and amounts). `tree`, `rating` and `salary` render them.

pub mod layout;
pub mod scale;
pub mod skills;
pub mod walk;

mod rating;
mod salary;
mod tree;

pub use rating::{SkillGapTable, SkillGapTableProps, SkillRatingWidget, SkillRatingWidgetProps};
pub use salary::{SalaryChartView, SalaryChartViewProps};
pub use tree::{CareerTreeWidget, CareerTreeWidgetProps};

/// What the models' tests draw on: the article's tree and skills table.
#[cfg(test)]
mod fixtures {
    use crate::content::model::{Block, CareerTree};
    use crate::i18n::Locale;

    use super::skills::SkillProfiles;

    pub fn tree() -> CareerTree {
        Locale::En
            .content()
            .blocks()
            .find_map(|block| match block {
                Block::CareerTree(tree) => Some(tree.clone()),
                _ => None,
            })
            .expect("the Career view has a tree")
    }

    pub fn profiles() -> SkillProfiles {
        SkillProfiles::from_table(Locale::En.content().table("skills").unwrap()).unwrap()
    }
}
