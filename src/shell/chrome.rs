//! The parts around every view: skip link, header with the theme toggle, navigation
//! and footer.

use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::kit::text;
use crate::platform;
use crate::platform::storage;
use crate::route::{addressing, path_href, path_href_in, view_href, Addressing, Route, HOME_VIEW};
use crate::theme::Theme;

#[derive(Properties, PartialEq)]
pub struct LocaleProps {
    pub locale: Locale,
}

#[derive(Properties, PartialEq)]
pub struct SkipLinkProps {
    pub locale: Locale,
    /// The view shown: without the app, the link is a plain anchor to its `<main>`.
    pub view: Option<String>,
}

/// "Skip to content": moves focus to `<main>` without touching the URL fragment, which
/// holds the address inside the view. Without the app it is an anchor on this view's
/// page (a bare `#main` would resolve against the page's `<base>`, the build's root).
#[component]
pub fn SkipLink(props: &SkipLinkProps) -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        platform::focus_and_reveal("main");
    });
    let href = match (addressing(), &props.view) {
        (Addressing::Paths, Some(view)) => path_href(view, "main"),
        _ => "#main".to_owned(),
    };
    html! {
        <a class="skip-link" {href} {onclick}>{ props.locale.ui().app_skip_to_content }</a>
    }
}

#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    pub locale: Locale,
    /// Whether a newer version waits and may be offered now.
    pub offered: bool,
    pub on_dismiss: Callback<()>,
}

/// "A new version is available: Reload", as a bar fixed to the foot of the window, so
/// it shows wherever the reader has scrolled; "Not now" puts it off. The live region is always there, so a screen
/// reader announces the offer when it appears.
#[component]
pub fn UpdateBanner(props: &UpdateBannerProps) -> Html {
    let ui = props.locale.ui();
    let reload = Callback::from(|_: MouseEvent| platform::apply_update());
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="update-banner" role="status">
            if props.offered {
                <p class="update-text">{ ui.update_available }</p>
                <button type="button" class="update-button" onclick={reload}>{ ui.update_reload }</button>
                <button type="button" class="update-button" onclick={dismiss}>{ ui.update_dismiss }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub locale: Locale,
    /// Where the reader is: the language switch leads to the same place in another.
    pub route: Route,
    /// The theme shown now; the toggle offers the other.
    pub theme: Theme,
    pub on_toggle_theme: Callback<()>,
}

/// Where the reader's choice of language is kept; the page's first script reads it
/// on a page of the default language (`index.html`).
pub const LANGUAGE_KEY: &str = "ops-trio.lang";

/// The same place in another language, asking for it (`sre/?lang=en#toil`): the page's
/// first script then keeps it even where storage cannot remember the choice.
pub fn switch_href(locale: Locale, view: &str, address: &str) -> String {
    let href = path_href_in(locale, view, address);
    let (page, fragment) = href.split_once('#').unwrap_or((&href, ""));
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    format!("{page}?lang={}{fragment}", locale.tag())
}

/// Every language by its own name; the others link to this same place in them, and
/// following one remembers the choice. Only where each language has its pages: not
/// in the single file, which carries one.
fn language_switch(locale: Locale, route: &Route) -> Html {
    if addressing() != Addressing::Paths || Locale::ALL.len() < 2 {
        return Html::default();
    }
    let (view, address) = match route {
        Route::View { view, tail } => (view.as_str(), tail.join("/")),
        Route::NotFound { .. } => (HOME_VIEW, String::new()),
    };
    let languages = Locale::ALL.iter().map(|&other| {
        let name = other.endonym();
        if other == locale {
            return html! { <li><span class="language-current" aria-current="true" lang={other.tag()}>{ name }</span></li> };
        }
        // Kept before the browser follows the link; storage that refuses loses only
        // the memory of the choice, not the switch.
        let onclick = Callback::from(move |_: MouseEvent| {
            let _ = storage::write(LANGUAGE_KEY, other.tag());
        });
        html! {
            <li>
                <a href={switch_href(other, view, &address)} hreflang={other.tag()} lang={other.tag()} {onclick}>{ name }</a>
            </li>
        }
    });
    html! {
        <nav class="language-switch" aria-label={locale.ui().locale_switch_label}>
            <ul>{ for languages }</ul>
        </nav>
    }
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let ui = props.locale.ui();
    let label = match props.theme {
        Theme::Light => ui.theme_switch_to_dark,
        Theme::Dark => ui.theme_switch_to_light,
    };
    let onclick = props.on_toggle_theme.reform(|_: MouseEvent| ());
    html! {
        <header class="site-header">
            <div class="brand">
                <a class="brand-name" href={view_href(HOME_VIEW)}>{ ui.app_name }</a>
                <p class="brand-tagline">{ ui.app_tagline }</p>
            </div>
            <div class="header-controls">
                { language_switch(props.locale, &props.route) }
                <button type="button" class="theme-toggle" {onclick}>
                    <span class="theme-icon" aria-hidden="true"></span>
                    { label }
                </button>
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub locale: Locale,
    /// The id of the view shown, if any.
    pub current: Option<String>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let ui = props.locale.ui();
    let links = props.locale.content().views.iter().map(|view| {
        let current = props.current.as_deref() == Some(view.id.as_ref());
        html! {
            <li key={view.id.as_ref()}>
                <a href={view_href(&view.id)} aria-current={current.then_some("page")}>
                    { text(&view.nav) }
                </a>
            </li>
        }
    });
    html! {
        <nav class="site-nav" aria-label={ui.nav_label}>
            <ul>{ for links }</ul>
        </nav>
    }
}

#[component]
pub fn Footer(props: &LocaleProps) -> Html {
    let ui = props.locale.ui();
    let source = &props.locale.content().source;
    html! {
        <footer class="site-footer">
            <p>
                { ui.footer_based_on }{ " " }
                <a href={text(&source.url)} rel="noopener">{ text(&source.title) }</a>
                { " " }{ fill(ui.footer_by, &[("publisher", &source.publisher)]) }
            </p>
        </footer>
    }
}
