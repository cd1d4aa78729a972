//! True or false, with an explanation for each; all or nothing.

use serde::{Deserialize, Serialize};

use super::{all_or_nothing, blank, Checks, Response, Rules, WRONG_SHAPE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrueFalse {
    pub answer: bool,
    pub explain_true: String,
    pub explain_false: String,
}

impl Checks for TrueFalse {
    fn problems(&self) -> Vec<String> {
        if blank(&self.explain_true) || blank(&self.explain_false) {
            vec!["both answers need an explanation".into()]
        } else {
            Vec::new()
        }
    }
}

impl Rules for TrueFalse {
    fn shuffled_parts(&self) -> usize {
        0
    }

    /// Takes [`Response::Truth`].
    fn grade(&self, response: &Response) -> f64 {
        let Response::Truth(said) = response else {
            return WRONG_SHAPE;
        };
        all_or_nothing(self.answer == *said)
    }

    fn accepts(&self, response: &Response) -> bool {
        matches!(response, Response::Truth(_))
    }
}
