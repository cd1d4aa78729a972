//! How scores add up, by discipline and by topic. Each kind of question grades its own
//! answers, in its module of `ops_trio_content::bank::kinds`:
//!
//! - single choice, true/false and numeric: all or nothing (numeric within its tolerance);
//! - multiple select: (right options chosen − wrong options chosen) ÷ right options,
//!   never below zero;
//! - ordering: the share of items in their right place;
//! - matching: the share of pairs matched right.

use std::collections::BTreeMap;

use super::bank::Discipline;
pub use super::bank::{grade, Response};

/// Credit earned out of questions asked.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub credit: f64,
    pub asked: u32,
}

impl Tally {
    /// The score as a whole percentage.
    pub fn percent(self) -> u8 {
        if self.asked == 0 {
            return 0;
        }
        (self.credit / f64::from(self.asked) * 100.0)
            .round()
            .clamp(0.0, 100.0) as u8
    }

    fn add(&mut self, credit: f64) {
        self.credit += credit;
        self.asked += 1;
    }
}

/// Scores by discipline and by topic.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub disciplines: BTreeMap<Discipline, Tally>,
    pub topics: BTreeMap<String, Tally>,
    pub total: Tally,
}

impl Scores {
    /// Adds up `(topic, credit)` for every answered question.
    pub fn of<'a>(answers: impl IntoIterator<Item = (&'a str, f64)>) -> Scores {
        let mut scores = Scores::default();
        for (topic, credit) in answers {
            if let Some(discipline) = Discipline::of_topic(topic) {
                scores
                    .disciplines
                    .entry(discipline)
                    .or_default()
                    .add(credit);
            }
            scores
                .topics
                .entry(topic.to_owned())
                .or_default()
                .add(credit);
            scores.total.add(credit);
        }
        scores
    }

    /// The best and the worst of the disciplines asked about; ties go to the first in
    /// the module's order. None when fewer than two disciplines were asked.
    pub fn strongest_and_weakest(&self) -> Option<(Discipline, Discipline)> {
        if self.disciplines.len() < 2 {
            return None;
        }
        let by_score = |pick_max: bool| {
            self.disciplines
                .iter()
                .map(|(d, t)| (*d, t.credit / f64::from(t.asked.max(1))))
                .reduce(|best, next| {
                    let better = if pick_max {
                        next.1 > best.1
                    } else {
                        next.1 < best.1
                    };
                    if better {
                        next
                    } else {
                        best
                    }
                })
                .map(|(d, _)| d)
        };
        Some((by_score(true)?, by_score(false)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::bank::{
        Body, Choice, Matching, Multiple, Numeric, Ordering, Pair, Single, TrueFalse,
    };

    fn options(rights: &[bool]) -> Vec<Choice> {
        rights
            .iter()
            .enumerate()
            .map(|(i, &correct)| Choice {
                text: format!("option {i}"),
                correct,
                explanation: "why".into(),
            })
            .collect()
    }

    #[test]
    fn single_choice_and_true_false_are_all_or_nothing() {
        let single = Body::Single(Single {
            options: options(&[false, true, false]),
        });
        assert_eq!(grade(&single, &Response::Choice(1)), 1.0);
        assert_eq!(grade(&single, &Response::Choice(0)), 0.0);
        assert_eq!(
            grade(&single, &Response::Choice(9)),
            0.0,
            "an index out of range is wrong, not a panic"
        );
        let truth = Body::TrueFalse(TrueFalse {
            answer: false,
            explain_true: "x".into(),
            explain_false: "y".into(),
        });
        assert_eq!(grade(&truth, &Response::Truth(false)), 1.0);
        assert_eq!(grade(&truth, &Response::Truth(true)), 0.0);
    }

    #[test]
    fn multiple_select_earns_partial_credit_and_pays_for_wrong_picks() {
        let body = Body::Multiple(Multiple {
            options: options(&[true, true, false, false]),
        });
        assert_eq!(grade(&body, &Response::Choices(vec![0, 1])), 1.0);
        assert_eq!(grade(&body, &Response::Choices(vec![0])), 0.5);
        assert_eq!(grade(&body, &Response::Choices(vec![0, 2])), 0.0);
        assert_eq!(grade(&body, &Response::Choices(vec![0, 1, 2])), 0.5);
        assert_eq!(
            grade(&body, &Response::Choices(vec![2, 3])),
            0.0,
            "never below zero"
        );
    }

    #[test]
    fn ordering_and_matching_count_what_is_in_place() {
        let ordering = Body::Ordering(Ordering {
            items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            explanation: "x".into(),
        });
        assert_eq!(grade(&ordering, &Response::Order(vec![0, 1, 2, 3])), 1.0);
        assert_eq!(grade(&ordering, &Response::Order(vec![1, 0, 2, 3])), 0.5);
        let pair = |l: &str, r: &str| Pair {
            left: l.into(),
            right: r.into(),
            explanation: "x".into(),
        };
        let matching = Body::Matching(Matching {
            pairs: vec![pair("a", "1"), pair("b", "2"), pair("c", "3")],
            explanation: "x".into(),
        });
        assert_eq!(
            grade(
                &matching,
                &Response::Matches(vec![Some(0), Some(1), Some(2)])
            ),
            1.0
        );
        assert!(
            (grade(&matching, &Response::Matches(vec![Some(0), Some(2), None])) - 1.0 / 3.0).abs()
                < 1e-12
        );
    }

    #[test]
    fn numbers_count_within_their_tolerance() {
        let body = Body::Numeric(Numeric {
            answer: "43.2".into(),
            tolerance: "0.1".into(),
            unit: "min".into(),
            explanation: "x".into(),
        });
        assert_eq!(grade(&body, &Response::Number("43.2".into())), 1.0);
        assert_eq!(grade(&body, &Response::Number("43,3".into())), 1.0);
        assert_eq!(grade(&body, &Response::Number("43.4".into())), 0.0);
        assert_eq!(grade(&body, &Response::Number("forty".into())), 0.0);
        assert_eq!(
            grade(&body, &Response::Choice(0)),
            0.0,
            "a response of the wrong shape is wrong"
        );
    }

    #[test]
    fn scores_add_up_by_discipline_and_topic() {
        let scores = Scores::of([
            ("devops/calms/culture", 1.0),
            ("devops/work-focus", 0.0),
            ("sre/toil", 1.0),
            ("sre/toil", 0.5),
            ("devsecops/build", 0.0),
        ]);
        assert_eq!(scores.disciplines[&Discipline::DevOps].percent(), 50);
        assert_eq!(scores.disciplines[&Discipline::Sre].percent(), 75);
        assert_eq!(scores.disciplines[&Discipline::DevSecOps].percent(), 0);
        assert_eq!(scores.topics["sre/toil"].asked, 2);
        assert_eq!(scores.total.percent(), 50);
        assert_eq!(
            scores.strongest_and_weakest(),
            Some((Discipline::Sre, Discipline::DevSecOps))
        );
        assert_eq!(
            Scores::of([("sre/toil", 1.0)]).strongest_and_weakest(),
            None
        );
    }
}
