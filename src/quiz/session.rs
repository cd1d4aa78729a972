//! A quiz: which questions, in which order, and how the reader is getting on. Quizzes
//! are drawn by a seeded shuffle, so a seed gives the same questions in the same order,
//! options included: a teacher can share one quiz as a link.

use serde::{Deserialize, Serialize};

use super::bank::{permutation, Bank, Discipline, Question};
use super::generated::Generated;
use super::scoring::{grade, Response, Scores};
use super::srs::Card;
use crate::i18n::Ui;

/// How many questions a practice quiz asks, at most.
pub const PRACTICE_LENGTH: usize = 10;
/// How many questions an assessment asks of each core discipline.
pub const ASSESSMENT_PER_DISCIPLINE: usize = 5;
/// How many due questions one review asks, at most.
pub const DUE_LENGTH: usize = 20;
/// The largest seed: the largest integer a browser's JSON keeps exactly (2^53 − 1), so
/// that a quiz's seed survives its save.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// A small, fast, seedable generator (SplitMix64): the same seed, the same quiz, on any
/// machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (which must not be zero).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// The kinds of quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    /// Up to ten questions on a discipline or topic, such as `sre` or `devops/calms/lean`.
    Practice(String),
    /// Fifteen questions, five for each of DevOps, SRE and DevSecOps.
    Assessment,
    /// The questions missed in the last quiz.
    Retake,
    /// The questions spaced repetition says are due.
    Due,
}

/// Which question an item asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionRef {
    Bank(String),
    Generated(Generated),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub question: QuestionRef,
    /// The order the question's parts are shown in, as bank indices: the options of a
    /// choice, the items of an ordering (its starting order), the rights of a matching.
    pub order: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub response: Response,
    pub credit: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub mode: Mode,
    pub seed: u64,
    pub items: Vec<Item>,
    pub answers: Vec<Option<Answered>>,
    /// The question shown: unanswered, or answered with its feedback showing.
    pub position: usize,
    /// This taking of the quiz, told apart from another of the same quiz (a shared
    /// link followed twice): a random number, 0 in saves from before it was kept.
    #[serde(default)]
    pub attempt: u64,
}

/// Why no quiz could be drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// No question in the bank is on that topic.
    NoQuestions,
    /// Nothing was missed in the last quiz.
    NothingMissed,
    /// No question is due today.
    NothingDue,
}

/// What a quiz draws from, besides the bank: the reader's memory of past quizzes.
pub struct History<'a> {
    pub mistakes: &'a [String],
    pub cards: &'a std::collections::BTreeMap<String, Card>,
    pub today: i64,
}

impl Session {
    /// Draws a quiz. The seed decides everything random about it.
    pub fn draw(bank: &Bank, mode: Mode, seed: u64, history: &History) -> Result<Session, Empty> {
        let mut rng = Rng::new(seed);
        let refs = match &mode {
            Mode::Practice(topic) => practice(bank, topic, &mut rng),
            Mode::Assessment => assessment(bank, &mut rng),
            Mode::Retake => known(bank, history.mistakes.iter().cloned(), &mut rng),
            Mode::Due => {
                let mut due: Vec<(&String, &Card)> = history
                    .cards
                    .iter()
                    .filter(|(_, card)| card.is_due(history.today))
                    .collect();
                due.sort_by_key(|(id, card)| (card.due_day, (*id).clone()));
                known(
                    bank,
                    due.into_iter().take(DUE_LENGTH).map(|(id, _)| id.clone()),
                    &mut rng,
                )
            }
        };
        if refs.is_empty() {
            return Err(match mode {
                Mode::Retake => Empty::NothingMissed,
                Mode::Due => Empty::NothingDue,
                _ => Empty::NoQuestions,
            });
        }
        let items = refs
            .into_iter()
            .map(|question| {
                let parts = match &question {
                    QuestionRef::Bank(id) => bank
                        .question(id)
                        .map_or(0, |q| q.body.rules().shuffled_parts()),
                    QuestionRef::Generated(_) => 0,
                };
                let mut order: Vec<usize> = (0..parts).collect();
                rng.shuffle(&mut order);
                Item { question, order }
            })
            .collect::<Vec<_>>();
        let answers = vec![None; items.len()];
        Ok(Session {
            mode,
            seed,
            items,
            answers,
            position: 0,
            attempt: 0,
        })
    }

    /// Whether two sessions are the same taking of a quiz: by attempt, or for sessions
    /// saved before attempts were kept, by mode and seed.
    pub fn same_attempt(&self, other: &Session) -> bool {
        match (self.attempt, other.attempt) {
            (0, 0) => self.mode == other.mode && self.seed == other.seed,
            (mine, theirs) => mine == theirs,
        }
    }

    /// Records the reader's answer to the question shown, scored; returns the credit.
    /// A question already answered keeps its first answer.
    pub fn answer(&mut self, question: &Question, response: Response) -> f64 {
        match self.answers.get_mut(self.position) {
            Some(slot @ None) => {
                let credit = grade(&question.body, &response);
                *slot = Some(Answered { response, credit });
                credit
            }
            Some(Some(answered)) => answered.credit,
            None => 0.0,
        }
    }

    /// Whether the session still fits the bank, as a save from an older release or a
    /// crafted file might not: a seed and attempt JSON keeps, an answer slot per item, a
    /// question shown (a finished quiz is never saved as one in progress), every
    /// question before it answered and none after it, every question there, shown in
    /// an order of exactly its parts, and every answer of its question's kind. Each
    /// answer is graded again, so that a stored credit is never trusted. A session that
    /// does not fit is dropped.
    pub fn fitted(mut self, bank: &Bank, ui: &Ui) -> Option<Session> {
        let shape_fits = self.seed <= MAX_SEED
            && self.attempt <= MAX_SEED
            && self.answers.len() == self.items.len()
            && self.position < self.items.len();
        if !shape_fits {
            return None;
        }
        for (item, answer) in self.items.iter().zip(self.answers.iter_mut()) {
            let question = item
                .question
                .fits()
                .then(|| resolve(bank, ui, &item.question))??;
            if !permutation(&item.order, question.body.rules().shuffled_parts()) {
                return None;
            }
            if let Some(answered) = answer {
                if !question.body.rules().accepts(&answered.response) {
                    return None;
                }
                answered.credit = grade(&question.body, &answered.response);
            }
        }
        // The reader moves on only from an answered question, and answers only the one
        // shown.
        let (before, after) = self.answers.split_at_checked(self.position + 1)?;
        let in_order =
            before.iter().rev().skip(1).all(Option::is_some) && after.iter().all(Option::is_none);
        in_order.then_some(self)
    }

    /// On to the next question, once the one shown is answered.
    pub fn next(&mut self) {
        if self.answers.get(self.position).is_some_and(Option::is_some) {
            self.position = (self.position + 1).min(self.items.len());
        }
    }

    /// Every question has been answered and the reader has moved past the last.
    pub fn finished(&self) -> bool {
        self.position >= self.items.len()
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().flatten().count()
    }

    /// The ids of the questions answered less than fully right.
    pub fn missed(&self) -> Vec<String> {
        self.items
            .iter()
            .zip(&self.answers)
            .filter(|(_, answer)| answer.as_ref().is_some_and(|a| a.credit < 1.0))
            .filter_map(|(item, _)| match &item.question {
                QuestionRef::Bank(id) => Some(id.clone()),
                QuestionRef::Generated(_) => None,
            })
            .collect()
    }

    /// The scores so far, by discipline and topic.
    pub fn scores(&self, bank: &Bank, ui: &Ui) -> Scores {
        let topics: Vec<(String, f64)> = self
            .items
            .iter()
            .zip(&self.answers)
            .filter_map(|(item, answer)| {
                let topic = resolve(bank, ui, &item.question)?.topic;
                Some((topic, answer.as_ref()?.credit))
            })
            .collect();
        Scores::of(
            topics
                .iter()
                .map(|(topic, credit)| (topic.as_str(), *credit)),
        )
    }
}

impl QuestionRef {
    /// Whether a generated question is one the module makes; a bank id is checked
    /// against the bank.
    fn fits(&self) -> bool {
        match self {
            QuestionRef::Bank(_) => true,
            QuestionRef::Generated(generated) => generated.is_known(),
        }
    }
}

/// The question an item asks, from the bank or generated.
pub fn resolve(bank: &Bank, ui: &Ui, question: &QuestionRef) -> Option<Question> {
    match question {
        QuestionRef::Bank(id) => bank.question(id).cloned(),
        QuestionRef::Generated(generated) => Some(generated.question(ui)),
    }
}

fn shuffled_ids<'a>(questions: impl Iterator<Item = &'a Question>, rng: &mut Rng) -> Vec<String> {
    let mut ids: Vec<String> = questions.map(|q| q.id.clone()).collect();
    rng.shuffle(&mut ids);
    ids
}

fn practice(bank: &Bank, topic: &str, rng: &mut Rng) -> Vec<QuestionRef> {
    let mut refs: Vec<QuestionRef> =
        shuffled_ids(bank.questions.iter().filter(|q| q.is_on(topic)), rng)
            .into_iter()
            .map(QuestionRef::Bank)
            .collect();
    if refs.is_empty() {
        return refs;
    }
    // Error-budget practice takes two generated questions in place of two from the bank.
    let budget_topic = ["sre", "sre/error-budget"].contains(&topic);
    let generated = if budget_topic { 2 } else { 0 };
    refs.truncate(PRACTICE_LENGTH - generated);
    for _ in 0..generated {
        refs.push(QuestionRef::Generated(Generated::nth(rng.next_u64())));
    }
    rng.shuffle(&mut refs);
    refs
}

fn assessment(bank: &Bank, rng: &mut Rng) -> Vec<QuestionRef> {
    let mut refs = Vec::new();
    for discipline in Discipline::CORE {
        let of_discipline = bank
            .questions
            .iter()
            .filter(|q| q.discipline() == Some(discipline));
        let ids = shuffled_ids(of_discipline, rng);
        refs.extend(
            ids.into_iter()
                .take(ASSESSMENT_PER_DISCIPLINE)
                .map(QuestionRef::Bank),
        );
    }
    rng.shuffle(&mut refs);
    refs
}

/// The questions with these ids that the bank still has, shuffled.
fn known(bank: &Bank, ids: impl Iterator<Item = String>, rng: &mut Rng) -> Vec<QuestionRef> {
    let mut refs: Vec<QuestionRef> = ids
        .filter(|id| bank.question(id).is_some())
        .map(QuestionRef::Bank)
        .collect();
    rng.shuffle(&mut refs);
    refs
}
