//! Single choice: radio buttons in the drawn order, number keys to choose.

use yew::prelude::*;

use super::{option_explanations, option_inputs, Controls, Kind};
use crate::i18n::Ui;
use crate::quiz::bank::{Response, Single};

impl Kind for Single {
    fn response(&self, draft: Option<&Response>, _order: &[usize]) -> Option<Response> {
        chosen(draft).map(Response::Choice)
    }

    fn pressed(&self, draft: Option<&Response>, shown: usize, order: &[usize]) -> Option<Response> {
        match order.get(shown) {
            Some(&option) => Some(Response::Choice(option)),
            None => draft.cloned(),
        }
    }

    fn controls(&self, controls: &Controls) -> Html {
        let chosen = chosen(controls.draft);
        option_inputs(
            controls,
            &self.options,
            "radio",
            |i| chosen == Some(i),
            Response::Choice,
        )
    }

    fn explain(&self, ui: &Ui, response: &Response) -> Html {
        let chosen = chosen(Some(response));
        option_explanations(ui, &self.options, |i| chosen == Some(i))
    }
}

/// The option chosen, as a bank index.
fn chosen(draft: Option<&Response>) -> Option<usize> {
    match draft {
        Some(Response::Choice(option)) => Some(*option),
        _ => None,
    }
}
