//! The root component: it owns the shell state and lays out the page.

use yew::prelude::*;

use super::chrome::{Footer, Header, Nav, SkipLink, UpdateBanner};
use super::effects::{
    toggle_theme, use_document_metadata, use_focus_on_navigation, use_interactive_mark,
    use_lms_launch, use_routing, use_service_worker, use_theme,
};
use super::not_found::NotFound;
use super::state::{Shell, ShellMsg};
use crate::article::ArticleView;
use crate::embed::EmbedButton;
use crate::i18n::Locale;
use crate::kit::Interactive;
use crate::platform;
use crate::quiz::QuizPage;
use crate::route::{Route, QUIZ_VIEW};
use crate::widgets::Widget;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub locale: Locale,
    /// The route to render first: the one the page was prerendered for, which the app
    /// hydrates; it then follows the URL.
    pub route: Route,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let locale = props.locale;
    let shell = {
        let route = props.route.clone();
        use_reducer(move || Shell::new(route))
    };
    use_routing(shell.dispatcher(), locale);
    use_theme(&shell);
    use_focus_on_navigation(shell.route.clone(), shell.navigations);
    use_interactive_mark();
    use_service_worker(shell.dispatcher());
    use_lms_launch();

    let content = locale.content();
    let ui = locale.ui();
    let view = shell.route.view_id().and_then(|id| content.view(id));
    let title = view.map_or(ui.not_found_title, |view| view.title.as_ref());
    use_document_metadata(locale, AttrValue::from(title.to_owned()));

    // The callbacks are made once: a new callback is a changed prop, and would render
    // the whole article again whenever the shell changes (the theme read after
    // hydration, say).
    // A widget keeping its state in the URL rewrites it in place; the route follows.
    let on_replace = use_callback(shell.dispatcher(), |route: Route, dispatcher| {
        platform::replace_url(&route.href());
        dispatcher.dispatch(ShellMsg::Replace(route));
    });
    let dismiss_update = use_callback(shell.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(ShellMsg::DismissUpdate)
    });
    // The quiz names its address; the route is the quiz view's, with that tail.
    let on_quiz_replace = use_callback(on_replace.clone(), |address: String, on_replace| {
        on_replace.emit(Route::View {
            view: QUIZ_VIEW.into(),
            tail: address
                .split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    });
    let on_toggle_theme = toggle_theme(&shell);
    let main = match (&shell.route, view) {
        // The quiz view's address is the quiz to take, not a section.
        (Route::View { tail, .. }, Some(view)) if view.id == QUIZ_VIEW => {
            html! {
                <ArticleView {locale} view={view.id.to_string()}>
                    <Interactive {locale}><QuizPage {locale} tail={tail.clone()} on_replace={on_quiz_replace} /></Interactive>
                    <EmbedButton {locale} widget={Widget::Quiz} />
                </ArticleView>
            }
        }
        (Route::View { tail, .. }, Some(view)) => html! {
            <ArticleView {locale} view={view.id.to_string()} address={tail.clone()} {on_replace} />
        },
        (Route::NotFound { path }, _) => html! { <NotFound {locale} path={path.clone()} /> },
        // A route to a view that the content lacks cannot be parsed, but say so kindly.
        (Route::View { view, .. }, None) => {
            html! { <NotFound {locale} path={format!("/{view}")} /> }
        }
    };

    html! {
        <div class="app">
            <SkipLink {locale} view={shell.route.view_id().map(str::to_owned)} />
            <UpdateBanner {locale} offered={shell.offers_update()} on_dismiss={dismiss_update} />
            <Header {locale} route={shell.route.clone()} theme={shell.effective_theme()} {on_toggle_theme} />
            <div class="layout">
                <Nav {locale} current={shell.route.view_id().map(str::to_owned)} />
                <main id="main" class="main" tabindex="-1">{ main }</main>
            </div>
            <Footer {locale} />
        </div>
    }
}
