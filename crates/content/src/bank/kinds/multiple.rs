//! Multiple select: two or more right options, and at least one wrong, of up to eight.
//! Partial credit: (right options chosen − wrong options chosen) ÷ right options, never
//! below zero.

use serde::{Deserialize, Serialize};

use super::{distinct_below, option_problems, Checks, Choice, Response, Rules, WRONG_SHAPE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Multiple {
    pub options: Vec<Choice>,
}

impl Checks for Multiple {
    fn problems(&self) -> Vec<String> {
        option_problems(&self.options, |right, options| {
            right >= 2 && right < options && options <= 8
        })
    }
}

impl Rules for Multiple {
    fn shuffled_parts(&self) -> usize {
        self.options.len()
    }

    /// Takes [`Response::Choices`]: the chosen options' indices in the bank.
    fn grade(&self, response: &Response) -> f64 {
        let Response::Choices(chosen) = response else {
            return WRONG_SHAPE;
        };
        let right = self.options.iter().filter(|o| o.correct).count();
        let hits = chosen
            .iter()
            .filter(|&&i| self.options.get(i).is_some_and(|o| o.correct))
            .count();
        let misses = chosen.len() - hits;
        (hits as f64 - misses as f64).max(0.0) / right.max(1) as f64
    }

    fn accepts(&self, response: &Response) -> bool {
        let Response::Choices(chosen) = response else {
            return false;
        };
        distinct_below(chosen, self.options.len())
    }
}
