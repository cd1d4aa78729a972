//! The browser entry point: mount the app where the reader is.

use ops_trio::platform;
use ops_trio::shell::{App, AppProps};

fn main() {
    let props = AppProps::from_location();
    match platform::app_root() {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
