//! The quiz view: it fetches the bank, opens saved progress, follows the quiz route,
//! saves after every change, and renders the home, a quiz, or results.

use std::rc::Rc;

use yew::prelude::*;

use super::bank::{Bank, Discipline};
use super::results::{discipline_name, Results, SharedResults};
use super::route::QuizRoute;
use super::runner::QuestionCard;
use super::saved::Notice;
use super::session::{resolve, Empty, Mode};
use super::state::{Imported, Load, QuizMsg, QuizState};
use super::store;
use crate::i18n::{fill, Locale, Ui};

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
    html! {
        <div class="quiz">
            { for state.notices.iter().map(|notice| html! { <p class="notice" role="status">{ notice_text(ui, notice) }</p> }) }
            { body }
        </div>
    }
}

fn notice_text(ui: &Ui, notice: &Notice) -> String {
    match notice {
        Notice::NotSaved => ui.quiz_notice_not_saved.into(),
        Notice::Corrupt { backup } => fill(ui.quiz_notice_corrupt, &[("backup", backup)]),
        Notice::FromTheFuture { backup } => fill(ui.quiz_notice_future, &[("backup", backup)]),
        Notice::Untouched => ui.quiz_notice_untouched.into(),
        Notice::SaveFailed => ui.quiz_notice_save_failed.into(),
    }
}

/// Opens saved progress once, then saves after every change while storage allows.
#[hook]
fn use_progress(state: &UseReducerHandle<QuizState>) {
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let today = store::today();
            let opened = store::open(today);
            dispatcher.dispatch(QuizMsg::Opened {
                progress: opened.progress,
                persistent: opened.persistent,
                notices: opened.notices,
                today,
            });
        });
    }
    let saving = state.persistent.then(|| state.progress.clone()).flatten();
    let dispatcher = state.dispatcher();
    use_effect_with(state.revision, move |revision| {
        if let (Some(progress), true) = (saving, *revision > 0) {
            if store::save(&progress).is_err() {
                dispatcher.dispatch(QuizMsg::SaveFailed);
            }
        }
    });
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

/// Takes the quiz the route asks for, once bank and progress are ready; a route without
/// a seed is given one in the URL first, so that the quiz can be shared.
#[hook]
fn use_route(
    state: &UseReducerHandle<QuizState>,
    route: &QuizRoute,
    on_replace: &Callback<String>,
) {
    let ready = matches!(state.bank, Load::Ready(_)) && state.progress.is_some();
    let (dispatcher, on_replace) = (state.dispatcher(), on_replace.clone());
    use_effect_with((route.clone(), ready), move |(route, ready)| {
        let QuizRoute::Take { mode, seed } = route else {
            return;
        };
        match seed {
            None => {
                let with_seed = QuizRoute::Take {
                    mode: mode.clone(),
                    seed: Some(store::random_seed()),
                };
                on_replace.emit(with_seed.address());
            }
            Some(seed) if *ready => dispatcher.dispatch(QuizMsg::Take {
                mode: mode.clone(),
                seed: *seed,
            }),
            Some(_) => {}
        }
    });
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
        let retake_seed = session.seed.wrapping_add(1);
        return html! { <Results {locale} bank={bank.clone()} session={session.clone()} {retake_seed} on_home={dispatch.reform(|()| QuizMsg::Home)} /> };
    }
    let Some(session) = state.session() else {
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
            on_answer={dispatch.reform(QuizMsg::Answer)} on_next={dispatch.reform(|()| QuizMsg::Next)} />
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
                    <p>{ fill(ui.quiz_due_count, &[("count", &due.to_string())]) }</p>
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
                    <p>{ fill(ui.quiz_retake_count, &[("count", &progress.mistakes.len().to_string())]) }</p>
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

/// Export, import and reset.
fn progress_tools(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    let progress = state.progress.clone().unwrap_or_default();
    let export = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if store::download(&progress, "ops-trio-progress.json").is_err() {
                dispatch.emit(QuizMsg::SaveFailed);
            }
        })
    };
    let today = state.today;
    let import = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match store::read_file(file).await {
                    Ok(text) => store::parse(&text, today),
                    Err(_) => Err(super::saved::LoadError::Corrupt),
                };
                dispatch.emit(QuizMsg::Imported(result));
            });
        })
    };
    let imported = state.imported.map(|imported| match imported {
        Imported::Done => ui.quiz_imported,
        Imported::Refused => ui.quiz_import_failed,
        Imported::FromTheFuture => ui.quiz_import_future,
    });
    html! {
        <section class="quiz-box quiz-progress-tools">
            <h3>{ ui.quiz_progress_title }</h3>
            <p><button type="button" class="quiz-button" onclick={export}>{ ui.quiz_export }</button></p>
            <div class="field">
                <label for="quiz-import">{ ui.quiz_import_label }</label>
                <input type="file" id="quiz-import" accept=".json,application/json" onchange={import} />
            </div>
            if let Some(message) = imported {
                <p role="status">{ message }</p>
            }
            if state.confirming_reset {
                <div role="alertdialog" aria-labelledby="quiz-reset-question" class="quiz-confirm">
                    <p id="quiz-reset-question">{ ui.quiz_reset_confirm }</p>
                    <button type="button" class="quiz-button is-danger" onclick={dispatch.reform(|_| QuizMsg::ConfirmReset)}>{ ui.quiz_reset_yes }</button>
                    <button type="button" class="quiz-button" onclick={dispatch.reform(|_| QuizMsg::CancelReset)}>{ ui.quiz_reset_no }</button>
                </div>
            } else {
                <p><button type="button" class="quiz-button" onclick={dispatch.reform(|_| QuizMsg::AskReset)}>{ ui.quiz_reset }</button></p>
            }
            if state.reset_done {
                <p role="status">{ ui.quiz_reset_done }</p>
            }
        </section>
    }
}
