//! Matching: one list of the rights, in the drawn order, beside each left.

use yew::prelude::*;

use super::{part, Controls, Kind};
use crate::i18n::Ui;
use crate::quiz::bank::{Matching, Response};

impl Kind for Matching {
    fn response(&self, draft: Option<&Response>, _order: &[usize]) -> Option<Response> {
        let matches = current(self, draft);
        matches
            .iter()
            .all(Option::is_some)
            .then_some(Response::Matches(matches))
    }

    fn controls(&self, controls: &Controls) -> Html {
        let ui = controls.ui;
        let matches = current(self, controls.draft);
        let rights: Vec<&str> = self.pairs.iter().map(|p| p.right.as_str()).collect();
        let rows = self.pairs.iter().enumerate().map(|(left, pair)| {
            let onchange = {
                let (set, matches) = (controls.set.clone(), matches.clone());
                Callback::from(move |event: Event| {
                    let value = event
                        .target_unchecked_into::<web_sys::HtmlSelectElement>()
                        .value();
                    let mut next = matches.clone();
                    if let Some(slot) = next.get_mut(left) {
                        *slot = value.parse().ok();
                    }
                    set.emit(Response::Matches(next));
                })
            };
            let id = format!("quiz-match-{left}");
            let matched = matches.get(left).copied().flatten();
            html! {
                <div class="quiz-match">
                    <label for={id.clone()}>{ &pair.left }</label>
                    <select {id} {onchange} disabled={controls.locked}>
                        <option value="" selected={matched.is_none()}>{ ui.quiz_choose_match }</option>
                        { for controls.order.iter().map(|&right| html! {
                            <option value={right.to_string()} selected={matched == Some(right)}>{ part(&rights, right) }</option>
                        }) }
                    </select>
                </div>
            }
        });
        html! { <div class="quiz-matching" role="group" aria-labelledby="quiz-prompt">{ for rows }</div> }
    }

    fn explain(&self, _ui: &Ui, _response: &Response) -> Html {
        html! {
            <>
                <ul class="quiz-explanations">
                    { for self.pairs.iter().map(|pair| html! {
                        <li><strong>{ &pair.left }{ " → " }{ &pair.right }</strong>{ " " }{ &pair.explanation }</li>
                    }) }
                </ul>
                <p>{ &self.explanation }</p>
            </>
        }
    }
}

/// For each left, the right chosen so far: none until the reader chooses.
fn current(matching: &Matching, draft: Option<&Response>) -> Vec<Option<usize>> {
    match draft {
        Some(Response::Matches(matches)) => matches.clone(),
        _ => vec![None; matching.pairs.len()],
    }
}
