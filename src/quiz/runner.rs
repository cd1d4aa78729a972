//! One question being answered: its progress and prompt, the controls of its kind
//! (`kinds/`), the keyboard shortcuts (1–9 choose, Enter checks and moves on), and the
//! verdict with its kind's explanations.

use yew::prelude::*;

use super::bank::Question;
use super::kinds::{kind, Controls};
use super::scoring::Response;
use super::session::Answered;
use crate::i18n::{fill, Locale, Ui};

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub locale: Locale,
    pub question: Question,
    /// The display order of the question's parts, as bank indices.
    pub order: Vec<usize>,
    pub number: usize,
    pub total: usize,
    /// The answer given, once checked.
    pub answered: Option<Answered>,
    /// The answer checked, and how long after the question was shown, in
    /// milliseconds.
    pub on_answer: Callback<(Response, u64)>,
    pub on_next: Callback<()>,
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let ui = props.locale.ui();
    // What the reader has answered so far; nothing until they touch the controls.
    let draft = use_state(|| None::<Response>);
    let kind = kind(&props.question.body);
    let heading = use_node_ref();
    let root = use_node_ref();
    crate::kit::use_css_vars(&root);
    // When the question was shown, for the answer's latency in the learner's records.
    let shown_ms = use_mut_ref(|| None::<f64>);
    {
        // Each new question takes focus, so the shortcuts work and a screen reader
        // reads it.
        let (heading, shown_ms) = (heading.clone(), shown_ms.clone());
        use_effect_with(props.question.id.clone(), move |_| {
            *shown_ms.borrow_mut() = Some(js_sys::Date::now());
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let answered = props.answered.is_some();
    let ready = kind.response(draft.as_ref(), &props.order);
    let check = {
        let (ready, on_answer) = (ready.clone(), props.on_answer.clone());
        Callback::from(move |()| {
            if let Some(response) = ready.clone() {
                let shown = shown_ms.borrow().unwrap_or_else(js_sys::Date::now);
                let latency_ms = (js_sys::Date::now() - shown).max(0.0) as u64;
                on_answer.emit((response, latency_ms));
            }
        })
    };
    let onkeydown = {
        let (draft, body, order, check, on_next) = (
            draft.clone(),
            props.question.body.clone(),
            props.order.clone(),
            check.clone(),
            props.on_next.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            let target = event.target_dyn_into::<web_sys::Element>();
            let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
            // Digits typed into the number field or a list are not shortcuts; Enter on a
            // button is the button's own.
            let typing = tag == "SELECT"
                || (tag == "INPUT"
                    && target.and_then(|t| t.get_attribute("type")).as_deref() == Some("text"));
            let key = event.key();
            if key == "Enter" && tag != "BUTTON" && tag != "A" {
                event.prevent_default();
                if answered {
                    on_next.emit(())
                } else {
                    check.emit(())
                }
            } else if !answered
                && !typing
                && !event.ctrl_key()
                && !event.meta_key()
                && !event.alt_key()
            {
                if let Some(digit) = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d)) {
                    event.prevent_default();
                    draft.set(super::kinds::kind(&body).pressed(draft.as_ref(), digit - 1, &order));
                }
            }
        })
    };
    let done = props.number - 1 + usize::from(answered);
    let percent = done * 100 / props.total.max(1);
    let set = {
        let draft = draft.clone();
        Callback::from(move |response: Response| draft.set(Some(response)))
    };
    let body = kind.controls(&Controls {
        ui,
        order: &props.order,
        draft: draft.as_ref(),
        locked: answered,
        set: &set,
    });
    let can_check = ready.is_some();
    html! {
        <div class="quiz-card" ref={root} {onkeydown}>
            <div class="quiz-progress" role="progressbar" aria-label={ui.quiz_progress_label}
                aria-valuemin="0" aria-valuemax={props.total.to_string()} aria-valuenow={done.to_string()}>
                <span data-vars={format!("--done: {percent}%")}></span>
            </div>
            <p class="quiz-count">{ fill(ui.quiz_question_of, &[("n", &props.number.to_string()), ("total", &props.total.to_string())]) }</p>
            <h2 class="quiz-prompt" tabindex="-1" ref={heading} id="quiz-prompt">{ &props.question.prompt }</h2>
            { body }
            <div class="quiz-actions">
                if answered {
                    <button type="button" class="quiz-button is-primary" onclick={props.on_next.reform(|_| ())}>
                        { if props.number == props.total { ui.quiz_finish } else { ui.quiz_next } }
                    </button>
                } else {
                    <button type="button" class="quiz-button is-primary" disabled={!can_check} onclick={check.reform(|_| ())}>
                        { ui.quiz_submit }
                    </button>
                }
            </div>
            <p class="quiz-keys">{ ui.quiz_keys_hint }</p>
            <div class="quiz-feedback" role="status">
                { for props.answered.as_ref().map(|answered| feedback(ui, &props.question, answered)) }
            </div>
        </div>
    }
}

/// The feedback for an answer, as the results' review of mistakes shows it again.
pub fn feedback_for(locale: Locale, question: &Question, answered: &Answered) -> Html {
    feedback(locale.ui(), question, answered)
}

/// Right, partly right or wrong, then its kind's explanations.
fn feedback(ui: &Ui, question: &Question, answered: &Answered) -> Html {
    let verdict = if answered.credit >= 1.0 {
        ui.quiz_right.to_owned()
    } else if answered.credit > 0.0 {
        let percent = (answered.credit * 100.0).round() as u32;
        fill(ui.quiz_partly, &[("percent", &percent.to_string())])
    } else {
        ui.quiz_wrong.to_owned()
    };
    let verdict_class = if answered.credit >= 1.0 {
        "is-right"
    } else {
        "is-wrong"
    };
    html! {
        <>
            <p class={classes!("quiz-verdict", verdict_class)}>{ verdict }</p>
            { kind(&question.body).explain(ui, &answered.response) }
        </>
    }
}
