//! Any save the loader accepts, opened against the real bank, answered to the end
//! and rendered natively: no panic, and a session that stays consistent.

use std::rc::Rc;

use ops_trio::i18n::Locale;
use ops_trio::quiz::bank::{authored, Bank, Body, Response};
use ops_trio::quiz::generated::{Generated, GeneratedWindow};
use ops_trio::quiz::saved::{self, Progress};
use ops_trio::quiz::session::{Answered, Item, Mode, QuestionRef, Session};
use ops_trio::quiz::state::{Moment, QuizMsg, QuizState};
use ops_trio::quiz::{QuestionCard, QuestionCardProps, Results, ResultsProps};
use proptest::prelude::*;
use yew::{Callback, LocalServerRenderer};

use super::{session as unit_session, BrowserRules, Codec, MAX_SEED, TODAY};

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
        prop_oneof![9 => 0u64..1_000, 1 => Just(MAX_SEED + 1)],
    )
        .prop_map(|(items, position, answers, luck, seed)| {
            let ui = Locale::En.ui();
            let answers = items
                .iter()
                .zip(answers)
                .enumerate()
                .map(|(at, (item, (roll, stray, credit)))| {
                    let question = ops_trio::quiz::session::resolve(&bank(), ui, &item.question);
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
                learner: 9,
                mastery: 80,
            })
            // As the route hands it over: a seed JSON cannot keep is none, and the
            // page picks one.
            .update(QuizMsg::Take {
                mode: session.mode.clone(),
                seed: Some(session.seed).filter(|s| *s <= MAX_SEED).unwrap_or(1),
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
                .update(QuizMsg::Answer(an_answer(&question.body, &item.order), Moment::default()))
                .update(QuizMsg::Next(0));
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
            learner: 9,
            mastery: 80,
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
        ..unit_session(3)
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
