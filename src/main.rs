//! The browser entry point: mount the full module where the reader is, or, asked for
//! by `?embed=`, one widget alone.

use ops_trio::embed::model::Embed;
use ops_trio::embed::{EmbedApp, EmbedAppProps};
use ops_trio::platform;
use ops_trio::shell::{App, AppProps};

fn main() {
    let Some(root) = platform::app_root() else {
        return;
    };
    match Embed::parse(&platform::location_search()) {
        Some(embed) => {
            // A quiz embedded on a topic opens on it, unless the URL says otherwise.
            if let Some(fragment) = embed.quiz_fragment() {
                if !platform::location_fragment().starts_with("#/quiz/") {
                    platform::replace_fragment(&fragment);
                }
            }
            yew::Renderer::<EmbedApp>::with_root_and_props(root, EmbedAppProps { embed }).render();
        }
        None => {
            yew::Renderer::<App>::with_root_and_props(root, AppProps::from_location()).render();
        }
    }
}
