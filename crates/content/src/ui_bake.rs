//! Generates the `Locale` enum and the interface strings from `assets/i18n/<tag>.toml`.
//! Used by `build.rs`; never compiled into the wasm.
//!
//! Each file groups keys in tables: `[nav] label = "Views"` becomes the field
//! `nav_label` of the generated `Ui` struct, so a missing key is a compile error where
//! it is used, not a blank button at run time. Every locale must have exactly the keys
//! of the first (English), with the same `{placeholders}`.

use std::collections::BTreeSet;

/// The strings of one locale, flattened to `(key, text)` in file order.
pub struct LocaleStrings {
    /// A BCP 47 tag such as `en` or `zh-TW`.
    pub tag: String,
    pub strings: Vec<(String, String)>,
}

/// Reads one locale file's TOML text.
pub fn parse_locale(tag: &str, text: &str) -> Result<LocaleStrings, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| format!("{tag}: {e}"))?;
    let mut strings = Vec::new();
    for (group, entries) in table {
        let toml::Value::Table(entries) = entries else {
            return Err(format!("{tag}: `{group}` must be a table of strings"));
        };
        for (key, value) in entries {
            let toml::Value::String(text) = value else {
                return Err(format!("{tag}: `{group}.{key}` must be a string"));
            };
            if text.trim().is_empty() {
                return Err(format!("{tag}: `{group}.{key}` is empty"));
            }
            strings.push((format!("{group}_{key}"), text));
        }
    }
    Ok(LocaleStrings {
        tag: tag.to_owned(),
        strings,
    })
}

/// Checks that every locale matches the first one key for key and placeholder for
/// placeholder. Returns every mismatch.
pub fn check_locales(locales: &[LocaleStrings]) -> Vec<String> {
    let Some((reference, others)) = locales.split_first() else {
        return vec!["there is no locale under assets/i18n".into()];
    };
    let mut problems = Vec::new();
    for other in others {
        let keys = |l: &LocaleStrings| -> BTreeSet<String> {
            l.strings.iter().map(|(k, _)| k.clone()).collect()
        };
        for missing in keys(reference).difference(&keys(other)) {
            problems.push(format!("{}: `{missing}` is missing", other.tag));
        }
        for extra in keys(other).difference(&keys(reference)) {
            problems.push(format!(
                "{}: `{extra}` is not a key of {}",
                other.tag, reference.tag
            ));
        }
        for (key, text) in &other.strings {
            if let Some((_, base)) = reference.strings.iter().find(|(k, _)| k == key) {
                if placeholders(base) != placeholders(text) {
                    problems.push(format!(
                        "{}: `{key}` must use the placeholders {:?}",
                        other.tag,
                        placeholders(base)
                    ));
                }
            }
        }
    }
    problems
}

/// The `{name}` placeholders of a template.
pub fn placeholders(template: &str) -> BTreeSet<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// `zh-TW` to `ZhTw`: a locale tag as a Rust identifier.
pub fn locale_ident(tag: &str) -> String {
    tag.split(['-', '_'])
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Rust source for the `Ui` struct, the `Locale` enum, and the strings of the locales
/// a build carries. `content_static` names the baked content static of a locale.
///
/// `carried` is the one locale a wasm build carries, or `None` to carry all (a native
/// build: the prerenderer and the tests render every language). A wasm carries one
/// language only, so that no reader downloads the text of another: each locale's
/// pages load its own wasm. There every locale's `ui()` and `content()` are the
/// carried one's, since a page never renders another; each locale's own name
/// (`endonym`, the language switch's label) is in every build.
pub fn generate(
    locales: &[LocaleStrings],
    carried: Option<&str>,
    content_static: impl Fn(&str) -> String,
) -> String {
    // build.rs refuses a build without the reference locale, which it puts first.
    let Some(reference) = locales.first() else {
        return String::new();
    };
    let is_carried = |locale: &LocaleStrings| carried.is_none_or(|tag| tag == locale.tag);
    let mut out = String::from(
        "/// Every interface string of one locale. Generated from `assets/i18n/*.toml`.\n\
         #[derive(Debug, PartialEq)]\npub struct Ui {\n",
    );
    for (key, text) in &reference.strings {
        out += &format!("    /// {text:?}\n    pub {key}: &'static str,\n");
    }
    out += "}\n\n";
    for locale in locales.iter().filter(|l| is_carried(l)) {
        out += &format!("static {}: Ui = Ui {{\n", ui_static(&locale.tag));
        for (key, text) in &locale.strings {
            out += &format!("    {key}: {text:?},\n");
        }
        out += "};\n\n";
    }
    out += "/// A language the module is written in.\n\
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n";
    for locale in locales {
        out += &format!("    {},\n", locale_ident(&locale.tag));
    }
    out += "}\n\nimpl Locale {\n    pub const ALL: &'static [Locale] = &[";
    for locale in locales {
        out += &format!("Locale::{}, ", locale_ident(&locale.tag));
    }
    out += "];\n";
    let carried_tag = carried.unwrap_or(&reference.tag);
    out += &format!(
        "    /// The locale this build carries the strings of (all, natively: then the reference).\n    \
         pub const CARRIED: Locale = Locale::{};\n",
        locale_ident(carried_tag)
    );
    out += &match_fn("tag", "&'static str", locales, |l| format!("{:?}", l.tag));
    out += &match_fn("endonym", "&'static str", locales, |l| {
        let name = l.strings.iter().find(|(key, _)| key == ENDONYM_KEY);
        format!(
            "{:?}",
            name.map_or(l.tag.as_str(), |(_, text)| text.as_str())
        )
    });
    let shown = |l: &LocaleStrings| {
        if is_carried(l) {
            l.tag.clone()
        } else {
            carried_tag.to_owned()
        }
    };
    out += &match_fn("ui", "&'static Ui", locales, |l| {
        format!("&{}", ui_static(&shown(l)))
    });
    out += &match_fn("content", "&'static Content", locales, |l| {
        format!("&{}", content_static(&shown(l)))
    });
    out += "}\n";
    out
}

/// The key of a locale's own name, in that language: `[locale] name = "English"`.
pub const ENDONYM_KEY: &str = "locale_name";

fn ui_static(tag: &str) -> String {
    format!("UI_{}", locale_ident(tag).to_uppercase())
}

fn match_fn(
    name: &str,
    returns: &str,
    locales: &[LocaleStrings],
    arm: impl Fn(&LocaleStrings) -> String,
) -> String {
    let mut out = format!("    pub fn {name}(self) -> {returns} {{\n        match self {{\n");
    for locale in locales {
        out += &format!(
            "            Locale::{} => {},\n",
            locale_ident(&locale.tag),
            arm(locale)
        );
    }
    out + "        }\n    }\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(tag: &str, text: &str) -> LocaleStrings {
        parse_locale(tag, text).unwrap()
    }

    #[test]
    fn keys_are_flattened_by_group() {
        let en = locale("en", "[nav]\nlabel = \"Views\"\n");
        assert_eq!(en.strings, vec![("nav_label".into(), "Views".into())]);
    }

    #[test]
    fn an_empty_string_is_refused() {
        let error = parse_locale("en", "[nav]\nlabel = \" \"\n").err().unwrap();
        assert!(error.contains("nav.label"), "{error}");
    }

    #[test]
    fn a_second_locale_must_match_keys_and_placeholders() {
        let en = locale("en", "[a]\nx = \"{n} of {total}\"\ny = \"Y\"\n");
        let zh = locale("zh-TW", "[a]\nx = \"{n}\"\nz = \"Z\"\n");
        let problems = check_locales(&[en, zh]);
        assert!(
            problems.iter().any(|p| p.contains("`a_y` is missing")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("`a_z` is not a key")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("placeholders")),
            "{problems:?}"
        );
    }

    #[test]
    fn locale_tags_become_identifiers() {
        assert_eq!(locale_ident("en"), "En");
        assert_eq!(locale_ident("zh-TW"), "ZhTw");
    }
}
