//! The learner's record: every answer and every finished quiz, kept with the progress
//! (`Progress::log`). xAPI statements are written from it when the learner downloads
//! them, and an LMS is sent its answers and scores from it: one record, two standards.

use serde::{Deserialize, Serialize};

use super::interaction::Interaction;

/// How many events the progress keeps; the oldest go first. About 200 bytes each in
/// storage, so the log stays near 200 KB at most.
pub const LOG_KEPT: usize = 1_000;
/// The score that passes an assessment, in percent, where no LMS sets another.
pub const MASTERY_DEFAULT: u8 = 80;

/// One question answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question's id in the bank (or a generated question's).
    pub question: String,
    /// The quiz, as its address names it: `assessment`, `practice/sre`.
    pub quiz: String,
    /// The quiz's attempt (see `Session::attempt`) and the question's place in it.
    pub attempt: u64,
    pub position: usize,
    pub interaction: Interaction,
    /// The credit earned, 0 to 1.
    pub credit: f64,
    /// When it was answered, in milliseconds since 1970.
    pub at_ms: u64,
    /// How long the question was shown before it was answered.
    pub latency_ms: u64,
}

/// One quiz finished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finish {
    pub quiz: String,
    pub attempt: u64,
    /// When its last question was answered.
    pub at_ms: u64,
    /// The credit earned, of the questions asked.
    pub credit: f64,
    pub asked: u32,
    /// Percentages by discipline id.
    pub scores: Vec<(String, u8)>,
    /// For an assessment, the score that passes it, in percent; None for the quizzes
    /// that are practice.
    #[serde(default)]
    pub mastery: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Answered(Answer),
    Finished(Finish),
}

impl Finish {
    /// The whole quiz's score, as a percentage rounded to the nearest whole.
    pub fn percent(&self) -> u8 {
        if self.asked == 0 {
            return 0;
        }
        (self.credit / f64::from(self.asked) * 100.0)
            .round()
            .clamp(0.0, 100.0) as u8
    }

    /// Whether an assessment was passed; None for practice.
    pub fn passed(&self) -> Option<bool> {
        self.mastery.map(|mastery| self.percent() >= mastery)
    }
}

impl Entry {
    /// When it happened.
    pub fn at_ms(&self) -> u64 {
        match self {
            Entry::Answered(answer) => answer.at_ms,
            Entry::Finished(finish) => finish.at_ms,
        }
    }

    pub fn attempt(&self) -> u64 {
        match self {
            Entry::Answered(answer) => answer.attempt,
            Entry::Finished(finish) => finish.attempt,
        }
    }

    /// What makes an event itself, the same in every copy of the progress: its quiz's
    /// attempt, and the question's place in it (none for the quiz's end).
    fn identity(&self) -> (u64, Option<usize>) {
        match self {
            Entry::Answered(answer) => (answer.attempt, Some(answer.position)),
            Entry::Finished(finish) => (finish.attempt, None),
        }
    }
}

/// Adds an event, once: an event already kept (the same answer, merged in from another
/// tab) is not kept twice. The oldest go beyond [`LOG_KEPT`].
pub fn record(log: &mut Vec<Entry>, event: Entry) {
    if log.iter().any(|kept| kept.identity() == event.identity()) {
        return;
    }
    let at = log.partition_point(|kept| kept.at_ms() <= event.at_ms());
    log.insert(at, event);
    let excess = log.len().saturating_sub(LOG_KEPT);
    log.drain(..excess);
}

/// Two copies of the log made one: every event of either, once, in time order.
pub fn merged(first: &[Entry], second: &[Entry]) -> Vec<Entry> {
    let mut log = first.to_vec();
    for event in second {
        record(&mut log, event.clone());
    }
    log
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn answer(attempt: u64, position: usize, at_ms: u64) -> Entry {
        Entry::Answered(Answer {
            question: format!("q-{position}"),
            quiz: "assessment".into(),
            attempt,
            position,
            interaction: Interaction::TrueFalse {
                chosen: true,
                correct: true,
            },
            credit: 1.0,
            at_ms,
            latency_ms: 1_000,
        })
    }

    #[test]
    fn an_assessment_passes_at_its_mastery_score() {
        let finish = |credit: f64, mastery| Finish {
            quiz: "assessment".into(),
            attempt: 1,
            at_ms: 0,
            credit,
            asked: 15,
            scores: vec![],
            mastery,
        };
        assert_eq!(finish(12.0, Some(80)).percent(), 80);
        assert_eq!(finish(12.0, Some(80)).passed(), Some(true));
        assert_eq!(finish(11.9, Some(80)).percent(), 79);
        assert_eq!(finish(11.9, Some(80)).passed(), Some(false));
        assert_eq!(finish(11.9, None).passed(), None, "practice is not passed");
        assert_eq!(
            Finish {
                asked: 0,
                ..finish(0.0, Some(0))
            }
            .percent(),
            0
        );
    }

    #[test]
    fn the_log_keeps_each_event_once_in_time_order() {
        let mut log = vec![answer(1, 0, 10), answer(1, 1, 30)];
        record(&mut log, answer(1, 0, 10));
        record(&mut log, answer(2, 0, 20));
        let times: Vec<u64> = log.iter().map(Entry::at_ms).collect();
        assert_eq!(times, [10, 20, 30]);
    }

    #[test]
    fn the_log_drops_its_oldest_beyond_what_it_keeps() {
        let mut log = Vec::new();
        for i in 0..LOG_KEPT + 5 {
            record(&mut log, answer(7, i, i as u64));
        }
        assert_eq!(log.len(), LOG_KEPT);
        assert_eq!(log.first().map(Entry::at_ms), Some(5));
    }

    proptest! {
        /// Merging loses no event either copy has, and is the same whichever copy
        /// comes first.
        #[test]
        fn merging_keeps_every_event_once(
            first in proptest::collection::vec((0u64..4, 0usize..5), 0..12),
            second in proptest::collection::vec((0u64..4, 0usize..5), 0..12),
        ) {
            let log = |events: &[(u64, usize)]| {
                let mut log = Vec::new();
                for &(attempt, position) in events {
                    // One time per event, whichever copy holds it.
                    record(&mut log, answer(attempt, position, attempt * 1_000 + position as u64 * 10));
                }
                log
            };
            let (a, b) = (log(&first), log(&second));
            let ab = merged(&a, &b);
            let ba = merged(&b, &a);
            prop_assert_eq!(&ab, &ba);
            for event in a.iter().chain(&b) {
                prop_assert_eq!(ab.iter().filter(|e| e.identity() == event.identity()).count(), 1);
            }
            prop_assert!(ab.windows(2).all(|w| w[0].at_ms() <= w[1].at_ms()));
        }
    }
}
