//! Numeric: a text field (decimal keyboard on phones) with the unit beside it.

use yew::prelude::*;

use super::{Controls, Kind};
use crate::i18n::{fill, Ui};
use crate::quiz::bank::{Numeric, Response};

impl Kind for Numeric {
    fn response(&self, draft: Option<&Response>, _order: &[usize]) -> Option<Response> {
        let typed = typed(draft);
        (!typed.trim().is_empty()).then(|| Response::Number(typed.to_owned()))
    }

    fn controls(&self, controls: &Controls) -> Html {
        let oninput = {
            let set = controls.set.clone();
            Callback::from(move |event: InputEvent| {
                let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
                set.emit(Response::Number(input.value()))
            })
        };
        html! {
            <div class="quiz-numeric field">
                <label for="quiz-number">{ controls.ui.quiz_numeric_label }</label>
                <span class="quiz-number-row">
                    <input type="text" inputmode="decimal" id="quiz-number" value={typed(controls.draft).to_owned()} {oninput} disabled={controls.locked} />
                    <span>{ &self.unit }</span>
                </span>
            </div>
        }
    }

    fn explain(&self, ui: &Ui, _response: &Response) -> Html {
        let answer = format!("{} {}", self.answer, self.unit);
        html! {
            <>
                <p>{ fill(ui.quiz_right_answer, &[("answer", &answer)]) }</p>
                <p>{ &self.explanation }</p>
            </>
        }
    }
}

/// The number typed so far.
fn typed(draft: Option<&Response>) -> &str {
    match draft {
        Some(Response::Number(typed)) => typed,
        _ => "",
    }
}
