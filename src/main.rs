//! The browser entry point. A served page was prerendered by the build for one view
//! or one widget's embed page (`data-page` on `#app`): the app hydrates that HTML,
//! drawing nothing anew, then follows the URL. The single file has nothing
//! prerendered: there the app renders, with the whole route in the fragment.

// As in the library: no lookup that can panic.
#![deny(clippy::indexing_slicing)]

use ops_trio::embed::model::Embed;
use ops_trio::embed::{EmbedApp, EmbedAppProps};
use ops_trio::i18n::Locale;
use ops_trio::platform;
use ops_trio::route::{
    set_addressing, set_link_locale, set_link_style, Addressing, LinkStyle, Route, PACKAGE_MARKER,
};
use ops_trio::shell::{App, AppProps};
use ops_trio::widgets::Widget;

fn main() {
    let Some(root) = platform::app_root() else {
        return;
    };
    platform::pin_base_url();
    // Each locale's pages load a wasm of their own, which carries that language only.
    let locale = Locale::CARRIED;
    set_link_locale(locale);
    // An LMS serving a package answers no folder (`sre/`): its pages link to files.
    if platform::page_meta(PACKAGE_MARKER).is_some() {
        set_link_style(LinkStyle::Files);
    }
    let search = platform::location_search();
    let page = platform::prerendered_page(&root);
    if let Some(widget) = page.as_deref().and_then(Widget::from_page) {
        set_addressing(Addressing::Fragments);
        // The page's language, whatever `lang` says: the page's first script has sent
        // a reader who asked for another to that language's page.
        let embed = Embed {
            locale,
            ..Embed::on_page(widget, &search)
        };
        open_quiz_topic(&embed);
        let props = EmbedAppProps { embed };
        yew::Renderer::<EmbedApp>::with_root_and_props(root, props).hydrate();
        return;
    }
    // An embed link of the old form, `?embed=calms`: its own page now draws it. A
    // widget this module does not have is named on the spot, with the ones it has.
    if let Some(embed) = Embed::parse(&search) {
        match embed.widget {
            Ok(widget) => platform::replace_page(&format!("{}{search}", widget.page())),
            Err(_) => {
                set_addressing(Addressing::Fragments);
                platform::clear(&root);
                let props = EmbedAppProps {
                    embed: Embed { locale, ..embed },
                };
                yew::Renderer::<EmbedApp>::with_root_and_props(root, props).render();
            }
        }
        return;
    }
    match page {
        Some(page) => {
            let route = prerendered_route(&page, locale);
            yew::Renderer::<App>::with_root_and_props(root, AppProps { locale, route }).hydrate();
        }
        None => {
            set_addressing(Addressing::Fragments);
            let route = Route::parse(&platform::location_fragment(), locale.content());
            yew::Renderer::<App>::with_root_and_props(root, AppProps { locale, route }).render();
        }
    }
}

/// The route a page was prerendered at: its view (the root page's is the home view),
/// or not found (`404.html`, served for any unknown path, is drawn for none in
/// particular).
fn prerendered_route(page: &str, locale: Locale) -> Route {
    match locale.content().view(page) {
        Some(view) => Route::View {
            view: view.id.to_string(),
            tail: Vec::new(),
        },
        None => Route::NotFound {
            path: String::new(),
        },
    }
}

/// A quiz embedded on a topic opens on it, unless the URL names a quiz already.
fn open_quiz_topic(embed: &Embed) {
    if let Some(fragment) = embed.quiz_fragment() {
        if !platform::location_fragment().starts_with("#/quiz/") {
            platform::replace_url(&fragment);
        }
    }
}
