//! Locales and the interface strings of each.
//!
//! `build.rs` generates, from `assets/i18n/<tag>.toml` and `assets/content/<tag>/`:
//! the [`Ui`] struct (one `&'static str` field per key, so an unknown key does not
//! compile), one `Ui` and one content static per locale, and the [`Locale`] enum.

#[cfg(not(target_arch = "wasm32"))]
pub use ops_trio_content::ui_bake as bake;

// The baked content is written with the model's type names.
#[allow(unused_imports)]
use crate::content::model::*;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

impl Locale {
    /// The language the content is written in first, and the fallback.
    pub const DEFAULT: Locale = match Locale::ALL.first() {
        Some(locale) => *locale,
        None => panic!("build.rs generates at least the reference locale"),
    };

    /// The locale with this BCP 47 tag, compared case-insensitively.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .iter()
            .copied()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag))
    }
}

/// Fills the `{name}` placeholders of an interface string, in one pass, so that a value
/// containing braces (text from the URL, say) is never read as a placeholder. A
/// placeholder with no value is left as it is, so a mistake shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|v| (close, v.1))
        });
        match value {
            Some((close, value)) => {
                text.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_named_placeholder() {
        assert_eq!(
            fill("{count} out of {max}", &[("count", "4"), ("max", "5")]),
            "4 out of 5"
        );
        assert_eq!(fill("{a} and {a}", &[("a", "x")]), "x and x");
        assert_eq!(fill("{missing}", &[]), "{missing}");
        assert_eq!(
            fill("{a} {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} x",
            "values are not re-read"
        );
        assert_eq!(fill("{unclosed", &[("unclosed", "x")]), "{unclosed");
    }

    #[test]
    fn the_default_locale_is_english_and_tags_round_trip() {
        assert_eq!(Locale::DEFAULT.tag(), "en");
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(*locale));
        }
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("xx"), None);
    }
}
