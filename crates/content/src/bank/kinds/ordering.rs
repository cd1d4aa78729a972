//! Ordering: three to eight items, written in the right order and shown shuffled. The
//! credit is the share of items in their right place.

use serde::{Deserialize, Serialize};

use super::{all_different, blank, permutation, Checks, Response, Rules, WRONG_SHAPE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ordering {
    pub items: Vec<String>,
    pub explanation: String,
}

impl Checks for Ordering {
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !(3..=8).contains(&self.items.len()) || !all_different(self.items.iter()) {
            problems.push("ordering needs 3 to 8 different items".into());
        }
        if blank(&self.explanation) || self.items.iter().any(|i| blank(i)) {
            problems.push("ordering needs its items and an explanation".into());
        }
        problems
    }
}

impl Rules for Ordering {
    fn shuffled_parts(&self) -> usize {
        self.items.len()
    }

    /// Takes [`Response::Order`]: the items' bank indices in the reader's order.
    fn grade(&self, response: &Response) -> f64 {
        let Response::Order(order) = response else {
            return WRONG_SHAPE;
        };
        let placed = order
            .iter()
            .enumerate()
            .filter(|(place, item)| place == *item)
            .count();
        placed as f64 / self.items.len().max(1) as f64
    }

    fn accepts(&self, response: &Response) -> bool {
        matches!(response, Response::Order(order) if permutation(order, self.items.len()))
    }
}
