//! The frame of every widget: the widget, and under it the one sentence a reader sees
//! while the app does not run (JavaScript off, or WebAssembly refused), where the
//! prerendered widget shows its first state but cannot respond.

use yew::prelude::*;

use crate::i18n::Locale;

/// Given by a page that shows the article's text alone: every widget draws nothing.
#[derive(Clone, PartialEq)]
pub struct WithoutWidgets;

#[derive(Properties, PartialEq)]
pub struct InteractiveProps {
    pub locale: Locale,
    #[prop_or_default]
    pub children: Html,
}

/// The sentence is in the page whether the app runs or not, so that the page the build
/// prerendered and the app's first render are the same; the stylesheet hides it once
/// the app has set `data-hydrated` on `<html>`.
#[component]
pub fn Interactive(props: &InteractiveProps) -> Html {
    if use_context::<WithoutWidgets>().is_some() {
        return Html::default();
    }
    html! {
        <div class="interactive">
            { props.children.clone() }
            <p class="needs-script">{ props.locale.ui().widget_needs_script }</p>
        </div>
    }
}
