//! The article's text alone, every widget left out: what a plain page would give, for
//! the benchmark's floor.

use yew::prelude::*;

use super::view::{ArticleView, ArticleViewProps};
use crate::kit::WithoutWidgets;

/// A view's text without its widgets: the article as a plain page would give it, for
/// the benchmark's floor.
#[component]
pub fn ArticleOnly(props: &ArticleViewProps) -> Html {
    html! {
        <ContextProvider<WithoutWidgets> context={WithoutWidgets}>
            <ArticleView locale={props.locale} view={props.view.clone()} />
        </ContextProvider<WithoutWidgets>>
    }
}
