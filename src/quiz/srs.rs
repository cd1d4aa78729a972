//! Spaced repetition: FSRS (the Free Spaced Repetition Scheduler, version 5, default
//! weights), scheduling by whole days as its long-term scheduler does.
//!
//! Written here rather than taken from `rs-fsrs`: that crate brings `chrono` and a
//! short-term scheduler this module does not use, while the long-term formulas are a
//! few lines. A test replays review sequences through `rs-fsrs` (a dev-dependency) and
//! checks that both give the same stability, difficulty and interval every time.

use serde::{Deserialize, Serialize};

/// FSRS-5's default weights, as `rs-fsrs` 1.2 ships them.
pub const WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];
/// The probability of recall the schedule aims for.
pub const REQUEST_RETENTION: f64 = 0.9;
pub const MAXIMUM_INTERVAL: i64 = 36_500;
const DECAY: f64 = -0.5;
/// 0.9^(1 / DECAY) − 1 = 19/81: with it, retrievability is 90% after `stability` days.
const FACTOR: f64 = 19.0 / 81.0;

/// How well the reader answered, as FSRS grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    /// This rating's own of four values given for Again, Hard, Good and Easy.
    fn of<T>(self, [again, hard, good, easy]: [T; 4]) -> T {
        match self {
            Rating::Again => again,
            Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }

    /// A quiz answer's grade: wrong is Again, partly right Hard, right Good. (Easy is
    /// never inferred: a quiz cannot tell an easy recall from a hesitant one.)
    pub fn from_credit(credit: f64) -> Rating {
        if credit >= 1.0 {
            Rating::Good
        } else if credit > 0.0 {
            Rating::Hard
        } else {
            Rating::Again
        }
    }

    fn value(self) -> f64 {
        f64::from(self as u8)
    }
}

/// What FSRS remembers of one question.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub stability: f64,
    pub difficulty: f64,
    /// The day of the last review, in days since 1970-01-01 in the reader's time zone.
    pub last_day: i64,
    /// The day the question is next due.
    pub due_day: i64,
    pub reps: u32,
    pub lapses: u32,
}

const RATINGS: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

impl Card {
    /// The card after a first review on `day`.
    pub fn first(rating: Rating, day: i64) -> Card {
        let stabilities = RATINGS.map(initial_stability);
        Card {
            stability: rating.of(stabilities),
            difficulty: initial_difficulty(rating),
            last_day: day,
            due_day: day + rating.of(intervals(stabilities)),
            reps: 1,
            // A lapse is forgetting what was once learnt; a first answer cannot be one.
            lapses: 0,
        }
    }

    /// The card after another review on `day`.
    pub fn review(self, rating: Rating, day: i64) -> Card {
        let elapsed = (day - self.last_day).max(0);
        let recall = retrievability(elapsed as f64, self.stability);
        let stabilities = RATINGS.map(|r| match r {
            Rating::Again => forget_stability(self.difficulty, self.stability, recall),
            _ => recall_stability(self.difficulty, self.stability, recall, r),
        });
        Card {
            stability: rating.of(stabilities),
            difficulty: next_difficulty(self.difficulty, rating),
            last_day: day,
            due_day: day + rating.of(intervals(stabilities)),
            reps: self.reps + 1,
            lapses: self.lapses + u32::from(rating == Rating::Again),
        }
    }

    pub fn is_due(&self, today: i64) -> bool {
        self.due_day <= today
    }
}

/// The probability of recall after `elapsed` days for a memory of this stability.
pub fn retrievability(elapsed: f64, stability: f64) -> f64 {
    (1.0 + FACTOR * elapsed / stability).powf(DECAY)
}

/// Days until the next review: when recall is expected to fall to the requested
/// retention, rounded, from one day to the maximum.
pub fn interval(stability: f64) -> i64 {
    let days = stability / FACTOR * (REQUEST_RETENTION.powf(1.0 / DECAY) - 1.0);
    (days.round() as i64).clamp(1, MAXIMUM_INTERVAL)
}

/// The intervals for Again, Hard, Good and Easy, kept in that order: each rating waits
/// at least a day longer than the one below it.
fn intervals(stabilities: [f64; 4]) -> [i64; 4] {
    let [again, hard, good, easy] = stabilities.map(interval);
    let again = again.min(hard);
    let hard = hard.max(again + 1);
    let good = good.max(hard + 1);
    [again, hard, good, easy.max(good + 1)]
}

fn initial_stability(rating: Rating) -> f64 {
    rating
        .of([WEIGHTS[0], WEIGHTS[1], WEIGHTS[2], WEIGHTS[3]])
        .max(0.1)
}

fn initial_difficulty(rating: Rating) -> f64 {
    (WEIGHTS[4] - (WEIGHTS[5] * (rating.value() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
}

fn next_difficulty(difficulty: f64, rating: Rating) -> f64 {
    let moved = WEIGHTS[6].mul_add(-(rating.value() - 3.0), difficulty);
    // Mean reversion towards the difficulty of a first Easy.
    let reverted = WEIGHTS[7].mul_add(initial_difficulty(Rating::Easy), (1.0 - WEIGHTS[7]) * moved);
    reverted.clamp(1.0, 10.0)
}

fn recall_stability(difficulty: f64, stability: f64, recall: f64, rating: Rating) -> f64 {
    let modifier = match rating {
        Rating::Hard => WEIGHTS[15],
        Rating::Easy => WEIGHTS[16],
        _ => 1.0,
    };
    let growth = WEIGHTS[8].exp()
        * (11.0 - difficulty)
        * stability.powf(-WEIGHTS[9])
        * ((1.0 - recall) * WEIGHTS[10]).exp_m1();
    stability * growth.mul_add(modifier, 1.0)
}

fn forget_stability(difficulty: f64, stability: f64, recall: f64) -> f64 {
    WEIGHTS[11]
        * difficulty.powf(-WEIGHTS[12])
        * ((stability + 1.0).powf(WEIGHTS[13]) - 1.0)
        * ((1.0 - recall) * WEIGHTS[14]).exp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};
    use proptest::prelude::*;

    fn reference_rating(rating: Rating) -> rs_fsrs::Rating {
        match rating {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }

    /// Replays reviews, each `gap` days after the one before (0 means: on the day it
    /// falls due), through both schedulers, and checks they agree at every step.
    fn agree_with_rs_fsrs(reviews: &[(Rating, i64)]) {
        let parameters = rs_fsrs::Parameters {
            enable_short_term: false,
            enable_fuzz: false,
            ..Default::default()
        };
        let reference = rs_fsrs::FSRS::new(parameters);
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let mut theirs = rs_fsrs::Card::new();
        let mut ours: Option<Card> = None;
        let mut day = 0;
        for (step, &(rating, gap)) in reviews.iter().enumerate() {
            day = match (gap, ours) {
                (0, Some(card)) => card.due_day,
                _ => day + gap,
            };
            theirs = reference
                .next(
                    theirs,
                    start + Duration::days(day),
                    reference_rating(rating),
                )
                .card;
            let next = match ours {
                None => Card::first(rating, day),
                Some(card) => card.review(rating, day),
            };
            assert!(
                (next.stability - theirs.stability).abs() < 1e-9,
                "stability at step {step}"
            );
            assert!(
                (next.difficulty - theirs.difficulty).abs() < 1e-9,
                "difficulty at step {step}"
            );
            assert_eq!(
                next.due_day - day,
                theirs.scheduled_days,
                "interval at step {step}"
            );
            assert_eq!(next.lapses as i32, theirs.lapses, "lapses at step {step}");
            ours = Some(next);
        }
    }

    #[test]
    fn a_card_learnt_well_gets_ever_longer_intervals_like_rs_fsrs() {
        agree_with_rs_fsrs(&[
            (Rating::Good, 0),
            (Rating::Good, 0),
            (Rating::Good, 0),
            (Rating::Good, 0),
        ]);
    }

    #[test]
    fn a_lapse_shortens_the_interval_like_rs_fsrs() {
        agree_with_rs_fsrs(&[
            (Rating::Good, 0),
            (Rating::Good, 0),
            (Rating::Again, 0),
            (Rating::Hard, 2),
            (Rating::Good, 0),
            (Rating::Easy, 7),
        ]);
    }

    #[test]
    fn quiz_credit_maps_to_ratings() {
        assert_eq!(Rating::from_credit(1.0), Rating::Good);
        assert_eq!(Rating::from_credit(0.5), Rating::Hard);
        assert_eq!(Rating::from_credit(0.0), Rating::Again);
    }

    #[test]
    fn a_first_good_answer_is_due_again_in_three_days() {
        let card = Card::first(Rating::Good, 100);
        assert_eq!(
            card.due_day, 103,
            "stability 3.1262 rounds to a three-day interval"
        );
        assert!(!card.is_due(102) && card.is_due(103));
        assert_eq!(Card::first(Rating::Again, 100).due_day, 101);
    }

    fn rating() -> impl Strategy<Value = Rating> {
        prop_oneof![
            Just(Rating::Again),
            Just(Rating::Hard),
            Just(Rating::Good),
            Just(Rating::Easy)
        ]
    }

    proptest! {
        #[test]
        fn any_review_sequence_matches_rs_fsrs(reviews in proptest::collection::vec((rating(), 0i64..40), 1..8)) {
            agree_with_rs_fsrs(&reviews);
        }
    }
}
