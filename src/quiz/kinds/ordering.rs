//! Ordering: the items in the drawn order, each with buttons to move it up or down. The
//! order shown is an answer already, so Check is enabled from the start.

use yew::prelude::*;

use super::{part, Controls, Kind};
use crate::i18n::{fill, Ui};
use crate::quiz::bank::{Ordering, Response};

impl Kind for Ordering {
    fn response(&self, draft: Option<&Response>, order: &[usize]) -> Option<Response> {
        Some(Response::Order(current(draft, order).to_vec()))
    }

    fn controls(&self, controls: &Controls) -> Html {
        let ui = controls.ui;
        let order = current(controls.draft, controls.order);
        let texts: Vec<&str> = self.items.iter().map(String::as_str).collect();
        let rows = order.iter().enumerate().map(|(place, &i)| {
            let move_by =
                |by: isize| controls.on::<MouseEvent>(Response::Order(moved(order, place, by)));
            let item = part(&texts, i);
            html! {
                <li class="quiz-order-item">
                    <span>{ item }</span>
                    <button type="button" class="quiz-move" disabled={controls.locked || place == 0} onclick={move_by(-1)}
                        aria-label={fill(ui.quiz_move_up, &[("item", item)])}>{ "↑" }</button>
                    <button type="button" class="quiz-move" disabled={controls.locked || place + 1 == order.len()} onclick={move_by(1)}
                        aria-label={fill(ui.quiz_move_down, &[("item", item)])}>{ "↓" }</button>
                </li>
            }
        });
        html! { <ol class="quiz-order" aria-labelledby="quiz-prompt">{ for rows }</ol> }
    }

    fn explain(&self, ui: &Ui, _response: &Response) -> Html {
        html! {
            <>
                <p>{ fill(ui.quiz_order_answer, &[("order", &self.items.join(" → "))]) }</p>
                <p>{ &self.explanation }</p>
            </>
        }
    }
}

/// The reader's order so far: the drawn order until they move something.
fn current<'a>(draft: Option<&'a Response>, drawn: &'a [usize]) -> &'a [usize] {
    match draft {
        Some(Response::Order(order)) => order,
        _ => drawn,
    }
}

/// The order with the item at `place` moved `by` places, if that stays in the list.
fn moved(order: &[usize], place: usize, by: isize) -> Vec<usize> {
    let mut next = order.to_vec();
    if let Some(target) = place.checked_add_signed(by).filter(|&t| t < order.len()) {
        next.swap(place, target);
    }
    next
}
