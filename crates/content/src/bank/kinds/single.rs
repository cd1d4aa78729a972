//! Single choice: one right option of two to six; all or nothing.

use serde::{Deserialize, Serialize};

use super::{all_or_nothing, option_problems, Checks, Choice, Response, Rules, WRONG_SHAPE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Single {
    pub options: Vec<Choice>,
}

impl Checks for Single {
    fn problems(&self) -> Vec<String> {
        option_problems(&self.options, |right, options| {
            right == 1 && (2..=6).contains(&options)
        })
    }
}

impl Rules for Single {
    fn shuffled_parts(&self) -> usize {
        self.options.len()
    }

    /// Takes [`Response::Choice`]: the chosen option's index in the bank.
    fn grade(&self, response: &Response) -> f64 {
        let Response::Choice(chosen) = response else {
            return WRONG_SHAPE;
        };
        all_or_nothing(self.options.get(*chosen).is_some_and(|o| o.correct))
    }

    fn accepts(&self, response: &Response) -> bool {
        matches!(response, Response::Choice(chosen) if *chosen < self.options.len())
    }
}
