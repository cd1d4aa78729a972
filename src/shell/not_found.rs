//! What an unknown address shows: what was asked for, and a way to every view.

use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::kit::text;
use crate::route::view_href;
use crate::route::PAGE_TITLE_ID;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub locale: Locale,
    /// The path the reader asked for.
    pub path: String,
}

#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let ui = props.locale.ui();
    let views = props.locale.content().views.iter().map(|view| {
        html! {
            <li key={view.id.as_ref()}>
                <a href={view_href(&view.id)}>{ text(&view.title) }</a>
            </li>
        }
    });
    html! {
        <article class="view not-found">
            <h1 id={PAGE_TITLE_ID} tabindex="-1">{ ui.not_found_title }</h1>
            <p>{ fill(ui.not_found_body, &[("path", &props.path)]) }</p>
            <ul class="link-list">{ for views }</ul>
        </article>
    }
}
