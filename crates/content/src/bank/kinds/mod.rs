//! The kinds of question, one module each: its data shape as written in the bank, the
//! checks it must pass to be published, how a response to it is graded, and which
//! [`Response`] it takes. The app adds each kind's controls and feedback in
//! `src/quiz/kinds/`, under the same file name.
//!
//! Adding a kind: a module here with its struct and `impl Rules`, a variant in [`Body`]
//! and its arm in [`Body::rules`]; then the app's half (see `src/quiz/kinds/mod.rs`).
//! Both dispatches match every kind with no wildcard, so a kind without grading or
//! controls does not compile.

mod matching;
mod multiple;
mod numeric;
mod ordering;
mod single;
mod true_false;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use matching::{Matching, Pair};
pub use multiple::Multiple;
pub use numeric::Numeric;
pub use ordering::Ordering;
pub use single::Single;
pub use true_false::TrueFalse;

/// What the reader does, and what the right answer is. Serialized as `{kind: {...}}`,
/// the kind in snake case: `{"single": {"options": [...]}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    Single(Single),
    Multiple(Multiple),
    TrueFalse(TrueFalse),
    Ordering(Ordering),
    Matching(Matching),
    Numeric(Numeric),
}

impl Body {
    /// Everything that keeps the question from being published (see [`Checks`]).
    /// Every kind has its arm, with no wildcard. Called directly, not through
    /// [`Body::rules`], so that the checks stay out of the wasm, which never runs them.
    pub fn problems(&self) -> Vec<String> {
        match self {
            Body::Single(kind) => kind.problems(),
            Body::Multiple(kind) => kind.problems(),
            Body::TrueFalse(kind) => kind.problems(),
            Body::Ordering(kind) => kind.problems(),
            Body::Matching(kind) => kind.problems(),
            Body::Numeric(kind) => kind.problems(),
        }
    }

    /// The rules of the body's kind. Every kind has its arm, with no wildcard.
    pub fn rules(&self) -> &dyn Rules {
        match self {
            Body::Single(kind) => kind,
            Body::Multiple(kind) => kind,
            Body::TrueFalse(kind) => kind,
            Body::Ordering(kind) => kind,
            Body::Matching(kind) => kind,
            Body::Numeric(kind) => kind,
        }
    }
}

/// What every kind of question must say for itself at run time. None of it has a
/// default: a kind that is not graded does not compile; nor does one without
/// [`Checks`], which [`Body::problems`] calls.
///
/// ```compile_fail,E0046
/// use ops_trio_content::bank::{Response, Rules};
///
/// struct Essay;
/// // Shuffled, but never graded.
/// impl Rules for Essay {
///     fn shuffled_parts(&self) -> usize { 0 }
///     fn accepts(&self, _: &Response) -> bool { false }
/// }
/// ```
///
/// With grading too, it compiles:
///
/// ```
/// use ops_trio_content::bank::{Response, Rules};
///
/// struct Essay;
/// impl Rules for Essay {
///     fn shuffled_parts(&self) -> usize { 0 }
///     fn grade(&self, _: &Response) -> f64 { 0.0 }
///     fn accepts(&self, _: &Response) -> bool { false }
/// }
/// assert_eq!(Essay.grade(&Response::Truth(true)), 0.0);
/// ```
pub trait Rules {
    /// How many of its parts a quiz shows in a shuffled order (options, items, the
    /// rights of a matching); 0 for a kind that shows none.
    fn shuffled_parts(&self) -> usize;

    /// The credit a response earns, from 0 (wrong) to 1 (right). A response of another
    /// kind's shape, as a tampered link or file might hold, earns [`WRONG_SHAPE`].
    fn grade(&self, response: &Response) -> f64;

    /// Whether a saved response is one this question could have been given: of its
    /// kind's shape, naming only parts it has. A saved quiz with any other is dropped.
    fn accepts(&self, response: &Response) -> bool;
}

/// What the reader answered: one shape per kind, saved with the quiz in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// The index of the chosen option, in the bank's order.
    Choice(usize),
    /// The indices of the chosen options.
    Choices(Vec<usize>),
    Truth(bool),
    /// The items' bank indices, in the order the reader put them.
    Order(Vec<usize>),
    /// For each left, in the bank's order, the index of the right chosen for it.
    Matches(Vec<Option<usize>>),
    /// A number, as typed.
    Number(String),
}

/// The credit a response earns for this body; see [`Rules::grade`].
pub fn grade(body: &Body, response: &Response) -> f64 {
    body.rules().grade(response)
}

/// The checks a kind must pass to be published, run by `build.rs` and the tests. A trait
/// of its own, apart from [`Rules`]: a trait object carries every method of its trait,
/// and the wasm, which only grades, would carry the checks too.
pub trait Checks {
    /// Everything that keeps the question from being published; empty when it may be.
    fn problems(&self) -> Vec<String>;
}

/// What a response of another kind's shape earns.
pub const WRONG_SHAPE: f64 = 0.0;

fn all_or_nothing(right: bool) -> f64 {
    if right {
        1.0
    } else {
        0.0
    }
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub explanation: String,
}

/// What single and multiple choice both ask of their options: a text and an explanation
/// for each, no two alike, and `allowed(right, options)` for how many are right.
fn option_problems(options: &[Choice], allowed: fn(usize, usize) -> bool) -> Vec<String> {
    let mut problems = Vec::new();
    let right = options.iter().filter(|o| o.correct).count();
    if !allowed(right, options.len()) {
        problems.push(format!(
            "{right} right of {} options is not allowed for its kind",
            options.len()
        ));
    }
    if options
        .iter()
        .any(|o| blank(&o.text) || blank(&o.explanation))
    {
        problems.push("every option needs a text and an explanation".into());
    }
    if !all_different(options.iter().map(|o| &o.text)) {
        problems.push("two options have the same text".into());
    }
    problems
}

/// Whether `indices` are each of `0..count` once, in any order.
pub fn permutation(indices: &[usize], count: usize) -> bool {
    indices.len() == count && distinct_below(indices, count)
}

/// Whether `indices` are all below `count` and no two alike. By marks, not by sorting:
/// a sort would add its code to the wasm for this alone.
pub fn distinct_below(indices: &[usize], count: usize) -> bool {
    let mut seen = vec![false; count];
    indices.iter().all(|&i| match seen.get_mut(i) {
        Some(mark) => !std::mem::replace(mark, true),
        None => false,
    })
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn all_different<T: std::hash::Hash + Eq>(values: impl ExactSizeIterator<Item = T>) -> bool {
    let count = values.len();
    values.collect::<HashSet<_>>().len() == count
}
