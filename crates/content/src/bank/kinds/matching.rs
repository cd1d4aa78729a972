//! Matching: three to eight pairs; each left goes with its right, and the rights are
//! shown shuffled. The credit is the share of pairs matched right.

use serde::{Deserialize, Serialize};

use super::{all_different, blank, Checks, Response, Rules, WRONG_SHAPE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Matching {
    pub pairs: Vec<Pair>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub left: String,
    pub right: String,
    pub explanation: String,
}

impl Checks for Matching {
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let pairs = &self.pairs;
        if !(3..=8).contains(&pairs.len())
            || !all_different(pairs.iter().map(|p| &p.left))
            || !all_different(pairs.iter().map(|p| &p.right))
        {
            problems.push("matching needs 3 to 8 pairs with different lefts and rights".into());
        }
        if pairs
            .iter()
            .any(|p| blank(&p.left) || blank(&p.right) || blank(&p.explanation))
            || blank(&self.explanation)
        {
            problems.push("every pair needs both sides and an explanation".into());
        }
        problems
    }
}

impl Rules for Matching {
    fn shuffled_parts(&self) -> usize {
        self.pairs.len()
    }

    /// Takes [`Response::Matches`]: for each left, the index of the right chosen.
    fn grade(&self, response: &Response) -> f64 {
        let Response::Matches(matches) = response else {
            return WRONG_SHAPE;
        };
        let right = matches
            .iter()
            .enumerate()
            .filter(|(left, right)| **right == Some(*left))
            .count();
        right as f64 / self.pairs.len().max(1) as f64
    }

    fn accepts(&self, response: &Response) -> bool {
        let Response::Matches(matches) = response else {
            return false;
        };
        matches.len() == self.pairs.len()
            && matches
                .iter()
                .all(|right| right.is_some_and(|r| r < self.pairs.len()))
    }
}
