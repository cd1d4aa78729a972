//! The browser, behind small functions that never panic. Only effects and callbacks
//! call them, never rendering: every component must also render natively, where there
//! is no browser (server-side rendering and the native tests).

pub mod module;
pub mod storage;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// The URL fragment, `#` included, or an empty string when there is no window.
pub fn location_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The URL's query string, `?` included, or an empty string.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The page's URL without its query or fragment: where the module lives.
pub fn page_base_url() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

pub use module::{
    apply_update, copy_text, on_update_waiting, persistent_storage, report_height, with_lock,
};

/// Calls `on_change` with the new fragment whenever it changes: a link, Back, Forward
/// or the reader editing the URL.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change(location_fragment())
    }))
}

/// The build's root URL, ending in `/`: the folder of the page's base URL, which a page
/// below the root names with `<base href="../">`. Empty when there is no document.
pub fn app_root_url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default();
    base.rfind('/')
        .map_or_else(String::new, |end| base[..=end].to_owned())
}

/// Where the reader is below the build's root: the path (`sre/`, empty at the root)
/// and the fragment, `#` included.
pub fn location_in_app() -> (String, String) {
    let href = page_base_url();
    let path = href
        .strip_prefix(&app_root_url())
        .unwrap_or_default()
        .to_owned();
    (path, location_fragment())
}

/// Calls `on_change` after every move through the session history: Back, Forward, or
/// the reader editing the fragment.
pub fn on_history_change(on_change: impl Fn() + 'static) -> Option<[EventListener; 2]> {
    let window = web_sys::window()?;
    let on_change = std::rc::Rc::new(on_change);
    let again = on_change.clone();
    Some([
        EventListener::new(&window, "popstate", move |_| on_change()),
        EventListener::new(&window, "hashchange", move |_| again()),
    ])
}

/// Follows, without loading a page, every plain click on a link to a place in the app:
/// `is_place` is asked about each link below the build's root (`sre/#toil`); for a
/// place, the URL is pushed onto the history and `on_follow` called. A click with a
/// modifier key, or on a link with a target or a download, is left to the browser.
pub fn follow_links_in_app(
    is_place: impl Fn(&str) -> bool + 'static,
    on_follow: impl Fn() + 'static,
) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &document,
        "click",
        options,
        move |event| {
            let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            let modified =
                mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key();
            if mouse.default_prevented() || mouse.button() != 0 || modified {
                return;
            }
            let Some(link) = clicked_link(mouse) else {
                return;
            };
            let own_tab = matches!(link.target().as_str(), "" | "_self");
            if !own_tab || link.has_attribute("download") {
                return;
            }
            let href = link.href();
            let root = app_root_url();
            let place = href.strip_prefix(&root).filter(|_| !root.is_empty());
            if place.is_some_and(&is_place) {
                mouse.prevent_default();
                push_url(&href);
                on_follow();
            }
        },
    ))
}

/// The link a click landed in, if any.
fn clicked_link(event: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("a[href]").ok()??.dyn_into().ok()
}

/// Adds a history entry for `href`, without loading it.
fn push_url(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The query that says the reader prefers dark colours.
pub const PREFERS_DARK: &str = "(prefers-color-scheme: dark)";
/// The query that says the reader prefers reduced motion.
pub const PREFERS_REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";

/// A media query, when the browser can answer it.
pub fn media_query(query: &str) -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(query).ok().flatten()
}

/// Calls `on_change` with the query's new answer whenever it changes.
pub fn on_media_change(
    query: &web_sys::MediaQueryList,
    on_change: impl Fn(bool) + 'static,
) -> EventListener {
    let watched = query.clone();
    EventListener::new(query, "change", move |_| on_change(watched.matches()))
}

fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets or removes an attribute of `<html>`, such as `data-theme` or `lang`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = root_element() {
        // Setting an attribute only fails for an invalid name, and ours are constants.
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with this id and scrolls it into view. Returns
/// false when there is no such element.
pub fn focus_and_reveal(id: &str) -> bool {
    match element_by_id(id) {
        Some(element) => {
            focus(&element);
            element.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Moves keyboard focus to the element with this id, HTML or SVG, where it is.
pub fn focus_element(id: &str) {
    if let Some(element) = element_by_id(id) {
        focus(&element);
    }
}

fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// `focus()` lives on HTMLElement and SVGElement alike, but web-sys gives each its own;
/// call it on whichever this is.
fn focus(element: &web_sys::Element) {
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// Rewrites the URL without a new history entry and without a `hashchange`: for a
/// widget keeping its own state in the URL, such as the selected pillar. `href` is
/// relative to the page's base URL, as the app's links are.
pub fn replace_url(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Loads another page in place of this one, without a history entry.
pub fn replace_page(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(href);
    }
}

/// Adds a `performance.mark`, which the benchmark reads to time start-up.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The element the app mounts into: `<div id="app">` in `index.html`.
pub fn app_root() -> Option<web_sys::Element> {
    element_by_id("app")
}

/// Writes the page's `<base href>` (`../`) as the absolute URL it resolves to now, the
/// build's root. Chromium resolves a relative base anew against the document's URL
/// when the app moves in place (`pushState` to `sre/`), which would make every relative
/// link resolve against the new view's folder; an absolute base stays put.
pub fn pin_base_url() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(Some(base)), Ok(Some(url))) = (document.query_selector("base"), document.base_uri())
    else {
        return;
    };
    let _ = base.set_attribute("href", &url);
}

/// The `content` of the page's `<meta name="…">`, if it has one: how the build marks
/// what kind of page this is (a package's, for an LMS).
pub fn page_meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// Which page the build prerendered into the app's element (`data-page`), if any: a
/// view's id, `404`, or `embed-<widget>`.
pub fn prerendered_page(root: &web_sys::Element) -> Option<String> {
    root.get_attribute("data-page")
}

/// Empties an element, for an app that renders afresh where something else was drawn.
pub fn clear(element: &web_sys::Element) {
    element.set_inner_html("");
}

/// Copies each `data-vars="--name: value; …"` under `root` (and on it) into the
/// element's style, through the CSSOM. The Content-Security-Policy forbids inline
/// `style` attributes, not properties set from script, and this keeps the widgets
/// declarative: they render `data-vars`, an effect applies it.
pub fn apply_css_vars(root: &web_sys::Element) {
    let apply = |element: &web_sys::Element| {
        let (Some(vars), Some(html)) = (
            element.get_attribute("data-vars"),
            element.dyn_ref::<web_sys::HtmlElement>(),
        ) else {
            return;
        };
        let style = html.style();
        for declaration in vars.split(';') {
            if let Some((name, value)) = declaration.split_once(':') {
                let _ = style.set_property(name.trim(), value.trim());
            }
        }
    };
    apply(root);
    if let Ok(found) = root.query_selector_all("[data-vars]") {
        for index in 0..found.length() {
            if let Some(element) = found
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                apply(&element);
            }
        }
    }
}

/// The mark the benchmark reads: the app has rendered and its listeners are in place.
pub const INTERACTIVE_MARK: &str = "ops-trio:interactive";

/// Set on `<html>` once the app runs.
pub const HYDRATED_ATTRIBUTE: &str = "data-hydrated";

/// Marks the moment the app is interactive: for the benchmark, and on `<html>`
/// (`data-hydrated`), where the stylesheet hides what only a page without the app
/// says (that a widget needs JavaScript).
pub fn mark_interactive() {
    set_root_attribute(HYDRATED_ATTRIBUTE, Some(""));
    mark(INTERACTIVE_MARK);
}

/// The text in the input with this id, trimmed; None when there is none or it is empty.
pub fn input_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let input = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    Some(input.value().trim().to_owned()).filter(|value| !value.is_empty())
}

/// Offers `text` as a file to download, under `file_name`; None when the browser
/// refused (no document, or a Blob it would not make).
pub fn offer_download(text: &str, mime: &str, file_name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// Scrolls an element that scrolls sideways so that the point at `fraction` of its
/// content's width is in view, centred, unless it is well inside the view already: the
/// pipeline's token on a screen narrower than its stage.
pub fn reveal_across(element: &web_sys::Element, fraction: f64) {
    let (content, view) = (
        f64::from(element.scroll_width()),
        f64::from(element.client_width()),
    );
    if content <= view {
        return;
    }
    let (x, left) = (fraction * content, f64::from(element.scroll_left()));
    let margin = view * 0.15;
    if x < left + margin || x > left + view - margin {
        element.set_scroll_left((x - view / 2.0).max(0.0) as i32);
    }
}
