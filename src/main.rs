//! The browser entry point: read where the reader is, then mount the app.

use ops_trio::i18n::Locale;
use ops_trio::platform;
use ops_trio::shell::route::Route;
use ops_trio::shell::{App, AppProps};

fn main() {
    let locale = Locale::DEFAULT;
    let route = Route::parse(&platform::location_fragment(), locale.content());
    let props = AppProps { locale, route };
    match platform::app_root() {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
