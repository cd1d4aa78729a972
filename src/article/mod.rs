//! The article views: each view of the content rendered as a page of sections.

mod blocks;
mod diagrams;
pub mod table;
mod view;

pub use table::TableView;
pub use view::ArticleView;

use yew::AttrValue;

use crate::content::model::Text;

/// Content text as a yew value, without copying the baked static strings.
pub fn text(text: &Text) -> AttrValue {
    match text {
        Text::Borrowed(s) => AttrValue::Static(s),
        Text::Owned(s) => AttrValue::from(s.clone()),
    }
}
