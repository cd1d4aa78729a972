//! The pipeline's view: the model switch, the track with its stages, checkpoints and
//! token, the checkpoint's detail, the defects, playback, the outcome, and the
//! article's case for shifting left.
//!
//! Movement is CSS: checkpoints and token are placed with `transform` from a custom
//! property, so switching models and playing a run animate on the compositor, and do
//! not move at all under reduced motion.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::model::{gate_index, outcome, position, Model, Outcome, Run, RunMsg, Stop};
use super::state::{PipelineMsg, PipelineState};
use super::STEP_MS;
use crate::content::model::Pipeline;
use crate::format::decimal;
use crate::i18n::{fill, Locale, Ui};
use crate::kit::use_css_vars;
use crate::kit::{text, use_heading_level, HeadingLevel};

#[derive(Properties, PartialEq)]
pub struct PipelineWidgetProps {
    pub locale: Locale,
    pub pipeline: Pipeline,
}

const DETAIL_ID: &str = "pipeline-detail";

#[component]
pub fn PipelineWidget(props: &PipelineWidgetProps) -> Html {
    let state = {
        let pipeline = props.pipeline.clone();
        use_reducer(move || PipelineState::new(pipeline))
    };
    use_playback_clock(state.dispatcher(), state.run.playing);
    let send = {
        let dispatcher = state.dispatcher();
        Callback::from(move |msg: RunMsg| dispatcher.dispatch(PipelineMsg::Run(msg)))
    };
    let show = {
        let dispatcher = state.dispatcher();
        Callback::from(move |stop: Stop| dispatcher.dispatch(PipelineMsg::ShowCheckpoint(stop)))
    };
    let ui = props.locale.ui();
    let heading = use_heading_level();
    let pipeline = &props.pipeline;
    let model = state.run.model;
    let root = use_node_ref();
    use_css_vars(&root);
    let stage = use_node_ref();
    let token_at = state
        .run
        .stop(&props.pipeline)
        .map(|stop| position(&props.pipeline, stop));
    use_follow_token(&stage, token_at);

    html! {
        <div class="pipeline" ref={root} data-model={model_name(model)}>
            <p class="pipeline-caption">{ text(&pipeline.caption) }</p>
            { model_switch(ui, model, &send) }
            // The stage and everything that sets it moving: the stage sticks to the top of
            // the window while the reader is anywhere in here, so a run started from the
            // controls below it is seen, and scrolls away with the outcome.
            <div class="pipeline-run">
                <div class="pipeline-scroll" ref={stage} role="region" aria-label={ui.pipeline_stages_label} tabindex="0">
                    <div class="pipeline-track">
                        { checkpoints(ui, pipeline, model, state.checkpoint, &show) }
                        <ol class="pipeline-stages">
                            { for pipeline.stages.iter().map(|stage| html! {
                                <li class="pipeline-stage" key={stage.id.as_ref()}>
                                    <span class="pipeline-stage-name">{ text(&stage.name) }</span>
                                    <span class="pipeline-stage-phase">{ fill(ui.pipeline_phase, &[("phase", &stage.phase)]) }</span>
                                </li>
                            }) }
                        </ol>
                        { token(pipeline, &state.run) }
                    </div>
                </div>
                { detail(ui, pipeline, state.checkpoint, heading) }
                { defect_picker(ui, pipeline, &state.run, &send) }
                { playback(ui, pipeline, &state.run, &send) }
                <div class="pipeline-outcome" role="status">{ report(ui, pipeline, &state.run) }</div>
            </div>
            <p class="pipeline-cost-note">
                { text(&pipeline.cost_note) }{ " " }{ ui.pipeline_cost_source }{ ui.format_label_separator }
                <a href={text(&pipeline.cost_source.url)} rel="noopener">{ text(&pipeline.cost_source.title) }</a>
            </p>
            <div class="pipeline-why">
                { why(ui.pipeline_why_traditional, &pipeline.why_traditional, "is-traditional", heading) }
                { why(ui.pipeline_why_shift_left, &pipeline.why_shift_left, "is-shift-left", heading) }
            </div>
        </div>
    }
}

fn model_name(model: Model) -> &'static str {
    match model {
        Model::Traditional => "traditional",
        Model::DevSecOps => "devsecops",
    }
}

/// Traditional or DevSecOps: two radio buttons, so the arrow keys switch too.
fn model_switch(ui: &Ui, current: Model, send: &Callback<RunMsg>) -> Html {
    let option = |model: Model, label: &'static str| {
        let onchange = send.reform(move |_: Event| RunMsg::SetModel(model));
        html! {
            <label class="segmented-option">
                <input type="radio" name="pipeline-model" value={model_name(model)}
                    checked={current == model} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="pipeline-model segmented">
            <legend>{ ui.pipeline_model_legend }</legend>
            { option(Model::Traditional, ui.pipeline_traditional) }
            { option(Model::DevSecOps, ui.pipeline_devsecops) }
        </fieldset>
    }
}

/// The security checkpoints. In the traditional model the stages' checkpoints sit
/// folded under the one gate, inert; switching to DevSecOps slides each into its stage
/// and fades the gate, and switching back folds them in again.
fn checkpoints(
    ui: &Ui,
    pipeline: &Pipeline,
    model: Model,
    open: Option<Stop>,
    show: &Callback<Stop>,
) -> Html {
    let gate_at = position(pipeline, Stop::Gate);
    let guarded = pipeline.stages.get(gate_index(pipeline));
    let button = |stop: Stop, at: f64, order: usize, label: String, active: bool| {
        let onclick = show.reform(move |_: MouseEvent| stop);
        let class = classes!(
            "checkpoint",
            matches!(stop, Stop::Gate).then_some("is-gate"),
            (!active).then_some("is-folded")
        );
        html! {
            <button type="button" {class} {onclick} aria-label={label}
                aria-expanded={(active && open == Some(stop)).to_string()} aria-controls={DETAIL_ID}
                inert={!active}
                data-vars={format!("--at: {}; --order: {order}", decimal(at))}>
                <span aria-hidden="true">{ "✓" }</span>
            </button>
        }
    };
    let devsecops = model == Model::DevSecOps;
    let stages = pipeline.stages.iter().enumerate().map(|(index, stage)| {
        let at = if devsecops {
            position(pipeline, Stop::Stage(index))
        } else {
            gate_at
        };
        let label = fill(
            ui.pipeline_checkpoint_label,
            &[("practice", &stage.practice), ("stage", &stage.name)],
        );
        // Slide out nearest-first, fold back farthest-first.
        let order = if devsecops {
            pipeline.stages.len() - index
        } else {
            index
        };
        button(Stop::Stage(index), at, order, label, devsecops)
    });
    let gate_label = fill(
        ui.pipeline_gate_label,
        &[
            ("gate", &pipeline.gate.name),
            ("stage", guarded.map_or("", |s| s.name.as_ref())),
        ],
    );
    html! {
        <div class="pipeline-checkpoints">
            { for stages }
            { button(Stop::Gate, gate_at, 0, gate_label, !devsecops) }
        </div>
    }
}

/// Where the stage scrolls sideways (a phone's width), it follows the token, so that the
/// defect's run is seen to its end.
#[hook]
fn use_follow_token(stage: &NodeRef, token_at: Option<f64>) {
    let stage = stage.clone();
    use_effect_with(token_at, move |token_at| {
        if let (Some(at), Some(element)) = (token_at, stage.cast::<web_sys::Element>()) {
            crate::platform::reveal_across(&element, *at);
        }
    });
}

/// The defect's token, at the stop it has reached.
fn token(pipeline: &Pipeline, run: &Run) -> Html {
    let Some(stop) = run.stop(pipeline) else {
        return Html::default();
    };
    let state = match run.outcome(pipeline) {
        Some(end) if run.finished(pipeline) && end.caught => "caught",
        Some(_) if run.finished(pipeline) => "escaped",
        _ => "moving",
    };
    html! {
        <span class="pipeline-token" data-state={state} aria-hidden="true"
            data-vars={format!("--at: {}", decimal(position(pipeline, stop)))}></span>
    }
}

/// What the open checkpoint does, and why it sits where it does.
fn detail(ui: &Ui, pipeline: &Pipeline, open: Option<Stop>, heading: HeadingLevel) -> Html {
    let body = match open {
        Some(Stop::Stage(index)) => pipeline.stages.get(index).map(|stage| {
            html! {
                <>
                    <@{heading.tag(0)}>{ text(&stage.practice) }{ " · " }{ text(&stage.name) }</@>
                    <p><strong>{ ui.pipeline_tools }{ ui.format_label_separator }</strong>{ text(&stage.tools) }</p>
                    <p><strong>{ ui.pipeline_why }{ ui.format_label_separator }</strong>{ text(&stage.why) }</p>
                </>
            }
        }),
        Some(Stop::Gate) => Some(html! {
            <>
                <@{heading.tag(0)}>{ text(&pipeline.gate.name) }</@>
                <p>{ text(&pipeline.gate.description) }</p>
            </>
        }),
        None => None,
    };
    html! {
        <div class="pipeline-detail" id={DETAIL_ID}>
            { body.unwrap_or_else(|| html! { <p class="pipeline-hint">{ ui.pipeline_choose_checkpoint }</p> }) }
        </div>
    }
}

fn defect_picker(ui: &Ui, pipeline: &Pipeline, run: &Run, send: &Callback<RunMsg>) -> Html {
    let options = pipeline.defects.iter().enumerate().map(|(index, defect)| {
        let onchange = send.reform(move |_: Event| RunMsg::Send(index));
        html! {
            <label class="pipeline-defect" key={defect.id.as_ref()}>
                <input type="radio" name="pipeline-defect" value={text(&defect.id)}
                    checked={run.defect == Some(index)} {onchange} />
                <span class="pipeline-defect-name">{ text(&defect.name) }</span>
                <span class="pipeline-defect-example">{ text(&defect.example) }</span>
            </label>
        }
    });
    html! {
        <fieldset class="pipeline-defects">
            <legend>{ ui.pipeline_defect_legend }</legend>
            { for options }
        </fieldset>
    }
}

fn playback(ui: &Ui, pipeline: &Pipeline, run: &Run, send: &Callback<RunMsg>) -> Html {
    let idle = run.defect.is_none();
    let (label, msg) = if run.playing {
        (ui.pipeline_pause, RunMsg::Pause)
    } else {
        (ui.pipeline_play, RunMsg::Play)
    };
    let button = |label: &'static str, msg: RunMsg, disabled: bool| {
        let onclick = send.reform(move |_: MouseEvent| msg);
        html! { <button type="button" class="pipeline-control" {onclick} {disabled}>{ label }</button> }
    };
    html! {
        <div class="pipeline-playback">
            { button(label, msg, idle) }
            { button(ui.pipeline_step, RunMsg::Step, idle || run.finished(pipeline)) }
            { button(ui.pipeline_reset, RunMsg::Reset, idle) }
        </div>
    }
}

/// The stop's name as the reader sees it: a stage, or the gate.
fn stop_name(pipeline: &Pipeline, stop: Stop) -> String {
    match stop {
        Stop::Stage(index) => pipeline
            .stages
            .get(index)
            .map_or(String::new(), |s| s.name.to_string()),
        Stop::Gate => pipeline.gate.name.to_string(),
    }
}

/// Where the run is, or, once it has ended, where it was caught and at what cost, next
/// to what the other model gives.
fn report(ui: &Ui, pipeline: &Pipeline, run: &Run) -> Html {
    let (Some(stop), Some(end), Some(defect)) = (
        run.stop(pipeline),
        run.outcome(pipeline),
        run.defect.and_then(|i| pipeline.defects.get(i)),
    ) else {
        return Html::default();
    };
    if !run.finished(pipeline) {
        // Said while stepping by hand; while playing, only the end is announced.
        return match run.playing {
            true => Html::default(),
            false => {
                html! { <p>{ fill(ui.pipeline_at_stop, &[("stop", &stop_name(pipeline, stop))]) }</p> }
            }
        };
    }
    let cost = end.cost.to_string();
    let stop = stop_name(pipeline, end.stop);
    let here = match end.stop {
        _ if !end.caught => {
            let consequence = defect.in_production.as_deref().unwrap_or_default();
            fill(
                ui.pipeline_escaped,
                &[
                    ("stop", &stop),
                    ("consequence", consequence),
                    ("cost", &cost),
                ],
            )
        }
        Stop::Gate => {
            let guarded = pipeline
                .stages
                .get(gate_index(pipeline))
                .map_or("", |s| s.name.as_ref());
            fill(
                ui.pipeline_caught_at_gate,
                &[
                    ("gate", &pipeline.gate.name),
                    ("stage", guarded),
                    ("cost", &cost),
                ],
            )
        }
        Stop::Stage(index) => {
            let check = pipeline
                .stages
                .get(index)
                .map_or("", |s| s.practice.as_ref());
            fill(
                ui.pipeline_caught,
                &[("stop", &stop), ("check", check), ("cost", &cost)],
            )
        }
    };
    let other_model = run.model.other();
    let other: Outcome = outcome(pipeline, defect, other_model);
    let other_result = fill(
        if other.caught {
            ui.pipeline_other_caught
        } else {
            ui.pipeline_other_escaped
        },
        &[
            ("stop", &stop_name(pipeline, other.stop)),
            ("cost", &other.cost.to_string()),
        ],
    );
    let other_model_name = match other_model {
        Model::Traditional => ui.pipeline_traditional,
        Model::DevSecOps => ui.pipeline_devsecops,
    };
    html! {
        <>
            <p class={classes!("pipeline-result", (!end.caught).then_some("is-escaped"))}>{ here }</p>
            <p>{ fill(ui.pipeline_in_other_model, &[("model", other_model_name), ("result", &other_result)]) }</p>
        </>
    }
}

fn why(
    title: &'static str,
    points: &[crate::content::model::Text],
    class: &'static str,
    heading: HeadingLevel,
) -> Html {
    html! {
        <section class={classes!("pipeline-why-column", class)}>
            <@{heading.tag(0)}>{ title }</@>
            <ul class="bullets">{ for points.iter().map(|p| html! { <li>{ text(p) }</li> }) }</ul>
        </section>
    }
}

/// The playback clock: a tick every step while a run plays, and none otherwise.
#[hook]
fn use_playback_clock(dispatcher: UseReducerDispatcher<PipelineState>, playing: bool) {
    use_effect_with(playing, move |playing| {
        let clock = playing.then(|| {
            Interval::new(STEP_MS, move || {
                dispatcher.dispatch(PipelineMsg::Run(RunMsg::Tick))
            })
        });
        move || drop(clock)
    });
}
