//! A widget on its own, for an iframe: no site chrome, its height reported to the host
//! page, and a link to the full module.

use yew::prelude::*;

use super::model::Embed;
use crate::i18n::{fill, Ui};
use crate::kit::Interactive;
use crate::platform;
use crate::widgets::Widget;

#[derive(Properties, PartialEq)]
pub struct EmbedAppProps {
    pub embed: Embed,
}

#[component]
pub fn EmbedApp(props: &EmbedAppProps) -> Html {
    let locale = props.embed.locale;
    let ui = locale.ui();
    {
        let theme = props.embed.theme;
        use_effect_with((), move |_| {
            if let Some(theme) = theme {
                platform::set_root_attribute("data-theme", Some(theme.name()));
            }
            platform::set_root_attribute("lang", Some(locale.tag()));
            platform::report_height();
            platform::mark_interactive();
        });
    }
    let body = match &props.embed.widget {
        Ok(widget) => html! {
            <>
                <h1 class="embed-title">{ widget.name(ui) }</h1>
                <Interactive {locale}>{ widget.draw_alone(locale) }</Interactive>
                <p class="embed-footer">
                    <a href={widget.home()} target="_blank" rel="noopener">{ ui.embed_open_full }</a>
                </p>
            </>
        },
        Err(asked) => unknown(ui, asked),
    };
    html! { <main class="embed" id="main">{ body }</main> }
}

/// A widget this module does not have: say so, and list the ones it has.
fn unknown(ui: &Ui, asked: &str) -> Html {
    html! {
        <div class="notice embed-unknown" role="alert">
            <h1 class="embed-title">{ ui.embed_unknown_title }</h1>
            <p>{ fill(ui.embed_unknown, &[("widget", asked)]) }</p>
            <ul>
                { for Widget::ALL.iter().map(|widget| html! {
                    <li><a href={widget.page()}><code>{ widget.id() }</code></a>{ ui.format_label_separator }{ widget.name(ui) }</li>
                }) }
            </ul>
        </div>
    }
}
