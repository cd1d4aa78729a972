//! Keeping progress, as the reader sees it: export, import, reset, and the backups,
//! each replacement confirmed with what it will change.

use yew::prelude::*;

use super::bank::Discipline;
use super::course::Kept;
use super::results::discipline_name;
use super::saved::{LoadError, Progress};
use super::state::{Load, QuizMsg, QuizState, Replacement, Source};
use super::store::{self, BrowserJson, Local};
use super::vault::{self, Backup, BACKUPS_KEPT};
use crate::format::{counted, utc_minute};
use crate::i18n::Locale;
use crate::i18n::{fill, Ui};
use crate::lms::report::Health;
use crate::lms::xapi::{statement_count, statements, Learner, Named};

/// Export, import, reset and the backups, with the confirmation a replacement waits for.
pub fn progress_tools(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    let progress = state.progress.clone().unwrap_or_default();
    let export = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(notice) = store::download(&progress, "ops-trio-progress.json") {
                dispatch.emit(QuizMsg::SaveRefused(notice));
            }
        })
    };
    html! {
        <section class="quiz-box quiz-progress-tools">
            <h3>{ ui.quiz_progress_title }</h3>
            <p><button type="button" class="quiz-button" onclick={export}>{ ui.quiz_export }</button></p>
            if let Some(kept) = storage_note(ui, state) {
                <p class="quiz-storage-note">{ kept }</p>
            }
            // In an LMS, while its launch is open: what the course keeps.
            if let (Some(kept), Some(Health::Fine | Health::Refused { .. })) = (state.lms_kept, &state.lms_health) {
                { lms_kept(ui, &kept) }
            }
            <div class="field">
                <label for="quiz-import">{ ui.quiz_import_label }</label>
                <input type="file" id="quiz-import" accept=".json,application/json" onchange={import(state.today, dispatch)} />
            </div>
            if let Some(message) = status(ui, state) {
                <p role="status">{ message }</p>
            }
            if let Some(replacement) = &state.replacing {
                { confirmation(ui, state, replacement, dispatch) }
            } else {
                <p><button type="button" class="quiz-button" onclick={dispatch.reform(|_| QuizMsg::AskReset)}>{ ui.quiz_reset }</button></p>
            }
            { backups(ui, state, dispatch) }
            { records(ui, state, dispatch) }
        </section>
    }
}

/// The learner's records as xAPI statements, to download, with a name in them if the
/// learner types one.
fn records(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    let progress = state.progress.clone().unwrap_or_default();
    let count = statement_count(&progress.log);
    let download = {
        let (dispatch, locale, bank) = (dispatch.clone(), state.locale, state.bank.clone());
        Callback::from(move |_: MouseEvent| {
            let learner = Learner {
                id: progress.learner,
                name: crate::platform::input_value(RECORDS_NAME_FIELD),
            };
            let name_of = |named: Named| activity_name(locale, &bank, named);
            let statements = statements(&progress.log, &learner, locale.tag(), &name_of);
            if let Err(notice) =
                store::download_statements(&statements, "ops-trio-xapi-statements.json")
            {
                dispatch.emit(QuizMsg::SaveRefused(notice));
            }
        })
    };
    html! {
        <div class="quiz-records">
            <h4>{ ui.quiz_records_title }</h4>
            <p>{ ui.quiz_records_hint }</p>
            if count == 0 {
                <p>{ ui.quiz_records_none }</p>
            } else {
                <div class="field">
                    <label for={RECORDS_NAME_FIELD}>{ ui.quiz_records_name_label }</label>
                    <input type="text" id={RECORDS_NAME_FIELD} autocomplete="name" />
                </div>
                <p>
                    <button type="button" class="quiz-button" onclick={download}>{ ui.quiz_records_download }</button>
                    { " " }{ counted(count, ui.quiz_records_count_one, ui.quiz_records_count) }
                </p>
            }
        </div>
    }
}

/// The field where the learner may type a name for their records.
const RECORDS_NAME_FIELD: &str = "quiz-records-name";

/// What the LMS keeps of the progress: all of it, or a list of what it has.
fn lms_kept(ui: &Ui, kept: &Kept) -> Html {
    if !kept.trimmed {
        return html! { <p class="quiz-lms-kept">{ ui.quiz_lms_kept_all }</p> };
    }
    let of = |template: &str, kept: usize, total: usize| {
        (total > 0).then(|| {
            fill(
                template,
                &[("kept", &kept.to_string()), ("total", &total.to_string())],
            )
        })
    };
    let parts = [
        (kept.session).then(|| ui.quiz_lms_kept_session.to_owned()),
        of(ui.quiz_lms_kept_results, kept.results, kept.results_total),
        of(
            ui.quiz_lms_kept_mistakes,
            kept.mistakes,
            kept.mistakes_total,
        ),
        of(ui.quiz_lms_kept_cards, kept.cards, kept.cards_total),
    ];
    html! {
        <div class="quiz-lms-kept">
            <p>{ ui.quiz_lms_kept_part }</p>
            <ul>{ for parts.into_iter().flatten().map(|part| html! { <li>{ part }</li> }) }</ul>
        </div>
    }
}

/// An activity's name in the learner's language: a question's prompt, from the bank
/// when it still has the question; a quiz's title.
fn activity_name(locale: Locale, bank: &Load, named: Named) -> Option<String> {
    let ui = locale.ui();
    match named {
        Named::Question(id) => match bank {
            Load::Ready(bank) => bank.question(id).map(|question| question.prompt.clone()),
            Load::Loading | Load::Failed(_) => None,
        },
        Named::Quiz("assessment") => Some(ui.quiz_assessment_title.into()),
        Named::Quiz("retake") => Some(ui.quiz_retake_title.into()),
        Named::Quiz("due") => Some(ui.quiz_due_title.into()),
        Named::Quiz(quiz) => quiz.strip_prefix("practice/").map(|topic| {
            // A discipline by its name; a topic by its path, as the topic list shows it.
            let topic = Discipline::from_id(topic).map_or(topic, |d| discipline_name(ui, d));
            fill(ui.quiz_practice_named, &[("topic", topic)])
        }),
    }
}

/// Whether the browser will keep the progress, once there is progress to keep: where it
/// may not (Safari clears a site's data after seven days without a visit), the reader
/// is told to export it.
fn storage_note(ui: &Ui, state: &QuizState) -> Option<&'static str> {
    let progress = state.progress.as_ref()?;
    if progress.results.is_empty() || !state.writable {
        return None;
    }
    match state.storage_kept? {
        true => Some(ui.quiz_storage_kept),
        false => Some(ui.quiz_storage_may_go),
    }
}

/// Reads the chosen file and offers it in place of the reader's progress.
fn import(today: i64, dispatch: &Callback<QuizMsg>) -> Callback<Event> {
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
                Err(_) => Err(LoadError::Corrupt),
            };
            dispatch.emit(QuizMsg::Offer(Source::Import, result));
        });
    })
}

/// What the last import, reset or restore came to.
fn status(ui: &Ui, state: &QuizState) -> Option<&'static str> {
    if let Some(error) = &state.refused {
        return Some(match error {
            LoadError::Corrupt => ui.quiz_import_failed,
            LoadError::FromTheFuture(_) => ui.quiz_import_future,
        });
    }
    state.replaced.as_ref().map(|source| match source {
        Source::Import => ui.quiz_imported,
        Source::Backup(_) => ui.quiz_restored,
        Source::Reset => ui.quiz_reset_done,
    })
}

/// The question a replacement waits on, with what it changes and the backup it makes.
fn confirmation(
    ui: &Ui,
    state: &QuizState,
    replacement: &Replacement,
    dispatch: &Callback<QuizMsg>,
) -> Html {
    let (question, yes) = match &replacement.source {
        Source::Import => (ui.quiz_import_confirm.to_owned(), ui.quiz_import_yes),
        Source::Reset => (ui.quiz_reset_confirm.to_owned(), ui.quiz_reset_yes),
        Source::Backup(key) => {
            let date = backup_date(ui, &state.backups, key);
            (
                fill(ui.quiz_restore_confirm, &[("date", &date)]),
                ui.quiz_restore_yes,
            )
        }
    };
    let now = state.progress.clone().unwrap_or_default();
    html! {
        <div role="alertdialog" aria-labelledby="quiz-replace-question" aria-describedby="quiz-replace-change" class="quiz-confirm">
            <p id="quiz-replace-question"><strong>{ question }</strong></p>
            <div id="quiz-replace-change">
                <p>{ summary(ui, ui.quiz_replace_now, &now) }</p>
                <p>{ summary(ui, ui.quiz_replace_after, &replacement.progress) }</p>
                if state.writable {
                    <p>{ ui.quiz_replace_kept }</p>
                }
            </div>
            <button type="button" class="quiz-button is-danger" onclick={dispatch.reform(|_| QuizMsg::ConfirmReplace)}>{ yes }</button>
            <button type="button" class="quiz-button" onclick={dispatch.reform(|_| QuizMsg::CancelReplace)}>{ ui.quiz_reset_no }</button>
        </div>
    }
}

/// "Now: 12 questions reviewed, 3 results, a quiz in progress."
fn summary(ui: &Ui, template: &str, progress: &Progress) -> String {
    let session = if progress.session.is_some() {
        ui.quiz_replace_session
    } else {
        ui.quiz_replace_no_session
    };
    fill(
        template,
        &[
            (
                "cards",
                &counted(
                    progress.cards.len(),
                    ui.quiz_replace_cards_one,
                    ui.quiz_replace_cards,
                ),
            ),
            (
                "results",
                &counted(
                    progress.results.len(),
                    ui.quiz_replace_results_one,
                    ui.quiz_replace_results,
                ),
            ),
            ("session", session),
        ],
    )
}

fn backup_date(ui: &Ui, backups: &[Backup], key: &str) -> String {
    backups
        .iter()
        .find(|backup| backup.key == key)
        .map(|backup| utc_minute(ui, backup.made_ms))
        .unwrap_or_default()
}

/// The backups kept, each with a button to restore it (after confirming).
fn backups(ui: &Ui, state: &QuizState, dispatch: &Callback<QuizMsg>) -> Html {
    if state.backups.is_empty() {
        return Html::default();
    }
    let today = state.today;
    let rows = state.backups.iter().map(|backup| {
        let date = utc_minute(ui, backup.made_ms);
        let onclick = {
            let (dispatch, key) = (dispatch.clone(), backup.key.clone());
            Callback::from(move |_: MouseEvent| {
                let read = vault::read_backup(&Local, &BrowserJson, &key, today);
                dispatch.emit(QuizMsg::Offer(Source::Backup(key.clone()), read));
            })
        };
        html! {
            <li>
                { date.clone() }{ " " }
                <button type="button" class="quiz-button" {onclick}
                    aria-label={fill(ui.quiz_backup_restore, &[("date", &date)])}>{ ui.quiz_restore_yes }</button>
            </li>
        }
    });
    html! {
        <details class="quiz-backups">
            <summary>{ ui.quiz_backups_title }{ " (" }{ state.backups.len() }{ ")" }</summary>
            <p>{ fill(ui.quiz_backups_hint, &[("count", &BACKUPS_KEPT.to_string())]) }</p>
            <ul>{ for rows }</ul>
        </details>
    }
}
