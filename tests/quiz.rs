//! The question bank as data, and the quiz engine on it: every question can be solved,
//! quizzes are reproducible by seed, and each mode draws what it should.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ops_trio::i18n::Locale;
use ops_trio::quiz::bank::{authored, validate, Bank, Body, Discipline};
use ops_trio::quiz::scoring::grade;
use ops_trio::quiz::session::{Empty, History, Mode, QuestionRef, Session};
use ops_trio::quiz::srs::{Card, Rating};

#[path = "support/answers.rs"]
mod answers;
use answers::{right_answer, wrong_answer};

fn bank() -> Bank {
    authored::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/content/en/quiz"
    )))
    .expect("the English bank parses")
}

/// Draws a quiz for a reader with no history yet.
fn draw(bank: &Bank, mode: Mode, seed: u64) -> Result<Session, Empty> {
    let cards = BTreeMap::new();
    Session::draw(
        bank,
        mode,
        seed,
        &History {
            mistakes: &[],
            cards: &cards,
            today: 0,
        },
    )
}

#[test]
fn the_bank_is_large_and_covers_every_discipline() {
    let bank = bank();
    assert!(
        bank.questions.len() >= 120,
        "{} questions",
        bank.questions.len()
    );
    for discipline in [Discipline::DevOps, Discipline::Sre, Discipline::DevSecOps] {
        let count = bank
            .questions
            .iter()
            .filter(|q| q.discipline() == Some(discipline))
            .count();
        assert!(count >= 30, "{discipline:?} has {count} questions");
    }
    for discipline in [Discipline::Together, Discipline::MlOps] {
        assert!(
            bank.questions
                .iter()
                .any(|q| q.discipline() == Some(discipline)),
            "{discipline:?}"
        );
    }
    let kinds: HashSet<&str> = bank
        .questions
        .iter()
        .map(|q| match q.body {
            Body::Single(_) => "single",
            Body::Multiple(_) => "multiple",
            Body::TrueFalse(_) => "true_false",
            Body::Ordering(_) => "ordering",
            Body::Matching(_) => "matching",
            Body::Numeric(_) => "numeric",
        })
        .collect();
    assert_eq!(kinds.len(), 6, "every kind of question: {kinds:?}");
}

/// Like Learn Git Branching's test that solves every level: each question is answered
/// right from its data and earns full credit, and answered wrong earns less.
#[test]
fn every_question_can_be_solved_and_failed() {
    for question in bank().questions {
        assert_eq!(
            grade(&question.body, &right_answer(&question.body)),
            1.0,
            "{}",
            question.id
        );
        assert!(
            grade(&question.body, &wrong_answer(&question.body)) < 1.0,
            "{}",
            question.id
        );
    }
}

#[test]
fn the_same_seed_draws_the_same_quiz_and_another_seed_another() {
    let bank = bank();
    let assessment = |seed| draw(&bank, Mode::Assessment, seed).unwrap();
    assert_eq!(assessment(42), assessment(42));
    assert_ne!(assessment(42).items, assessment(43).items);
}

#[test]
fn an_assessment_asks_five_of_each_core_discipline() {
    let bank = bank();
    let session = draw(&bank, Mode::Assessment, 7).unwrap();
    assert_eq!(session.items.len(), 15);
    let mut per_discipline: BTreeMap<Discipline, usize> = BTreeMap::new();
    for item in &session.items {
        let QuestionRef::Bank(id) = &item.question else {
            panic!("assessments ask bank questions")
        };
        *per_discipline
            .entry(bank.question(id).unwrap().discipline().unwrap())
            .or_default() += 1;
    }
    assert_eq!(
        per_discipline.values().copied().collect::<Vec<_>>(),
        [5, 5, 5]
    );
}

#[test]
fn practice_stays_on_its_topic_and_error_budgets_are_generated() {
    let bank = bank();
    let culture = draw(&bank, Mode::Practice("devops/calms/culture".into()), 1).unwrap();
    for item in &culture.items {
        let QuestionRef::Bank(id) = &item.question else {
            panic!("no generated question on culture")
        };
        assert_eq!(bank.question(id).unwrap().topic, "devops/calms/culture");
    }
    let sre = draw(&bank, Mode::Practice("sre".into()), 1).unwrap();
    assert_eq!(sre.items.len(), 10);
    let generated = sre
        .items
        .iter()
        .filter(|i| matches!(i.question, QuestionRef::Generated(_)))
        .count();
    assert_eq!(generated, 2);
    assert_eq!(
        draw(&bank, Mode::Practice("kubernetes".into()), 1),
        Err(Empty::NoQuestions)
    );
}

#[test]
fn a_retake_asks_the_mistakes_and_a_review_what_is_due() {
    let bank = bank();
    let ids: Vec<String> = bank
        .questions
        .iter()
        .take(3)
        .map(|q| q.id.clone())
        .collect();
    let mut cards = BTreeMap::new();
    cards.insert(ids[0].clone(), Card::first(Rating::Again, 10)); // due on day 11
    cards.insert(ids[1].clone(), Card::first(Rating::Good, 10)); // due on day 13
    let mistakes = vec![ids[2].clone(), "no-such-question".into()];
    let history = History {
        mistakes: &mistakes,
        cards: &cards,
        today: 11,
    };
    let retake = Session::draw(&bank, Mode::Retake, 5, &history).unwrap();
    assert_eq!(
        retake
            .items
            .iter()
            .map(|i| i.question.clone())
            .collect::<Vec<_>>(),
        [QuestionRef::Bank(ids[2].clone())]
    );
    let due = Session::draw(&bank, Mode::Due, 5, &history).unwrap();
    assert_eq!(
        due.items
            .iter()
            .map(|i| i.question.clone())
            .collect::<Vec<_>>(),
        [QuestionRef::Bank(ids[0].clone())]
    );
    let nothing = History {
        mistakes: &[],
        cards: &cards,
        today: 10,
    };
    assert_eq!(
        Session::draw(&bank, Mode::Retake, 5, &nothing),
        Err(Empty::NothingMissed)
    );
    assert_eq!(
        Session::draw(&bank, Mode::Due, 5, &nothing),
        Err(Empty::NothingDue)
    );
}

#[test]
fn a_whole_quiz_answered_right_scores_full_marks_and_leaves_no_mistakes() {
    let bank = bank();
    let mut session = draw(&bank, Mode::Assessment, 3).unwrap();
    while !session.finished() {
        let QuestionRef::Bank(id) = &session.items[session.position].question else {
            unreachable!()
        };
        let question = bank.question(id).unwrap().clone();
        session.answer(&question, right_answer(&question.body));
        session.next();
    }
    let scores = session.scores(&bank, Locale::En.ui());
    assert_eq!(scores.total.percent(), 100);
    assert!(session.missed().is_empty());
}

const VALID: &str = r#"
[[question]]
id = "t-1"
topic = "sre/toil"
difficulty = "easy"
seed = "sre-toil"
kind = "single"
prompt = "Which is toil?"
[[question.options]]
text = "Manual, repetitive work"
correct = true
explanation = "That is how the article defines toil."
[[question.options]]
text = "Designing a new architecture"
correct = false
explanation = "That is engineering work."
"#;

fn problems(text: &str) -> Vec<String> {
    let questions = authored::parse(text).expect("parses");
    validate(&Bank { questions }, &["sre-toil"], 1)
}

#[test]
fn the_validator_refuses_what_a_quiz_could_not_use() {
    assert_eq!(problems(VALID), Vec::<String>::new());
    let two_right = VALID.replace("correct = false", "correct = true");
    assert!(
        problems(&two_right)
            .iter()
            .any(|p| p.contains("2 right of 2 options")),
        "{:?}",
        problems(&two_right)
    );
    let unexplained = VALID.replace(
        "explanation = \"That is engineering work.\"",
        "explanation = \" \"",
    );
    assert!(problems(&unexplained)
        .iter()
        .any(|p| p.contains("explanation")));
    let unknown_seed = VALID.replace("seed = \"sre-toil\"", "seed = \"nowhere\"");
    assert!(problems(&unknown_seed)
        .iter()
        .any(|p| p.contains("unknown seed section")));
    let twice = format!("{VALID}{}", &VALID[VALID.find("[[question]]").unwrap()..]);
    assert!(problems(&twice).iter().any(|p| p.contains("duplicate id")));
    let same_prompt = twice.replacen("id = \"t-1\"", "id = \"t-2\"", 1);
    assert_eq!(
        problems(&same_prompt),
        vec!["question \"t-1\": same prompt as question \"t-2\"".to_string()]
    );
    let questions = authored::parse(VALID).unwrap();
    let thin = validate(&Bank { questions }, &["sre-toil"], 3);
    assert!(
        thin.iter()
            .any(|p| p.contains("tested by 1 questions, fewer than 3")),
        "{thin:?}"
    );
}

#[test]
fn a_question_missing_a_field_is_refused_by_name() {
    let error = authored::parse(&VALID.replace("prompt = \"Which is toil?\"\n", "")).unwrap_err();
    assert!(error.contains("prompt"), "{error}");
    let error = authored::parse(&VALID.replace("kind = \"single\"\n", "")).unwrap_err();
    assert!(error.contains("kind"), "{error}");
}

#[test]
fn the_bank_file_is_named_by_its_bytes_under_the_name_the_app_fetches() {
    let bank = bank();
    let (name, json) = authored::published(&bank, "en").expect("the bank serialises");
    assert_eq!(name, Locale::En.quiz_bank(), "build.rs baked this name in");
    let read_back: Bank = serde_json::from_str(&json).expect("the file is the bank as JSON");
    assert_eq!(read_back, bank);
    // Any edit gives the file another name, so no cache serves an old bank for it.
    let mut edited = bank.clone();
    edited.questions.pop();
    let (other, _) = authored::published(&edited, "en").expect("the bank serialises");
    assert_ne!(other, name);
}
