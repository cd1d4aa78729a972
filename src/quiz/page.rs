//! The quiz view: it fetches the bank, opens saved progress, follows the quiz route,
//! saves after every change, and renders the home, a quiz, or results.

use std::rc::Rc;

use yew::prelude::*;

use super::bank::{Bank, Discipline};
use super::course;
use super::keeping::progress_tools;
use super::results::{discipline_name, Results, SharedResults};
use super::route::QuizRoute;
use super::runner::QuestionCard;
use super::saved::{LoadError, Notice, Progress};
use super::session::{resolve, Empty, Mode, MAX_SEED};
use super::state::{Load, Moment, QuizMsg, QuizState, Write};
use super::store::{self, BrowserJson, Local};
use super::vault;
use crate::format::counted;
use crate::i18n::{fill, Locale, Ui};
use crate::lms;
use crate::lms::record::MASTERY_DEFAULT;
use crate::lms::report::Health;

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub locale: Locale,
    /// The route's segments after `quiz`.
    pub tail: Vec<String>,
    /// Rewrites the quiz address in the URL in place: a quiz opened without a seed
    /// gets one.
    pub on_replace: Callback<String>,
}

#[component]
pub fn QuizPage(props: &QuizPageProps) -> Html {
    let locale = props.locale;
    let state = use_reducer(move || QuizState::new(locale, 0));
    let route = QuizRoute::parse(&props.tail);
    use_progress(&state);
    use_bank(
        state.dispatcher(),
        locale,
        matches!(state.bank, Load::Loading),
    );
    use_route(&state, &route, &props.on_replace);

    let ui = locale.ui();
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |msg: QuizMsg| dispatcher.dispatch(msg))
    };
    let body = match &route {
        QuizRoute::Home => home(ui, &state, &dispatch),
        QuizRoute::Take { .. } => take(locale, &state, &dispatch),
        QuizRoute::Result(scores) => html! { <SharedResults {locale} scores={scores.clone()} /> },
        QuizRoute::Unknown(_) => html! {
            <p class="notice">{ ui.quiz_unknown }{ " " }<a href={QuizRoute::Home.href()}>{ ui.quiz_back_home }</a></p>
        },
    };
    let lms_notice = state
        .lms_health
        .as_ref()
        .and_then(|health| lms_health_text(ui, health));
    html! {
        <div class="quiz">
            { for state.notices.iter().map(|notice| html! { <p class="notice" role="status">{ notice_text(ui, notice) }</p> }) }
            { for lms_notice.map(|text| html! { <p class="notice" role="status">{ text }</p> }) }
            { body }
        </div>
    }
}

/// What the learner must know of how their course takes the module's report; nothing
/// while all is well.
fn lms_health_text(ui: &Ui, health: &Health) -> Option<String> {
    match health {
        Health::Fine => None,
        Health::NotStarted { error } => Some(fill(ui.quiz_lms_not_started, &[("error", error)])),
        Health::Refused { element, error } => Some(fill(
            ui.quiz_lms_refused,
            &[("element", element), ("error", error)],
        )),
        Health::Over => Some(ui.quiz_lms_over.into()),
    }
}

fn notice_text(ui: &Ui, notice: &Notice) -> String {
    match notice {
        Notice::NotSaved => ui.quiz_notice_not_saved.into(),
        Notice::Corrupt { backup } => fill(ui.quiz_notice_corrupt, &[("backup", backup)]),
        Notice::FromTheFuture => ui.quiz_notice_future.into(),
        Notice::NewerElsewhere => ui.quiz_notice_newer_elsewhere.into(),
        Notice::Full => ui.quiz_notice_full.into(),
        Notice::SessionDropped => ui.quiz_notice_session_dropped.into(),
        Notice::FinishedElsewhere => ui.quiz_notice_finished_elsewhere.into(),
        Notice::Untouched => ui.quiz_notice_untouched.into(),
        Notice::SaveFailed => ui.quiz_notice_save_failed.into(),
        Notice::LmsUnreadable {
            backup: Some(backup),
        } => fill(ui.quiz_notice_lms_unreadable, &[("backup", backup)]),
        Notice::LmsUnreadable { backup: None } => ui.quiz_notice_lms_unreadable_lost.into(),
    }
}

/// Opens saved progress once, saves after every change while storage allows, and takes
/// in what other tabs save.
#[hook]
fn use_progress(state: &UseReducerHandle<QuizState>) {
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let today = store::today();
            let mut opened = vault::open(&Local, &BrowserJson, today, store::now_ms());
            // In an LMS, what it kept for the learner is added: another device's
            // progress, or this one's where the browser kept nothing.
            if let Some(text) = lms::bridge::suspended_progress() {
                match store::parse(&text, today) {
                    Ok(kept) => opened.progress = course::resumed(&opened.progress, kept),
                    Err(_) => {
                        lms::bridge::keep_suspend_data();
                        opened.notices.push(Notice::LmsUnreadable {
                            backup: vault::keep_backup(&Local, &text, store::now_ms()).ok(),
                        });
                    }
                }
            }
            dispatcher.dispatch(QuizMsg::Opened {
                progress: opened.progress,
                writable: opened.writable,
                notices: opened.notices,
                today,
                backups: vault::backups(&Local),
                learner: store::random_id(),
                mastery: lms::bridge::mastery().unwrap_or(MASTERY_DEFAULT),
            });
        });
    }
    {
        let saving = state.writable.then(|| {
            let ended = state.ended.clone();
            (state.progress.clone(), state.write, ended, state.today)
        });
        let dispatcher = state.dispatcher();
        use_effect_with(state.revision, move |&revision| {
            let Some((Some(progress), write, ended, today)) = saving else {
                return;
            };
            if revision == 0 {
                return;
            }
            // Read, merge and write under one lock, so that two tabs saving at once
            // take turns instead of each writing over what the other just merged.
            crate::platform::with_lock(vault::KEY, move || {
                let now = store::now_ms();
                let written = match write {
                    Write::Merge => {
                        vault::save(&Local, &BrowserJson, &progress, ended.as_ref(), today, now)
                    }
                    Write::Replace => vault::replace(
                        &Local,
                        &BrowserJson,
                        &progress,
                        store::random_id(),
                        today,
                        now,
                    ),
                };
                dispatcher.dispatch(match written {
                    Ok(progress) => QuizMsg::Saved {
                        revision,
                        progress,
                        backups: vault::backups(&Local),
                    },
                    Err(notice) => QuizMsg::SaveRefused(notice),
                });
            });
        });
    }
    {
        // In an LMS, the progress once opened, and every change after, is told to it
        // too, saved or not: it keeps the learner's progress where the browser cannot.
        let progress = state.progress.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((state.revision, progress.is_some()), move |_| {
            let Some(progress) = progress else {
                return;
            };
            let mut kept = None;
            if lms::bridge::connect() {
                let fitted = course::fit(&progress, &store::to_json);
                let suspend_data = fitted.as_ref().map(|(text, _)| text.as_str());
                lms::bridge::sync(&progress.log, suspend_data);
                kept = fitted.map(|(_, kept)| kept);
            }
            let health = lms::bridge::health();
            if health.is_some() {
                dispatcher.dispatch(QuizMsg::Lms { kept, health });
            }
        });
    }
    {
        // Whether the browser will keep the progress: asked once a quiz is finished,
        // when there is something worth keeping; only looked up before that.
        let dispatcher = state.dispatcher();
        use_effect_with(state.finished.is_some(), move |&finished| {
            wasm_bindgen_futures::spawn_local(async move {
                let kept = crate::platform::persistent_storage(finished).await;
                dispatcher.dispatch(QuizMsg::StorageKept(kept));
            });
        });
    }
    let dispatcher = state.dispatcher();
    let today = state.today;
    use_effect_with(today, move |&today| {
        let listener = web_sys::window().map(|window| {
            gloo::events::EventListener::new(&window, "storage", move |event| {
                match stored_elsewhere(event, today) {
                    Some(Ok(stored)) => dispatcher.dispatch(QuizMsg::StoredElsewhere(stored)),
                    // A newer release, open in another tab, has saved: this page stops
                    // saving at once, rather than at its next save.
                    Some(Err(LoadError::FromTheFuture(_))) => {
                        dispatcher.dispatch(QuizMsg::SaveRefused(Notice::NewerElsewhere))
                    }
                    Some(Err(LoadError::Corrupt)) | None => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// The progress another tab has just saved, from its `storage` event; None for an
/// event about anything else.
fn stored_elsewhere(event: &Event, today: i64) -> Option<Result<Progress, LoadError>> {
    use wasm_bindgen::JsCast;
    let event = event.dyn_ref::<web_sys::StorageEvent>()?;
    if event.key().as_deref() != Some(vault::KEY) {
        return None;
    }
    Some(store::parse(&event.new_value()?, today))
}

/// Fetches the bank whenever it is to be loaded: at first, and on Try again.
#[hook]
fn use_bank(dispatcher: UseReducerDispatcher<QuizState>, locale: Locale, loading: bool) {
    use_effect_with(loading, move |loading| {
        if *loading {
            wasm_bindgen_futures::spawn_local(async move {
                let bank = store::fetch_bank(locale.quiz_bank()).await.map(Rc::new);
                dispatcher.dispatch(QuizMsg::BankLoaded(bank));
            });
        }
    });
}

/// Takes the quiz the route asks for, once bank and progress are ready. A route without
/// a seed is given one in the URL first, so that the quiz can be shared: the seed of the
/// same quiz left unfinished, which it resumes (an embedded quiz reloaded, a practice
/// link followed again), or else a new one.
#[hook]
fn use_route(
    state: &UseReducerHandle<QuizState>,
    route: &QuizRoute,
    on_replace: &Callback<String>,
) {
    let opened = state.progress.is_some();
    let ready = matches!(state.bank, Load::Ready(_)) && opened;
    let unfinished = |mode: &Mode| {
        state
            .session()
            .filter(|session| session.mode == *mode && !session.finished())
            .map(|session| session.seed)
    };
    let resumable = match route {
        QuizRoute::Take { mode, seed: None } => unfinished(mode),
        _ => None,
    };
    let (dispatcher, on_replace) = (state.dispatcher(), on_replace.clone());
    use_effect_with(
        (route.clone(), opened, ready, resumable),
        move |(route, opened, ready, resumable)| {
            let QuizRoute::Take { mode, seed } = route else {
                return;
            };
            match seed {
                None if *opened => {
                    let with_seed = QuizRoute::Take {
                        mode: mode.clone(),
                        seed: Some(resumable.unwrap_or_else(store::random_seed)),
                    };
                    on_replace.emit(with_seed.address());
                }
                None => {}
                Some(seed) if *ready => dispatcher.dispatch(QuizMsg::Take {
                    mode: mode.clone(),
                    seed: *seed,
                    attempt: store::random_id(),
                }),
                Some(_) => {}
            }
        },
    );
}

fn bank_status(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Option<Html> {
    match &state.bank {
        Load::Ready(_) => None,
        Load::Loading => {
            Some(html! { <p class="quiz-loading" role="status">{ ui.quiz_loading }</p> })
        }
        Load::Failed(reason) => Some(html! {
            <div class="notice" role="alert">
                <p>{ fill(ui.quiz_load_failed, &[("reason", reason)]) }</p>
                <button type="button" class="quiz-button" onclick={dispatch.reform(|_| QuizMsg::Reload)}>{ ui.quiz_retry }</button>
            </div>
        }),
    }
}

fn take(locale: Locale, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    let ui = locale.ui();
    if let Some(status) = bank_status(ui, state, dispatch) {
        return status;
    }
    let Load::Ready(bank) = &state.bank else {
        return Html::default();
    };
    if let Some(empty) = state.empty {
        let message = match empty {
            Empty::NoQuestions => ui.quiz_empty_no_questions,
            Empty::NothingMissed => ui.quiz_empty_nothing_missed,
            Empty::NothingDue => ui.quiz_empty_nothing_due,
        };
        return html! { <p class="notice" role="status">{ message }{ " " }<a href={QuizRoute::Home.href()}>{ ui.quiz_back_home }</a></p> };
    }
    if let Some(session) = &state.finished {
        // The next seed, kept within what a save keeps exactly.
        let retake_seed = (session.seed + 1) % (MAX_SEED + 1);
        return html! { <Results {locale} bank={bank.clone()} session={session.clone()} {retake_seed} on_home={dispatch.reform(|()| QuizMsg::Home)} /> };
    }
    let Some(session) = state.session() else {
        // Finished in another tab: the notice above says so; no quiz is coming here.
        if state.notices.contains(&Notice::FinishedElsewhere) {
            return html! { <p><a href={QuizRoute::Home.href()}>{ ui.quiz_back_home }</a></p> };
        }
        return html! { <p class="quiz-loading" role="status">{ ui.quiz_loading }</p> };
    };
    let Some(item) = session.items.get(session.position) else {
        return Html::default();
    };
    let Some(question) = resolve(bank, ui, &item.question) else {
        return Html::default();
    };
    html! {
        <QuestionCard {locale} key={format!("{}-{}", session.seed, session.position)} {question}
            order={item.order.clone()} number={session.position + 1} total={session.items.len()}
            answered={session.answers.get(session.position).cloned().flatten()}
            on_answer={dispatch.reform(|(response, latency_ms)| QuizMsg::Answer(response, Moment { at_ms: store::now_ms(), latency_ms }))} on_next={dispatch.reform(|()| QuizMsg::Next(store::now_ms()))} />
    }
}

fn home(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    let progress = state.progress.clone().unwrap_or_default();
    let link = |route: QuizRoute, label: &str| html! { <a class="quiz-button" href={route.href()}>{ label.to_owned() }</a> };
    let practice = |topic: &str| QuizRoute::Take {
        mode: Mode::Practice(topic.to_owned()),
        seed: None,
    };
    let take = |mode| QuizRoute::Take { mode, seed: None };
    let due = progress.due(state.today);
    let resume = progress.session.as_ref().map(|session| {
        let route = QuizRoute::Take { mode: session.mode.clone(), seed: Some(session.seed) };
        let label = fill(ui.quiz_resume, &[("n", &(session.position + 1).min(session.items.len()).to_string()), ("total", &session.items.len().to_string())]);
        html! { <section class="quiz-box"><h3>{ ui.quiz_resume_title }</h3>{ link(route, &label) }</section> }
    });
    let topics = match &state.bank {
        Load::Ready(bank) => topic_list(ui, bank),
        _ => Html::default(),
    };
    html! {
        <>
            <h2 class="quiz-home-title">{ ui.quiz_home_title }</h2>
            { for resume }
            <section class="quiz-box">
                <h3>{ ui.quiz_practice_title }</h3>
                <p>{ ui.quiz_practice_hint }</p>
                <p class="quiz-links">
                    { for Discipline::ALL.iter().map(|d| link(practice(d.id()), discipline_name(ui, *d))) }
                </p>
                { topics }
            </section>
            <section class="quiz-box">
                <h3>{ ui.quiz_assessment_title }</h3>
                <p>{ ui.quiz_assessment_hint }</p>
                { link(take(Mode::Assessment), ui.quiz_start_assessment) }
            </section>
            <section class="quiz-box">
                <h3>{ ui.quiz_due_title }</h3>
                if due > 0 {
                    <p>{ counted(due, ui.quiz_due_count_one, ui.quiz_due_count) }</p>
                    { link(take(Mode::Due), ui.quiz_start_due) }
                } else {
                    <p>{ ui.quiz_due_none }</p>
                }
            </section>
            <section class="quiz-box">
                <h3>{ ui.quiz_retake_title }</h3>
                if progress.mistakes.is_empty() {
                    <p>{ ui.quiz_retake_none }</p>
                } else {
                    <p>{ counted(progress.mistakes.len(), ui.quiz_retake_count_one, ui.quiz_retake_count) }</p>
                    { link(take(Mode::Retake), ui.quiz_start_retake) }
                }
            </section>
            { results_list(ui, &progress) }
            { progress_tools(ui, state, dispatch) }
        </>
    }
}

/// Every topic of the bank, as links to practise it.
fn topic_list(ui: &Ui, bank: &Bank) -> Html {
    let mut topics: Vec<&str> = bank.questions.iter().map(|q| q.topic.as_str()).collect();
    topics.sort_unstable();
    topics.dedup();
    html! {
        <details class="quiz-topics">
            <summary>{ ui.quiz_topic_label }</summary>
            <ul>
                { for topics.into_iter().map(|topic| {
                    let route = QuizRoute::Take { mode: Mode::Practice(topic.to_owned()), seed: None };
                    html! { <li><a href={route.href()}>{ topic }</a></li> }
                }) }
            </ul>
        </details>
    }
}

fn results_list(ui: &Ui, progress: &super::saved::Progress) -> Html {
    if progress.results.is_empty() {
        return Html::default();
    }
    let lines = progress.results.iter().rev().take(5).map(|outcome| {
        let scores: Vec<String> = outcome
            .scores
            .iter()
            .filter_map(|(id, percent)| {
                Some(format!(
                    "{} {percent}%",
                    discipline_name(ui, Discipline::from_id(id)?)
                ))
            })
            .collect();
        let route = QuizRoute::Result(
            outcome
                .scores
                .iter()
                .filter_map(|(id, p)| Some((Discipline::from_id(id)?, *p)))
                .collect(),
        );
        html! { <li><a href={route.href()}>{ scores.join(" · ") }</a></li> }
    });
    html! { <section class="quiz-box"><h3>{ ui.quiz_results_title }</h3><ul>{ for lines }</ul></section> }
}
