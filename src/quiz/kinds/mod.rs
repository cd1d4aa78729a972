//! Each kind of question as the reader meets it, one module each: when an answer is
//! ready to check, what the number keys do, the controls to answer with, and the
//! feedback after. The kind's data shape, checks and grading are its other half, in
//! `ops_trio_content::bank::kinds`, under the same file name: `build.rs` checks the bank
//! with them, and it cannot depend on yew.
//!
//! Adding a kind, after its half in the content crate: a module here with
//! `impl Kind`, and its arm in [`kind`]. [`Kind`] requires [`Rules`], and neither has a
//! default for grading or controls, so a kind missing either does not compile:
//!
//! ```compile_fail,E0046
//! use ops_trio::i18n::Ui;
//! use ops_trio::quiz::bank::{Response, Rules};
//! use ops_trio::quiz::kinds::{Controls, Kind};
//! use yew::Html;
//!
//! struct Essay;
//! impl Rules for Essay {
//!     fn shuffled_parts(&self) -> usize { 0 }
//!     fn grade(&self, _: &Response) -> f64 { 0.0 }
//!     fn accepts(&self, _: &Response) -> bool { false }
//! }
//! // Graded, explained, but with no controls to answer with.
//! impl Kind for Essay {
//!     fn response(&self, draft: Option<&Response>, _: &[usize]) -> Option<Response> {
//!         draft.cloned()
//!     }
//!     fn explain(&self, _: &Ui, _: &Response) -> Html { Html::default() }
//! }
//! ```
//!
//! ```compile_fail,E0277
//! use ops_trio::i18n::Ui;
//! use ops_trio::quiz::bank::Response;
//! use ops_trio::quiz::kinds::{Controls, Kind};
//! use yew::Html;
//!
//! struct Essay;
//! // Controls, but no `Rules`: never checked, never graded.
//! impl Kind for Essay {
//!     fn response(&self, draft: Option<&Response>, _: &[usize]) -> Option<Response> {
//!         draft.cloned()
//!     }
//!     fn controls(&self, _: &Controls) -> Html { Html::default() }
//!     fn explain(&self, _: &Ui, _: &Response) -> Html { Html::default() }
//! }
//! ```
//!
//! With both, the same kind compiles:
//!
//! ```
//! use ops_trio::i18n::Ui;
//! use ops_trio::quiz::bank::{Response, Rules};
//! use ops_trio::quiz::kinds::{Controls, Kind};
//! use yew::Html;
//!
//! struct Essay;
//! impl Rules for Essay {
//!     fn shuffled_parts(&self) -> usize { 0 }
//!     fn grade(&self, _: &Response) -> f64 { 0.0 }
//!     fn accepts(&self, _: &Response) -> bool { false }
//! }
//! impl Kind for Essay {
//!     fn response(&self, draft: Option<&Response>, _: &[usize]) -> Option<Response> {
//!         draft.cloned()
//!     }
//!     fn controls(&self, _: &Controls) -> Html { Html::default() }
//!     fn explain(&self, _: &Ui, _: &Response) -> Html { Html::default() }
//! }
//! assert_eq!(Essay.response(None, &[]), None);
//! ```

mod matching;
mod multiple;
mod numeric;
mod ordering;
mod single;
mod true_false;

use yew::prelude::*;

use super::bank::{Body, Choice, Response, Rules};
use crate::i18n::{fill, Ui};

/// A kind of question, as the reader answers it. See the module's documentation.
pub trait Kind: Rules {
    /// The response to check, once the draft is complete enough: `None` keeps Check
    /// disabled. `draft` is `None` until the reader touches the controls; `order` is the
    /// display order of the question's parts, as bank indices.
    fn response(&self, draft: Option<&Response>, order: &[usize]) -> Option<Response>;

    /// The draft after the reader presses the number key `shown + 1`. Only kinds with
    /// numbered options take the keys; the others keep the draft.
    fn pressed(
        &self,
        draft: Option<&Response>,
        _shown: usize,
        _order: &[usize],
    ) -> Option<Response> {
        draft.cloned()
    }

    /// The controls to answer with, locked once answered.
    fn controls(&self, controls: &Controls) -> Html;

    /// After checking: what was right and why, beside what the reader answered.
    fn explain(&self, ui: &Ui, response: &Response) -> Html;
}

/// What a kind's controls are drawn from.
pub struct Controls<'a> {
    pub ui: &'a Ui,
    /// The display order of the question's parts, as bank indices.
    pub order: &'a [usize],
    /// What the reader has answered so far; `None` before they touch anything.
    pub draft: Option<&'a Response>,
    /// Checked: the controls show the answer and take no more.
    pub locked: bool,
    /// Replaces the draft.
    pub set: &'a Callback<Response>,
}

impl Controls<'_> {
    /// A callback that sets the draft to `next`, for any event.
    fn on<E: 'static>(&self, next: Response) -> Callback<E> {
        let set = self.set.clone();
        Callback::from(move |_: E| set.emit(next.clone()))
    }
}

/// The kind of a question's body. Every kind has its arm, with no wildcard.
pub fn kind(body: &Body) -> &dyn Kind {
    match body {
        Body::Single(kind) => kind,
        Body::Multiple(kind) => kind,
        Body::TrueFalse(kind) => kind,
        Body::Ordering(kind) => kind,
        Body::Matching(kind) => kind,
        Body::Numeric(kind) => kind,
    }
}

/// The text of a part the order names; empty for an index past the bank's parts, as a
/// session saved against an older bank might hold.
fn part<'a>(texts: &[&'a str], i: usize) -> &'a str {
    texts.get(i).copied().unwrap_or_default()
}

/// One radio button or checkbox with its number key.
fn choice_input(
    input: &'static str,
    shown: usize,
    text: &str,
    checked: bool,
    locked: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="quiz-option">
            <input type={input} name="quiz-choice" {checked} disabled={locked} {onchange} />
            <span class="quiz-key" aria-hidden="true">{ shown + 1 }</span>
            <span>{ text.to_owned() }</span>
        </label>
    }
}

/// The options of a choice question, grouped under the prompt.
fn options_fieldset(items: impl Iterator<Item = Html>) -> Html {
    html! { <fieldset class="quiz-options" aria-labelledby="quiz-prompt">{ for items }</fieldset> }
}

/// A choice question's options as inputs of one type (`radio` or `checkbox`), in the
/// drawn order: `checked` says which are chosen, `choose` the draft a change makes.
fn option_inputs(
    controls: &Controls,
    options: &[Choice],
    input: &'static str,
    checked: impl Fn(usize) -> bool,
    choose: impl Fn(usize) -> Response,
) -> Html {
    let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
    options_fieldset(controls.order.iter().enumerate().map(|(shown, &i)| {
        choice_input(
            input,
            shown,
            part(&texts, i),
            checked(i),
            controls.locked,
            controls.on(choose(i)),
        )
    }))
}

/// Every option with its explanation, the right ones and the reader's marked.
fn option_explanations(ui: &Ui, options: &[Choice], chosen: impl Fn(usize) -> bool) -> Html {
    html! {
        <ul class="quiz-explanations">
            { for options.iter().enumerate().map(|(i, option)| html! {
                <li class={classes!(option.correct.then_some("is-right"))}>
                    <strong>{ &option.text }{ mark(ui, option.correct, chosen(i)) }</strong>
                    { " " }{ &option.explanation }
                </li>
            }) }
        </ul>
    }
}

/// " (correct answer, your answer)", or the part of it that applies, or nothing.
fn mark(ui: &Ui, right: bool, yours: bool) -> String {
    let marks: Vec<&str> = [
        right.then_some(ui.quiz_correct_option),
        yours.then_some(ui.quiz_your_answer),
    ]
    .into_iter()
    .flatten()
    .collect();
    if marks.is_empty() {
        String::new()
    } else {
        fill(
            ui.quiz_marks,
            &[("marks", &marks.join(ui.career_list_comma))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::bank::{Matching, Multiple, Numeric, Ordering, Pair, Single, TrueFalse};

    fn options(count: usize) -> Vec<Choice> {
        (0..count)
            .map(|i| Choice {
                text: format!("option {i}"),
                correct: i == 0,
                explanation: "why".into(),
            })
            .collect()
    }

    #[test]
    fn number_keys_choose_the_option_shown_there_and_ignore_keys_past_the_last() {
        let single = Single {
            options: options(3),
        };
        let shown = [2, 0, 1];
        let chosen = single.pressed(None, 0, &shown);
        assert_eq!(
            chosen,
            Some(Response::Choice(2)),
            "key 1 is the first shown"
        );
        assert_eq!(
            single.pressed(chosen.as_ref(), 8, &shown),
            chosen,
            "key 9 of three options keeps the choice"
        );
        let multiple = Multiple {
            options: options(4),
        };
        let once = multiple.pressed(None, 1, &[3, 2, 1, 0]);
        assert_eq!(once, Some(Response::Choices(vec![2])));
        assert_eq!(
            multiple.pressed(once.as_ref(), 1, &[3, 2, 1, 0]),
            Some(Response::Choices(vec![])),
            "pressed again, it is taken out"
        );
        let truth = TrueFalse {
            answer: true,
            explain_true: "x".into(),
            explain_false: "y".into(),
        };
        assert_eq!(truth.pressed(None, 1, &[]), Some(Response::Truth(false)));
        assert_eq!(truth.pressed(None, 2, &[]), None);
    }

    #[test]
    fn check_waits_for_a_complete_answer_except_an_order_which_always_is_one() {
        let single = Single {
            options: options(2),
        };
        assert_eq!(single.response(None, &[1, 0]), None);
        let multiple = Multiple {
            options: options(3),
        };
        assert_eq!(
            multiple.response(Some(&Response::Choices(vec![])), &[0, 1, 2]),
            None,
            "nothing ticked"
        );
        let ordering = Ordering {
            items: vec!["a".into(), "b".into(), "c".into()],
            explanation: "x".into(),
        };
        assert_eq!(
            ordering.response(None, &[2, 0, 1]),
            Some(Response::Order(vec![2, 0, 1])),
            "the drawn order, untouched, is an answer"
        );
        let pair = |side: &str| Pair {
            left: side.into(),
            right: side.into(),
            explanation: "x".into(),
        };
        let matching = Matching {
            pairs: vec![pair("a"), pair("b"), pair("c")],
            explanation: "x".into(),
        };
        let partial = Response::Matches(vec![Some(0), None, Some(2)]);
        assert_eq!(matching.response(Some(&partial), &[0, 1, 2]), None);
        let full = Response::Matches(vec![Some(0), Some(1), Some(2)]);
        assert_eq!(matching.response(Some(&full), &[0, 1, 2]), Some(full));
        let numeric = Numeric {
            answer: "1".into(),
            tolerance: "0".into(),
            unit: "min".into(),
            explanation: "x".into(),
        };
        let blank = Response::Number("  ".into());
        assert_eq!(numeric.response(Some(&blank), &[]), None);
    }
}
