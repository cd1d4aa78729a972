//! Saved progress: what is kept between visits, the versions its format has had, and
//! how an older one is brought up to date step by step.
//!
//! Stored as JSON, `{"app": "ops-trio", "version": N, ...}`:
//! - version 1 kept, for each question answered, whether it was answered right;
//! - version 2 keeps a spaced-repetition card per question, the questions missed in
//!   the last quiz, recent results, and the quiz in progress.
//!
//! Loading never panics and never guesses: text that is not a valid save, or a save
//! from a newer version of the module, is refused with a reason, so that the caller can
//! keep it aside rather than overwrite it.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::session::Session;
use super::srs::{Card, Rating};
use crate::lms::record::Entry;

/// The format this version of the module writes.
pub const VERSION: u32 = 2;
/// What the `app` field of a save must say.
pub const APP: &str = "ops-trio";
/// How many recent results are kept.
pub const RESULTS_KEPT: usize = 20;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Spaced repetition, by question id.
    #[serde(default)]
    pub cards: BTreeMap<String, Card>,
    /// The questions missed in the last finished quiz, for a retake.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// The latest results, newest last.
    #[serde(default)]
    pub results: Vec<Outcome>,
    /// The quiz in progress, to resume.
    #[serde(default)]
    pub session: Option<Session>,
    /// Changes whenever the progress is replaced (import, reset, restore), so that a
    /// tab holding the progress from before does not merge it back in.
    #[serde(default)]
    pub lineage: u64,
    /// Every answer and finished quiz, for the learner's records (xAPI statements, an
    /// LMS's interactions); the latest [`LOG_KEPT`](crate::lms::record::LOG_KEPT).
    /// Absent from a save that has none, so that such a save reads as it did before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<Entry>,
    /// The learner's random id in their records; 0 until one is given.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub learner: u64,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// A finished quiz's scores: percentages by discipline id, as a result link carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub day: i64,
    pub scores: Vec<(String, u8)>,
    /// The attempt it was (see `Session::attempt`): tells two results of one day apart
    /// when two tabs merge their progress, and a quiz finished in another tab from one
    /// still in progress. Absent in results saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u64>,
}

impl Progress {
    /// Records a finished quiz: cards rescheduled by each answer's credit, its misses
    /// kept for a retake, its scores kept as a result. The session is done.
    pub fn finish(&mut self, session: &Session, today: i64) {
        for (item, answer) in session.items.iter().zip(&session.answers) {
            let (super::session::QuestionRef::Bank(id), Some(answer)) = (&item.question, answer)
            else {
                continue;
            };
            let rating = Rating::from_credit(answer.credit);
            let card = match self.cards.get(id) {
                Some(card) => card.review(rating, today),
                None => Card::first(rating, today),
            };
            self.cards.insert(id.clone(), card);
        }
        self.mistakes = session.missed();
        self.session = None;
    }

    /// Keeps a result, dropping the oldest beyond [`RESULTS_KEPT`].
    pub fn keep_result(&mut self, outcome: Outcome) {
        self.results.push(outcome);
        let excess = self.results.len().saturating_sub(RESULTS_KEPT);
        self.results.drain(..excess);
    }

    /// How many questions are due on `today`.
    pub fn due(&self, today: i64) -> usize {
        self.cards
            .values()
            .filter(|card| card.is_due(today))
            .count()
    }
}

/// The current format, as written.
#[derive(Serialize, Deserialize)]
struct SaveV2 {
    app: String,
    version: u32,
    progress: Progress,
}

/// Version 1: right or wrong, by question id.
#[derive(Deserialize)]
struct SaveV1 {
    answered: BTreeMap<String, bool>,
}

/// Just enough to tell what a save is.
#[derive(Deserialize)]
struct Header {
    app: String,
    version: u32,
}

/// Something the reader must be told about their progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage is unavailable here: progress lasts only while the page is open.
    NotSaved,
    /// The saved progress could not be read; it was kept under `backup`.
    Corrupt { backup: String },
    /// A newer version of the module saved it: it is left as it is, and this page
    /// saves nothing.
    FromTheFuture,
    /// Another tab, running a newer version, has saved since: this page saves nothing
    /// more, so as not to write over it.
    NewerElsewhere,
    /// Storage is full: the progress shown is what was saved, and nothing new is saved.
    Full,
    /// The quiz in progress no longer fits the questions (saved by an older release, or
    /// altered), so it was set aside; everything else is kept.
    SessionDropped,
    /// The quiz this tab had in progress was finished in another tab.
    FinishedElsewhere,
    /// The saved progress could not be read nor kept aside, so nothing will be saved
    /// over it while the page is open.
    Untouched,
    /// Saving failed just now (storage full, say).
    SaveFailed,
    /// The progress the LMS kept could not be read: it was kept aside among the
    /// backups, under `backup` (None where storage refused), and the browser's is used.
    LmsUnreadable { backup: Option<String> },
}

/// Why a save was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not a save of this module, or damaged.
    Corrupt,
    /// Written by a newer version of the module than this one.
    FromTheFuture(u32),
}

/// Writes progress in the current format, with any serde serializer (the browser's
/// JSON in the app, `serde_json` in the tests).
pub fn save<S: serde::Serializer>(progress: &Progress, serializer: S) -> Result<S::Ok, S::Error> {
    SaveV2 {
        app: APP.into(),
        version: VERSION,
        progress: progress.clone(),
    }
    .serialize(serializer)
}

/// Reads a save, bringing an older version up to date. `parsed` gives a fresh
/// deserializer over the same parsed JSON each time it is called (a save is read more
/// than once: its header first, then as its version). `today` dates what a migration
/// must date.
pub fn load<'de, D, F>(parsed: F, today: i64) -> Result<Progress, LoadError>
where
    D: Deserializer<'de>,
    F: Fn() -> D,
{
    let header = Header::deserialize(parsed()).map_err(|_| LoadError::Corrupt)?;
    if header.app != APP {
        return Err(LoadError::Corrupt);
    }
    match header.version {
        1 => SaveV1::deserialize(parsed())
            .map(|v1| migrate_v1(v1, today))
            .map_err(|_| LoadError::Corrupt),
        VERSION => SaveV2::deserialize(parsed())
            .map(|save| save.progress)
            .map_err(|_| LoadError::Corrupt),
        newer if newer > VERSION => Err(LoadError::FromTheFuture(newer)),
        _ => Err(LoadError::Corrupt),
    }
}

/// Version 1 to 2: each answer becomes a first review on the day of the migration, and
/// the wrong ones are the mistakes to retake.
fn migrate_v1(v1: SaveV1, today: i64) -> Progress {
    let cards = v1
        .answered
        .iter()
        .map(|(id, &right)| {
            let rating = if right { Rating::Good } else { Rating::Again };
            (id.clone(), Card::first(rating, today))
        })
        .collect();
    let mistakes = v1
        .answered
        .into_iter()
        .filter(|(_, right)| !right)
        .map(|(id, _)| id)
        .collect();
    Progress {
        cards,
        mistakes,
        results: Vec::new(),
        session: None,
        lineage: 0,
        log: Vec::new(),
        learner: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::scoring::Response;
    use crate::quiz::session::{Answered, Item, Mode, QuestionRef};
    use proptest::prelude::*;

    fn load_text(text: &str) -> Result<Progress, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| LoadError::Corrupt)?;
        load(|| value.clone(), 20_000)
    }

    fn saved_text(progress: &Progress) -> String {
        save(progress, serde_json::value::Serializer)
            .unwrap()
            .to_string()
    }

    fn sample() -> Progress {
        let mut progress = Progress::default();
        progress
            .cards
            .insert("sre-001".into(), Card::first(Rating::Good, 20_000));
        progress.mistakes = vec!["devops-002".into()];
        progress.keep_result(Outcome {
            day: 20_000,
            scores: vec![("sre".into(), 80)],
            attempt: Some(3),
        });
        progress.session = Some(Session {
            mode: Mode::Practice("sre/toil".into()),
            seed: 42,
            items: vec![Item {
                question: QuestionRef::Bank("sre-001".into()),
                order: vec![2, 0, 1],
            }],
            answers: vec![Some(Answered {
                response: Response::Choice(2),
                credit: 1.0,
            })],
            position: 0,
            attempt: 0,
        });
        progress
    }

    /// Every shape a response takes in a save. The match has no wildcard, so a new kind
    /// of response does not compile until it is listed here, and then changes the text
    /// pinned below.
    fn every_response_shape() -> Vec<Response> {
        let all = vec![
            Response::Choice(1),
            Response::Choices(vec![0, 2]),
            Response::Truth(false),
            Response::Order(vec![1, 0]),
            Response::Matches(vec![Some(0), None]),
            Response::Number("4.5".into()),
        ];
        for response in &all {
            match response {
                Response::Choice(_)
                | Response::Choices(_)
                | Response::Truth(_)
                | Response::Order(_)
                | Response::Matches(_)
                | Response::Number(_) => {}
            }
        }
        all
    }

    /// A tab of the release before reads a save it cannot parse as damaged: it backs it
    /// up and starts afresh. So the format of a version never changes once released:
    /// a change to this text needs a new `VERSION` and a migration, not a new text.
    #[test]
    fn the_saved_format_of_this_version_is_pinned() {
        let mut progress = sample();
        if let Some(session) = &mut progress.session {
            session.answers = every_response_shape()
                .into_iter()
                .map(|response| {
                    Some(Answered {
                        response,
                        credit: 0.5,
                    })
                })
                .collect();
        }
        assert_eq!(VERSION, 2);
        assert_eq!(
            saved_text(&progress),
            PINNED_V2,
            "the saved format changed: raise VERSION and add a migration"
        );
    }

    /// Fields may be added, with `#[serde(default)]` (an older release ignores them, as
    /// `lineage` and `attempt` were); nothing may be renamed, removed or reshaped.
    const PINNED_V2: &str = r#"{"app":"ops-trio","progress":{"cards":{"sre-001":{"difficulty":5.314577829570867,"due_day":20003,"lapses":0,"last_day":20000,"reps":1,"stability":3.1262}},"lineage":0,"mistakes":["devops-002"],"results":[{"attempt":3,"day":20000,"scores":[["sre",80]]}],"session":{"answers":[{"credit":0.5,"response":{"Choice":1}},{"credit":0.5,"response":{"Choices":[0,2]}},{"credit":0.5,"response":{"Truth":false}},{"credit":0.5,"response":{"Order":[1,0]}},{"credit":0.5,"response":{"Matches":[0,null]}},{"credit":0.5,"response":{"Number":"4.5"}}],"attempt":0,"items":[{"order":[2,0,1],"question":{"Bank":"sre-001"}}],"mode":{"Practice":"sre/toil"},"position":0,"seed":42}},"version":2}"#;

    #[test]
    fn the_current_format_round_trips() {
        let text = saved_text(&sample());
        assert!(
            text.contains(r#""app":"ops-trio""#) && text.contains(r#""version":2"#),
            "{text}"
        );
        assert_eq!(load_text(&text), Ok(sample()));
    }

    #[test]
    fn version_one_is_migrated_to_cards_and_mistakes() {
        let text =
            r#"{"app":"ops-trio","version":1,"answered":{"sre-001":true,"devops-002":false}}"#;
        let progress = load_text(text).expect("a valid version 1 save");
        assert_eq!(progress.cards["sre-001"], Card::first(Rating::Good, 20_000));
        assert_eq!(
            progress.cards["devops-002"],
            Card::first(Rating::Again, 20_000)
        );
        assert_eq!(progress.mistakes, ["devops-002"]);
        assert_eq!(progress.session, None);
    }

    #[test]
    fn a_save_from_a_newer_version_is_refused_as_such() {
        assert_eq!(
            load_text(r#"{"app":"ops-trio","version":3,"anything":[]}"#),
            Err(LoadError::FromTheFuture(3))
        );
    }

    #[test]
    fn anything_else_is_corrupt() {
        for text in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"version":2}"#,
            r#"{"app":"another-app","version":2,"progress":{}}"#,
            r#"{"app":"ops-trio","version":0}"#,
            r#"{"app":"ops-trio","version":2}"#,
            r#"{"app":"ops-trio","version":2,"progress":{"cards":{"x":{"stability":"high"}}}}"#,
            r#"{"app":"ops-trio","version":1,"answered":{"x":"yes"}}"#,
        ] {
            assert_eq!(load_text(text), Err(LoadError::Corrupt), "{text:?}");
        }
    }

    #[test]
    fn finishing_a_quiz_schedules_its_questions_and_keeps_its_misses() {
        let mut progress = Progress::default();
        let session = Session {
            mode: Mode::Assessment,
            seed: 1,
            items: vec![
                Item {
                    question: QuestionRef::Bank("a".into()),
                    order: vec![],
                },
                Item {
                    question: QuestionRef::Bank("b".into()),
                    order: vec![],
                },
            ],
            answers: vec![
                Some(Answered {
                    response: Response::Truth(true),
                    credit: 1.0,
                }),
                Some(Answered {
                    response: Response::Truth(false),
                    credit: 0.0,
                }),
            ],
            position: 2,
            attempt: 0,
        };
        progress.session = Some(session.clone());
        progress.finish(&session, 100);
        assert_eq!(progress.cards["a"].due_day, 103);
        assert_eq!(progress.cards["b"].due_day, 101);
        assert_eq!(progress.mistakes, ["b"]);
        assert_eq!(progress.session, None);
        assert_eq!(progress.due(101), 1);
        for day in 0..30 {
            progress.keep_result(Outcome {
                day,
                scores: vec![],
                attempt: None,
            });
        }
        assert_eq!(progress.results.len(), RESULTS_KEPT);
        assert_eq!(progress.results[0].day, 10, "the oldest go first");
    }

    fn card() -> impl Strategy<Value = Card> {
        (
            0.1f64..1e4,
            1.0f64..10.0,
            -1_000i64..100_000,
            0i64..200,
            0u32..100,
            0u32..50,
        )
            .prop_map(
                |(stability, difficulty, last_day, gap, reps, lapses)| Card {
                    stability,
                    difficulty,
                    last_day,
                    due_day: last_day + gap,
                    reps,
                    lapses,
                },
            )
    }

    fn progress() -> impl Strategy<Value = Progress> {
        (
            proptest::collection::btree_map("[a-z]{1,6}-[0-9]{3}", card(), 0..8),
            proptest::collection::vec("[a-z]{1,6}-[0-9]{3}", 0..5),
            proptest::collection::vec((0i64..100_000, "[a-z]{2,9}", 0u8..=100), 0..4),
            proptest::option::of((any::<u32>(), 0usize..3)),
        )
            .prop_map(|(cards, mistakes, results, session)| Progress {
                cards,
                mistakes,
                results: results
                    .into_iter()
                    .map(|(day, id, p)| Outcome {
                        day,
                        attempt: (p % 2 == 0).then_some(u64::from(p)),
                        scores: vec![(id, p)],
                    })
                    .collect(),
                session: session.map(|(seed, position)| Session {
                    mode: Mode::Due,
                    seed: u64::from(seed),
                    items: vec![
                        Item {
                            question: QuestionRef::Bank("q".into()),
                            order: vec![1, 0]
                        };
                        3
                    ],
                    answers: vec![
                        None,
                        Some(Answered {
                            response: Response::Matches(vec![Some(1), None]),
                            credit: 0.5,
                        }),
                        None,
                    ],
                    position,
                    attempt: 0,
                }),
                lineage: 0,
                log: Vec::new(),
                learner: 0,
            })
    }

    proptest! {
        /// Whatever bytes are in storage, loading answers without panicking.
        #[test]
        fn any_bytes_are_answered_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = load_text(&text);
        }

        /// Text that is almost a save (a real save, cut short or with a byte changed) is
        /// refused or read, never a panic, and a valid save is never lost.
        #[test]
        fn damaged_saves_never_panic(progress in progress(), cut in 0usize..400, flip in 0usize..400) {
            let text = saved_text(&progress);
            let cut = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let _ = load_text(&text[..cut]);
            let mut bytes = text.clone().into_bytes();
            if !bytes.is_empty() {
                let at = flip % bytes.len();
                bytes[at] = bytes[at].wrapping_add(1);
                let _ = load_text(&String::from_utf8_lossy(&bytes));
            }
            prop_assert_eq!(load_text(&text), Ok(progress));
        }
    }
}
