//! What ships in the second wasm bundle rather than in the first load: the quiz, the
//! shift-left pipeline, the error-budget lab and the career path finder's tree and
//! self-rating. With them the first load went past its 150 KB budget, and none of them
//! is on the page a visit opens at.
//!
//! The main app puts a [`WidgetMount`] where such a widget belongs; it imports the
//! bundle and asks it to render a [`LazyWidget`] there (see `src/bin/quiz.rs`).

mod app;
mod mount;

use yew::{Callback, Properties};

use crate::i18n::Locale;

pub use app::LazyWidget;
pub use mount::WidgetMount;

/// What a widget of the second bundle is given: the same on both sides, since the
/// main app's [`WidgetMount`] passes it on to the bundle's [`LazyWidget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub locale: Locale,
    pub widget: LazyWidgetId,
    /// The widget's state as the URL gives it, for widgets that keep it there.
    #[prop_or_default]
    pub requested: Option<String>,
    /// Told the widget's state when it changes, for the URL.
    #[prop_or_default]
    pub on_change: Callback<String>,
    /// Shown alone in an iframe.
    #[prop_or_default]
    pub embedded: bool,
}

/// A widget of the second bundle, named across the boundary between the two bundles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyWidgetId {
    Quiz,
    Pipeline,
    BudgetLab,
    CareerTree,
    SkillRating,
}

impl LazyWidgetId {
    pub const ALL: [LazyWidgetId; 5] = [
        LazyWidgetId::Quiz,
        LazyWidgetId::Pipeline,
        LazyWidgetId::BudgetLab,
        LazyWidgetId::CareerTree,
        LazyWidgetId::SkillRating,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LazyWidgetId::Quiz => "quiz",
            LazyWidgetId::Pipeline => "pipeline",
            LazyWidgetId::BudgetLab => "budget-lab",
            LazyWidgetId::CareerTree => "career-tree",
            LazyWidgetId::SkillRating => "skill-rating",
        }
    }

    pub fn from_name(name: &str) -> Option<LazyWidgetId> {
        LazyWidgetId::ALL.into_iter().find(|w| w.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_widget_is_found_by_its_name_and_no_other_name_finds_one() {
        for widget in LazyWidgetId::ALL {
            assert_eq!(LazyWidgetId::from_name(widget.name()), Some(widget));
        }
        assert_eq!(LazyWidgetId::from_name("calms"), None);
    }
}
