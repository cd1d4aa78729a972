//! The second bundle's side: the quiz, or a widget rendered from the content, by its id.

use yew::prelude::*;

use super::{LazyWidgetId, WidgetProps};
use crate::budget::BudgetLabWidget;
use crate::career::model::SkillProfiles;
use crate::career::{CareerTreeWidget, SkillRatingWidget};
use crate::content::model::Block;
use crate::pipeline::PipelineWidget;
use crate::quiz::app::QuizApp;

#[component]
pub fn LazyWidget(props: &WidgetProps) -> Html {
    let locale = props.locale;
    if props.widget == LazyWidgetId::Quiz {
        return html! { <QuizApp {locale} /> };
    }
    let content = locale.content();
    let block = content.blocks().find(|block| {
        matches!(
            (props.widget, block),
            (LazyWidgetId::Pipeline, Block::Pipeline(_))
                | (LazyWidgetId::BudgetLab, Block::Budget(_))
                | (LazyWidgetId::CareerTree, Block::CareerTree(_))
                | (LazyWidgetId::SkillRating, Block::SkillRating(_))
        )
    });
    match block {
        Some(Block::Pipeline(pipeline)) => {
            html! { <PipelineWidget {locale} pipeline={pipeline.clone()} /> }
        }
        Some(Block::Budget(lab)) => html! { <BudgetLabWidget {locale} lab={lab.clone()} /> },
        Some(Block::CareerTree(tree)) => html! {
            <CareerTreeWidget {locale} tree={tree.clone()} requested={props.requested.clone()}
                on_change={props.on_change.clone()} embedded={props.embedded} />
        },
        Some(Block::SkillRating(rating)) => {
            match content
                .table(&rating.table)
                .and_then(SkillProfiles::from_table)
            {
                Some(profiles) => {
                    html! { <SkillRatingWidget {locale} rating={rating.clone()} {profiles} /> }
                }
                None => Html::default(),
            }
        }
        _ => Html::default(),
    }
}
