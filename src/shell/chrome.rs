//! The parts around every view: skip link, header with the theme toggle, navigation
//! and footer.

use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::kit::text;
use crate::platform;
use crate::route::{addressing, path_href, view_href, Addressing, HOME_VIEW};
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
    /// The theme shown now; the toggle offers the other.
    pub theme: Theme,
    pub on_toggle_theme: Callback<()>,
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
            <button type="button" class="theme-toggle" {onclick}>
                <span class="theme-icon" aria-hidden="true"></span>
                { label }
            </button>
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
