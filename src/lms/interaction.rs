//! One answer as the learning-record standards describe it: the kind of interaction,
//! the learner's response and the right one, written as SCORM 1.2 wants them for
//! `cmi.interactions.n` and as xAPI 1.0.3 wants them for a `cmi.interaction` activity.
//!
//! The two write the same things differently:
//!
//! | kind | SCORM 1.2 | xAPI |
//! |---|---|---|
//! | choice | `a,c` (one character each) | `a[,]c` |
//! | true-false | `t` | `true` |
//! | sequencing | `c,a,b` | `c[,]a[,]b` |
//! | matching | `1.a,2.c` | `1[.]a[,]2[.]c` |
//! | numeric | `42.5` | `42.5`; the right one a range, `42.4[:]42.6` |
//!
//! Options and items are named by their place in the bank (`a`, `b`, …), not by the
//! order a quiz showed them in, so that one answer reads the same in every quiz; a
//! matching's lefts are `1`, `2`, … and its rights `a`, `b`, ….

use serde::{Deserialize, Serialize};

use crate::decimal::parse_thousandths;
use crate::format::trimmed;
use ops_trio_content::bank::{Body, Choice, Response};

/// An answer, with what was right, kept with the progress so that its records can be
/// written later without the question bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Interaction {
    /// Single or multiple choice: the options chosen and the right ones, by bank index.
    Choice {
        chosen: Vec<usize>,
        correct: Vec<usize>,
    },
    TrueFalse {
        chosen: bool,
        correct: bool,
    },
    /// The items in the learner's order, by bank index; the bank's order is right.
    Sequencing {
        chosen: Vec<usize>,
        items: usize,
    },
    /// The pairs the learner made, `(left, right)` by bank index; left `i` goes with
    /// right `i`.
    Matching {
        chosen: Vec<(usize, usize)>,
        pairs: usize,
    },
    /// The number as typed, the answer, and how far from it is still right.
    Numeric {
        typed: String,
        answer: String,
        tolerance: String,
    },
}

/// SCORM 1.2 names a choice by one character, `0`–`9` or `a`–`z`: the bank's options
/// and items use the letters, 26 at most, which the bank's checks keep them under.
const LETTERS: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";

/// The letter of a bank index, `a` for 0; `?` past `z`, which the bank never reaches.
fn letter(index: usize) -> char {
    LETTERS.get(index).map_or('?', |&b| char::from(b))
}

/// The digit of a matching's left, `1` for 0; `?` past `9`, where matchings never go
/// (they have 3 to 8 pairs).
fn digit(index: usize) -> char {
    char::from_digit(index as u32 + 1, 10)
        .filter(|_| index < 9)
        .unwrap_or('?')
}

impl Interaction {
    /// The interaction a response to this question is; None for a response of another
    /// kind's shape, which the quiz never records.
    pub fn of(body: &Body, response: &Response) -> Option<Interaction> {
        let correct_options = |options: &[Choice]| {
            options
                .iter()
                .enumerate()
                .filter(|(_, option)| option.correct)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        Some(match (body, response) {
            (Body::Single(single), Response::Choice(chosen)) => Interaction::Choice {
                chosen: vec![*chosen],
                correct: correct_options(&single.options),
            },
            (Body::Multiple(multiple), Response::Choices(chosen)) => Interaction::Choice {
                chosen: ascending(chosen),
                correct: correct_options(&multiple.options),
            },
            (Body::TrueFalse(truth), Response::Truth(chosen)) => Interaction::TrueFalse {
                chosen: *chosen,
                correct: truth.answer,
            },
            (Body::Ordering(ordering), Response::Order(chosen)) => Interaction::Sequencing {
                chosen: chosen.clone(),
                items: ordering.items.len(),
            },
            (Body::Matching(matching), Response::Matches(chosen)) => Interaction::Matching {
                chosen: chosen
                    .iter()
                    .enumerate()
                    .filter_map(|(left, right)| Some((left, (*right)?)))
                    .collect(),
                pairs: matching.pairs.len(),
            },
            (Body::Numeric(numeric), Response::Number(typed)) => Interaction::Numeric {
                typed: typed.clone(),
                answer: numeric.answer.clone(),
                tolerance: numeric.tolerance.clone(),
            },
            _ => return None,
        })
    }

    /// `cmi.interactions.n.type`, and the xAPI `interactionType`: the same words.
    pub fn kind(&self) -> &'static str {
        match self {
            Interaction::Choice { .. } => "choice",
            Interaction::TrueFalse { .. } => "true-false",
            Interaction::Sequencing { .. } => "sequencing",
            Interaction::Matching { .. } => "matching",
            Interaction::Numeric { .. } => "numeric",
        }
    }

    /// `cmi.interactions.n.student_response`; None for a numeric answer typed as no
    /// number, which SCORM 1.2's numeric response (a CMIDecimal) cannot carry.
    pub fn scorm_response(&self) -> Option<String> {
        match self {
            Interaction::Numeric { typed, .. } => parse_thousandths(typed).ok().map(thousandths),
            _ => Some(self.response(&SCORM)),
        }
    }

    /// `cmi.interactions.n.correct_responses.0.pattern`. SCORM 1.2 has no range: a
    /// numeric answer's pattern is the answer itself.
    pub fn scorm_pattern(&self) -> String {
        self.pattern(&SCORM)
    }

    /// The xAPI result's `response`.
    pub fn xapi_response(&self) -> String {
        self.response(&XAPI)
    }

    /// The xAPI definition's one `correctResponsesPattern`.
    pub fn xapi_pattern(&self) -> String {
        self.pattern(&XAPI)
    }

    fn response(&self, style: &Style) -> String {
        match self {
            Interaction::Choice { chosen, .. } | Interaction::Sequencing { chosen, .. } => {
                letters(chosen, style)
            }
            Interaction::TrueFalse { chosen, .. } => style.truth(*chosen).into(),
            Interaction::Matching { chosen, .. } => pairs(chosen.iter().copied(), style),
            Interaction::Numeric { typed, .. } => number(typed),
        }
    }

    fn pattern(&self, style: &Style) -> String {
        match self {
            Interaction::Choice { correct, .. } => letters(correct, style),
            Interaction::TrueFalse { correct, .. } => style.truth(*correct).into(),
            Interaction::Sequencing { items, .. } => {
                letters(&(0..*items).collect::<Vec<_>>(), style)
            }
            Interaction::Matching { pairs: count, .. } => pairs((0..*count).map(|i| (i, i)), style),
            Interaction::Numeric {
                answer, tolerance, ..
            } => match (style.range, range(answer, tolerance)) {
                (Some(separator), Some((low, high))) => format!("{low}{separator}{high}"),
                _ => number(answer),
            },
        }
    }
}

/// How a standard writes lists, pairs, truth and ranges.
struct Style {
    list: &'static str,
    pair: &'static str,
    truth: [&'static str; 2],
    /// The separator of a numeric range, where the standard has ranges.
    range: Option<&'static str>,
}

impl Style {
    fn truth(&self, value: bool) -> &'static str {
        let [yes, no] = self.truth;
        if value {
            yes
        } else {
            no
        }
    }
}

const SCORM: Style = Style {
    list: ",",
    pair: ".",
    truth: ["t", "f"],
    range: None,
};

const XAPI: Style = Style {
    list: "[,]",
    pair: "[.]",
    truth: ["true", "false"],
    range: Some("[:]"),
};

/// The indices in ascending order, each once: by looking each up, not by sorting, whose
/// code the wasm would carry for this alone.
fn ascending(indices: &[usize]) -> Vec<usize> {
    let most = indices.iter().max().map_or(0, |&m| m + 1);
    (0..most).filter(|i| indices.contains(i)).collect()
}

fn letters(indices: &[usize], style: &Style) -> String {
    let named: Vec<String> = indices.iter().map(|&i| letter(i).to_string()).collect();
    named.join(style.list)
}

fn pairs(pairs: impl Iterator<Item = (usize, usize)>, style: &Style) -> String {
    let named: Vec<String> = pairs
        .map(|(left, right)| format!("{}{}{}", digit(left), style.pair, letter(right)))
        .collect();
    named.join(style.list)
}

/// A number as a decimal with a point, as both standards read it: `4,5` typed in a
/// locale that writes a comma becomes `4.5`; text that is no number stays as typed
/// (trimmed), which both standards still take as a response.
fn number(typed: &str) -> String {
    parse_thousandths(typed).map_or_else(|_| typed.trim().to_owned(), thousandths)
}

/// Thousandths as the shortest decimal: 4500 is `4.5`, -250 is `-0.25`.
fn thousandths(value: i64) -> String {
    trimmed(value as f64 / 1000.0, 3)
}

/// The answer ± the tolerance, as decimals.
fn range(answer: &str, tolerance: &str) -> Option<(String, String)> {
    let answer = parse_thousandths(answer).ok()?;
    let tolerance = parse_thousandths(tolerance).ok()?.abs();
    Some((
        thousandths(answer - tolerance),
        thousandths(answer + tolerance),
    ))
}

/// `cmi.interactions.n.result`: `correct`, `wrong`, or for partial credit the credit
/// as a decimal (SCORM 1.2's CMIResult takes one), such as `0.67`.
pub fn scorm_result(credit: f64) -> String {
    if credit >= 1.0 {
        "correct".into()
    } else if credit <= 0.0 {
        "wrong".into()
    } else {
        trimmed(credit, 2)
    }
}
