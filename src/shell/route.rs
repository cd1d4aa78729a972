//! Where the reader is: the URL fragment parsed into a route, and back.
//!
//! Routes live in the fragment (`#/sre/error-budget`), so they work on any static
//! host, inside an iframe and from `file://`, and the browser's own history gives Back
//! and Forward. The first segment names a view; the rest is an address inside it,
//! for now a section id.

use crate::content::model::Content;
use crate::quiz::route::QuizRoute;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    View {
        /// The id of a view of the content.
        view: String,
        /// The segments after the view's id.
        tail: Vec<String>,
    },
    /// The fragment names no view; `path` is what the reader asked for, decoded.
    NotFound { path: String },
}

/// The view whose address belongs to the quiz.
pub const QUIZ_VIEW: &str = "quiz";

impl Route {
    /// The first view of the content: what an empty fragment opens.
    pub fn home(content: &Content) -> Route {
        Route::View {
            view: content
                .views
                .first()
                .map(|v| v.id.to_string())
                .unwrap_or_default(),
            tail: Vec::new(),
        }
    }

    /// Parses a URL fragment such as `#/devops/calms`; the `#` and `/` are optional.
    /// The view id is matched case-insensitively, since readers type URLs by hand.
    pub fn parse(fragment: &str, content: &Content) -> Route {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let mut segments = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode);
        let Some(first) = segments.next() else {
            return Route::home(content);
        };
        match content
            .views
            .iter()
            .find(|v| v.id.eq_ignore_ascii_case(&first))
        {
            Some(view) => Route::View {
                view: view.id.to_string(),
                tail: segments.collect(),
            },
            None => Route::NotFound {
                path: format!("/{}", percent_decode(path)),
            },
        }
    }

    /// The fragment that leads here, starting with `#/`.
    pub fn href(&self) -> String {
        match self {
            Route::View { view, tail } => std::iter::once(view.as_str())
                .chain(tail.iter().map(String::as_str))
                .fold(String::from("#"), |href, segment| href + "/" + segment),
            Route::NotFound { path } => format!("#{path}"),
        }
    }

    /// Whether this is the address of a quiz being taken, which the quiz reads itself.
    pub fn is_taking_quiz(&self) -> bool {
        match self {
            Route::View { view, tail } if view == QUIZ_VIEW => {
                matches!(QuizRoute::parse(tail), QuizRoute::Take { .. })
            }
            _ => false,
        }
    }

    pub fn view_id(&self) -> Option<&str> {
        match self {
            Route::View { view, .. } => Some(view),
            Route::NotFound { .. } => None,
        }
    }

    /// The section the route points at, if any.
    pub fn section(&self) -> Option<&str> {
        match self {
            Route::View { tail, .. } => tail.first().map(String::as_str),
            Route::NotFound { .. } => None,
        }
    }
}

/// The fragment of a view, `#/<id>`.
pub fn view_href(view: &str) -> String {
    format!("#/{view}")
}

/// The fragment of a section of a view, `#/<view>/<section>`.
pub fn section_href(view: &str, section: &str) -> String {
    format!("#/{view}/{section}")
}

/// Decodes `%xx` escapes, so that a path typed with spaces or accents shows as typed.
/// Anything that is not a valid escape, or not UTF-8 once decoded, is kept as it is.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use proptest::prelude::*;

    fn content() -> &'static Content {
        Locale::En.content()
    }

    fn view(id: &str, tail: &[&str]) -> Route {
        Route::View {
            view: id.into(),
            tail: tail.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn an_empty_fragment_opens_the_overview() {
        for fragment in ["", "#", "#/", "/"] {
            assert_eq!(
                Route::parse(fragment, content()),
                view("overview", &[]),
                "{fragment:?}"
            );
        }
    }

    #[test]
    fn a_view_and_its_section_are_read_from_the_fragment() {
        assert_eq!(Route::parse("#/sre", content()), view("sre", &[]));
        assert_eq!(Route::parse("#/SRE/", content()), view("sre", &[]));
        assert_eq!(
            Route::parse("#/devops/calms/measurement", content()),
            view("devops", &["calms", "measurement"])
        );
        assert_eq!(
            Route::parse("#/devops/calms", content()).section(),
            Some("calms")
        );
    }

    #[test]
    fn an_unknown_view_is_not_found_with_the_path_decoded() {
        assert_eq!(
            Route::parse("#/no%20such/page", content()),
            Route::NotFound {
                path: "/no such/page".into()
            }
        );
        assert_eq!(
            Route::parse("#/%zz", content()),
            Route::NotFound {
                path: "/%zz".into()
            }
        );
    }

    #[test]
    fn every_view_has_a_route_that_round_trips() {
        for v in content().views.iter() {
            let route = view(&v.id, &[]);
            assert_eq!(route.href(), view_href(&v.id));
            assert_eq!(Route::parse(&route.href(), content()), route);
        }
        assert_eq!(section_href("sre", "toil"), "#/sre/toil");
    }

    proptest! {
        /// Whatever is typed after the `#`, parsing gives a route and never panics, and a
        /// view route's href parses back to the same route.
        #[test]
        fn any_fragment_parses_and_view_routes_round_trip(fragment in "\\PC{0,40}") {
            let route = Route::parse(&fragment, content());
            if let Route::View { tail, .. } = &route {
                if tail.iter().all(|s| !s.contains(['/', '%'])) {
                    prop_assert_eq!(Route::parse(&route.href(), content()), route.clone());
                }
            }
        }
    }
}
