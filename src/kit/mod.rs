//! The view kit: what every view and widget draws with, and nothing that knows a
//! particular view or widget. Content text as a yew value, the content table, the
//! frame of a widget, the CSS-variables hook.

mod heading;
mod hooks;
mod interactive;
mod table;

pub use heading::{use_heading_level, HeadingLevel};
pub use hooks::use_css_vars;
pub use interactive::{Interactive, InteractiveProps, WithoutWidgets};
pub use table::{TableView, TableViewProps};

use yew::AttrValue;

use crate::content::model::Text;

/// Content text as a yew value, without copying the baked static strings.
pub fn text(text: &Text) -> AttrValue {
    match text {
        Text::Borrowed(s) => AttrValue::Static(s),
        Text::Owned(s) => AttrValue::from(s.clone()),
    }
}
