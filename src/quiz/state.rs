//! The quiz page's state and its update: the bank once fetched, the reader's progress,
//! the quiz being taken, and what the reader must be told. Pure, like every update in
//! the module; the page performs the effects (fetch, storage) and sends the results in.

use std::rc::Rc;

use super::bank::Bank;
use super::saved::{LoadError, Notice, Outcome, Progress};
use super::scoring::Response;
use super::session::{resolve, Empty, History, Mode, Session};
use crate::i18n::{Locale, Ui};

/// The question bank, as it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Failed(String),
    Ready(Rc<Bank>),
}

/// The result of an import, to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imported {
    Done,
    Refused,
    FromTheFuture,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub locale: Locale,
    pub bank: Load,
    /// Progress, once read from storage.
    pub progress: Option<Progress>,
    /// Whether progress may be written back.
    pub persistent: bool,
    pub notices: Vec<Notice>,
    pub today: i64,
    /// Counts changes to progress, so the page saves once per change.
    pub revision: u32,
    /// The quiz just finished, for its results page.
    pub finished: Option<Session>,
    /// Why no quiz could be drawn for the route.
    pub empty: Option<Empty>,
    pub imported: Option<Imported>,
    /// The reader asked to reset and has not yet confirmed.
    pub confirming_reset: bool,
    pub reset_done: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuizMsg {
    BankLoaded(Result<Rc<Bank>, String>),
    /// Fetching again, after a failure.
    Reload,
    Opened {
        progress: Progress,
        persistent: bool,
        notices: Vec<Notice>,
        today: i64,
    },
    /// The route asks for this quiz, with this seed: resume it or draw it.
    Take {
        mode: Mode,
        seed: u64,
    },
    Answer(Response),
    Next,
    Imported(Result<Progress, LoadError>),
    AskReset,
    CancelReset,
    ConfirmReset,
    SaveFailed,
    /// Leaving a quiz's results or empty page, for the home.
    Home,
}

impl QuizState {
    pub fn new(locale: Locale, today: i64) -> QuizState {
        QuizState {
            locale,
            bank: Load::Loading,
            progress: None,
            persistent: false,
            notices: Vec::new(),
            today,
            revision: 0,
            finished: None,
            empty: None,
            imported: None,
            confirming_reset: false,
            reset_done: false,
        }
    }

    /// The quiz being taken, if any.
    pub fn session(&self) -> Option<&Session> {
        self.progress.as_ref()?.session.as_ref()
    }

    pub fn update(mut self, msg: QuizMsg) -> QuizState {
        let ui = self.locale.ui();
        match msg {
            QuizMsg::BankLoaded(Ok(bank)) => self.bank = Load::Ready(bank),
            QuizMsg::BankLoaded(Err(reason)) => self.bank = Load::Failed(reason),
            QuizMsg::Reload => self.bank = Load::Loading,
            QuizMsg::Opened {
                progress,
                persistent,
                notices,
                today,
            } => {
                self.progress = Some(progress);
                self.today = today;
                self.persistent = persistent;
                self.notices = notices;
            }
            QuizMsg::Take { mode, seed } => self.take(mode, seed),
            QuizMsg::Answer(response) => self.answer(response, ui),
            QuizMsg::Next => self.next(ui),
            QuizMsg::Imported(Ok(progress)) => {
                self.progress = Some(progress);
                self.imported = Some(Imported::Done);
                self.changed();
            }
            QuizMsg::Imported(Err(error)) => {
                self.imported = Some(match error {
                    LoadError::Corrupt => Imported::Refused,
                    LoadError::FromTheFuture(_) => Imported::FromTheFuture,
                })
            }
            QuizMsg::AskReset => (self.confirming_reset, self.reset_done) = (true, false),
            QuizMsg::CancelReset => self.confirming_reset = false,
            QuizMsg::ConfirmReset => {
                self.progress = Some(Progress::default());
                self.confirming_reset = false;
                self.reset_done = true;
                self.finished = None;
                self.changed();
            }
            QuizMsg::SaveFailed => {
                if !self.notices.contains(&Notice::SaveFailed) {
                    self.notices.push(Notice::SaveFailed);
                }
            }
            QuizMsg::Home => (self.finished, self.empty) = (None, None),
        }
        self
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    /// Resumes the quiz in progress if the route asks for it, else draws a new one.
    fn take(&mut self, mode: Mode, seed: u64) {
        let (Load::Ready(bank), Some(progress)) = (&self.bank, &mut self.progress) else {
            return;
        };
        let resuming = progress
            .session
            .as_ref()
            .is_some_and(|s| s.mode == mode && s.seed == seed);
        self.finished = None;
        self.empty = None;
        if resuming {
            return;
        }
        let history = History {
            mistakes: &progress.mistakes,
            cards: &progress.cards,
            today: self.today,
        };
        match Session::draw(bank, mode, seed, &history) {
            Ok(session) => {
                progress.session = Some(session);
                self.changed();
            }
            Err(empty) => self.empty = Some(empty),
        }
    }

    fn answer(&mut self, response: Response, ui: &Ui) {
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
        session.answer(&question, response);
        self.changed();
    }

    fn next(&mut self, ui: &Ui) {
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
            progress.keep_result(Outcome {
                day: self.today,
                scores: scores
                    .disciplines
                    .iter()
                    .map(|(discipline, tally)| (discipline.id().to_owned(), tally.percent()))
                    .collect(),
            });
            self.finished = Some(session);
        }
        self.changed();
    }
}

crate::reducible!(QuizState, QuizMsg);
