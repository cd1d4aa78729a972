//! The article's two text diagrams drawn in HTML and CSS: boxes inside a box, and
//! pipelines with their security checkpoints.

use yew::prelude::*;

use crate::content::model::{Flow, Label, Nested, Step};
use crate::kit::text;

#[derive(Properties, PartialEq)]
pub struct NestedProps {
    pub nested: Nested,
}

/// DevOps as the base, SRE and DevSecOps inside it. The boxes are lists, so a screen
/// reader hears the same structure the eye sees.
#[component]
pub fn NestedDiagram(props: &NestedProps) -> Html {
    let nested = &props.nested;
    html! {
        <figure class="nested">
            <div class="nested-outer">
                { label(&nested.outer) }
                <ul class="nested-inner">
                    { for nested.inner.iter().map(|inner| html! { <li class="nested-box">{ label(inner) }</li> }) }
                </ul>
            </div>
            <figcaption>{ text(&nested.caption) }</figcaption>
        </figure>
    }
}

fn label(label: &Label) -> Html {
    html! {
        <p class="nested-label">
            <span class="nested-name">{ text(&label.name) }</span>
            <span class="nested-role">{ text(&label.role) }</span>
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct FlowProps {
    pub flow: Flow,
}

/// Each lane is an ordered list of stages; security checkpoints are marked in green.
#[component]
pub fn FlowDiagram(props: &FlowProps) -> Html {
    let flow = &props.flow;
    let lanes = flow.lanes.iter().map(|lane| {
        html! {
            <div class="flow-lane">
                <p class="flow-lane-name">{ text(&lane.name) }</p>
                <ol class="flow-steps">{ for lane.steps.iter().map(step) }</ol>
            </div>
        }
    });
    html! {
        <figure class="flow">
            { for lanes }
            <figcaption>{ text(&flow.caption) }</figcaption>
        </figure>
    }
}

fn step(step: &Step) -> Html {
    html! {
        <li class={classes!("flow-step", step.gate.then_some("is-gate"))}>
            if step.gate {
                <span class="gate-mark" aria-hidden="true">{ "✓" }</span>
            }
            { text(&step.name) }
        </li>
    }
}
