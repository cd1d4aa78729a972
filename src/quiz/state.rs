//! The quiz page's state and its update: the bank once fetched, the reader's progress,
//! the quiz being taken, and what the reader must be told. Pure, like every update in
//! the module; the page performs the effects (fetch, storage) and sends the results in.

use std::rc::Rc;

use super::bank::Bank;
use super::course::Kept;
use super::route::mode_path;
use super::saved::{LoadError, Notice, Outcome, Progress};
use super::scoring::Response;
use super::scoring::Scores;
use super::session::{resolve, Empty, History, Mode, Session};
use super::vault::{merge, Backup};
use crate::i18n::{Locale, Ui};
use crate::lms::interaction::Interaction;
use crate::lms::record::{record, Answer, Entry, Finish, MASTERY_DEFAULT};
use crate::lms::report::Health;

/// The question bank, as it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Failed(String),
    Ready(Rc<Bank>),
}

/// Where progress that would replace the reader's comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file the reader imported.
    Import,
    /// A backup, by key.
    Backup(String),
    /// Nothing: a reset.
    Reset,
}

/// Progress offered in place of the reader's, waiting for them to confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub source: Source,
    pub progress: Progress,
}

/// How the next save writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// Merged with what is stored: the usual way.
    Merge,
    /// In place of what is stored, backed up first: the reader confirmed a replacement.
    Replace,
}

/// When an answer was given, and after how long.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moment {
    /// Milliseconds since 1970.
    pub at_ms: u64,
    /// How long the question was shown first.
    pub latency_ms: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub locale: Locale,
    pub bank: Load,
    /// Progress, once read from storage.
    pub progress: Option<Progress>,
    /// Whether progress may be written back.
    pub writable: bool,
    pub notices: Vec<Notice>,
    pub today: i64,
    /// Counts changes to progress, so the page saves once per change.
    pub revision: u32,
    /// How the change of this revision is to be written.
    pub write: Write,
    /// The quiz just finished, for its results page.
    pub finished: Option<Session>,
    /// The last quiz this page ended, finished or dropped, so that a save does not take
    /// its stored copy back from another tab's.
    pub ended: Option<Session>,
    /// Why no quiz could be drawn for the route.
    pub empty: Option<Empty>,
    /// The backups kept, newest first.
    pub backups: Vec<Backup>,
    /// Progress offered in place of the reader's, to confirm or cancel.
    pub replacing: Option<Replacement>,
    /// The last replacement done, to report.
    pub replaced: Option<Source>,
    /// Why the last file or backup offered could not be read.
    pub refused: Option<LoadError>,
    /// Whether the browser keeps this site's storage until the reader clears it; None
    /// until known, or where the browser cannot say.
    pub storage_kept: Option<bool>,
    /// The score that passes an assessment, in percent: an LMS's, or the default.
    pub mastery: u8,
    /// In an LMS, how much of the progress it keeps (see `quiz::course`).
    pub lms_kept: Option<Kept>,
    /// In an LMS, how it takes what the module sends.
    pub lms_health: Option<Health>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuizMsg {
    BankLoaded(Result<Rc<Bank>, String>),
    /// Fetching again, after a failure.
    Reload,
    Opened {
        progress: Progress,
        writable: bool,
        notices: Vec<Notice>,
        today: i64,
        backups: Vec<Backup>,
        /// An id for the learner's records, taken if the progress has none yet.
        learner: u64,
        /// The score that passes an assessment.
        mastery: u8,
    },
    /// The route asks for this quiz, with this seed: resume it, or draw it as a new
    /// attempt (a random number, see `Session::attempt`).
    Take {
        mode: Mode,
        seed: u64,
        attempt: u64,
    },
    Answer(Response, Moment),
    /// On from the question answered, at this moment (milliseconds since 1970): past the
    /// last, the quiz is finished then.
    Next(u64),
    /// Progress read from a file or a backup, to offer in place of the reader's.
    Offer(Source, Result<Progress, LoadError>),
    AskReset,
    ConfirmReplace,
    CancelReplace,
    /// The save of `revision` wrote `progress`: the reader's merged with what another
    /// tab had stored.
    Saved {
        revision: u32,
        progress: Progress,
        backups: Vec<Backup>,
    },
    /// Another tab saved this progress.
    StoredElsewhere(Progress),
    /// A save was refused, for the reason told.
    SaveRefused(Notice),
    /// Whether the browser keeps this site's storage (see `storage_kept`).
    StorageKept(Option<bool>),
    /// Leaving a quiz's results or empty page, for the home.
    Home,
    /// After telling the LMS: how much of the progress it keeps, and how it took it.
    Lms {
        kept: Option<Kept>,
        health: Option<Health>,
    },
}

impl QuizState {
    pub fn new(locale: Locale, today: i64) -> QuizState {
        QuizState {
            locale,
            bank: Load::Loading,
            progress: None,
            writable: false,
            notices: Vec::new(),
            today,
            revision: 0,
            write: Write::Merge,
            finished: None,
            ended: None,
            empty: None,
            backups: Vec::new(),
            replacing: None,
            replaced: None,
            refused: None,
            storage_kept: None,
            mastery: MASTERY_DEFAULT,
            lms_kept: None,
            lms_health: None,
        }
    }

    /// The quiz being taken, if any.
    pub fn session(&self) -> Option<&Session> {
        self.progress.as_ref()?.session.as_ref()
    }

    pub fn update(mut self, msg: QuizMsg) -> QuizState {
        let ui = self.locale.ui();
        // A session this tab takes as its own is checked against the bank; one merged
        // in from another tab stays that tab's until this one resumes it.
        let may_bring_a_session = matches!(
            msg,
            QuizMsg::BankLoaded(_) | QuizMsg::Opened { .. } | QuizMsg::ConfirmReplace
        );
        match msg {
            QuizMsg::BankLoaded(Ok(bank)) => self.bank = Load::Ready(bank),
            QuizMsg::BankLoaded(Err(reason)) => self.bank = Load::Failed(reason),
            QuizMsg::Reload => self.bank = Load::Loading,
            QuizMsg::Opened {
                progress,
                writable,
                notices,
                today,
                backups,
                learner,
                mastery,
            } => {
                let learner = match progress.learner {
                    0 => learner,
                    kept => kept,
                };
                self.progress = Some(Progress {
                    learner,
                    ..progress
                });
                self.mastery = mastery;
                self.today = today;
                self.writable = writable;
                self.notices = notices;
                self.backups = backups;
            }
            QuizMsg::Take {
                mode,
                seed,
                attempt,
            } => self.take(mode, seed, attempt, ui),
            QuizMsg::Answer(response, moment) => self.answer(response, moment, ui),
            QuizMsg::Next(at_ms) => self.next(at_ms, ui),
            QuizMsg::Offer(source, Ok(progress)) => {
                self.replacing = Some(Replacement { source, progress });
                (self.refused, self.replaced) = (None, None);
            }
            QuizMsg::Offer(_, Err(error)) => (self.refused, self.replaced) = (Some(error), None),
            QuizMsg::AskReset => {
                self.replacing = Some(Replacement {
                    source: Source::Reset,
                    progress: Progress::default(),
                });
                (self.refused, self.replaced) = (None, None);
            }
            QuizMsg::CancelReplace => self.replacing = None,
            QuizMsg::ConfirmReplace => {
                if let Some(Replacement { source, progress }) = self.replacing.take() {
                    self.progress = Some(progress);
                    self.replaced = Some(source);
                    self.finished = None;
                    self.changed(Write::Replace);
                }
            }
            QuizMsg::Saved {
                revision,
                progress,
                backups,
            } => {
                self.backups = backups;
                // A change made since that save is kept; the next save merges again.
                if revision == self.revision {
                    self.progress = Some(progress);
                    self.write = Write::Merge;
                }
            }
            QuizMsg::StoredElsewhere(stored) => {
                if let Some(mine) = &self.progress {
                    let merged = merge(&stored, mine, self.ended.as_ref());
                    let gone = mine.session.is_some() && merged.session.is_none();
                    if gone && !self.notices.contains(&Notice::FinishedElsewhere) {
                        self.notices.push(Notice::FinishedElsewhere);
                    }
                    self.progress = Some(merged);
                }
            }
            QuizMsg::SaveRefused(notice) => {
                if notice == Notice::NewerElsewhere {
                    self.writable = false;
                }
                if !self.notices.contains(&notice) {
                    self.notices.push(notice);
                }
            }
            QuizMsg::StorageKept(kept) => self.storage_kept = kept,
            QuizMsg::Home => (self.finished, self.empty) = (None, None),
            QuizMsg::Lms { kept, health } => (self.lms_kept, self.lms_health) = (kept, health),
        }
        if may_bring_a_session {
            self.fit_session(ui);
        }
        self
    }

    /// Drops a quiz in progress that no longer fits the bank (see `Session::fitted`),
    /// and tells the reader; its stored copy goes at the next save.
    fn fit_session(&mut self, ui: &Ui) {
        let (Load::Ready(bank), Some(progress)) = (&self.bank, &mut self.progress) else {
            return;
        };
        let Some(session) = progress.session.take() else {
            return;
        };
        match session.clone().fitted(bank, ui) {
            Some(fitted) => progress.session = Some(fitted),
            None => {
                self.ended = Some(session);
                if !self.notices.contains(&Notice::SessionDropped) {
                    self.notices.push(Notice::SessionDropped);
                }
                self.changed(Write::Merge);
            }
        }
    }

    /// A change to save. A replacement not yet saved stays one, whatever follows it, so
    /// that the save does not merge back what the reader chose to replace.
    fn changed(&mut self, write: Write) {
        self.revision = self.revision.wrapping_add(1);
        if write == Write::Replace {
            self.write = Write::Replace;
        }
    }

    /// Resumes the quiz in progress if the route asks for it (checked against the bank,
    /// as it may come from another tab), else draws a new one.
    fn take(&mut self, mode: Mode, seed: u64, attempt: u64, ui: &Ui) {
        let resuming = self
            .session()
            .is_some_and(|s| s.mode == mode && s.seed == seed);
        if resuming {
            self.fit_session(ui);
        }
        let (Load::Ready(bank), Some(progress)) = (&self.bank, &mut self.progress) else {
            return;
        };
        self.finished = None;
        self.empty = None;
        if progress.session.is_some() && resuming {
            return;
        }
        let history = History {
            mistakes: &progress.mistakes,
            cards: &progress.cards,
            today: self.today,
        };
        match Session::draw(bank, mode, seed, &history) {
            Ok(session) => {
                progress.session = Some(Session { attempt, ..session });
                self.changed(Write::Merge);
            }
            Err(empty) => self.empty = Some(empty),
        }
    }

    fn answer(&mut self, response: Response, moment: Moment, ui: &Ui) {
        let (Load::Ready(bank), Some(progress)) = (&self.bank, &mut self.progress) else {
            return;
        };
        let Some(session) = progress.session.as_mut() else {
            return;
        };
        let Some(question) = session
            .items
            .get(session.position)
            .and_then(|item| resolve(bank, ui, &item.question))
        else {
            return;
        };
        let first_answer = session.answers.get(session.position) == Some(&None);
        let credit = session.answer(&question, response.clone());
        if first_answer {
            if let Some(interaction) = Interaction::of(&question.body, &response) {
                let answered = Answer {
                    question: question.id,
                    quiz: mode_path(&session.mode),
                    attempt: session.attempt,
                    position: session.position,
                    interaction,
                    credit,
                    at_ms: moment.at_ms,
                    latency_ms: moment.latency_ms,
                };
                record(&mut progress.log, Entry::Answered(answered));
            }
        }
        self.changed(Write::Merge);
    }

    fn next(&mut self, at_ms: u64, ui: &Ui) {
        let (Load::Ready(bank), Some(progress)) = (&self.bank, &mut self.progress) else {
            return;
        };
        let Some(session) = progress.session.as_mut() else {
            return;
        };
        session.next();
        if session.finished() {
            let session = session.clone();
            let scores = session.scores(bank, ui);
            progress.finish(&session, self.today);
            let finish = finish_record(&session, &scores, at_ms, self.mastery);
            record(&mut progress.log, Entry::Finished(finish));
            progress.keep_result(Outcome {
                attempt: (session.attempt != 0).then_some(session.attempt),
                day: self.today,
                scores: scores
                    .disciplines
                    .iter()
                    .map(|(discipline, tally)| (discipline.id().to_owned(), tally.percent()))
                    .collect(),
            });
            self.finished = Some(session.clone());
            self.ended = Some(session);
        }
        self.changed(Write::Merge);
    }
}

/// The record of a finished quiz, at the moment it was finished: its scores; an
/// assessment is held to the mastery score.
fn finish_record(session: &Session, scores: &Scores, at_ms: u64, mastery: u8) -> Finish {
    Finish {
        quiz: mode_path(&session.mode),
        attempt: session.attempt,
        at_ms,
        credit: scores.total.credit,
        asked: scores.total.asked,
        scores: scores
            .disciplines
            .iter()
            .map(|(discipline, tally)| (discipline.id().to_owned(), tally.percent()))
            .collect(),
        mastery: (session.mode == Mode::Assessment).then_some(mastery),
    }
}

crate::reducible!(QuizState, QuizMsg);
