//! True or false: two radio buttons, keys 1 (true) and 2 (false).

use yew::prelude::*;

use super::{choice_input, mark, options_fieldset, Controls, Kind};
use crate::i18n::Ui;
use crate::quiz::bank::{Response, TrueFalse};

impl Kind for TrueFalse {
    fn response(&self, draft: Option<&Response>, _order: &[usize]) -> Option<Response> {
        said(draft).map(Response::Truth)
    }

    fn pressed(
        &self,
        draft: Option<&Response>,
        shown: usize,
        _order: &[usize],
    ) -> Option<Response> {
        match shown {
            0 => Some(Response::Truth(true)),
            1 => Some(Response::Truth(false)),
            _ => draft.cloned(),
        }
    }

    fn controls(&self, controls: &Controls) -> Html {
        let said = said(controls.draft);
        let ui = controls.ui;
        let items = [(true, ui.quiz_true), (false, ui.quiz_false)];
        options_fieldset(
            items
                .into_iter()
                .enumerate()
                .map(|(shown, (value, label))| {
                    choice_input(
                        "radio",
                        shown,
                        label,
                        said == Some(value),
                        controls.locked,
                        controls.on(Response::Truth(value)),
                    )
                }),
        )
    }

    fn explain(&self, ui: &Ui, response: &Response) -> Html {
        let said_true = said(Some(response)) == Some(true);
        let answer = self.answer;
        html! {
            <ul class="quiz-explanations">
                <li class={classes!(answer.then_some("is-right"))}>
                    <strong>{ ui.quiz_true }{ mark(ui, answer, said_true) }</strong>{ " " }{ &self.explain_true }
                </li>
                <li class={classes!((!answer).then_some("is-right"))}>
                    <strong>{ ui.quiz_false }{ mark(ui, !answer, !said_true) }</strong>{ " " }{ &self.explain_false }
                </li>
            </ul>
        }
    }
}

fn said(draft: Option<&Response>) -> Option<bool> {
    match draft {
        Some(Response::Truth(said)) => Some(*said),
        _ => None,
    }
}
