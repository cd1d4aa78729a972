//! The reader's progress against everything storage, tabs, releases and files can do:
//! the vault driven through an in-memory storage that can be full or refuse, a codec
//! that writes JSON under the browser's rules, and two tabs saving in any interleaving.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use ops_trio::quiz::saved::{self, LoadError, Notice, Outcome, Progress, VERSION};
use ops_trio::quiz::session::{Mode, Session, MAX_SEED};
use ops_trio::quiz::srs::{Card, Rating};
use ops_trio::quiz::vault::{self, Codec, Refused, Storage, BACKUPS_KEPT, KEY};
use proptest::prelude::*;

/// `localStorage` in memory. `full` refuses every write (reads still work), as a full
/// quota does; `quota` refuses a write that would take the total past it.
#[derive(Default)]
struct Memory {
    items: RefCell<BTreeMap<String, String>>,
    full: Cell<bool>,
    quota: Cell<Option<usize>>,
}

impl Memory {
    fn with(key: &str, value: &str) -> Memory {
        let memory = Memory::default();
        memory.items.borrow_mut().insert(key.into(), value.into());
        memory
    }

    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn backup_texts(&self) -> Vec<String> {
        self.items
            .borrow()
            .iter()
            .filter(|(key, _)| key.starts_with(vault::BACKUP_PREFIX))
            .map(|(_, value)| value.clone())
            .collect()
    }
}

impl Storage for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, Refused> {
        Ok(self.get(key))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), Refused> {
        if self.full.get() {
            return Err(Refused);
        }
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota.get() {
            let others: usize = items
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(Refused);
            }
        }
        items.insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), Refused> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, Refused> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// Storage that refuses everything, as a sandboxed frame's does.
struct Blocked;

impl Storage for Blocked {
    fn read(&self, _: &str) -> Result<Option<String>, Refused> {
        Err(Refused)
    }
    fn write(&self, _: &str, _: &str) -> Result<(), Refused> {
        Err(Refused)
    }
    fn remove(&self, _: &str) -> Result<(), Refused> {
        Err(Refused)
    }
    fn keys(&self) -> Result<Vec<String>, Refused> {
        Err(Refused)
    }
}

/// JSON as the browser writes it: a number it cannot keep exactly (an integer beyond
/// 2^53 − 1, a float that is not finite) makes the write fail, as it would corrupt
/// the save there.
struct BrowserRules;

/// Whether every number in the value survives the browser's JSON.
fn browser_safe(value: &serde_json::Value) -> bool {
    const SAFE: u64 = (1 << 53) - 1;
    match value {
        serde_json::Value::Number(n) => {
            n.as_u64().is_some_and(|n| n <= SAFE)
                || n.as_i64().is_some_and(|n| n.unsigned_abs() <= SAFE)
                || (n.as_u64().is_none()
                    && n.as_i64().is_none()
                    && n.as_f64().is_some_and(f64::is_finite))
        }
        serde_json::Value::Array(items) => items.iter().all(browser_safe),
        serde_json::Value::Object(fields) => fields.values().all(browser_safe),
        _ => true,
    }
}

impl Codec for BrowserRules {
    fn decode(&self, text: &str, today: i64) -> Result<Progress, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| LoadError::Corrupt)?;
        saved::load(|| value.clone(), today)
    }

    fn encode(&self, progress: &Progress) -> Option<String> {
        let value = saved::save(progress, serde_json::value::Serializer).ok()?;
        browser_safe(&value).then(|| value.to_string())
    }
}

const TODAY: i64 = 20_000;

fn encoded(progress: &Progress) -> String {
    BrowserRules.encode(progress).expect("browser-safe")
}

fn stored(memory: &Memory) -> Progress {
    BrowserRules
        .decode(&memory.get(KEY).expect("a save"), TODAY)
        .expect("readable")
}

fn with_card(id: &str, day: i64) -> Progress {
    let mut progress = Progress::default();
    progress
        .cards
        .insert(id.into(), Card::first(Rating::Good, day));
    progress
}

/// A finished quiz's result; `seed` tells quizzes apart.
fn outcome(day: i64, percent: u8, seed: u64) -> Outcome {
    Outcome {
        day,
        scores: vec![("sre".into(), percent)],
        attempt: Some(seed),
    }
}

fn session(seed: u64) -> Session {
    Session {
        mode: Mode::Assessment,
        seed,
        items: Vec::new(),
        answers: Vec::new(),
        position: 0,
        attempt: seed,
    }
}

#[test]
fn full_storage_still_shows_what_was_saved_read_only() {
    let memory = Memory::with(KEY, &encoded(&with_card("sre-001", TODAY)));
    memory.full.set(true);
    let opened = vault::open(&memory, &BrowserRules, TODAY, 1);
    assert_eq!(
        opened.progress,
        with_card("sre-001", TODAY),
        "read before the probe"
    );
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::Full]);
}

#[test]
fn blocked_storage_starts_afresh_and_says_nothing_will_be_saved() {
    let opened = vault::open(&Blocked, &BrowserRules, TODAY, 1);
    assert_eq!(opened.progress, Progress::default());
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::NotSaved]);
}

#[test]
fn a_newer_save_is_opened_read_only_and_never_written_over() {
    let newer = format!(r#"{{"app":"ops-trio","version":{},"x":1}}"#, VERSION + 1);
    let memory = Memory::with(KEY, &newer);
    let opened = vault::open(&memory, &BrowserRules, TODAY, 1);
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::FromTheFuture]);
    assert!(
        memory.backup_texts().is_empty(),
        "nothing to back up: it stays"
    );
    // A tab that opened before the newer release saved is refused too.
    let older_tab = vault::save(
        &memory,
        &BrowserRules,
        &with_card("sre-001", TODAY),
        None,
        TODAY,
        2,
    );
    assert_eq!(older_tab, Err(Notice::NewerElsewhere));
    assert_eq!(memory.get(KEY).as_deref(), Some(newer.as_str()));
}

#[test]
fn an_unreadable_save_is_backed_up_once_however_often_it_is_opened() {
    let memory = Memory::with(KEY, "{\"app\":\"ops-trio\",\"version\":2,\"progress\":{");
    for now in 1..=3 {
        let opened = vault::open(&memory, &BrowserRules, TODAY, now);
        assert_eq!(
            opened.notices,
            [Notice::Corrupt {
                backup: format!("{}1", vault::BACKUP_PREFIX)
            }]
        );
    }
    assert_eq!(memory.backup_texts().len(), 1);
}

#[test]
fn backups_are_capped_restorable_and_made_before_each_replacement() {
    let memory = Memory::default();
    for n in 0..(BACKUPS_KEPT as i64 + 3) {
        let progress = with_card(&format!("sre-{n:03}"), TODAY);
        vault::replace(&memory, &BrowserRules, &progress, 1, TODAY, 100 + n as u64).unwrap();
    }
    let backups = vault::backups(&memory);
    assert_eq!(backups.len(), BACKUPS_KEPT, "the oldest go");
    // Each replacement kept what it replaced: the newest backup is the one before last.
    let newest = vault::read_backup(&memory, &BrowserRules, &backups[0].key, TODAY).unwrap();
    let last = BACKUPS_KEPT as i64 + 1;
    assert_eq!(
        newest.cards,
        with_card(&format!("sre-{last:03}"), TODAY).cards
    );
    assert!(
        backups.windows(2).all(|w| w[0].made_ms > w[1].made_ms),
        "newest first"
    );
}

#[test]
fn a_replacement_that_cannot_back_up_first_changes_nothing() {
    let before = encoded(&with_card("sre-001", TODAY));
    let memory = Memory::with(KEY, &before);
    memory.quota.set(Some(before.len() + KEY.len() + 10));
    let result = vault::replace(&memory, &BrowserRules, &Progress::default(), 7, TODAY, 5);
    assert_eq!(result, Err(Notice::SaveFailed));
    assert_eq!(memory.get(KEY), Some(before));
}

#[test]
fn two_tabs_that_finish_different_quizzes_keep_both() {
    let memory = Memory::with(KEY, &encoded(&with_card("old-001", TODAY - 9)));
    let opened = |now| vault::open(&memory, &BrowserRules, TODAY, now).progress;
    let (mut a, mut b) = (opened(1), opened(2));
    a.cards
        .insert("sre-001".into(), Card::first(Rating::Good, TODAY));
    a.keep_result(outcome(TODAY, 80, 1));
    a.mistakes = vec!["sre-002".into()];
    b.cards
        .insert("old-001".into(), Card::first(Rating::Again, TODAY));
    b.keep_result(outcome(TODAY, 40, 2));
    b.mistakes = vec!["devops-003".into()];
    vault::save(&memory, &BrowserRules, &a, None, TODAY, 3).unwrap();
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 4).unwrap();
    let kept = stored(&memory);
    assert_eq!(kept, written, "the page adopts what it wrote");
    assert_eq!(kept.cards.len(), 2);
    assert_eq!(
        kept.cards["old-001"],
        Card::first(Rating::Again, TODAY),
        "the later review wins"
    );
    assert_eq!(kept.results.len(), 2);
    assert_eq!(
        kept.mistakes,
        ["sre-002", "devops-003"],
        "each finished a quiz"
    );
}

#[test]
fn an_older_tab_does_not_take_back_a_newer_review() {
    let newer = with_card("sre-001", TODAY);
    let memory = Memory::with(KEY, &encoded(&newer));
    let stale = with_card("sre-001", TODAY - 30);
    vault::save(&memory, &BrowserRules, &stale, None, TODAY, 1).unwrap();
    assert_eq!(stored(&memory).cards["sre-001"], newer.cards["sre-001"]);
}

#[test]
fn a_quiz_this_tab_ended_is_not_taken_back_from_its_stored_copy() {
    let before = Progress {
        session: Some(session(7)),
        ..Progress::default()
    };
    let memory = Memory::with(KEY, &encoded(&before));
    let finished = session(7);
    vault::save(
        &memory,
        &BrowserRules,
        &Progress::default(),
        Some(&finished),
        TODAY,
        1,
    )
    .unwrap();
    assert_eq!(stored(&memory).session, None);
    // Another tab's quiz stays, though this tab has none.
    let other = Progress {
        session: Some(session(8)),
        ..Progress::default()
    };
    let memory = Memory::with(KEY, &encoded(&other));
    vault::save(
        &memory,
        &BrowserRules,
        &Progress::default(),
        Some(&finished),
        TODAY,
        1,
    )
    .unwrap();
    assert_eq!(stored(&memory).session, Some(session(8)));
}

#[test]
fn a_replacement_is_not_merged_back_by_a_tab_that_held_the_progress_before() {
    let before = with_card("sre-001", TODAY);
    let memory = Memory::with(KEY, &encoded(&before));
    // Tab A resets; tab B still holds the cards and saves a change.
    let reset = vault::replace(&memory, &BrowserRules, &Progress::default(), 42, TODAY, 1).unwrap();
    assert_eq!(reset.lineage, 42);
    let mut b = before.clone();
    b.mistakes = vec!["sre-002".into()];
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 2).unwrap();
    assert_eq!(written.cards.len(), 0, "the reset stands");
    assert_eq!(stored(&memory), written);
    // B's quiz in progress is still its own.
    let b = Progress {
        session: Some(session(9)),
        ..before
    };
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 3).unwrap();
    assert_eq!(
        (written.cards.len(), written.session),
        (0, Some(session(9)))
    );
}

#[test]
fn a_replacement_does_not_write_over_a_newer_release() {
    let newer = format!(r#"{{"app":"ops-trio","version":{}}}"#, VERSION + 1);
    let memory = Memory::with(KEY, &newer);
    let result = vault::replace(&memory, &BrowserRules, &Progress::default(), 1, TODAY, 1);
    assert_eq!(result, Err(Notice::NewerElsewhere));
    assert_eq!(memory.get(KEY), Some(newer));
}

#[test]
fn with_every_result_slot_full_a_new_quiz_s_mistakes_replace_the_last_ones() {
    let mut progress = Progress::default();
    for n in 0..saved::RESULTS_KEPT as u64 {
        progress.keep_result(outcome(TODAY - 30 + n as i64, 50, n + 1));
    }
    progress.mistakes = vec!["old-001".into()];
    let memory = Memory::with(KEY, &encoded(&progress));
    // One tab finishes a quiz: the oldest result goes from its copy, not yet from storage.
    progress.keep_result(outcome(TODAY, 90, 99));
    progress.mistakes = vec!["new-001".into()];
    let written = vault::save(&memory, &BrowserRules, &progress, None, TODAY, 1).unwrap();
    assert_eq!(
        written.mistakes,
        ["new-001"],
        "not the union with the quiz before"
    );
    assert_eq!(written.results.len(), saved::RESULTS_KEPT);
}

#[test]
fn a_quiz_finished_in_another_tab_is_not_finished_again_here() {
    let mut finished_there = Progress::default();
    finished_there.keep_result(outcome(TODAY, 80, 5));
    let memory = Memory::with(KEY, &encoded(&finished_there));
    let here = Progress {
        session: Some(session(5)),
        ..Progress::default()
    };
    let written = vault::save(&memory, &BrowserRules, &here, None, TODAY, 1).unwrap();
    assert_eq!(written.session, None);
    // The same quiz taken again, a new attempt, stays.
    let again = Progress {
        session: Some(Session {
            attempt: 6,
            ..session(5)
        }),
        ..Progress::default()
    };
    let written = vault::save(&memory, &BrowserRules, &again, None, TODAY, 2).unwrap();
    assert_eq!(written.session.map(|s| s.attempt), Some(6));
}

#[test]
fn a_seed_beyond_what_json_keeps_cannot_be_saved_and_the_largest_can() {
    let mut progress = Progress {
        session: Some(session(MAX_SEED)),
        ..Progress::default()
    };
    assert!(BrowserRules.encode(&progress).is_some());
    progress.session = Some(session(MAX_SEED + 1));
    assert_eq!(BrowserRules.encode(&progress), None);
}

/// What one tab does between saves.
#[derive(Clone, Debug)]
enum Step {
    /// Reviews a question on a day.
    Review(u8, i64),
    /// Finishes a quiz with a score; each quiz has its own seed.
    Finish(i64, u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u8..6, TODAY - 20..TODAY + 20).prop_map(|(q, day)| Step::Review(q, day)),
        (TODAY - 20..TODAY + 20, 0u8..=100).prop_map(|(day, p)| Step::Finish(day, p)),
    ]
}

fn apply(progress: &mut Progress, step: &Step, seed: u64) {
    match *step {
        Step::Review(question, day) => {
            let id = format!("q-{question}");
            let card = match progress.cards.get(&id) {
                Some(card) if day >= card.last_day => card.review(Rating::Good, day),
                Some(card) => *card,
                None => Card::first(Rating::Hard, day),
            };
            progress.cards.insert(id, card);
        }
        Step::Finish(day, percent) => progress.keep_result(outcome(day, percent, seed)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Two tabs, each making changes and saving, in any interleaving: the stored
    /// progress ends with every question either reviewed, at its latest review, and
    /// every result either kept (up to the cap).
    #[test]
    fn two_tabs_in_any_interleaving_lose_nothing(
        steps in proptest::collection::vec((any::<bool>(), step()), 1..24),
    ) {
        let memory = Memory::default();
        let mut tabs = [Progress::default(), Progress::default()];
        let mut results_made = 0usize;
        let mut latest: BTreeMap<String, i64> = BTreeMap::new();
        for (now, (second, step)) in steps.iter().enumerate() {
            let tab = &mut tabs[usize::from(*second)];
            apply(tab, step, now as u64);
            match step {
                Step::Review(q, _) => {
                    let day = tab.cards[&format!("q-{q}")].last_day;
                    let seen = latest.entry(format!("q-{q}")).or_insert(day);
                    *seen = (*seen).max(day);
                }
                Step::Finish(..) => results_made += 1,
            }
            *tab = vault::save(&memory, &BrowserRules, tab, None, TODAY, now as u64).unwrap();
        }
        let kept = stored(&memory);
        let kept_days: BTreeMap<String, i64> =
            kept.cards.iter().map(|(id, card)| (id.clone(), card.last_day)).collect();
        prop_assert_eq!(kept_days, latest);
        prop_assert_eq!(kept.results.len(), results_made.min(saved::RESULTS_KEPT));
    }

    /// Whatever is stored, and however full storage is, a save either writes what the
    /// reader has merged with what was there, or leaves storage as it was; it never
    /// panics, and never loses a readable save without a backup.
    #[test]
    fn saving_never_loses_a_stored_save(
        stored_text in prop_oneof![
            Just(None),
            Just(Some("{\"app\":\"ops-trio\",\"version\":2,\"progress\":{".to_string())),
            Just(Some(format!(r#"{{"app":"ops-trio","version":{}}}"#, VERSION + 1))),
            (0u8..6).prop_map(|q| Some(encoded(&with_card(&format!("q-{q}"), TODAY)))),
        ],
        quota in proptest::option::of(0usize..600),
        mine in (0u8..6, TODAY - 5..TODAY + 5).prop_map(|(q, day)| with_card(&format!("q-{q}"), day)),
    ) {
        let memory = Memory::default();
        if let Some(text) = &stored_text {
            memory.items.borrow_mut().insert(KEY.into(), text.clone());
        }
        memory.quota.set(quota);
        let result = vault::save(&memory, &BrowserRules, &mine, None, TODAY, 9);
        let now = memory.get(KEY);
        match (&result, &stored_text) {
            (Ok(written), _) => {
                prop_assert_eq!(now.clone(), Some(encoded(written)));
                for id in mine.cards.keys() {
                    prop_assert!(written.cards.contains_key(id));
                }
            }
            (Err(_), _) => prop_assert_eq!(&now, &stored_text, "a refused save changes nothing"),
        }
        if let (Some(before), Some(after)) = (&stored_text, &now) {
            if before != after {
                let readable = BrowserRules.decode(before, TODAY).is_ok();
                prop_assert!(
                    readable || memory.backup_texts().contains(before),
                    "an unreadable save is backed up before it is written over"
                );
            }
        }
    }
}

mod accepted_saves {
    //! Any save the loader accepts, opened against the real bank, answered to the end
    //! and rendered natively: no panic, and a session that stays consistent.

    use std::rc::Rc;

    use ops_trio::i18n::Locale;
    use ops_trio::quiz::bank::{authored, Bank, Body, Response};
    use ops_trio::quiz::generated::{Generated, GeneratedWindow};
    use ops_trio::quiz::saved::{self, Progress};
    use ops_trio::quiz::session::{Answered, Item, Mode, QuestionRef, Session};
    use ops_trio::quiz::state::{QuizMsg, QuizState};
    use ops_trio::quiz::{QuestionCard, QuestionCardProps, Results, ResultsProps};
    use proptest::prelude::*;
    use yew::{Callback, LocalServerRenderer};

    use super::{BrowserRules, Codec, TODAY};

    thread_local! {
        static BANK: Rc<Bank> = Rc::new(
            authored::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/content/en/quiz"
            )))
            .unwrap(),
        );
    }

    fn bank() -> Rc<Bank> {
        BANK.with(Rc::clone)
    }

    /// A response of any kind, with small indices: right, wrong, or out of range.
    fn response() -> impl Strategy<Value = Response> {
        let index = 0usize..10;
        let indices = proptest::collection::vec(0usize..10, 0..6);
        prop_oneof![
            index.prop_map(Response::Choice),
            indices.clone().prop_map(Response::Choices),
            any::<bool>().prop_map(Response::Truth),
            indices.prop_map(Response::Order),
            proptest::collection::vec(proptest::option::of(0usize..10), 0..6)
                .prop_map(Response::Matches),
            "[0-9.,a-z]{0,6}".prop_map(Response::Number),
        ]
    }

    /// An item: mostly a bank question shown in a true order of its parts, sometimes an
    /// unknown id, a generated question (known or not), or a wrong order.
    fn item() -> impl Strategy<Value = Item> {
        let questions = bank().questions.len();
        (
            0usize..questions + 3,
            any::<u32>(),
            0u8..4,
            proptest::collection::vec(0usize..10, 0..6),
            0u8..10,
        )
            .prop_map(move |(at, slo, window, order, luck)| {
                let bank = bank();
                let window = [
                    GeneratedWindow::Day,
                    GeneratedWindow::Week,
                    GeneratedWindow::Month30,
                    GeneratedWindow::Year,
                ][usize::from(window)];
                match bank.questions.get(at) {
                    Some(question) => {
                        let parts = question.body.rules().shuffled_parts();
                        let order = if luck < 8 {
                            let mut true_order: Vec<usize> = (0..parts).collect();
                            true_order.rotate_left(usize::from(luck) % parts.max(1));
                            true_order
                        } else {
                            order
                        };
                        Item {
                            question: QuestionRef::Bank(question.id.clone()),
                            order,
                        }
                    }
                    None if at == questions => Item {
                        question: QuestionRef::Bank("gone-001".into()),
                        order: Vec::new(),
                    },
                    None => Item {
                        question: QuestionRef::Generated(if luck < 8 {
                            Generated::nth(u64::from(slo))
                        } else {
                            Generated { slo, window }
                        }),
                        order: Vec::new(),
                    },
                }
            })
    }

    /// A saved session: mostly one a reader could have left (an answer of the right kind
    /// for every question up to the one shown), sometimes broken in one way or more:
    /// an answer of another kind, a stray answer past the one shown, a position past
    /// the end, slots that do not line up, a seed JSON cannot keep.
    fn session() -> impl Strategy<Value = Session> {
        (
            proptest::collection::vec(item(), 1..5),
            0usize..5,
            proptest::collection::vec((0u8..10, response(), -1.0f64..2.0), 5),
            0u8..10,
            prop_oneof![9 => 0u64..1_000, 1 => Just(super::MAX_SEED + 1)],
        )
            .prop_map(|(items, position, answers, luck, seed)| {
                let ui = Locale::En.ui();
                let answers = items
                    .iter()
                    .zip(answers)
                    .enumerate()
                    .map(|(at, (item, (roll, stray, credit)))| {
                        let question =
                            ops_trio::quiz::session::resolve(&bank(), ui, &item.question);
                        let fitting = question.map(|q| an_answer(&q.body, &item.order));
                        let response = match roll {
                            _ if at > position && roll < 9 => None,
                            0 => None,
                            9 => Some(stray),
                            _ => fitting.or(Some(stray)),
                        };
                        response.map(|response| Answered { response, credit })
                    })
                    .collect::<Vec<_>>();
                let answers = match luck {
                    0 => answers.into_iter().skip(1).collect(),
                    _ => answers,
                };
                let position = if luck == 1 {
                    items.len()
                } else {
                    position.min(items.len() - 1)
                };
                Session {
                    mode: Mode::Assessment,
                    seed,
                    items,
                    answers,
                    position,
                    attempt: 1,
                }
            })
    }

    #[test]
    fn the_generator_mostly_makes_sessions_that_fit_and_have_answers() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let ui = Locale::En.ui();
        let cases = 1_000;
        let fitting = (0..cases)
            .filter(|_| {
                let session = session().new_tree(&mut runner).unwrap().current();
                session
                    .fitted(&bank(), ui)
                    .is_some_and(|s| s.answers.iter().any(Option::is_some))
            })
            .count();
        // Enough accepted saves with answers for the property below to mean something,
        // and enough refused for the checks to be tried.
        assert!((300..950).contains(&fitting), "{fitting} of {cases}");
    }

    /// An answer for the question shown: its kind's first option, or its parts in order.
    fn an_answer(body: &Body, order: &[usize]) -> Response {
        match body {
            Body::Single(_) => Response::Choice(order.first().copied().unwrap_or(0)),
            Body::Multiple(_) => Response::Choices(order.iter().copied().take(2).collect()),
            Body::TrueFalse(_) => Response::Truth(true),
            Body::Ordering(_) => Response::Order(order.to_vec()),
            Body::Matching(matching) => {
                Response::Matches((0..matching.pairs.len()).map(Some).collect())
            }
            Body::Numeric(numeric) => Response::Number(numeric.answer.clone()),
        }
    }

    fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(LocalServerRenderer::<C>::with_props(props).render())
    }

    fn consistent(session: &Session) -> bool {
        session.answers.len() == session.items.len()
            && session.position <= session.items.len()
            && session
                .answers
                .iter()
                .flatten()
                .all(|a| (0.0..=1.0).contains(&a.credit))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn any_accepted_save_opens_answers_to_the_end_and_renders(session in session()) {
            let progress = Progress { session: Some(session.clone()), ..Progress::default() };
            // Through the saved format, as a crafted import would hand it over: any
            // number, even one the app itself would never write.
            let text = saved::save(&progress, serde_json::value::Serializer).unwrap().to_string();
            let Ok(loaded) = BrowserRules.decode(&text, TODAY) else {
                return Ok(());
            };
            let ui = Locale::En.ui();
            let mut state = QuizState::new(Locale::En, TODAY)
                .update(QuizMsg::BankLoaded(Ok(bank())))
                .update(QuizMsg::Opened {
                    progress: loaded,
                    writable: true,
                    notices: Vec::new(),
                    today: TODAY,
                    backups: Vec::new(),
                })
                // As the route hands it over: a seed JSON cannot keep is none, and the
                // page picks one.
                .update(QuizMsg::Take {
                    mode: session.mode.clone(),
                    seed: Some(session.seed).filter(|s| *s <= super::MAX_SEED).unwrap_or(1),
                    attempt: 2,
                });
            for _ in 0..=session.items.len() {
                let Some(current) = state.session().cloned() else { break };
                prop_assert!(consistent(&current), "{current:?}");
                if current.finished() {
                    break;
                }
                let item = &current.items[current.position];
                let question = ops_trio::quiz::session::resolve(&bank(), ui, &item.question)
                    .expect("a fitted session names only questions there are");
                let html = render::<QuestionCard>(QuestionCardProps {
                    locale: Locale::En,
                    question: question.clone(),
                    order: item.order.clone(),
                    number: current.position + 1,
                    total: current.items.len(),
                    answered: current.answers[current.position].clone(),
                    on_answer: Callback::noop(),
                    on_next: Callback::noop(),
                });
                prop_assert!(html.contains("quiz-prompt"), "the card shows its question");
                state = state
                    .update(QuizMsg::Answer(an_answer(&question.body, &item.order)))
                    .update(QuizMsg::Next);
            }
            // What the page would save now keeps under the browser's number rules.
            let progress = state.progress.as_ref().expect("opened");
            prop_assert!(BrowserRules.encode(progress).is_some(), "{progress:?}");
            if let Some(finished) = state.finished.clone() {
                prop_assert!(consistent(&finished));
                prop_assert!(finished.answers.iter().all(Option::is_some));
                let html = render::<Results>(ResultsProps {
                    locale: Locale::En,
                    bank: bank(),
                    session: finished,
                    retake_seed: 1,
                    on_home: Callback::noop(),
                });
                prop_assert!(!html.is_empty());
            }
        }
    }

    #[test]
    fn a_session_with_an_answer_of_the_wrong_kind_is_dropped_with_a_notice() {
        let bank = bank();
        let single = bank
            .questions
            .iter()
            .find(|q| matches!(q.body, Body::Single(_)))
            .unwrap();
        let parts = single.body.rules().shuffled_parts();
        let session = Session {
            mode: Mode::Assessment,
            seed: 4,
            items: vec![Item {
                question: QuestionRef::Bank(single.id.clone()),
                order: (0..parts).collect(),
            }],
            answers: vec![Some(Answered {
                response: Response::Order(vec![0, 1]),
                credit: 1.0,
            })],
            position: 0,
            attempt: 4,
        };
        let state = QuizState::new(Locale::En, TODAY)
            .update(QuizMsg::Opened {
                progress: Progress {
                    session: Some(session),
                    ..Progress::default()
                },
                writable: true,
                notices: Vec::new(),
                today: TODAY,
                backups: Vec::new(),
            })
            .update(QuizMsg::BankLoaded(Ok(bank)));
        assert_eq!(state.session(), None);
        assert_eq!(state.notices, [saved::Notice::SessionDropped]);
        assert_eq!(
            state.ended.as_ref().map(|s| s.seed),
            Some(4),
            "its stored copy goes too"
        );
    }
}

#[test]
fn a_session_past_its_last_question_or_with_an_answer_ahead_does_not_fit() {
    use ops_trio::i18n::Locale;
    use ops_trio::quiz::bank::{authored, Body, Response};
    use ops_trio::quiz::session::{Answered, Item, QuestionRef};
    let bank = authored::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/content/en/quiz"
    )))
    .unwrap();
    let question = bank
        .questions
        .iter()
        .find(|q| matches!(q.body, Body::TrueFalse(_)))
        .unwrap();
    let item = Item {
        question: QuestionRef::Bank(question.id.clone()),
        order: Vec::new(),
    };
    let answered = Some(Answered {
        response: Response::Truth(true),
        credit: 1.0,
    });
    let saved = |answers: Vec<Option<Answered>>, position| Session {
        items: vec![item.clone(); 2],
        answers,
        position,
        ..session(3)
    };
    let ui = Locale::En.ui();
    let fits = |session: Session| session.fitted(&bank, ui).is_some();
    assert!(fits(saved(vec![answered.clone(), None], 1)));
    assert!(
        fits(saved(vec![answered.clone(), answered.clone()], 1)),
        "feedback showing"
    );
    assert!(
        !fits(saved(vec![answered.clone(), answered.clone()], 2)),
        "past the last"
    );
    assert!(
        !fits(saved(vec![None, answered.clone()], 0)),
        "an answer ahead"
    );
    assert!(!fits(saved(vec![None, None], 1)), "a question skipped");
}
