//! Numeric: a number within a tolerance, all or nothing. Decimals are written as text,
//! at most three places, so `0.1` is exactly a tenth.

use serde::{Deserialize, Serialize};

use super::{all_or_nothing, blank, Checks, Response, Rules, WRONG_SHAPE};
use crate::decimal::parse_thousandths;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Numeric {
    pub answer: String,
    pub tolerance: String,
    pub unit: String,
    pub explanation: String,
}

impl Checks for Numeric {
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let number = |text: &str| parse_thousandths(text).is_ok_and(|n| n >= 0);
        if !number(&self.answer) || !number(&self.tolerance) {
            problems.push("answer and tolerance must be decimals, at most three places".into());
        }
        if blank(&self.unit) || blank(&self.explanation) {
            problems.push("a numeric question needs a unit and an explanation".into());
        }
        problems
    }
}

impl Rules for Numeric {
    fn shuffled_parts(&self) -> usize {
        0
    }

    /// Takes [`Response::Number`], as typed.
    fn grade(&self, response: &Response) -> f64 {
        let Response::Number(typed) = response else {
            return WRONG_SHAPE;
        };
        all_or_nothing(within(typed, &self.answer, &self.tolerance))
    }

    fn accepts(&self, response: &Response) -> bool {
        matches!(response, Response::Number(_))
    }
}

/// Whether the typed number is the answer, within the tolerance; all three as decimals
/// of at most three places.
fn within(typed: &str, answer: &str, tolerance: &str) -> bool {
    match (
        parse_thousandths(typed),
        parse_thousandths(answer),
        parse_thousandths(tolerance),
    ) {
        (Ok(typed), Ok(answer), Ok(tolerance)) => {
            typed.abs_diff(answer) <= tolerance.unsigned_abs()
        }
        _ => false,
    }
}
