//! The quizzes: a question bank as data, scoring, seeded quizzes, spaced repetition and
//! saved progress, all pure and tested natively; and the views that render them.
//!
//! The quiz view's shell hands `QuizPage` its address; on the quiz's embed page, `app`
//! follows the fragment for it. The bank is data, fetched when the quiz view opens.

pub use ops_trio_content::bank;
pub mod course;
pub mod generated;
pub mod kinds;
pub mod route;
pub mod saved;
pub mod scoring;
pub mod session;
pub mod srs;
pub mod state;
pub mod store;
pub mod vault;

pub mod app;
mod keeping;
mod page;
mod results;
mod runner;

pub use page::{QuizPage, QuizPageProps};
pub use results::{Results, ResultsProps, SharedProps, SharedResults};
pub use runner::{QuestionCard, QuestionCardProps};
