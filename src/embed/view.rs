//! A widget on its own, for an iframe: no site chrome, its height reported to the host
//! page, and a link to the full module.

use yew::prelude::*;

use super::model::{Embed, Widget};
use crate::budget::BudgetLabWidget;
use crate::calms::CalmsWheel;
use crate::career::CareerTreeWidget;
use crate::content::model::Block;
use crate::i18n::{fill, Locale, Ui};
use crate::kit::Interactive;
use crate::pipeline::PipelineWidget;
use crate::platform;
use crate::quiz::app::QuizApp;

#[derive(Properties, PartialEq)]
pub struct EmbedAppProps {
    pub embed: Embed,
}

pub fn widget_name(ui: &Ui, widget: Widget) -> &'static str {
    match widget {
        Widget::Calms => ui.embed_calms,
        Widget::Pipeline => ui.embed_pipeline,
        Widget::Budget => ui.embed_budget,
        Widget::Quiz => ui.embed_quiz,
        Widget::Career => ui.embed_career,
    }
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
                <h1 class="embed-title">{ widget_name(ui, *widget) }</h1>
                <Interactive {locale}>{ widget_view(locale, *widget) }</Interactive>
                <p class="embed-footer">
                    <a href={widget.home()} target="_blank" rel="noopener">{ ui.embed_open_full }</a>
                </p>
            </>
        },
        Err(asked) => unknown(ui, asked),
    };
    html! { <main class="embed" id="main">{ body }</main> }
}

/// The widget, with its data from the content.
fn widget_view(locale: Locale, widget: Widget) -> Html {
    match (widget, widget_block(locale, widget)) {
        (Widget::Calms, Some(Block::Calms(calms))) => html! { <CalmsWheel {locale} {calms} /> },
        (Widget::Pipeline, Some(Block::Pipeline(pipeline))) => {
            html! { <PipelineWidget {locale} {pipeline} /> }
        }
        (Widget::Budget, Some(Block::Budget(lab))) => html! { <BudgetLabWidget {locale} {lab} /> },
        (Widget::Quiz, _) => html! { <QuizApp {locale} /> },
        (Widget::Career, Some(Block::CareerTree(tree))) => {
            html! { <CareerTreeWidget {locale} {tree} embedded=true /> }
        }
        _ => Html::default(),
    }
}

/// The content block a widget draws its data from.
fn widget_block(locale: Locale, widget: Widget) -> Option<Block> {
    locale
        .content()
        .blocks()
        .find(|block| {
            matches!(
                (widget, block),
                (Widget::Calms, Block::Calms(_))
                    | (Widget::Pipeline, Block::Pipeline(_))
                    | (Widget::Budget, Block::Budget(_))
                    | (Widget::Career, Block::CareerTree(_))
            )
        })
        .cloned()
}

/// A widget this module does not have: say so, and list the ones it has.
fn unknown(ui: &Ui, asked: &str) -> Html {
    html! {
        <div class="notice embed-unknown" role="alert">
            <h1 class="embed-title">{ ui.embed_unknown_title }</h1>
            <p>{ fill(ui.embed_unknown, &[("widget", asked)]) }</p>
            <ul>
                { for Widget::ALL.iter().map(|widget| html! {
                    <li><a href={widget.page()}><code>{ widget.id() }</code></a>{ ": " }{ widget_name(ui, *widget) }</li>
                }) }
            </ul>
        </div>
    }
}
