//! Learning records, natively: every kind of question written as SCORM 1.2 and xAPI
//! write answers; a whole assessment taken through the quiz's own update, and what an
//! LMS is told of it; a reload mid-quiz resumed from the suspend data alone; the
//! progress fitted to 4,096 characters; and the xAPI statements held to the rules of
//! xAPI 1.0.3.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::rc::Rc;

use ops_trio::i18n::Locale;
use ops_trio::lms::interaction::{scorm_result, Interaction};
use ops_trio::lms::record::{Entry, MASTERY_DEFAULT};
use ops_trio::lms::report::{mastery, Call, Launch, Reporter};
use ops_trio::lms::xapi::{statements, Learner, Named};
use ops_trio::quiz::bank::{
    authored, Bank, Body, Choice, Matching, Multiple, Numeric, Ordering, Pair, Single, TrueFalse,
};
use ops_trio::quiz::course::{self as suspend, fit, LIMIT};
use ops_trio::quiz::saved::{self, Progress};
use ops_trio::quiz::scoring::Response;
use ops_trio::quiz::session::{resolve, Mode};
use ops_trio::quiz::srs::{Card, Rating};
use ops_trio::quiz::state::{Load, Moment, QuizMsg, QuizState};
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/answers.rs"]
mod answers;
use answers::{right_answer, wrong_answer};

const TODAY: i64 = 20_500;
/// 2026-11-29 12:00 UTC.
const NOON_MS: u64 = 1_795_953_600_000;

fn bank() -> Rc<Bank> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content/en/quiz");
    Rc::new(authored::load(Path::new(folder)).expect("the English bank parses"))
}

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

/// `(body, response, SCORM type, SCORM response, SCORM pattern, xAPI response, xAPI
/// pattern)` for one question of every kind.
fn every_kind() -> Vec<(Body, Response, [&'static str; 5], &'static str)> {
    vec![
        (
            Body::Single(Single {
                options: options(&[false, true, false]),
            }),
            Response::Choice(2),
            ["choice", "c", "b", "c", "b"],
            "single",
        ),
        (
            Body::Multiple(Multiple {
                options: options(&[true, false, true, false]),
            }),
            Response::Choices(vec![2, 0, 3]),
            ["choice", "a,c,d", "a,c", "a[,]c[,]d", "a[,]c"],
            "multiple",
        ),
        (
            Body::TrueFalse(TrueFalse {
                answer: true,
                explain_true: "yes".into(),
                explain_false: "no".into(),
            }),
            Response::Truth(false),
            ["true-false", "f", "t", "false", "true"],
            "true/false",
        ),
        (
            Body::Ordering(Ordering {
                items: vec!["plan".into(), "code".into(), "build".into()],
                explanation: "why".into(),
            }),
            Response::Order(vec![2, 0, 1]),
            ["sequencing", "c,a,b", "a,b,c", "c[,]a[,]b", "a[,]b[,]c"],
            "ordering",
        ),
        (
            Body::Matching(Matching {
                pairs: ["SLI", "SLO", "SLA"]
                    .iter()
                    .map(|left| Pair {
                        left: (*left).into(),
                        right: format!("the {left}"),
                        explanation: "why".into(),
                    })
                    .collect(),
                explanation: "why".into(),
            }),
            // The second left left unmatched.
            Response::Matches(vec![Some(1), None, Some(2)]),
            [
                "matching",
                "1.b,3.c",
                "1.a,2.b,3.c",
                "1[.]b[,]3[.]c",
                "1[.]a[,]2[.]b[,]3[.]c",
            ],
            "matching",
        ),
        (
            Body::Numeric(Numeric {
                answer: "43.2".into(),
                tolerance: "0.05".into(),
                unit: "minutes".into(),
                explanation: "why".into(),
            }),
            // Typed with a decimal comma.
            Response::Number("43,25".into()),
            ["numeric", "43.25", "43.2", "43.25", "43.15[:]43.25"],
            "numeric",
        ),
    ]
}

#[test]
fn every_kind_of_question_is_written_as_each_standard_writes_answers() {
    for (body, response, [kind, scorm, scorm_pattern, xapi, xapi_pattern], name) in every_kind() {
        let interaction = Interaction::of(&body, &response).expect(name);
        assert_eq!(interaction.kind(), kind, "{name}");
        assert_eq!(
            interaction.scorm_response().as_deref(),
            Some(scorm),
            "{name}"
        );
        assert_eq!(interaction.scorm_pattern(), scorm_pattern, "{name}");
        assert_eq!(interaction.xapi_response(), xapi, "{name}");
        assert_eq!(interaction.xapi_pattern(), xapi_pattern, "{name}");
        // A response of another kind's shape is never recorded.
        let other = match response {
            Response::Truth(_) => Response::Choice(0),
            _ => Response::Truth(true),
        };
        assert_eq!(Interaction::of(&body, &other), None, "{name}");
    }
}

#[test]
fn results_are_correct_wrong_or_the_partial_credit() {
    assert_eq!(scorm_result(1.0), "correct");
    assert_eq!(scorm_result(0.0), "wrong");
    assert_eq!(scorm_result(2.0 / 3.0), "0.67");
    assert_eq!(scorm_result(0.5), "0.5");
}

/// Every question of the bank: its right answer is written exactly as its pattern, in
/// both standards, and its wrong answer is not; and each SCORM response is made of the
/// one-character names SCORM 1.2 allows.
#[test]
fn every_question_of_the_bank_records_its_right_answer_as_its_pattern() {
    let one_character =
        |part: &str| part.len() == 1 && part.chars().all(|c| c.is_ascii_alphanumeric());
    for question in &bank().questions {
        let right = Interaction::of(&question.body, &right_answer(&question.body)).unwrap();
        let right_response = right
            .scorm_response()
            .expect("a right answer is a response");
        assert_eq!(
            right.scorm_response(),
            Some(right.scorm_pattern()),
            "{}",
            question.id
        );
        if !matches!(question.body, Body::Numeric(_)) {
            assert_eq!(
                right.xapi_response(),
                right.xapi_pattern(),
                "{}",
                question.id
            );
        }
        let wrong = Interaction::of(&question.body, &wrong_answer(&question.body)).unwrap();
        assert_ne!(
            wrong.scorm_response(),
            Some(wrong.scorm_pattern()),
            "{}",
            question.id
        );
        let names_fit = match &right {
            Interaction::Choice { .. } | Interaction::Sequencing { .. } => {
                right_response.split(',').all(one_character)
            }
            Interaction::Matching { .. } => right_response
                .split(',')
                .all(|pair| pair.split('.').all(one_character)),
            Interaction::TrueFalse { .. } => ["t", "f"].contains(&right_response.as_str()),
            Interaction::Numeric { .. } => right_response.parse::<f64>().is_ok(),
        };
        assert!(names_fit, "{}: {right_response}", question.id);
    }
}

/// The progress's JSON, as the app writes it (the browser's JSON; `serde_json` here).
fn encode(progress: &Progress) -> Option<String> {
    Some(
        saved::save(progress, serde_json::value::Serializer)
            .ok()?
            .to_string(),
    )
}

/// What the page does after each change, in an LMS: fits the progress to the suspend
/// data, and tells the reporter.
fn sync(reporter: &mut Reporter, progress: &Progress, now_ms: u64) -> Vec<Call> {
    let fitted = fit(progress, &encode);
    reporter.sync(
        &progress.log,
        fitted.as_ref().map(|(text, _)| text.as_str()),
        now_ms,
    )
}

fn decode(text: &str) -> Progress {
    let value: Value = serde_json::from_str(text).expect("JSON");
    saved::load(|| value.clone(), TODAY).expect("a save")
}

fn opened(progress: Progress, mastery: u8) -> QuizState {
    QuizState::new(Locale::En, TODAY)
        .update(QuizMsg::BankLoaded(Ok(bank())))
        .update(QuizMsg::Opened {
            progress,
            writable: true,
            notices: Vec::new(),
            today: TODAY,
            backups: Vec::new(),
            learner: 0xfeed,
            mastery,
        })
}

/// Answers the question shown at the given moment, right or wrong, and moves on.
fn answer(state: QuizState, right: bool, at_ms: u64) -> QuizState {
    let ui = Locale::En.ui();
    let session = state.session().expect("a quiz in progress").clone();
    let item = &session.items[session.position];
    let Load::Ready(bank) = &state.bank else {
        panic!("the bank is loaded")
    };
    let question = resolve(bank, ui, &item.question).unwrap();
    let response = if right {
        right_answer(&question.body)
    } else {
        wrong_answer(&question.body)
    };
    let moment = Moment {
        at_ms,
        latency_ms: 4_250,
    };
    state
        .update(QuizMsg::Answer(response, moment))
        .update(QuizMsg::Next(at_ms + 2_000))
}

fn start_assessment(state: QuizState) -> QuizState {
    state.update(QuizMsg::Take {
        mode: Mode::Assessment,
        seed: 7,
        attempt: 1234,
    })
}

fn first_launch() -> Launch {
    Launch {
        lesson_status: "not attempted".into(),
        lesson_mode: "normal".into(),
        mastery_score: "80".into(),
        interactions: "0".into(),
        objectives: Vec::new(),
    }
}

fn value_of<'a>(calls: &'a [Call], element: &str) -> Option<&'a str> {
    calls.iter().rev().find_map(|call| match call {
        Call::Set(name, value) if name == element => Some(value.as_str()),
        _ => None,
    })
}

/// The assessment, taken with the first `right` questions answered right and the rest
/// wrong, each answered a minute after the last.
fn assessment(right: usize) -> QuizState {
    let mut state = start_assessment(opened(Progress::default(), MASTERY_DEFAULT));
    for n in 0..15 {
        state = answer(state, n < right, NOON_MS + n as u64 * 60_000);
    }
    state
}

#[test]
fn a_whole_assessment_is_reported_with_its_score_status_interactions_and_objectives() {
    let state = assessment(12);
    let progress = state.progress.clone().unwrap();
    let finished = state.finished.clone().expect("the assessment is finished");
    let scores = finished.scores(&bank(), Locale::En.ui());

    let (mut reporter, at_launch) = Reporter::start(first_launch(), NOON_MS - 1_000, None);
    assert_eq!(
        at_launch,
        [
            Call::Set("cmi.core.lesson_status".into(), "incomplete".into()),
            Call::Set("cmi.core.exit".into(), "suspend".into()),
            Call::Commit
        ],
        "begun, and resumable however the page goes"
    );
    let calls = sync(&mut reporter, &progress, NOON_MS + 20 * 60_000);

    // The score, the status against the mastery score of 80.
    let percent = scores.total.percent();
    assert!(
        percent >= 80,
        "12 of 15 right, and partial credit: {percent}"
    );
    assert_eq!(
        value_of(&calls, "cmi.core.score.raw"),
        Some(percent.to_string().as_str())
    );
    assert_eq!(value_of(&calls, "cmi.core.score.min"), Some("0"));
    assert_eq!(value_of(&calls, "cmi.core.score.max"), Some("100"));
    assert_eq!(value_of(&calls, "cmi.core.lesson_status"), Some("passed"));

    // One interaction per question, in the order asked, each with every field.
    for (n, item) in finished.items.iter().enumerate() {
        let element = |name: &str| format!("cmi.interactions.{n}.{name}");
        let ops_trio::quiz::session::QuestionRef::Bank(id) = &item.question else {
            panic!("an assessment asks the bank's questions")
        };
        assert_eq!(value_of(&calls, &element("id")), Some(id.as_str()));
        let question = bank().question(id).unwrap().clone();
        let kind = Interaction::of(&question.body, &right_answer(&question.body))
            .unwrap()
            .kind();
        assert_eq!(value_of(&calls, &element("type")), Some(kind));
        let result = value_of(&calls, &element("result")).unwrap();
        if n < 12 {
            assert_eq!(result, "correct", "question {n} was answered right");
        } else {
            assert_ne!(result, "correct", "question {n} was answered wrong");
        }
        assert_eq!(value_of(&calls, &element("latency")), Some("00:00:04.25"));
        assert_eq!(
            value_of(&calls, &element("time")),
            Some(format!("12:{n:02}:00").as_str())
        );
        assert_eq!(value_of(&calls, &element("weighting")), Some("1"));
        assert!(value_of(&calls, &element("student_response")).is_some());
        assert!(value_of(&calls, &element("correct_responses.0.pattern")).is_some());
    }
    assert_eq!(value_of(&calls, "cmi.interactions.15.id"), None);

    // An objective per core discipline, with its own score and status.
    for (n, (discipline, tally)) in scores.disciplines.iter().enumerate() {
        let element = |name: &str| format!("cmi.objectives.{n}.{name}");
        assert_eq!(value_of(&calls, &element("id")), Some(discipline.id()));
        let percent = tally.percent();
        assert_eq!(
            value_of(&calls, &element("score.raw")),
            Some(percent.to_string().as_str())
        );
        let status = if percent >= 80 { "passed" } else { "failed" };
        assert_eq!(value_of(&calls, &element("status")), Some(status));
    }
    assert_eq!(scores.disciplines.len(), 3);

    // A clean finish: the suspend data, a normal exit, the session's time, a commit,
    // then LMSFinish, last.
    let suspended = value_of(&calls, "cmi.suspend_data").unwrap();
    assert!(suspended.len() <= LIMIT);
    assert_eq!(decode(suspended).results.len(), 1);
    assert_eq!(value_of(&calls, "cmi.core.exit"), Some(""));
    assert_eq!(
        value_of(&calls, "cmi.core.session_time"),
        Some("00:20:01.00")
    );
    assert_eq!(calls[calls.len() - 2..], [Call::Commit, Call::Finish]);
    // After LMSFinish, nothing more is sent.
    assert!(sync(&mut reporter, &progress, NOON_MS).is_empty());
    assert!(reporter.leave(NOON_MS, true).is_empty());
}

#[test]
fn the_status_follows_the_mastery_score_the_lms_sets() {
    let state = assessment(12);
    let progress = state.progress.clone().unwrap();
    let percent = state
        .finished
        .clone()
        .unwrap()
        .scores(&bank(), Locale::En.ui())
        .total
        .percent();
    for (mastery, status) in [(percent, "passed"), (percent + 1, "failed")] {
        let launch = Launch {
            mastery_score: mastery.to_string(),
            ..first_launch()
        };
        let (mut reporter, _) = Reporter::start(launch, 0, None);
        let calls = sync(&mut reporter, &progress, NOON_MS);
        assert_eq!(
            value_of(&calls, "cmi.core.lesson_status"),
            Some(status),
            "{mastery}"
        );
    }
    assert_eq!(mastery(""), 80, "none set: the default");
    assert_eq!(mastery("75.4"), 75);
    assert_eq!(mastery("101"), 80, "no score: the default");
    assert_eq!(mastery("many"), 80);
}

#[test]
fn a_launch_appends_to_the_interactions_and_objectives_the_lms_has() {
    let progress = assessment(15).progress.unwrap();
    let launch = Launch {
        lesson_status: "failed".into(),
        interactions: "15".into(),
        objectives: vec!["sre".into(), "old-objective".into()],
        ..first_launch()
    };
    let (mut reporter, at_launch) = Reporter::start(launch, 0, None);
    assert_eq!(
        value_of(&at_launch, "cmi.core.lesson_status"),
        None,
        "an attempted lesson keeps its status"
    );
    let calls = sync(&mut reporter, &progress, NOON_MS);
    assert!(value_of(&calls, "cmi.interactions.15.id").is_some());
    assert!(value_of(&calls, "cmi.interactions.29.id").is_some());
    assert_eq!(value_of(&calls, "cmi.interactions.14.id"), None);
    assert_eq!(value_of(&calls, "cmi.objectives.0.id"), Some("sre"));
    assert_eq!(
        value_of(&calls, "cmi.objectives.1.id"),
        None,
        "kept as it was"
    );
    assert_eq!(value_of(&calls, "cmi.objectives.2.id"), Some("devops"));
    assert_eq!(value_of(&calls, "cmi.objectives.3.id"), Some("devsecops"));
}

/// A learner answers seven questions, and the tab goes: the attempt is suspended. At
/// the next launch, on a device with nothing stored, the suspend data alone resumes the
/// quiz at the eighth question, and only the answers of this launch are sent.
#[test]
fn a_reload_mid_quiz_resumes_from_the_suspend_data_alone() {
    let mut state = start_assessment(opened(Progress::default(), MASTERY_DEFAULT));
    let (mut reporter, _) = Reporter::start(first_launch(), NOON_MS - 1, None);
    let mut sent = Vec::new();
    for n in 0..7 {
        state = answer(state, true, NOON_MS + n * 1_000);
        let calls = sync(&mut reporter, state.progress.as_ref().unwrap(), NOON_MS);
        assert_eq!(
            calls.last(),
            Some(&Call::Commit),
            "each answer is committed"
        );
        sent.extend(calls);
    }
    // The language switch: another page of the module goes on with the launch.
    let switched = reporter.leave(NOON_MS + 30_000, false);
    assert_eq!(value_of(&switched, "cmi.core.exit"), Some("suspend"));
    assert_eq!(switched.last(), Some(&Call::Commit), "no LMSFinish");
    let (mut next_page, _) = Reporter::start(first_launch(), NOON_MS + 31_000, Some(NOON_MS - 1));
    assert!(
        sync(&mut next_page, state.progress.as_ref().unwrap(), NOON_MS)
            .iter()
            .all(
                |call| !matches!(call, Call::Set(name, _) if name.starts_with("cmi.interactions"))
            ),
        "the answers sent by the page before are not sent again"
    );
    // The tab closes: suspended, committed, finished; the session's time counts from
    // the launch's first page.
    let left = next_page.leave(NOON_MS + 60_000, true);
    assert_eq!(value_of(&left, "cmi.core.exit"), Some("suspend"));
    assert_eq!(
        value_of(&left, "cmi.core.session_time"),
        Some("00:01:00.00")
    );
    assert_eq!(left.last(), Some(&Call::Finish));
    let suspend_data = value_of(&sent, "cmi.suspend_data").unwrap().to_owned();
    let before = state.session().unwrap().clone();

    // Another device: nothing in the browser, the LMS's suspend data resumed.
    let resumed = suspend::resumed(&Progress::default(), decode(&suspend_data));
    let state = opened(resumed, MASTERY_DEFAULT).update(QuizMsg::Take {
        mode: Mode::Assessment,
        seed: 7,
        attempt: 999,
    });
    let session = state.session().unwrap();
    assert_eq!(session.position, 7);
    assert_eq!(session.items, before.items);
    assert_eq!(session.answers, before.answers);

    let launch = Launch {
        lesson_status: "incomplete".into(),
        interactions: "7".into(),
        ..first_launch()
    };
    let (mut reporter, _) = Reporter::start(launch, NOON_MS + 120_000, None);
    let state = answer(state, true, NOON_MS + 121_000);
    let calls = sync(&mut reporter, state.progress.as_ref().unwrap(), NOON_MS);
    let ids: Vec<&str> = calls
        .iter()
        .filter_map(|call| match call {
            Call::Set(name, _) if name.ends_with(".id") => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        ids,
        ["cmi.interactions.7.id"],
        "only the new answer is sent"
    );
}

#[test]
fn practice_changes_only_the_suspend_data() {
    let state = opened(Progress::default(), MASTERY_DEFAULT).update(QuizMsg::Take {
        mode: Mode::Practice("sre".into()),
        seed: 3,
        attempt: 55,
    });
    let state = answer(state, true, NOON_MS);
    let (mut reporter, _) = Reporter::start(first_launch(), 0, None);
    let calls = sync(&mut reporter, state.progress.as_ref().unwrap(), NOON_MS);
    assert!(
        matches!(calls.as_slice(), [Call::Set(name, _), Call::Commit] if name == "cmi.suspend_data"),
        "{calls:?}"
    );
    assert!(
        sync(&mut reporter, state.progress.as_ref().unwrap(), NOON_MS).is_empty(),
        "nothing changed"
    );
}

fn card(due_day: i64) -> Card {
    Card {
        due_day,
        ..Card::first(Rating::Good, TODAY)
    }
}

/// A learner who has reviewed every question, with twenty results and an assessment in
/// progress.
fn a_full_progress() -> Progress {
    let mut state = start_assessment(opened(Progress::default(), MASTERY_DEFAULT));
    for n in 0..5 {
        state = answer(state, true, NOON_MS + n);
    }
    let mut progress = state.progress.unwrap();
    for (n, question) in bank().questions.iter().enumerate() {
        progress
            .cards
            .insert(question.id.clone(), card(TODAY + (n as i64 * 7) % 40));
    }
    for day in 0..20 {
        progress.keep_result(saved::Outcome {
            day: TODAY - 20 + day,
            scores: vec![("sre".into(), 70), ("devops".into(), 90)],
            attempt: Some(day as u64 + 1),
        });
    }
    progress.mistakes = bank()
        .questions
        .iter()
        .take(6)
        .map(|q| q.id.clone())
        .collect();
    progress
}

#[test]
fn the_suspend_data_keeps_the_quiz_results_and_the_soonest_due_cards_within_4096() {
    let progress = a_full_progress();
    let (text, kept) = fit(&progress, &encode).expect("it fits");
    assert!(
        suspend::length(&text) <= LIMIT,
        "{}",
        suspend::length(&text)
    );
    assert!(kept.trimmed && kept.session && kept.results == 20 && kept.mistakes == 6);
    assert_eq!(kept.cards_total, bank().questions.len());
    assert!(kept.cards > 5 && kept.cards < kept.cards_total, "{kept:?}");
    let back = decode(&text);
    assert_eq!(back.session, progress.session);
    assert_eq!(back.results, progress.results);
    assert_eq!(back.learner, progress.learner);
    assert!(back.log.is_empty(), "the records stay in the browser");
    // The cards kept are those due soonest.
    let latest_kept = back.cards.values().map(|c| c.due_day).max().unwrap();
    let dropped_earlier = progress
        .cards
        .iter()
        .filter(|(id, _)| !back.cards.contains_key(*id))
        .any(|(_, c)| c.due_day < latest_kept);
    assert!(
        !dropped_earlier,
        "no card due sooner than one kept is left out"
    );
    // One more card would not have fitted.
    assert!(
        suspend::length(
            &encode(&Progress {
                log: Vec::new(),
                ..progress
            })
            .unwrap()
        ) > LIMIT
    );
}

#[test]
fn a_small_progress_goes_in_whole_but_for_the_records() {
    let progress = assessment(3).progress.unwrap();
    assert!(!progress.log.is_empty());
    let (text, kept) = fit(&progress, &encode).unwrap();
    assert!(!kept.trimmed);
    let back = decode(&text);
    assert_eq!(
        Progress {
            log: Vec::new(),
            ..progress
        },
        back
    );
}

proptest! {
    // Each case takes a quiz and fits a progress of hundreds of cards.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the progress holds, the suspend data is within the limit, and the quiz
    /// in progress is kept.
    #[test]
    fn the_suspend_data_always_fits(cards in 0usize..400, results in 0usize..20, mistakes in 0usize..40) {
        let mut progress = a_full_progress();
        progress.cards = (0..cards).map(|n| (format!("question-with-a-long-id-{n:04}"), card(TODAY + n as i64 % 9))).collect();
        progress.results.truncate(results);
        progress.mistakes = (0..mistakes).map(|n| format!("missed-{n}")).collect();
        let (text, kept) = fit(&progress, &encode).unwrap();
        prop_assert!(suspend::length(&text) <= LIMIT);
        prop_assert!(kept.session);
        prop_assert_eq!(decode(&text).session, progress.session);
    }
}

// ---------------------------------------------------------------------------------
// xAPI 1.0.3

const VERBS: [&str; 4] = [
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
];
const INTERACTION_TYPES: [&str; 10] = [
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
];

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    lengths == [8, 4, 4, 4, 12]
        && groups.iter().all(|g| {
            g.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        })
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b'])
}

/// An absolute IRI: a scheme, a colon, and no spaces.
fn is_iri(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !rest.contains(char::is_whitespace)
    })
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts.next().is_some_and(|primary| {
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
    }) && parts.all(|part| {
        (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.len() == 24
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && text.ends_with('Z')
        && text[..4].parse::<u32>().is_ok()
}

/// ISO 8601's duration, as xAPI takes it: `P`, then `T` and hours, minutes and seconds.
fn is_duration(text: &str) -> bool {
    let Some(time) = text.strip_prefix("PT") else {
        return false;
    };
    let mut rest = time;
    let mut units = 0;
    for unit in ['H', 'M', 'S'] {
        if let Some((number, after)) = rest.split_once(unit) {
            let decimal = unit == 'S';
            let fine = !number.is_empty()
                && number
                    .chars()
                    .all(|c| c.is_ascii_digit() || (decimal && c == '.'));
            if !fine {
                return false;
            }
            rest = after;
            units += 1;
        }
    }
    rest.is_empty() && units > 0
}

/// The rules of xAPI 1.0.3 (Data, section 2.4) that a statement a client writes must
/// keep; empty when it keeps them all.
fn xapi_problems(statement: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |fine: bool, rule: &str| {
        if !fine {
            problems.push(rule.to_owned());
        }
    };
    let object = statement.as_object().unwrap();
    let allowed = [
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "attachments",
    ];
    check(
        object.keys().all(|k| allowed.contains(&k.as_str())),
        "only the statement's own properties",
    );
    check(
        statement["id"].as_str().is_some_and(is_uuid),
        "id is a UUID",
    );
    // Actor: an Agent with exactly one inverse functional identifier.
    let actor = &statement["actor"];
    check(actor["objectType"] == "Agent", "actor is an Agent");
    let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .filter(|key| actor.get(**key).is_some())
        .count();
    check(identifiers == 1, "actor has exactly one identifier");
    check(
        actor["account"]["homePage"]
            .as_str()
            .is_some_and(|h| h.starts_with("https://")),
        "account homePage is an IRL",
    );
    check(
        actor["account"]["name"]
            .as_str()
            .is_some_and(|n| !n.is_empty()),
        "account has a name",
    );
    // Verb.
    check(
        statement["verb"]["id"]
            .as_str()
            .is_some_and(|id| VERBS.contains(&id)),
        "an ADL verb",
    );
    check(
        statement["verb"]["display"]
            .as_object()
            .is_some_and(|map| map.keys().all(|k| is_language_tag(k)) && !map.is_empty()),
        "verb display is a language map",
    );
    // Object.
    let activity = &statement["object"];
    check(
        activity["objectType"] == "Activity",
        "object is an Activity",
    );
    check(
        activity["id"].as_str().is_some_and(is_iri),
        "activity id is an IRI",
    );
    let definition = &activity["definition"];
    check(
        definition["type"].as_str().is_some_and(is_iri),
        "activity type is an IRI",
    );
    if let Some(kind) = definition.get("interactionType") {
        check(
            kind.as_str()
                .is_some_and(|k| INTERACTION_TYPES.contains(&k)),
            "a known interactionType",
        );
        check(
            definition["correctResponsesPattern"]
                .as_array()
                .is_some_and(|p| p.iter().all(Value::is_string)),
            "correctResponsesPattern is an array of strings",
        );
    } else {
        check(
            definition.get("correctResponsesPattern").is_none(),
            "no pattern without an interactionType",
        );
    }
    if let Some(name) = definition.get("name") {
        check(
            name.as_object()
                .is_some_and(|map| map.keys().all(|k| is_language_tag(k))),
            "name is a language map",
        );
    }
    // Result.
    let result = &statement["result"];
    let score = &result["score"];
    let number = |key: &str| score[key].as_f64();
    check(
        number("scaled").is_some_and(|s| (-1.0..=1.0).contains(&s)),
        "scaled is within -1 and 1",
    );
    match (number("raw"), number("min"), number("max")) {
        (Some(raw), Some(min), Some(max)) => check(
            min < max && (min..=max).contains(&raw),
            "raw is within min and max",
        ),
        _ => check(false, "raw, min and max are numbers"),
    }
    for flag in ["success", "completion"] {
        check(
            result.get(flag).is_none_or(Value::is_boolean),
            "success and completion are booleans",
        );
    }
    check(
        result.get("response").is_none_or(Value::is_string),
        "response is a string",
    );
    check(
        result
            .get("duration")
            .is_none_or(|d| d.as_str().is_some_and(is_duration)),
        "duration is ISO 8601",
    );
    // Context.
    let context = &statement["context"];
    check(
        context["registration"].as_str().is_some_and(is_uuid),
        "registration is a UUID",
    );
    check(
        context["language"].as_str().is_some_and(is_language_tag),
        "context language is a tag",
    );
    if let Some(parents) = context
        .get("contextActivities")
        .and_then(|c| c.get("parent"))
    {
        check(
            parents
                .as_array()
                .is_some_and(|all| all.iter().all(|p| p["id"].as_str().is_some_and(is_iri))),
            "parents are activities",
        );
    }
    check(
        statement["timestamp"].as_str().is_some_and(is_timestamp),
        "timestamp is ISO 8601 in UTC",
    );
    problems
}

fn statements_json(progress: &Progress, name: Option<&str>) -> Vec<Value> {
    let learner = Learner {
        id: progress.learner,
        name: name.map(str::to_owned),
    };
    let bank = bank();
    let name_of = |named: Named| match named {
        Named::Question(id) => bank.question(id).map(|q| q.prompt.clone()),
        Named::Quiz(quiz) => Some(format!("Quiz {quiz}")),
    };
    statements(&progress.log, &learner, "en", &name_of)
        .iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .collect()
}

#[test]
fn every_statement_keeps_the_rules_of_xapi_1_0_3() {
    for right in [15, 2] {
        let progress = assessment(right).progress.unwrap();
        let statements = statements_json(&progress, None);
        assert_eq!(
            statements.len(),
            15 + 2,
            "15 answered, completed, and passed or failed"
        );
        for statement in &statements {
            assert_eq!(
                xapi_problems(statement),
                Vec::<String>::new(),
                "{statement:#}"
            );
        }
        let verbs: Vec<&str> = statements
            .iter()
            .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
            .collect();
        let verdict = if right == 15 { "passed" } else { "failed" };
        assert_eq!(verbs[15..], ["completed", verdict]);
        assert!(verbs[..15].iter().all(|v| *v == "answered"));
        // One quiz: one registration, each answer's parent the assessment.
        let registrations: std::collections::BTreeSet<&str> = statements
            .iter()
            .map(|s| s["context"]["registration"].as_str().unwrap())
            .collect();
        assert_eq!(registrations.len(), 1);
        assert_eq!(
            statements[0]["context"]["contextActivities"]["parent"][0]["id"],
            "https://ops-trio.invalid/quiz/assessment"
        );
        let ids: std::collections::BTreeSet<&str> = statements
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), statements.len(), "every statement its own id");
        assert_eq!(
            statements,
            statements_json(&progress, None),
            "the same statements each time"
        );
        let last = &statements[16]["result"];
        assert_eq!(last["success"], right == 15);
        assert_eq!(last["score"]["max"], 15.0);
        let first = &statements[0];
        assert_eq!(first["result"]["duration"], "PT4.25S");
        assert_eq!(first["timestamp"], "2026-11-29T12:00:00.000Z");
        assert_eq!(
            first["object"]["definition"]["type"],
            "http://adlnet.gov/expapi/activities/cmi.interaction"
        );
    }
}

#[test]
fn a_statement_names_the_learner_only_when_they_typed_a_name() {
    let progress = assessment(15).progress.unwrap();
    let anonymous = statements_json(&progress, None);
    let actor = anonymous[0]["actor"].as_object().unwrap();
    let keys: Vec<&str> = actor.keys().map(String::as_str).collect();
    assert_eq!(keys, ["account", "objectType"]);
    assert_eq!(
        anonymous[0]["actor"]["account"]["name"],
        "learner-000000000000feed"
    );
    let named = statements_json(&progress, Some("Ada Lovelace"));
    assert_eq!(named[0]["actor"]["name"], "Ada Lovelace");
    assert_eq!(xapi_problems(&named[0]), Vec::<String>::new());
    // Blank is no name.
    assert!(statements_json(&progress, Some("  "))[0]["actor"]
        .get("name")
        .is_none());
}

#[test]
fn the_records_survive_a_save_and_a_load() {
    let progress = assessment(8).progress.unwrap();
    assert_eq!(progress.log.len(), 16);
    assert!(matches!(progress.log.last(), Some(Entry::Finished(f)) if f.mastery == Some(80)));
    assert_eq!(decode(&encode(&progress).unwrap()), progress);
    // A progress without records saves as it did before they were kept.
    let text = encode(&Progress::default()).unwrap();
    assert!(!text.contains("log") && !text.contains("learner"), "{text}");
}

#[test]
fn a_number_typed_as_no_number_is_recorded_without_a_scorm_response() {
    let body = Body::Numeric(Numeric {
        answer: "43.2".into(),
        tolerance: "0.05".into(),
        unit: "minutes".into(),
        explanation: "why".into(),
    });
    let interaction = Interaction::of(&body, &Response::Number("about forty".into())).unwrap();
    assert_eq!(interaction.scorm_response(), None);
    assert_eq!(
        interaction.xapi_response(),
        "about forty",
        "xAPI takes any text"
    );
}

/// The last answer given on one page, Next pressed on the next (after a reload, or the
/// language switch): the finish is the next page's, and it reports the score.
#[test]
fn an_assessment_finished_on_a_later_page_is_still_reported() {
    let mut state = start_assessment(opened(Progress::default(), MASTERY_DEFAULT));
    for n in 0..14 {
        state = answer(state, true, NOON_MS + n * 1_000);
    }
    let ui = Locale::En.ui();
    let session = state.session().unwrap().clone();
    let Load::Ready(bank) = &state.bank else {
        panic!("the bank is loaded")
    };
    let question = resolve(bank, ui, &session.items[14].question).unwrap();
    let moment = Moment {
        at_ms: NOON_MS + 20_000,
        latency_ms: 1_000,
    };
    let state = state.update(QuizMsg::Answer(right_answer(&question.body), moment));
    // The page goes; the next one joins the launch, and the learner presses Next there.
    let (mut next_page, _) = Reporter::start(first_launch(), NOON_MS + 30_000, Some(NOON_MS));
    let state = state.update(QuizMsg::Next(NOON_MS + 31_000));
    assert!(state.finished.is_some());
    let calls = sync(
        &mut next_page,
        state.progress.as_ref().unwrap(),
        NOON_MS + 31_000,
    );
    assert_eq!(value_of(&calls, "cmi.core.score.raw"), Some("100"));
    assert_eq!(value_of(&calls, "cmi.core.lesson_status"), Some("passed"));
    assert_eq!(calls.last(), Some(&Call::Finish));
    let Some(Entry::Finished(finish)) = state.progress.unwrap().log.last().cloned() else {
        panic!("the finish is recorded")
    };
    assert_eq!(finish.at_ms, NOON_MS + 31_000, "dated when it was finished");
}

#[test]
fn browse_and_review_launches_record_no_score() {
    let progress = assessment(15).progress.unwrap();
    let browse = Launch {
        lesson_mode: "browse".into(),
        ..first_launch()
    };
    let (mut reporter, at_launch) = Reporter::start(browse, 0, None);
    assert_eq!(
        value_of(&at_launch, "cmi.core.lesson_status"),
        Some("browsed")
    );
    let calls = sync(&mut reporter, &progress, NOON_MS);
    assert_eq!(value_of(&calls, "cmi.core.score.raw"), None);
    assert_eq!(value_of(&calls, "cmi.interactions.0.id"), None);
    assert!(
        value_of(&calls, "cmi.suspend_data").is_some(),
        "the progress is kept"
    );

    let review = Launch {
        lesson_mode: "review".into(),
        ..first_launch()
    };
    let (mut reporter, at_launch) = Reporter::start(review, 0, None);
    assert!(at_launch.is_empty(), "a review changes nothing");
    assert!(sync(&mut reporter, &progress, NOON_MS).is_empty());
}

#[test]
fn suspend_data_that_could_not_be_read_is_left_as_the_lms_has_it() {
    let progress = assessment(15).progress.unwrap();
    let (mut reporter, _) = Reporter::start(first_launch(), 0, None);
    reporter.keep_suspend_data();
    let calls = sync(&mut reporter, &progress, NOON_MS);
    assert_eq!(value_of(&calls, "cmi.suspend_data"), None);
    assert!(
        value_of(&calls, "cmi.core.score.raw").is_some(),
        "the score still goes"
    );
}

#[test]
fn resuming_keeps_this_browsers_learner_id() {
    let browser = Progress {
        learner: 7,
        ..Progress::default()
    };
    let from_lms = Progress {
        learner: 9,
        ..assessment(3).progress.unwrap()
    };
    let resumed = suspend::resumed(&browser, from_lms.clone());
    assert_eq!(resumed.learner, 7);
    assert_eq!(
        resumed.results, from_lms.results,
        "and takes what the LMS kept"
    );
    let fresh = suspend::resumed(&Progress::default(), from_lms);
    assert_eq!(fresh.learner, 9, "a browser with none takes the LMS's");
}

#[test]
fn a_statement_worded_otherwise_has_another_id_and_the_same_wording_the_same() {
    let progress = assessment(15).progress.unwrap();
    let ids = |language: &'static str, name: Option<&str>| -> Vec<String> {
        let learner = Learner {
            id: progress.learner,
            name: name.map(str::to_owned),
        };
        statements(&progress.log, &learner, language, &|_| None)
            .into_iter()
            .map(|statement| statement.id)
            .collect()
    };
    assert_eq!(ids("en", None), ids("en", None));
    assert_eq!(
        ids("en", Some("Ada")),
        ids("en", Some(" Ada ")),
        "the name as it goes in"
    );
    let english = ids("en", None);
    for other in [ids("zh-TW", None), ids("en", Some("Ada"))] {
        assert!(english.iter().all(|id| !other.contains(id)), "no id shared");
    }
}
