//! Every page of the served build, rendered to static HTML at build time with yew's
//! server renderer (native only): each view at its own path, each widget's embed page
//! and the not-found page. `cargo xtask post-build` writes them into the build from
//! Trunk's `index.html`; in the browser the app hydrates the one it is given.
//!
//! What a page holds is what the app's first render draws: the neutral state, never
//! the reader's saved data nor what the URL's fragment says, which the app applies
//! once it runs. So the page reads in full without JavaScript, and hydrating it
//! changes nothing the reader sees.

use yew::LocalServerRenderer;

use crate::article::{ArticleOnly, ArticleViewProps};
use crate::embed::model::Embed;
use crate::embed::{EmbedApp, EmbedAppProps};
use crate::i18n::{fill, Locale};
use crate::route::{path_href_in, set_addressing, set_link_locale, Addressing, Route};
use crate::shell::{App, AppProps};
use crate::widgets::Widget;

/// One page of the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Its file, relative to the build's root: `index.html`, `sre/index.html`.
    pub file: String,
    /// What it was prerendered for, in `data-page` on `#app`: a view's id, `404`, or a
    /// widget's embed page.
    pub id: String,
    /// Its `<base href>`: the way back to the build's root, so that its relative links
    /// and assets resolve against the root. A page at the root has one too (`./`): the
    /// app pins it to the absolute URL it resolves to when it starts, so that after it
    /// has moved to `sre/` in place, links still resolve against the root. Empty for an
    /// embed page: it sits at the root already, and its links are fragments of itself
    /// (`#/quiz/assessment`), which a base would send to the root page.
    pub base: String,
    /// The document's title.
    pub title: String,
    /// Its language, `<html lang>`.
    pub lang: String,
    /// `<meta name="description">`, in the page's language.
    pub description: String,
    /// The same page in every language, `(tag, link relative to the build's root)`,
    /// for `<link rel="alternate" hreflang>` and the language negotiation of the
    /// page's first script. Empty for the not-found page, which is for no place.
    pub alternates: Vec<(String, String)>,
    /// The app's HTML, hydratable.
    pub body: String,
}

/// The `data-page` of the not-found page.
pub const NOT_FOUND_PAGE: &str = "404";

/// Renders every page of a locale: its views in its folder (`zh-TW/sre/index.html`),
/// its widgets' embed pages beside the root (`embed-calms.zh-TW.html`), and for the
/// default locale the not-found page, which hosts serve for any unknown path.
pub fn pages(locale: Locale) -> Vec<Page> {
    set_link_locale(locale);
    let pages = block_on(async move {
        let mut pages = Vec::new();
        for view in locale.content().views.iter() {
            pages.push(view_page(locale, &view.id).await);
        }
        if locale == Locale::DEFAULT {
            pages.push(not_found_page(locale).await);
        }
        for widget in Widget::ALL {
            pages.push(embed_page(locale, widget).await);
        }
        pages
    });
    set_link_locale(Locale::DEFAULT);
    pages
}

/// Each locale's `(tag, link)` for one place, `link` giving the locale's link.
fn alternates(link: impl Fn(Locale) -> String) -> Vec<(String, String)> {
    Locale::ALL
        .iter()
        .map(|&locale| (locale.tag().to_owned(), link(locale)))
        .collect()
}

fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing")
        .block_on(future)
}

fn document_title(locale: Locale, name: &str) -> String {
    fill(locale.ui().app_document_title, &[("view", name)])
}

async fn view_page(locale: Locale, id: &str) -> Page {
    set_addressing(Addressing::Paths);
    let route = Route::View {
        view: id.to_owned(),
        tail: Vec::new(),
    };
    let title = locale
        .content()
        .view(id)
        .map_or_else(String::new, |view| view.title.to_string());
    let folder = path_href_in(locale, id, "");
    let folder = folder.strip_prefix("./").unwrap_or(&folder);
    // As many steps back to the root as the page is folders deep.
    let base = match folder.matches('/').count() {
        0 => "./".to_owned(),
        depth => "../".repeat(depth),
    };
    Page {
        file: format!("{folder}index.html"),
        id: id.to_owned(),
        base,
        title: document_title(locale, &title),
        lang: locale.tag().to_owned(),
        description: locale.ui().app_description.to_owned(),
        alternates: alternates(|other| path_href_in(other, id, "")),
        body: render_app(locale, route).await,
    }
}

/// Served by hosts for any path they do not have, at any depth: its base can only be
/// absolute, so it assumes the build is at the site's root (the README says so).
async fn not_found_page(locale: Locale) -> Page {
    set_addressing(Addressing::Paths);
    let route = Route::NotFound {
        path: String::new(),
    };
    Page {
        file: "404.html".to_owned(),
        id: NOT_FOUND_PAGE.to_owned(),
        base: "/".to_owned(),
        title: document_title(locale, locale.ui().not_found_title),
        lang: locale.tag().to_owned(),
        description: locale.ui().app_description.to_owned(),
        alternates: Vec::new(),
        body: render_app(locale, route).await,
    }
}

async fn embed_page(locale: Locale, widget: Widget) -> Page {
    set_addressing(Addressing::Fragments);
    let embed = Embed {
        locale,
        ..Embed::neutral(widget)
    };
    // On this thread, where the addressing was set: `ServerRenderer` would render on
    // yew's worker threads, which never saw it.
    let body = LocalServerRenderer::<EmbedApp>::with_props(EmbedAppProps { embed })
        .render()
        .await;
    set_addressing(Addressing::Paths);
    Page {
        file: widget.page_in(locale),
        id: widget.page(),
        base: String::new(),
        title: document_title(locale, widget.name(locale.ui())),
        lang: locale.tag().to_owned(),
        description: locale.ui().app_description.to_owned(),
        alternates: alternates(|other| widget.page_in(other)),
        body,
    }
}

async fn render_app(locale: Locale, route: Route) -> String {
    LocalServerRenderer::<App>::with_props(AppProps { locale, route })
        .render()
        .await
}

/// Puts a page into the build's `index.html`: its title, its base, and its HTML in
/// `<div id="app">`, marked with what it was rendered for. Fails when the template
/// lacks one of the places it fills.
pub fn fill_template(template: &str, page: &Page) -> Result<String, String> {
    const APP: &str = "<div id=\"app\"></div>";
    const TITLE: (&str, &str) = ("<title>", "</title>");
    const CHARSET: &str = "<meta charset=\"utf-8\">";
    let title_start = template.find(TITLE.0).ok_or("no <title> in index.html")?;
    let title_end = template[title_start..]
        .find(TITLE.1)
        .map(|end| title_start + end + TITLE.1.len())
        .ok_or("no </title> in index.html")?;
    if !template.contains(APP) || !template.contains(CHARSET) {
        return Err(format!("index.html must have {CHARSET} and an empty {APP}"));
    }
    let title = format!("<title>{}</title>", escape(&page.title));
    let mut html = format!(
        "{}{title}{}",
        &template[..title_start],
        &template[title_end..]
    );
    if !page.base.is_empty() {
        let base = format!("{CHARSET}\n  <base href=\"{}\">", escape(&page.base));
        html = html.replacen(CHARSET, &base, 1);
    }
    const LANG: &str = "<html lang=\"en\">";
    if !html.contains(LANG) {
        return Err(format!("index.html must start with {LANG}"));
    }
    html = html.replacen(LANG, &format!("<html lang=\"{}\">", escape(&page.lang)), 1);
    html = with_description(&html, &page.description)?;
    // Before the page's first script, which reads them to choose the language.
    if let Some(links) = alternate_links(page) {
        html = html.replacen("</title>", &format!("</title>\n{}", links.trim_end()), 1);
    }
    if page.file != "index.html" {
        html = without_root_only_scripts(&html);
    }
    let app = format!(
        "<div id=\"app\" data-page=\"{}\">{}</div>",
        escape(&page.id),
        page.body
    );
    Ok(html.replacen(APP, &app, 1))
}

/// The template's `<meta name="description">` with the page's text.
fn with_description(html: &str, description: &str) -> Result<String, String> {
    const OPEN: &str = "<meta name=\"description\" content=\"";
    let start = html
        .find(OPEN)
        .map(|at| at + OPEN.len())
        .ok_or("index.html has no <meta name=\"description\">")?;
    let end = html[start..]
        .find('"')
        .map(|at| start + at)
        .ok_or("index.html's description is not closed")?;
    Ok(format!(
        "{}{}{}",
        &html[..start],
        escape(description),
        &html[end..]
    ))
}

/// `<link rel="alternate" hreflang>` for each language of the page, and `x-default`
/// for the default locale's: search engines and the page's first script read them.
fn alternate_links(page: &Page) -> Option<String> {
    let default = page
        .alternates
        .iter()
        .find(|(tag, _)| tag == Locale::DEFAULT.tag())?;
    let link = |tag: &str, href: &str| {
        format!(
            "  <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            escape(tag),
            escape(href)
        )
    };
    let mut links: String = page
        .alternates
        .iter()
        .map(|(tag, href)| link(tag, href))
        .collect();
    links += &link("x-default", &default.1);
    Some(links)
}

/// The page without the scripts that only the root page runs (`<script data-root-only>`:
/// sending links of the old form on to their path).
fn without_root_only_scripts(html: &str) -> String {
    const OPEN: &str = "<script data-root-only>";
    const CLOSE: &str = "</script>";
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    while let Some(start) = rest.find(OPEN) {
        kept += rest[..start].trim_end_matches([' ', '\n']);
        let after = &rest[start..];
        rest = after
            .find(CLOSE)
            .map_or("", |end| &after[end + CLOSE.len()..]);
    }
    kept + rest
}

/// The article as one static page, every view in order and no widget, for the
/// benchmark's floor: what a reader would get from the article as plain HTML.
pub fn article_page(locale: Locale) -> String {
    set_addressing(Addressing::Paths);
    let views = block_on(async move {
        let mut html = String::new();
        for view in locale.content().views.iter() {
            let view = view.id.to_string();
            html += &LocalServerRenderer::<ArticleOnly>::with_props(ArticleViewProps {
                locale,
                view,
                address: Vec::new(),
                on_replace: Default::default(),
                children: Default::default(),
            })
            .hydratable(false)
            .render()
            .await;
        }
        html
    });
    views
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::HOME_VIEW;

    const TEMPLATE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"description\" content=\"English.\">\
        <title>Ops Trio</title><script data-root-only>go()</script></head>\
        <body><div id=\"app\"></div></body></html>";

    #[test]
    fn a_page_fills_the_template_with_its_title_base_and_html() {
        let page = Page {
            file: "sre/index.html".into(),
            id: "sre".into(),
            base: "../".into(),
            title: "SRE & <you>".into(),
            lang: "zh-TW".into(),
            description: "說明 & <你>".into(),
            alternates: vec![
                ("en".into(), "sre/".into()),
                ("zh-TW".into(), "zh-TW/sre/".into()),
            ],
            body: "<main>hi</main>".into(),
        };
        let html = fill_template(TEMPLATE, &page).unwrap();
        assert!(html.contains("<title>SRE &amp; &lt;you&gt;</title>"));
        assert!(html.contains("<html lang=\"zh-TW\">"));
        assert!(html.contains("<meta name=\"description\" content=\"說明 &amp; &lt;你&gt;\">"));
        for link in [
            "<link rel=\"alternate\" hreflang=\"en\" href=\"sre/\">",
            "<link rel=\"alternate\" hreflang=\"zh-TW\" href=\"zh-TW/sre/\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"sre/\">",
        ] {
            assert!(html.contains(link), "{link} in {html}");
        }
        assert!(html.contains("<meta charset=\"utf-8\">\n  <base href=\"../\">"));
        assert!(html.contains("<div id=\"app\" data-page=\"sre\"><main>hi</main></div>"));
        assert!(
            !html.contains("go()"),
            "the root's own script is on another page"
        );
        let home = Page {
            file: "index.html".into(),
            base: "./".into(),
            ..page.clone()
        };
        let html = fill_template(TEMPLATE, &home).unwrap();
        assert!(html.contains("<script data-root-only>go()</script>"));
        assert!(html.contains("<base href=\"./\">"));
        assert!(fill_template("<title></title>", &page).is_err());
    }

    #[test]
    fn every_view_every_widget_and_the_not_found_page_is_a_page_with_a_file_of_its_own() {
        let pages = pages(Locale::En);
        let views = Locale::En.content().views.len();
        assert_eq!(pages.len(), views + 1 + Widget::ALL.len());
        let mut files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), pages.len(), "two pages share a file");
        let home = pages.iter().find(|p| p.file == "index.html").unwrap();
        assert_eq!((home.id.as_str(), home.base.as_str()), (HOME_VIEW, "./"));
        let sre = pages.iter().find(|p| p.file == "sre/index.html").unwrap();
        assert_eq!(sre.base, "../");
        for page in &pages {
            assert!(!page.body.is_empty(), "{} is empty", page.file);
        }
        // An embed page writes its links as fragments of itself, with no base to move them.
        let quiz = pages.iter().find(|p| p.file == "embed-quiz.html").unwrap();
        assert_eq!(quiz.base, "");
        assert!(
            quiz.body.contains("href=\"#/quiz/assessment\""),
            "{}",
            quiz.body
        );
    }

    #[test]
    fn every_widget_is_drawn_alone_on_its_page_and_in_its_view() {
        let pages = pages(Locale::En);
        let body = |file: &str| {
            let page = pages.iter().find(|p| p.file == file).unwrap();
            page.body.clone()
        };
        // What each widget's first state shows: its control, as the reader finds it.
        let control = |widget: Widget| match widget {
            Widget::Calms => "role=\"tab\"",
            Widget::Pipeline => "name=\"pipeline-model\"",
            Widget::Budget => "type=\"range\"",
            Widget::Quiz => "quiz-button",
            Widget::Career => "career-answer",
        };
        for widget in Widget::ALL {
            let alone = body(&widget.page());
            assert!(
                alone.contains(control(widget)),
                "{} alone: {alone}",
                widget.id()
            );
            let view = widget.home();
            let view = view.split('/').next().unwrap();
            let in_view = body(&format!("{view}/index.html"));
            assert!(
                in_view.contains(control(widget)),
                "{} in {view}/",
                widget.id()
            );
        }
    }
}
