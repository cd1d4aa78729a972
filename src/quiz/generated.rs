//! Generated practice: error-budget questions with a random SLO and window, whose
//! answers the error-budget lab's own maths computes. Nothing here is stored by hand.

use serde::{Deserialize, Serialize};

use super::bank::{Body, Difficulty, Numeric, Question};
use crate::budget::model::{allowed_downtime, thousandths_as_decimal, Slo, DAY, WEEK, WHOLE, YEAR};
use crate::format::duration;
use crate::i18n::{fill, Ui};

/// The SLOs generated questions use, in thousandths of a percent.
const SLOS: [u32; 5] = [99_000, 99_500, 99_900, 99_950, 99_990];

/// The windows they ask about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GeneratedWindow {
    Day,
    Week,
    Month30,
    Year,
}

const WINDOWS: [GeneratedWindow; 4] = [
    GeneratedWindow::Day,
    GeneratedWindow::Week,
    GeneratedWindow::Month30,
    GeneratedWindow::Year,
];

impl GeneratedWindow {
    fn seconds(self) -> u64 {
        match self {
            GeneratedWindow::Day => DAY,
            GeneratedWindow::Week => WEEK,
            GeneratedWindow::Month30 => 30 * DAY,
            GeneratedWindow::Year => YEAR,
        }
    }

    fn name(self, ui: &Ui) -> &'static str {
        match self {
            GeneratedWindow::Day => ui.quiz_window_day,
            GeneratedWindow::Week => ui.quiz_window_week,
            GeneratedWindow::Month30 => ui.quiz_window_month,
            GeneratedWindow::Year => ui.quiz_window_year,
        }
    }
}

/// A generated question, by what it asks: enough to make it again, identically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Generated {
    /// In thousandths of a percent.
    pub slo: u32,
    pub window: GeneratedWindow,
}

impl Generated {
    /// The `n`th of the generated questions, for any `n`: quizzes pick them by random
    /// number.
    pub fn nth(n: u64) -> Generated {
        let [first_slo, ..] = SLOS;
        let [first_window, ..] = WINDOWS;
        let slo = round(&SLOS, n).unwrap_or(first_slo);
        let window = round(&WINDOWS, n / SLOS.len() as u64).unwrap_or(first_window);
        Generated { slo, window }
    }

    /// Whether the module makes this question: a saved one may have been altered.
    pub fn is_known(self) -> bool {
        SLOS.contains(&self.slo)
    }

    pub fn id(self) -> String {
        format!("generated-{}-{:?}", self.slo, self.window).to_lowercase()
    }

    /// The allowed downtime in tenths of a minute, from the exact ratio, rounded once.
    fn tenths_of_minutes(self) -> u64 {
        // Saturating: a generated question read from a save may name any SLO.
        let budget = WHOLE.saturating_sub(u64::from(self.slo));
        let numerator = self.window.seconds() * budget * 10;
        let denominator = WHOLE * 60;
        (numerator + denominator / 2) / denominator
    }

    /// The question, worded from the interface strings.
    pub fn question(self, ui: &Ui) -> Question {
        let slo = thousandths_as_decimal(u64::from(self.slo));
        let budget = thousandths_as_decimal(WHOLE.saturating_sub(u64::from(self.slo)));
        let window = self.window.name(ui);
        let tenths = self.tenths_of_minutes();
        let minutes = thousandths_as_decimal(tenths * 100);
        let downtime = Slo::from_thousandths(self.slo)
            .map(|slo| duration(ui, allowed_downtime(slo, self.window.seconds())))
            .unwrap_or_default();
        Question {
            id: self.id(),
            topic: "sre/error-budget".into(),
            difficulty: Difficulty::Medium,
            seed: "sre-error-budget".into(),
            prompt: fill(
                ui.quiz_generated_prompt,
                &[("slo", &slo), ("window", window)],
            ),
            body: Body::Numeric(Numeric {
                answer: minutes.clone(),
                tolerance: "0.1".into(),
                unit: ui.quiz_generated_unit.into(),
                explanation: fill(
                    ui.quiz_generated_explanation,
                    &[
                        ("slo", &slo),
                        ("budget", &budget),
                        ("window", window),
                        ("minutes", &minutes),
                        ("downtime", &downtime),
                    ],
                ),
            }),
        }
    }
}

/// The `n`th of `values`, counting round; none of nothing.
fn round<T: Copy>(values: &[T], n: u64) -> Option<T> {
    let at = n.checked_rem(values.len() as u64)?;
    values.get(usize::try_from(at).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::quiz::scoring::{grade, Response};

    #[test]
    fn the_answer_is_the_labs_downtime_in_minutes() {
        let ui = Locale::En.ui();
        let month = Generated {
            slo: 99_900,
            window: GeneratedWindow::Month30,
        }
        .question(ui);
        let Body::Numeric(Numeric { answer, .. }) = &month.body else {
            panic!("numeric")
        };
        assert_eq!(answer, "43.2", "99.9% over 30 days: 43m 12s");
        assert_eq!(grade(&month.body, &Response::Number("43.2".into())), 1.0);
        assert_eq!(grade(&month.body, &Response::Number("43".into())), 0.0);
        let year = Generated {
            slo: 99_900,
            window: GeneratedWindow::Year,
        }
        .question(ui);
        let Body::Numeric(Numeric {
            answer,
            explanation,
            ..
        }) = &year.body
        else {
            panic!("numeric")
        };
        assert_eq!(answer, "525.9", "31 556.952 s is 525.949 minutes");
        assert!(explanation.contains("8h 45m 57s"), "{explanation}");
    }

    #[test]
    fn every_generated_question_is_reachable_and_stable() {
        let all: std::collections::HashSet<_> = (0..40).map(Generated::nth).collect();
        assert_eq!(all.len(), SLOS.len() * WINDOWS.len());
        assert_eq!(Generated::nth(7), Generated::nth(7 + 20));
        assert_eq!(Generated::nth(0).id(), "generated-99000-day");
    }
}
