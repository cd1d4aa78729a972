//! The quizzes: a question bank as data, scoring, seeded quizzes, spaced repetition and
//! saved progress, all pure and tested natively; and the views that render them.
//!
//! The quiz ships in the second bundle (`src/bin/quiz.rs`), loaded when the reader
//! opens the quiz view: `crate::lazy::WidgetMount` is the main app's side of it, `app`
//! the bundle's.

pub mod bank;
pub mod generated;
pub mod route;
pub mod saved;
pub mod scoring;
pub mod session;
pub mod srs;
pub mod state;
pub mod store;

pub mod app;
mod page;
mod results;
mod runner;

pub use page::{QuizPage, QuizPageProps};
pub use results::{SharedProps, SharedResults};
pub use runner::{QuestionCard, QuestionCardProps};
