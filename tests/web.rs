//! The app mounted in a real browser (Chromium and Firefox, headless), driven through
//! the DOM as a reader would: links, the URL fragment, the theme toggle.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use ops_trio::i18n::Locale;
use ops_trio::route::{set_addressing, Addressing, Route};
use ops_trio::shell::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Sets the URL's fragment, then mounts the app in a fresh element as `main.rs` does
/// where nothing was prerendered (the single file): the whole route in the fragment.
/// The test runner's page has no paths of ours to follow.
async fn mount(fragment: &str) -> (yew::AppHandle<App>, Element) {
    let location = web_sys::window().unwrap().location();
    location.set_hash(fragment).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    set_addressing(Addressing::Fragments);
    let locale = Locale::DEFAULT;
    let route = Route::parse(&location.hash().unwrap(), locale.content());
    let props = AppProps { locale, route };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (app, root)
}

fn text(root: &Element, css: &str) -> String {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("{css} is on the page"))
        .text_content()
        .unwrap_or_default()
}

/// Lets the browser deliver queued events (hashchange is asynchronous), then renders.
async fn settle() {
    TimeoutFuture::new(30).await;
    yew::scheduler::flush().await;
}

/// The app starts where the URL says, as `main.rs` starts it.
#[wasm_bindgen_test]
async fn the_app_mounts_with_the_view_of_the_fragment() {
    let (app, root) = mount("#/devsecops").await;
    settle().await;
    assert_eq!(text(&root, "h1"), "What is DevSecOps?");
    assert_eq!(
        text(&root, r#".site-nav a[aria-current="page"]"#),
        "DevSecOps"
    );
    assert_eq!(document().title(), "What is DevSecOps? · Ops Trio");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_link_click_navigates_and_moves_focus_to_the_new_heading() {
    let (app, root) = mount("#/overview").await;
    settle().await;
    let sre_link: HtmlElement = root
        .query_selector(r##".site-nav a[href="#/sre"]"##)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    sre_link.click();
    settle().await;
    assert_eq!(text(&root, "h1"), "What is SRE?");
    let focused = document().active_element().expect("something has focus");
    assert_eq!(focused.id(), "page-title");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn history_back_returns_to_the_previous_view() {
    let (app, root) = mount("#/career").await;
    settle().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/mlops")
        .unwrap();
    settle().await;
    assert_eq!(text(&root, "h1"), "What about MLOps?");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    TimeoutFuture::new(200).await;
    settle().await;
    assert_eq!(text(&root, "h1"), "Choosing your path");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_theme_toggle_sets_the_opposite_theme_on_the_document() {
    let (app, root) = mount("#/overview").await;
    settle().await;
    let root_element = document().document_element().unwrap();
    let system_dark = web_sys::window()
        .unwrap()
        .match_media("(prefers-color-scheme: dark)")
        .unwrap()
        .is_some_and(|query| query.matches());
    let toggle: HtmlElement = root
        .query_selector(".theme-toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    toggle.click();
    settle().await;
    let expected = if system_dark { "light" } else { "dark" };
    assert_eq!(
        root_element.get_attribute("data-theme").as_deref(),
        Some(expected)
    );
    toggle.click();
    settle().await;
    assert_eq!(
        root_element.get_attribute("data-theme"),
        None,
        "back to following the system"
    );
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_calms_selection_and_focus_with_it() {
    let (app, root) = mount("#/devops").await;
    settle().await;
    let culture: web_sys::SvgElement = root
        .query_selector("#calms-tab-culture")
        .unwrap()
        .expect("the Culture segment")
        .dyn_into()
        .unwrap();
    culture.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowLeft");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    culture.dispatch_event(&event).unwrap();
    settle().await;
    let focused = document().active_element().expect("something has focus");
    assert_eq!(
        focused.id(),
        "calms-tab-sharing",
        "focus follows the selection"
    );
    assert_eq!(
        focused.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(text(&root, "#calms-panel h3"), "SSharing");
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/devops/calms/sharing"
    );
    app.destroy();
    root.remove();
}

/// The SCORM 1.2 API is found as the standard says: on the nearest window up the
/// frames that has `API`, up to the top; none where no window has it.
#[wasm_bindgen_test]
async fn the_lms_api_is_found_in_a_parent_window_two_frames_up() {
    use ops_trio::lms::bridge::find_api;
    use wasm_bindgen::JsValue;
    let top = web_sys::window().unwrap();
    let frame_in = |document: &web_sys::Document| {
        let frame: web_sys::HtmlIFrameElement =
            document.create_element("iframe").unwrap().unchecked_into();
        document.body().unwrap().append_child(&frame).unwrap();
        frame
    };
    let outer = frame_in(&document());
    let outer_document = outer.content_document().unwrap();
    if outer_document.body().is_none() {
        let body = outer_document.create_element("body").unwrap();
        outer_document
            .document_element()
            .unwrap()
            .append_child(&body)
            .unwrap();
    }
    let inner = frame_in(&outer_document);
    let inner_window = inner.content_window().unwrap();

    assert!(find_api(&inner_window).is_none(), "no window has an API");
    let api = js_sys::Object::new();
    js_sys::Reflect::set(&top, &JsValue::from_str("API"), &api).unwrap();
    let found = find_api(&inner_window).expect("the top window's API");
    assert!(js_sys::Object::is(&found, &api));
    // A nearer window's API is the one taken.
    let nearer = js_sys::Object::new();
    let outer_window = outer.content_window().unwrap();
    js_sys::Reflect::set(&outer_window, &JsValue::from_str("API"), &nearer).unwrap();
    assert!(js_sys::Object::is(
        &find_api(&inner_window).unwrap(),
        &nearer
    ));

    js_sys::Reflect::delete_property(&top, &JsValue::from_str("API")).unwrap();
    outer.remove();
}
