//! How deep a widget's headings sit: under its section's `h2` in the article, its own
//! top heading is an `h3`; on its embed page, under the page's `h1`, an `h2`. The
//! embed page says so through a context; a widget asks with [`use_heading_level`], so
//! no page skips a heading level (axe's `heading-order`).

use yew::prelude::*;

/// The level of a widget's own top heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    /// In the article, under a section's `h2`.
    pub const IN_ARTICLE: HeadingLevel = HeadingLevel(3);
    /// Alone on an embed page, under its `h1`.
    pub const ALONE: HeadingLevel = HeadingLevel(2);

    /// The tag of a heading `depth` levels below the widget's top (0 is the top), at
    /// most `h6`.
    pub fn tag(self, depth: u8) -> &'static str {
        match self.0.saturating_add(depth) {
            0..=1 => "h1",
            2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }
}

/// The level of this widget's top heading: [`HeadingLevel::IN_ARTICLE`] unless a page
/// provides another.
#[hook]
pub fn use_heading_level() -> HeadingLevel {
    use_context::<HeadingLevel>().unwrap_or(HeadingLevel::IN_ARTICLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_go_one_level_down_per_depth_and_stop_at_h6() {
        assert_eq!(HeadingLevel::IN_ARTICLE.tag(0), "h3");
        assert_eq!(HeadingLevel::IN_ARTICLE.tag(1), "h4");
        assert_eq!(HeadingLevel::ALONE.tag(0), "h2");
        assert_eq!(HeadingLevel::ALONE.tag(9), "h6");
    }
}
