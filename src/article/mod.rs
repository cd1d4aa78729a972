//! The article views: each view of the content rendered as a page of sections.

mod article_only;
mod blocks;
mod diagrams;
mod view;

pub use article_only::ArticleOnly;
pub use view::{ArticleView, ArticleViewProps};
