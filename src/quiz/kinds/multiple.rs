//! Multiple select: checkboxes in the drawn order, number keys to toggle.

use yew::prelude::*;

use super::{option_explanations, option_inputs, Controls, Kind};
use crate::i18n::Ui;
use crate::quiz::bank::{Multiple, Response};

impl Kind for Multiple {
    fn response(&self, draft: Option<&Response>, _order: &[usize]) -> Option<Response> {
        let chosen = chosen(draft);
        (!chosen.is_empty()).then(|| Response::Choices(chosen.to_vec()))
    }

    fn pressed(&self, draft: Option<&Response>, shown: usize, order: &[usize]) -> Option<Response> {
        match order.get(shown) {
            Some(&option) => Some(Response::Choices(toggled(chosen(draft), option))),
            None => draft.cloned(),
        }
    }

    fn controls(&self, controls: &Controls) -> Html {
        let chosen = chosen(controls.draft);
        option_inputs(
            controls,
            &self.options,
            "checkbox",
            |i| chosen.contains(&i),
            |i| Response::Choices(toggled(chosen, i)),
        )
    }

    fn explain(&self, ui: &Ui, response: &Response) -> Html {
        let chosen = chosen(Some(response));
        option_explanations(ui, &self.options, |i| chosen.contains(&i))
    }
}

/// The options chosen, as bank indices.
fn chosen(draft: Option<&Response>) -> &[usize] {
    match draft {
        Some(Response::Choices(chosen)) => chosen,
        _ => &[],
    }
}

/// The choice with `option` added, or taken out if it was in.
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
