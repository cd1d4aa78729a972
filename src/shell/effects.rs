//! The shell's contact with the browser, as hooks. Everything here runs in effects or
//! callbacks, after rendering, so the components still render natively.

use yew::prelude::*;

use super::state::{Shell, ShellMsg};
use crate::content::model::Content;
use crate::i18n::{fill, Locale};
use crate::platform::{self, storage};
use crate::route::{addressing, Addressing, Route};
use crate::theme::ThemeChoice;

/// Where the reader's theme choice is kept between visits.
const THEME_KEY: &str = "ops-trio.theme";

/// Follows the URL: a link to a place in the app, Back, Forward, or a fragment typed,
/// navigates without loading a page.
#[hook]
pub fn use_routing(shell: UseReducerDispatcher<Shell>, locale: Locale) {
    use_effect_with(locale, move |locale| {
        let content = locale.content();
        // The page was drawn for its view; the URL may say more (a section, a widget's
        // state), or have changed before this effect ran.
        shell.dispatch(ShellMsg::Navigate(current_route(content)));
        let on_history = shell.clone();
        let history = platform::on_history_change(move || {
            on_history.dispatch(ShellMsg::Navigate(current_route(content)))
        });
        // On a served page, a link to another view loads no page: the app draws it.
        let links = (addressing() == Addressing::Paths).then(|| {
            let is_place =
                |link: &str| !matches!(Route::from_link(link, content), Route::NotFound { .. });
            platform::follow_links_in_app(is_place, move || {
                shell.dispatch(ShellMsg::Navigate(current_route(content)))
            })
        });
        move || drop((history, links))
    });
}

/// The route the URL names now. On a served page, a fragment of the old form typed or
/// followed in place (`#/sre/toil` on the root page, which the root's own script only
/// sees on a load) is written back as its path, `sre/#toil`.
fn current_route(content: &'static Content) -> Route {
    match addressing() {
        Addressing::Paths => {
            let (path, fragment) = platform::location_in_app();
            let route = Route::from_path(&path, &fragment, content);
            if fragment.starts_with("#/") {
                platform::replace_url(&route.href());
            }
            route
        }
        Addressing::Fragments => Route::parse(&platform::location_fragment(), content),
    }
}

/// Restores the stored theme choice, follows the system preference, and applies the
/// theme shown to `<html data-theme>`.
#[hook]
pub fn use_theme(shell: &UseReducerHandle<Shell>) {
    let dispatcher = shell.dispatcher();
    use_effect_with((), move |_| {
        // Storage may be unavailable (a sandboxed iframe): the theme then simply follows
        // the system, which is the right default and loses nothing.
        if let Ok(stored) = storage::read(THEME_KEY) {
            dispatcher.dispatch(ShellMsg::SetTheme(ThemeChoice::from_stored(
                stored.as_deref(),
            )));
        }
        let listener = platform::media_query(platform::PREFERS_DARK).map(|query| {
            dispatcher.dispatch(ShellMsg::SystemPreferenceChanged {
                prefers_dark: query.matches(),
            });
            platform::on_media_change(&query, move |prefers_dark| {
                dispatcher.dispatch(ShellMsg::SystemPreferenceChanged { prefers_dark })
            })
        });
        move || drop(listener)
    });
    use_effect_with(shell.theme, |choice| {
        platform::set_root_attribute("data-theme", choice.stored());
    });
}

/// The callback of the theme toggle: the new choice is kept for the next visit, then
/// applied.
pub fn toggle_theme(shell: &UseReducerHandle<Shell>) -> Callback<()> {
    let shell = shell.clone();
    Callback::from(move |()| {
        let choice = shell.toggled_theme();
        // When storage refuses, the choice still holds for this visit.
        let _ = match choice.stored() {
            Some(name) => storage::write(THEME_KEY, name),
            None => storage::remove(THEME_KEY),
        };
        shell.dispatch(ShellMsg::SetTheme(choice));
    })
}

/// Keeps the document's title and language in step with the view shown.
#[hook]
pub fn use_document_metadata(locale: Locale, title: AttrValue) {
    use_effect_with((locale, title), |(locale, title)| {
        platform::set_document_title(&fill(locale.ui().app_document_title, &[("view", title)]));
        platform::set_root_attribute("lang", Some(locale.tag()));
    });
}

/// After a navigation, moves focus to the new view's heading, or to the section the
/// route names, so keyboard and screen-reader users land where they asked to go. On
/// the first view focus stays where the browser put it, unless the link named a section.
/// A route a widget replaced in place is not a navigation, and moves nothing.
#[hook]
pub fn use_focus_on_navigation(route: Route, navigations: u32) {
    use_effect_with(navigations, move |navigations| {
        let section_target = route.section().map(crate::route::section_element_id);
        let revealed = section_target.is_some_and(|id| platform::focus_and_reveal(&id));
        if !revealed && *navigations > 0 {
            platform::focus_and_reveal(crate::route::PAGE_TITLE_ID);
        }
    });
}

/// Tells the shell when a newer version of the module waits to take over (the page's
/// script registers the service worker).
#[hook]
pub fn use_service_worker(shell: UseReducerDispatcher<Shell>) {
    use_effect_with((), move |_| {
        platform::on_update_waiting(move || shell.dispatch(ShellMsg::UpdateWaiting));
    });
}

/// Starts the launch when the module runs inside an LMS (a SCORM package), so that the
/// course shows it begun from the first view opened, not from the first quiz.
#[hook]
pub fn use_lms_launch() {
    use_effect_with((), |_| {
        crate::lms::bridge::connect();
    });
}

/// Marks the moment the app is interactive, once: for the benchmark, and on `<html>`
/// (`data-hydrated`), where the stylesheet hides what only a page without the app
/// says (that a widget needs JavaScript).
#[hook]
pub fn use_interactive_mark() {
    use_effect_with((), |_| platform::mark_interactive());
}
