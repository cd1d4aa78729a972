//! One question being answered: the answer controls for its kind, the keyboard
//! shortcuts (1–9 choose, Enter checks and moves on), and the feedback with an
//! explanation for every option.

use yew::prelude::*;

use super::bank::{Body, Question};
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
    pub on_answer: Callback<Response>,
    pub on_next: Callback<()>,
}

/// The reader's answer while it is being made.
#[derive(Clone, Debug, PartialEq)]
enum Draft {
    Choice(Option<usize>),
    Choices(Vec<usize>),
    Truth(Option<bool>),
    Order(Vec<usize>),
    Matches(Vec<Option<usize>>),
    Number(String),
}

impl Draft {
    fn new(question: &Question, order: &[usize]) -> Draft {
        match &question.body {
            Body::Single { .. } => Draft::Choice(None),
            Body::Multiple { .. } => Draft::Choices(Vec::new()),
            Body::TrueFalse { .. } => Draft::Truth(None),
            Body::Ordering { .. } => Draft::Order(order.to_vec()),
            Body::Matching { pairs, .. } => Draft::Matches(vec![None; pairs.len()]),
            Body::Numeric { .. } => Draft::Number(String::new()),
        }
    }

    /// The response, when the draft is complete enough to check.
    fn response(&self) -> Option<Response> {
        match self {
            Draft::Choice(choice) => choice.map(Response::Choice),
            Draft::Choices(chosen) if !chosen.is_empty() => Some(Response::Choices(chosen.clone())),
            Draft::Truth(said) => said.map(Response::Truth),
            Draft::Order(order) => Some(Response::Order(order.clone())),
            Draft::Matches(matches) if matches.iter().all(Option::is_some) => {
                Some(Response::Matches(matches.clone()))
            }
            Draft::Number(text) if !text.trim().is_empty() => Some(Response::Number(text.clone())),
            _ => None,
        }
    }

    /// The draft after pressing the `n`th choice key (1 is the first shown).
    fn pressed(&self, shown: usize, order: &[usize]) -> Draft {
        let bank_index = |i: usize| order.get(i).copied();
        match self {
            Draft::Choice(_) => Draft::Choice(bank_index(shown).or(None)),
            Draft::Choices(chosen) => match bank_index(shown) {
                Some(option) => Draft::Choices(toggled(chosen, option)),
                None => self.clone(),
            },
            Draft::Truth(_) if shown < 2 => Draft::Truth(Some(shown == 0)),
            _ => self.clone(),
        }
    }
}

fn toggled(chosen: &[usize], option: usize) -> Vec<usize> {
    let mut chosen = chosen.to_vec();
    match chosen.iter().position(|&c| c == option) {
        Some(at) => {
            chosen.remove(at);
        }
        None => chosen.push(option),
    }
    chosen
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let ui = props.locale.ui();
    let draft = {
        let (question, order) = (props.question.clone(), props.order.clone());
        use_state(move || Draft::new(&question, &order))
    };
    let heading = use_node_ref();
    let root = use_node_ref();
    crate::kit::use_css_vars(&root);
    {
        // Each new question takes focus, so the shortcuts work and a screen reader
        // reads it.
        let heading = heading.clone();
        use_effect_with(props.question.id.clone(), move |_| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let answered = props.answered.is_some();
    let check = {
        let (draft, on_answer) = (draft.clone(), props.on_answer.clone());
        Callback::from(move |()| {
            if let Some(response) = draft.response() {
                on_answer.emit(response);
            }
        })
    };
    let onkeydown = {
        let (draft, order, check, on_next) = (
            draft.clone(),
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
                    draft.set(draft.pressed(digit - 1, &order));
                }
            }
        })
    };
    let done = props.number - 1 + usize::from(answered);
    let percent = done * 100 / props.total.max(1);
    let body = answer_controls(ui, props, &draft);
    let can_check = draft.response().is_some();
    html! {
        <div class="quiz-card" ref={root} {onkeydown}>
            <div class="quiz-progress" role="progressbar" aria-label={ui.quiz_progress_label}
                aria-valuemin="0" aria-valuemax={props.total.to_string()} aria-valuenow={done.to_string()}>
                <span data-vars={format!("--done: {percent}%")}></span>
            </div>
            <p class="quiz-count">{ fill(ui.quiz_question_of, &[("n", &props.number.to_string()), ("total", &props.total.to_string())]) }</p>
            <h3 class="quiz-prompt" tabindex="-1" ref={heading} id="quiz-prompt">{ &props.question.prompt }</h3>
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

/// The controls to answer with, for the question's kind, locked once answered. Every
/// kind has its arm, with no wildcard: a new kind does not compile until it has
/// controls. A draft always has its question's shape (`Draft::new`); one that did not
/// would show no controls rather than panic.
fn answer_controls(ui: &Ui, props: &QuestionCardProps, draft: &UseStateHandle<Draft>) -> Html {
    let locked = props.answered.is_some();
    let set = |next: Draft| {
        let draft = draft.clone();
        move || draft.set(next.clone())
    };
    // The text of a part the order names; empty for an index past the bank's parts.
    let part = |texts: &[&str], i: usize| texts.get(i).copied().unwrap_or_default().to_owned();
    match &props.question.body {
        Body::Single { options } => {
            let Draft::Choice(chosen) = &**draft else {
                return Html::default();
            };
            let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
            let items = props.order.iter().enumerate().map(|(shown, &i)| {
                let onchange = {
                    let f = set(Draft::Choice(Some(i)));
                    Callback::from(move |_: Event| f())
                };
                choice_input(
                    "radio",
                    shown,
                    &part(&texts, i),
                    *chosen == Some(i),
                    locked,
                    onchange,
                )
            });
            html! { <fieldset class="quiz-options" aria-labelledby="quiz-prompt">{ for items }</fieldset> }
        }
        Body::Multiple { options } => {
            let Draft::Choices(chosen) = &**draft else {
                return Html::default();
            };
            let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
            let items = props.order.iter().enumerate().map(|(shown, &i)| {
                let onchange = {
                    let f = set(Draft::Choices(toggled(chosen, i)));
                    Callback::from(move |_: Event| f())
                };
                choice_input(
                    "checkbox",
                    shown,
                    &part(&texts, i),
                    chosen.contains(&i),
                    locked,
                    onchange,
                )
            });
            html! { <fieldset class="quiz-options" aria-labelledby="quiz-prompt">{ for items }</fieldset> }
        }
        Body::TrueFalse { .. } => {
            let Draft::Truth(said) = &**draft else {
                return Html::default();
            };
            let items = [(true, ui.quiz_true), (false, ui.quiz_false)]
                .into_iter()
                .enumerate()
                .map(|(shown, (value, label))| {
                    let onchange = {
                        let f = set(Draft::Truth(Some(value)));
                        Callback::from(move |_: Event| f())
                    };
                    choice_input(
                        "radio",
                        shown,
                        label,
                        *said == Some(value),
                        locked,
                        onchange,
                    )
                });
            html! { <fieldset class="quiz-options" aria-labelledby="quiz-prompt">{ for items }</fieldset> }
        }
        Body::Ordering { items, .. } => {
            let Draft::Order(order) = &**draft else {
                return Html::default();
            };
            let texts: Vec<&str> = items.iter().map(String::as_str).collect();
            let rows = order.iter().enumerate().map(|(place, &i)| {
                let moved = |by: isize| {
                    let target = place as isize + by;
                    let mut next = order.clone();
                    if (0..order.len() as isize).contains(&target) {
                        next.swap(place, target as usize);
                    }
                    let f = set(Draft::Order(next));
                    Callback::from(move |_: MouseEvent| f())
                };
                let item = part(&texts, i);
                let item = item.as_str();
                html! {
                    <li class="quiz-order-item">
                        <span>{ item }</span>
                        <button type="button" class="quiz-move" disabled={locked || place == 0} onclick={moved(-1)}
                            aria-label={fill(ui.quiz_move_up, &[("item", item)])}>{ "↑" }</button>
                        <button type="button" class="quiz-move" disabled={locked || place + 1 == order.len()} onclick={moved(1)}
                            aria-label={fill(ui.quiz_move_down, &[("item", item)])}>{ "↓" }</button>
                    </li>
                }
            });
            html! { <ol class="quiz-order" aria-labelledby="quiz-prompt">{ for rows }</ol> }
        }
        Body::Matching { pairs, .. } => {
            let Draft::Matches(matches) = &**draft else {
                return Html::default();
            };
            let rights: Vec<&str> = pairs.iter().map(|p| p.right.as_str()).collect();
            let rows = pairs.iter().enumerate().map(|(left, pair)| {
                let onchange = {
                    let (draft, matches) = (draft.clone(), matches.clone());
                    Callback::from(move |event: Event| {
                        let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        let mut next = matches.clone();
                        if let Some(slot) = next.get_mut(left) {
                            *slot = value.parse().ok();
                        }
                        draft.set(Draft::Matches(next));
                    })
                };
                let id = format!("quiz-match-{left}");
                let matched = matches.get(left).copied().flatten();
                html! {
                    <div class="quiz-match">
                        <label for={id.clone()}>{ &pair.left }</label>
                        <select {id} {onchange} disabled={locked}>
                            <option value="" selected={matched.is_none()}>{ ui.quiz_choose_match }</option>
                            { for props.order.iter().map(|&right| html! {
                                <option value={right.to_string()} selected={matched == Some(right)}>{ part(&rights, right) }</option>
                            }) }
                        </select>
                    </div>
                }
            });
            html! { <div class="quiz-matching" role="group" aria-labelledby="quiz-prompt">{ for rows }</div> }
        }
        Body::Numeric { unit, .. } => {
            let Draft::Number(text) = &**draft else {
                return Html::default();
            };
            let oninput = {
                let draft = draft.clone();
                Callback::from(move |event: InputEvent| {
                    draft.set(Draft::Number(
                        event
                            .target_unchecked_into::<web_sys::HtmlInputElement>()
                            .value(),
                    ))
                })
            };
            html! {
                <div class="quiz-numeric field">
                    <label for="quiz-number">{ ui.quiz_numeric_label }</label>
                    <span class="quiz-number-row">
                        <input type="text" inputmode="decimal" id="quiz-number" value={text.clone()} {oninput} disabled={locked} />
                        <span>{ unit }</span>
                    </span>
                </div>
            }
        }
    }
}

fn choice_input(
    kind: &'static str,
    shown: usize,
    text: &str,
    checked: bool,
    locked: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="quiz-option">
            <input type={kind} name="quiz-choice" {checked} disabled={locked} {onchange} />
            <span class="quiz-key" aria-hidden="true">{ shown + 1 }</span>
            <span>{ text.to_owned() }</span>
        </label>
    }
}

/// The feedback for an answer, as the results' review of mistakes shows it again.
pub fn feedback_for(locale: Locale, question: &Question, answered: &Answered) -> Html {
    feedback(locale.ui(), question, answered)
}

/// Right, partly right or wrong, then an explanation for every option.
fn feedback(ui: &Ui, question: &Question, answered: &Answered) -> Html {
    let verdict = if answered.credit >= 1.0 {
        ui.quiz_right.to_owned()
    } else if answered.credit > 0.0 {
        fill(
            ui.quiz_partly,
            &[(
                "percent",
                &((answered.credit * 100.0).round() as u32).to_string(),
            )],
        )
    } else {
        ui.quiz_wrong.to_owned()
    };
    let chosen = |i: usize| match &answered.response {
        Response::Choice(c) => *c == i,
        Response::Choices(c) => c.contains(&i),
        _ => false,
    };
    let mark = |right: bool, yours: bool| {
        let mut marks = Vec::new();
        if right {
            marks.push(ui.quiz_correct_option)
        }
        if yours {
            marks.push(ui.quiz_your_answer)
        }
        (!marks.is_empty()).then(|| format!(" ({})", marks.join(", ")))
    };
    let details = match &question.body {
        Body::Single { options } | Body::Multiple { options } => html! {
            <ul class="quiz-explanations">
                { for options.iter().enumerate().map(|(i, option)| html! {
                    <li class={classes!(option.correct.then_some("is-right"))}>
                        <strong>{ &option.text }{ mark(option.correct, chosen(i)).unwrap_or_default() }</strong>
                        { " " }{ &option.explanation }
                    </li>
                }) }
            </ul>
        },
        Body::TrueFalse {
            answer,
            explain_true,
            explain_false,
        } => {
            let said = matches!(answered.response, Response::Truth(true));
            html! {
                <ul class="quiz-explanations">
                    <li class={classes!(answer.then_some("is-right"))}><strong>{ ui.quiz_true }{ mark(*answer, said).unwrap_or_default() }</strong>{ " " }{ explain_true }</li>
                    <li class={classes!((!answer).then_some("is-right"))}><strong>{ ui.quiz_false }{ mark(!answer, !said).unwrap_or_default() }</strong>{ " " }{ explain_false }</li>
                </ul>
            }
        }
        Body::Ordering { items, explanation } => html! {
            <>
                <p>{ fill(ui.quiz_order_answer, &[("order", &items.join(" → "))]) }</p>
                <p>{ explanation }</p>
            </>
        },
        Body::Matching { pairs, explanation } => html! {
            <>
                <ul class="quiz-explanations">
                    { for pairs.iter().map(|pair| html! {
                        <li><strong>{ &pair.left }{ " → " }{ &pair.right }</strong>{ " " }{ &pair.explanation }</li>
                    }) }
                </ul>
                <p>{ explanation }</p>
            </>
        },
        Body::Numeric {
            answer,
            unit,
            explanation,
            ..
        } => html! {
            <>
                <p>{ fill(ui.quiz_right_answer, &[("answer", &format!("{answer} {unit}"))]) }</p>
                <p>{ explanation }</p>
            </>
        },
    };
    html! {
        <>
            <p class={classes!("quiz-verdict", if answered.credit >= 1.0 { "is-right" } else { "is-wrong" })}>{ verdict }</p>
            { details }
        </>
    }
}
