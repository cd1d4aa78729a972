//! The article views: each view of the content rendered as a page of sections.

mod blocks;
mod diagrams;
mod interactive;
pub mod table;
mod view;

pub use interactive::{ArticleOnly, Interactive};
pub use table::TableView;
pub use view::{ArticleView, ArticleViewProps};

use yew::AttrValue;

use crate::content::model::Text;

/// Content text as a yew value, without copying the baked static strings.
pub fn text(text: &Text) -> AttrValue {
    match text {
        Text::Borrowed(s) => AttrValue::Static(s),
        Text::Owned(s) => AttrValue::from(s.clone()),
    }
}
