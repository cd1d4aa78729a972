//! Where the reader is: the URL parsed into a route, and back.
//!
//! A view lives at a real path, served by any static host as a file: `sre/` is
//! `sre/index.html`, prerendered, and the overview is the build's root. The address
//! inside a view stays in the fragment: a section is an anchor (`sre/#toil`), and a
//! widget may follow it with its state (`career/#path-finder/1-1-2`, the quiz's
//! `quiz/#assessment?seed=7`). Links are relative to the build's root, which every
//! page below it names in its `<base href>`, so the build works from any folder. In a
//! package for an LMS, whose server answers no folder with its `index.html`, a link
//! names the page itself: `sre/index.html#toil` ([`LinkStyle::Files`]).
//!
//! Where there are no paths to serve, the single file from `file://` and a widget's
//! embed page, the whole route is in the fragment as it always was (`#/sre/toil`).
//! Those old links keep working on the served build too: the pages send them on to
//! their path before anything is drawn (`index.html`'s first script).

use std::cell::Cell;

use crate::content::model::Content;
use crate::i18n::Locale;

/// How this page writes its addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addressing {
    /// A view at a path, the address inside it in the fragment: `sre/#toil`.
    Paths,
    /// The whole route in the fragment: `#/sre/toil`.
    Fragments,
}

thread_local! {
    /// Chosen once, before the first render, by what the page is: a served page
    /// writes paths, the single file and an embed page fragments. A page never
    /// changes it, so every render of it writes the same links; a thread-local
    /// rather than a context because links are written by plain functions.
    static ADDRESSING: Cell<Addressing> = const { Cell::new(Addressing::Paths) };
}

thread_local! {
    /// The language of this page's links, set with the addressing: a locale's pages
    /// live in its folder (`zh-TW/sre/`), the default locale's at the build's root, so
    /// that a link keeps its language.
    static LINK_LOCALE: Cell<Locale> = const { Cell::new(Locale::DEFAULT) };
}

/// How a link names a page: by its folder, or by the folder's `index.html`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkStyle {
    /// `sre/`, `./`: a static host answers a folder with its `index.html`.
    Folders,
    /// `sre/index.html`, `./index.html`: for a server that answers no folder, as an
    /// LMS serving a package's files through its own script does.
    Files,
}

thread_local! {
    /// Chosen once, before the first render, with the addressing: files on a page of a
    /// package for an LMS (marked with [`PACKAGE_MARKER`]), folders everywhere else.
    static LINK_STYLE: Cell<LinkStyle> = const { Cell::new(LinkStyle::Folders) };
}

/// The `name` of the `<meta>` that `cargo xtask package` adds to every page of a
/// package for an LMS: a page that has it writes links with [`LinkStyle::Files`].
pub const PACKAGE_MARKER: &str = "ops-trio-package";

/// Sets how links name pages on this thread from now on.
pub fn set_link_style(style: LinkStyle) {
    LINK_STYLE.with(|cell| cell.set(style));
}

pub fn link_style() -> LinkStyle {
    LINK_STYLE.with(Cell::get)
}

/// Sets how links are written on this thread from now on.
pub fn set_addressing(addressing: Addressing) {
    ADDRESSING.with(|cell| cell.set(addressing));
}

/// Sets the language of the links written on this thread from now on.
pub fn set_link_locale(locale: Locale) {
    LINK_LOCALE.with(|cell| cell.set(locale));
}

pub fn link_locale() -> Locale {
    LINK_LOCALE.with(Cell::get)
}

/// The path below a locale's folder, its tag matched in any case, the folder itself
/// with or without its slash; None for a path of another locale's (or a view of the
/// default locale's, on another locale's page).
fn strip_locale_folder(path: &str, locale: Locale) -> Option<&str> {
    let folder = locale_folder(locale);
    if folder.is_empty() {
        return Some(path);
    }
    let tag = folder.trim_end_matches('/');
    let head = path.get(..tag.len())?;
    let rest = path.get(tag.len()..)?;
    (head.eq_ignore_ascii_case(tag) && (rest.is_empty() || rest.starts_with('/')))
        .then(|| rest.trim_start_matches('/'))
}

/// The folder of a locale's pages below the build's root: `zh-TW/`, or empty for the
/// default locale.
pub fn locale_folder(locale: Locale) -> String {
    match locale == Locale::DEFAULT {
        true => String::new(),
        false => format!("{}/", locale.tag()),
    }
}

pub fn addressing() -> Addressing {
    ADDRESSING.with(Cell::get)
}

/// The view served at the build's root.
pub const HOME_VIEW: &str = "overview";

/// The link to a place, as this page writes links: a view, and an address inside it
/// (a section, or a widget's state; empty for the view's top).
pub fn place_href(view: &str, address: &str) -> String {
    match addressing() {
        Addressing::Paths => path_href(view, address),
        Addressing::Fragments => fragment_href(view, address),
    }
}

/// `sre/#toil`, relative to the build's root; the home view is the root itself, `./`.
/// In another locale, below its folder: `zh-TW/sre/#toil`, `zh-TW/`.
pub fn path_href(view: &str, address: &str) -> String {
    path_href_in(link_locale(), view, address)
}

/// [`path_href`] in a given locale: where the language switch leads. With
/// [`LinkStyle::Files`], the folder's page: `sre/index.html#toil`, `./index.html`.
pub fn path_href_in(locale: Locale, view: &str, address: &str) -> String {
    let locale_folder = locale_folder(locale);
    let folder = match (view, locale_folder.as_str()) {
        (HOME_VIEW, "") => "./".to_owned(),
        (HOME_VIEW, locale_folder) => locale_folder.to_owned(),
        (view, locale_folder) => format!("{locale_folder}{view}/"),
    };
    let href = match address {
        "" => folder,
        address => format!("{folder}#{address}"),
    };
    match link_style() {
        LinkStyle::Folders => href,
        LinkStyle::Files => naming_index_file(&href),
    }
}

/// A relative link to a folder (`sre/`, `./#why`, `zh-TW/sre/?lang=zh-TW`, `..`) made
/// to name the folder's page, `index.html`, its query and fragment kept; any other
/// link as it is: a file, this page's own fragment or query, an absolute URL. The app
/// writes its links through it on a package's pages, and `cargo xtask package` the
/// prerendered links, so that both write the same.
pub fn naming_index_file(href: &str) -> String {
    let path_end = href.find(['?', '#']).unwrap_or(href.len());
    let (path, rest) = href.split_at_checked(path_end).unwrap_or((href, ""));
    let first_segment = path.split('/').next().unwrap_or_default();
    let absolute = path.starts_with('/') || first_segment.contains(':');
    let page = match path.rsplit('/').next() {
        _ if absolute || path.is_empty() => None,
        // The path ends in `/`.
        Some("") => Some("index.html"),
        Some("." | "..") => Some("/index.html"),
        _ => None,
    };
    match page {
        Some(page) => format!("{path}{page}{rest}"),
        None => href.to_owned(),
    }
}

/// `#/sre/toil`: the whole route in the fragment.
pub fn fragment_href(view: &str, address: &str) -> String {
    match address {
        "" => format!("#/{view}"),
        address => format!("#/{view}/{address}"),
    }
}

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

    /// Reads a served page's URL: the path below the build's root (`sre/`,
    /// `sre/index.html`, or empty for the root) and the fragment (`#toil`). A fragment
    /// of the old form (`#/sre/toil`, typed on any page) wins: no address inside a
    /// view starts with `/`.
    pub fn from_path(path: &str, fragment: &str, content: &Content) -> Route {
        if fragment.starts_with("#/") {
            return Route::parse(fragment, content);
        }
        let path = path.strip_suffix("index.html").unwrap_or(path);
        // A page of another language is not a place in this one: following a link to
        // it loads it, with its own app.
        let Some(path) = strip_locale_folder(path, link_locale()) else {
            return Route::NotFound {
                path: format!("/{}", percent_decode(path)),
            };
        };
        let path = path.trim_matches('/');
        let address = fragment.trim_start_matches('#');
        let view = match path {
            "" => HOME_VIEW,
            path => path,
        };
        let joined = [view, address]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        Route::parse(&joined, content)
    }

    /// Reads a link relative to the build's root, as [`Route::href`] writes it on a
    /// served page (`sre/#toil`, `./`).
    pub fn from_link(link: &str, content: &Content) -> Route {
        let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
        let path = path.strip_prefix("./").unwrap_or(path);
        Route::from_path(path, &format!("#{fragment}"), content)
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

    /// The link that leads here, as this page writes links.
    pub fn href(&self) -> String {
        match self {
            Route::View { view, tail } => place_href(view, &tail.join("/")),
            Route::NotFound { path } => match addressing() {
                Addressing::Paths => path.trim_start_matches('/').to_owned(),
                Addressing::Fragments => format!("#{path}"),
            },
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

/// The link to a view.
pub fn view_href(view: &str) -> String {
    place_href(view, "")
}

/// The link to a section of a view.
pub fn section_href(view: &str, section: &str) -> String {
    place_href(view, section)
}

/// Decodes `%xx` escapes, so that a path typed with spaces or accents shows as typed.
/// Anything that is not a valid escape, or not UTF-8 once decoded, is kept as it is.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escape = (byte == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_owned())
}

/// The id of every view's `<h1>`, where focus goes after a navigation.
pub const PAGE_TITLE_ID: &str = "page-title";

/// The id of a section's heading, where a link to the section lands.
pub fn section_element_id(section: &str) -> String {
    format!("section-{section}")
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
    fn every_view_has_a_route_that_round_trips_in_both_addressings() {
        for v in content().views.iter() {
            let route = view(&v.id, &["a-section"]);
            assert_eq!(Route::from_link(&route.href(), content()), route);
            set_addressing(Addressing::Fragments);
            assert_eq!(Route::parse(&route.href(), content()), route);
            set_addressing(Addressing::Paths);
        }
        assert_eq!(section_href("sre", "toil"), "sre/#toil");
        assert_eq!(view_href(HOME_VIEW), "./");
        set_addressing(Addressing::Fragments);
        assert_eq!(section_href("sre", "toil"), "#/sre/toil");
        set_addressing(Addressing::Paths);
    }

    #[test]
    fn the_home_view_is_the_first_view_of_the_content() {
        assert_eq!(Route::home(content()), view(HOME_VIEW, &[]));
    }

    #[test]
    fn a_served_page_is_read_from_its_path_and_fragment() {
        let at = |path, fragment| Route::from_path(path, fragment, content());
        assert_eq!(at("", ""), view("overview", &[]));
        assert_eq!(at("index.html", "#why"), view("overview", &["why"]));
        assert_eq!(at("sre/", ""), view("sre", &[]));
        assert_eq!(at("SRE/index.html", "#toil"), view("sre", &["toil"]));
        assert_eq!(
            at("career/", "#path-finder/1-2"),
            view("career", &["path-finder", "1-2"])
        );
        assert_eq!(
            at("quiz/", "#assessment?seed=7"),
            view("quiz", &["assessment?seed=7"])
        );
        assert_eq!(
            at("no-such/", ""),
            Route::NotFound {
                path: "/no-such".into()
            }
        );
        // A link of the old form still lands where it used to, on any page.
        assert_eq!(at("", "#/sre/toil"), view("sre", &["toil"]));
        assert_eq!(at("sre/", "#/devops/calms"), view("devops", &["calms"]));
    }

    #[test]
    fn a_page_of_another_language_is_read_in_its_folder_and_nowhere_else() {
        set_link_locale(Locale::ZhTw);
        let at = |path, fragment| Route::from_path(path, fragment, content());
        assert_eq!(at("zh-TW/sre/", "#toil"), view("sre", &["toil"]));
        assert_eq!(
            at("zh-tw/sre/", ""),
            view("sre", &[]),
            "the tag in any case"
        );
        assert_eq!(
            at("zh-TW", ""),
            view("overview", &[]),
            "the folder without its slash"
        );
        assert_eq!(at("zh-TW/", ""), view("overview", &[]));
        assert_eq!(
            at("sre/", ""),
            Route::NotFound {
                path: "/sre/".into()
            },
            "an English page is not a place of the Chinese app: following it loads it"
        );
        assert_eq!(section_href("sre", "toil"), "zh-TW/sre/#toil");
        assert_eq!(view_href(HOME_VIEW), "zh-TW/");
        set_link_locale(Locale::En);
        assert!(matches!(at("zh-TW/sre/", ""), Route::NotFound { .. }));
    }

    #[test]
    fn a_folder_link_names_its_index_file_and_any_other_link_stays() {
        for (folder, file) in [
            ("sre/", "sre/index.html"),
            ("./", "./index.html"),
            ("./#why", "./index.html#why"),
            ("zh-TW/", "zh-TW/index.html"),
            (
                "zh-TW/sre/?lang=zh-TW#toil",
                "zh-TW/sre/index.html?lang=zh-TW#toil",
            ),
            ("../", "../index.html"),
            ("..", "../index.html"),
            (".", "./index.html"),
            ("sre/..", "sre/../index.html"),
        ] {
            assert_eq!(naming_index_file(folder), file, "{folder}");
        }
        for other in [
            "sre/index.html",
            "embed-calms.html",
            "#main",
            "#/quiz/assessment",
            "?lang=en",
            "",
            "https://sre.google/workbook/",
            "/sre/",
            "//example.com/sre/",
            "mailto:someone@example.com",
            "./app-d4ca35ac730d204b.css",
        ] {
            assert_eq!(naming_index_file(other), other, "{other}");
        }
    }

    #[test]
    fn a_package_page_links_to_files_in_every_language() {
        set_link_style(LinkStyle::Files);
        assert_eq!(view_href(HOME_VIEW), "./index.html");
        assert_eq!(view_href("sre"), "sre/index.html");
        assert_eq!(section_href("sre", "toil"), "sre/index.html#toil");
        assert_eq!(
            path_href_in(Locale::ZhTw, HOME_VIEW, ""),
            "zh-TW/index.html"
        );
        assert_eq!(
            path_href_in(Locale::ZhTw, "sre", "toil"),
            "zh-TW/sre/index.html#toil"
        );
        // Every view's link still leads to its view, and fragments are untouched.
        for v in content().views.iter() {
            let route = view(&v.id, &["a-section"]);
            assert_eq!(Route::from_link(&route.href(), content()), route);
        }
        set_addressing(Addressing::Fragments);
        assert_eq!(section_href("sre", "toil"), "#/sre/toil");
        set_addressing(Addressing::Paths);
        set_link_style(LinkStyle::Folders);
        assert_eq!(view_href("sre"), "sre/");
    }

    proptest! {
        /// Whatever is typed after the `#`, parsing gives a route and never panics, and a
        /// view route's href parses back to the same route.
        #[test]
        fn any_fragment_parses_and_view_routes_round_trip(fragment in "\\PC{0,40}") {
            let route = Route::parse(&fragment, content());
            if let Route::View { tail, .. } = &route {
                if tail.iter().all(|s| !s.contains(['/', '%', '#'])) {
                    prop_assert_eq!(Route::from_link(&route.href(), content()), route.clone());
                }
            }
        }
    }
}
