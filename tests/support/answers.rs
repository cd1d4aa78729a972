//! Right and wrong answers to any question, worked out from its data alone: shared by
//! the tests that answer whole quizzes.

use ops_trio::quiz::bank::{Body, Matching, Multiple, Numeric, Ordering, Single, TrueFalse};
use ops_trio::quiz::scoring::Response;

/// The right response to a question, worked out from its data alone.
pub fn right_answer(body: &Body) -> Response {
    match body {
        Body::Single(Single { options }) => {
            Response::Choice(options.iter().position(|o| o.correct).unwrap())
        }
        Body::Multiple(Multiple { options }) => Response::Choices(
            options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| i)
                .collect(),
        ),
        Body::TrueFalse(TrueFalse { answer, .. }) => Response::Truth(*answer),
        Body::Ordering(Ordering { items, .. }) => Response::Order((0..items.len()).collect()),
        Body::Matching(Matching { pairs, .. }) => {
            Response::Matches((0..pairs.len()).map(Some).collect())
        }
        Body::Numeric(Numeric { answer, .. }) => Response::Number(answer.clone()),
    }
}

/// A wrong response: a wrong option, the other truth, a reversed order, every pair
/// shifted by one, a number well outside the tolerance.
pub fn wrong_answer(body: &Body) -> Response {
    match body {
        Body::Single(Single { options }) => {
            Response::Choice(options.iter().position(|o| !o.correct).unwrap())
        }
        Body::Multiple(Multiple { options }) => Response::Choices(
            options
                .iter()
                .enumerate()
                .filter(|(_, o)| !o.correct)
                .map(|(i, _)| i)
                .collect(),
        ),
        Body::TrueFalse(TrueFalse { answer, .. }) => Response::Truth(!answer),
        Body::Ordering(Ordering { items, .. }) => Response::Order((0..items.len()).rev().collect()),
        Body::Matching(Matching { pairs, .. }) => Response::Matches(
            (0..pairs.len())
                .map(|i| Some((i + 1) % pairs.len()))
                .collect(),
        ),
        Body::Numeric(Numeric {
            answer, tolerance, ..
        }) => {
            let far = answer.parse::<f64>().unwrap() + tolerance.parse::<f64>().unwrap() + 1.0;
            Response::Number(far.to_string())
        }
    }
}
