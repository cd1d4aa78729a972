//! What an embedding page asks for, read from the page's query string:
//! `?embed=calms|pipeline|budget|quiz|career`, with `&topic=` for the quiz, `&theme=light|dark`
//! and `&lang=`. An unknown widget is reported; an unknown theme or language falls
//! back without a word, as a host may pass what it passes everywhere.

use crate::i18n::Locale;
use crate::route::percent_decode;
use crate::theme::Theme;
use crate::widgets::Widget;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// The widget asked for, or the unknown value that was asked for.
    pub widget: Result<Widget, String>,
    /// For the quiz: a discipline or topic to practise, such as `sre`.
    pub topic: Option<String>,
    pub theme: Option<Theme>,
    pub locale: Locale,
}

impl Embed {
    /// A widget's embed page, with what its query string asks (`?topic=sre&theme=dark`).
    pub fn on_page(widget: Widget, search: &str) -> Embed {
        let query = format!("embed={}&{}", widget.id(), search.trim_start_matches('?'));
        Embed::parse(&query).unwrap_or(Embed {
            widget: Ok(widget),
            topic: None,
            theme: None,
            locale: Locale::DEFAULT,
        })
    }

    /// The neutral state of a widget's page, as the build prerenders it: nothing asked.
    pub fn neutral(widget: Widget) -> Embed {
        Embed::on_page(widget, "")
    }

    /// Reads a query string such as `?embed=quiz&topic=sre`; None when it asks for no
    /// embedding, and the full module shows.
    pub fn parse(search: &str) -> Option<Embed> {
        let params: Vec<(String, String)> = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| {
                (
                    percent_decode(key),
                    percent_decode(&value.replace('+', " ")),
                )
            })
            .collect();
        let value = |key: &str| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_owned())
        };
        let asked = value("embed")?;
        Some(Embed {
            widget: Widget::from_id(&asked).ok_or(asked),
            topic: value("topic").filter(|topic| is_topic(topic)),
            theme: match value("theme").as_deref() {
                Some("light") => Some(Theme::Light),
                Some("dark") => Some(Theme::Dark),
                _ => None,
            },
            locale: value("lang")
                .and_then(|tag| Locale::from_tag(&tag))
                .unwrap_or(Locale::DEFAULT),
        })
    }

    /// The fragment the quiz should open at: a practice quiz on the topic, if any.
    pub fn quiz_fragment(&self) -> Option<String> {
        match (&self.widget, &self.topic) {
            (Ok(Widget::Quiz), Some(topic)) => Some(format!("#/quiz/practice/{topic}")),
            _ => None,
        }
    }
}

/// A topic is lowercase words, digits and dashes, separated by slashes.
fn is_topic(topic: &str) -> bool {
    !topic.is_empty()
        && topic.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn no_embed_parameter_means_the_full_module() {
        assert_eq!(Embed::parse(""), None);
        assert_eq!(Embed::parse("?theme=dark"), None);
    }

    #[test]
    fn each_widget_is_asked_for_by_name() {
        for widget in Widget::ALL {
            let embed = Embed::parse(&format!("?embed={}", widget.id())).unwrap();
            assert_eq!(embed.widget, Ok(widget));
        }
        assert_eq!(
            Embed::parse("?embed=CALMS").unwrap().widget,
            Ok(Widget::Calms)
        );
    }

    #[test]
    fn each_widget_has_a_page_of_its_own_that_reads_the_rest_of_the_query() {
        for widget in Widget::ALL {
            assert_eq!(Widget::from_page(&widget.page()), Some(widget));
            assert_eq!(Embed::neutral(widget).widget, Ok(widget));
        }
        assert_eq!(Widget::from_page("index.html"), None);
        let embed = Embed::on_page(Widget::Quiz, "?topic=sre&theme=dark&embed=calms");
        assert_eq!(embed.widget, Ok(Widget::Quiz));
        assert_eq!(embed.topic.as_deref(), Some("sre"));
        assert_eq!(embed.theme, Some(Theme::Dark));
        assert_eq!(Widget::Budget.home(), "sre/#error-budget");
        assert_eq!(Widget::Quiz.home(), "quiz/");
    }

    #[test]
    fn an_unknown_widget_is_kept_to_be_named() {
        assert_eq!(
            Embed::parse("?embed=kanban%20board").unwrap().widget,
            Err("kanban board".into())
        );
    }

    #[test]
    fn the_quiz_takes_a_topic_and_refuses_a_strange_one() {
        let embed = Embed::parse("?embed=quiz&topic=devops/calms/lean").unwrap();
        assert_eq!(
            embed.quiz_fragment().as_deref(),
            Some("#/quiz/practice/devops/calms/lean")
        );
        let odd = Embed::parse("?embed=quiz&topic=../../x").unwrap();
        assert_eq!(odd.topic, None);
        assert_eq!(
            Embed::parse("?embed=calms&topic=sre")
                .unwrap()
                .quiz_fragment(),
            None
        );
    }

    #[test]
    fn unknown_themes_and_languages_fall_back_quietly() {
        let embed = Embed::parse("?embed=budget&theme=purple&lang=xx").unwrap();
        assert_eq!((embed.theme, embed.locale), (None, Locale::DEFAULT));
        let dark = Embed::parse("?embed=budget&theme=dark&lang=en").unwrap();
        assert_eq!((dark.theme, dark.locale), (Some(Theme::Dark), Locale::En));
    }

    proptest! {
        #[test]
        fn any_query_string_is_read_without_panic(query in "\\PC{0,60}") {
            let _ = Embed::parse(&query);
        }
    }
}
