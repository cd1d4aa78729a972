//! The second bundle: a wasm that the main app imports when the reader opens a view
//! with one of the widgets of `ops_trio::lazy`, the quiz among them (see
//! `platform::module::load_widget`), and mounts into the page.

use ops_trio::i18n::Locale;
use ops_trio::lazy::{LazyWidget, LazyWidgetId, WidgetProps};
use wasm_bindgen::prelude::*;

/// Keeps this bundle's yew apart from the main app's. Each wasm instance has its own
/// yew, numbering its roots from 1, and both mark elements with the same JS properties;
/// the main app's root also being 1, its event handlers would take the mounted app's
/// events for its own and run the wrong callbacks (a radio that will not check, a
/// form that will not submit). Roots made and dropped when the bundle starts move
/// this bundle's numbers past the few the main app uses.
fn keep_apart_from_main_app() {
    /// More than the roots the main app makes: one, and one per portal (it has none).
    const ROOTS_TO_SKIP: usize = 16;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for _ in 0..ROOTS_TO_SKIP {
        if let Ok(detached) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(detached)
                .render()
                .destroy();
        }
    }
}

#[yew::component]
fn Nothing() -> yew::Html {
    yew::Html::default()
}

/// A mounted widget, to unmount when the reader leaves its view.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: yew::AppHandle<LazyWidget>,
}

#[wasm_bindgen]
impl WidgetHandle {
    pub fn unmount(self) {
        self.app.destroy();
    }
}

/// Renders the widget named `name` into `root`; None for a name this bundle does not
/// know. `on_change` is called with the widget's state whenever it changes.
#[wasm_bindgen]
pub fn mount_widget(
    root: web_sys::Element,
    lang: &str,
    name: &str,
    requested: Option<String>,
    on_change: js_sys::Function,
    embedded: bool,
) -> Option<WidgetHandle> {
    let widget = LazyWidgetId::from_name(name)?;
    let locale = Locale::from_tag(lang).unwrap_or(Locale::DEFAULT);
    let on_change = yew::Callback::from(move |state: String| {
        let _ = on_change.call1(&JsValue::NULL, &JsValue::from_str(&state));
    });
    let props = WidgetProps {
        locale,
        widget,
        requested,
        on_change,
        embedded,
    };
    let app = yew::Renderer::<LazyWidget>::with_root_and_props(root, props).render();
    Some(WidgetHandle { app })
}

/// Runs once, when the main app first initialises the bundle.
fn main() {
    keep_apart_from_main_app();
}
