//! What an LMS is told, and when: the SCORM 1.2 data model calls for the learner's
//! record, worked out here without the browser so that a whole assessment's report is
//! tested natively. `bridge.rs` makes the calls.
//!
//! - At launch: `cmi.core.lesson_status` becomes `incomplete` if it was `not attempted`
//!   (`browsed` in browse mode), and `cmi.core.exit` `suspend`, committed: the attempt
//!   resumes however the page goes. In review mode nothing is recorded.
//! - Each assessment question answered: a `cmi.interactions.n` record (id, type, the
//!   learner's response, the right one, result, weighting, time, latency), and the
//!   progress as `cmi.suspend_data`; then a commit, so that closing the tab loses
//!   nothing.
//! - Any other change of progress (practice, say): `cmi.suspend_data`, and a commit.
//! - The assessment finished: `cmi.core.score.raw`/`min`/`max` (0–100),
//!   `cmi.core.lesson_status` `passed` or `failed` against the mastery score, an
//!   objective per discipline with its score and status, `cmi.core.exit` empty (a
//!   normal exit) and `cmi.core.session_time`; a commit, then `LMSFinish`.
//! - Leaving before that: `cmi.core.exit` `suspend` and the session time, a commit,
//!   and `LMSFinish`, so that the next launch resumes; but no `LMSFinish` when the
//!   learner follows a link to another page of the module (the language switch), whose
//!   page goes on with the same launch.
//!
//! Only what happened since launch is sent: earlier answers were sent by the launch
//! they happened in (interactions cannot be read back in SCORM 1.2), and answers given
//! outside the LMS are the learner's own.

use super::interaction::scorm_result;
use super::record::{Answer, Entry, Finish, MASTERY_DEFAULT};
use super::time::{cmi_time, cmi_timespan};
use crate::decimal::parse_thousandths;

/// The quiz whose score is the course's score.
pub const GRADED_QUIZ: &str = "assessment";

/// One call to the SCORM 1.2 API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Call {
    /// `LMSSetValue(element, value)`.
    Set(String, String),
    /// `LMSCommit("")`.
    Commit,
    /// `LMSFinish("")`.
    Finish,
}

fn set(element: impl Into<String>, value: impl Into<String>) -> Call {
    Call::Set(element.into(), value.into())
}

/// How the LMS is taking what the module sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Health {
    /// As it should.
    Fine,
    /// The LMS's API is there, but it refused to start the launch (`LMSInitialize`),
    /// with this error code.
    NotStarted { error: String },
    /// The LMS refused a value or a commit: the element, and its error code.
    Refused { element: String, error: String },
    /// The launch is over (`LMSFinish`): what follows stays in the browser.
    Over,
}

impl Health {
    /// The health after `next` news: the worst is kept. A refusal is not forgotten for a
    /// later call that went through, and the end of the launch outlasts both.
    pub fn after(self, next: Health) -> Health {
        let worse = !matches!(
            (&self, &next),
            (Health::Over, _)
                | (_, Health::Fine)
                | (Health::Refused { .. }, Health::Refused { .. })
        );
        if worse {
            next
        } else {
            self
        }
    }
}

/// What the LMS says at launch, read with `LMSGetValue`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Launch {
    pub lesson_status: String,
    /// `cmi.core.lesson_mode`: `normal` (or empty), `browse` or `review`.
    pub lesson_mode: String,
    /// `cmi.student_data.mastery_score`, from the manifest; empty when none is set.
    pub mastery_score: String,
    /// `cmi.interactions._count`: interactions recorded by earlier launches.
    pub interactions: String,
    /// The `cmi.objectives.n.id` the LMS has, in order.
    pub objectives: Vec<String>,
}

/// The LMS's side of the learner's record, for one page of a launch.
#[derive(Clone, Debug, PartialEq)]
pub struct Reporter {
    /// When the launch began: on this page, or on an earlier page of the module (the
    /// language switch loads another page within the same launch).
    launched_ms: u64,
    /// When this page joined the launch: what happened before was sent by the page it
    /// happened on.
    joined_ms: u64,
    /// The score that passes, in percent.
    pub mastery: u8,
    next_interaction: usize,
    objectives: Vec<String>,
    /// The answers sent, by attempt and place.
    sent: Vec<(u64, usize)>,
    /// The suspend data last sent.
    suspended: Option<String>,
    /// Whether the suspend data is left as the LMS has it: it could not be read, and a
    /// newer release may have written it.
    keeping_suspend_data: bool,
    /// Whether the launch records the learner's work: not in `browse` or `review` mode,
    /// where SCORM 1.2 asks a SCO to record no score.
    recording: bool,
    /// Whether `LMSFinish` has been called: nothing more is sent.
    pub finished: bool,
}

impl Reporter {
    /// Joins a launch at `now_ms`, which began then or at `launched_ms` on an earlier
    /// page; returns the calls it makes at once.
    pub fn start(launch: Launch, now_ms: u64, launched_ms: Option<u64>) -> (Reporter, Vec<Call>) {
        let mode = launch.lesson_mode.trim();
        let reporter = Reporter {
            launched_ms: launched_ms.unwrap_or(now_ms),
            joined_ms: now_ms,
            mastery: mastery(&launch.mastery_score),
            next_interaction: launch.interactions.trim().parse().unwrap_or(0),
            objectives: launch.objectives,
            sent: Vec::new(),
            suspended: None,
            // A review changes nothing the LMS keeps.
            keeping_suspend_data: mode == "review",
            recording: matches!(mode, "" | "normal"),
            finished: false,
        };
        if mode == "review" {
            return (reporter, Vec::new());
        }
        let first_time = matches!(launch.lesson_status.trim(), "" | "not attempted");
        let status = if reporter.recording {
            "incomplete"
        } else {
            "browsed"
        };
        let mut calls = Vec::new();
        if first_time {
            calls.push(set("cmi.core.lesson_status", status));
        }
        // Suspended from the start, so that the attempt resumes however the page goes,
        // even where the calls made as it goes are lost; a finish clears it.
        calls.extend([set("cmi.core.exit", "suspend"), Call::Commit]);
        (reporter, calls)
    }

    /// Leaves the suspend data as the LMS has it, for the rest of the launch: it could
    /// not be read here, and is not to be written over.
    pub fn keep_suspend_data(&mut self) {
        self.keeping_suspend_data = true;
    }

    /// The calls that tell the LMS what happened since the last sync: the record's
    /// new entries, and the progress as the suspend data (`suspend_data`, fitted to
    /// SCORM's limit by the caller) if it changed.
    pub fn sync(&mut self, log: &[Entry], suspend_data: Option<&str>, now_ms: u64) -> Vec<Call> {
        if self.finished {
            return Vec::new();
        }
        let mut calls = Vec::new();
        let mut graded = None;
        let joined_ms = self.joined_ms;
        for event in log.iter().filter(|e| e.at_ms() >= joined_ms) {
            match event {
                _ if !self.recording => {}
                Entry::Answered(answer) if answer.quiz == GRADED_QUIZ => {
                    if !self.sent.contains(&(answer.attempt, answer.position)) {
                        self.sent.push((answer.attempt, answer.position));
                        calls.extend(self.interaction(answer));
                    }
                }
                Entry::Finished(finish) if finish.quiz == GRADED_QUIZ => graded = Some(finish),
                Entry::Answered(_) | Entry::Finished(_) => {}
            }
        }
        if let Some(text) = suspend_data.filter(|_| !self.keeping_suspend_data) {
            if self.suspended.as_deref() != Some(text) {
                calls.push(set("cmi.suspend_data", text));
                self.suspended = Some(text.to_owned());
            }
        }
        if let Some(finish) = graded {
            calls.extend(self.score(finish));
            calls.extend(self.end("", now_ms, true));
        } else if !calls.is_empty() {
            calls.push(Call::Commit);
        }
        calls
    }

    /// The calls to make when the page goes with the launch still open: the attempt
    /// is suspended, to resume at the next launch. `closing` unless the learner is
    /// going to another page of the module, which goes on with the launch.
    pub fn leave(&mut self, now_ms: u64, closing: bool) -> Vec<Call> {
        if self.finished {
            return Vec::new();
        }
        self.end("suspend", now_ms, closing)
    }

    /// The exit, the session's time and a commit; then, `finishing`, `LMSFinish`.
    fn end(&mut self, exit: &str, now_ms: u64, finishing: bool) -> Vec<Call> {
        self.finished = finishing;
        let mut calls = vec![
            set("cmi.core.exit", exit),
            self.session_time(now_ms),
            Call::Commit,
        ];
        if finishing {
            calls.push(Call::Finish);
        }
        calls
    }

    /// `cmi.core.session_time`: since the launch began, on whichever page.
    fn session_time(&self, now_ms: u64) -> Call {
        set(
            "cmi.core.session_time",
            cmi_timespan(now_ms.saturating_sub(self.launched_ms)),
        )
    }

    fn interaction(&mut self, answer: &Answer) -> Vec<Call> {
        let n = self.next_interaction;
        self.next_interaction += 1;
        let element = |name: &str| format!("cmi.interactions.{n}.{name}");
        let interaction = &answer.interaction;
        let response = interaction
            .scorm_response()
            .map(|response| set(element("student_response"), response));
        [
            Some(set(element("id"), identifier(&answer.question))),
            Some(set(element("type"), interaction.kind())),
            Some(set(element("time"), cmi_time(answer.at_ms))),
            Some(set(element("weighting"), "1")),
            Some(set(
                element("correct_responses.0.pattern"),
                interaction.scorm_pattern(),
            )),
            response,
            Some(set(element("result"), scorm_result(answer.credit))),
            Some(set(element("latency"), cmi_timespan(answer.latency_ms))),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The score, the status against the mastery score, and an objective per
    /// discipline.
    fn score(&mut self, finish: &Finish) -> Vec<Call> {
        let mastery = self.mastery;
        let verdict = move |percent: u8| {
            if percent >= mastery {
                "passed"
            } else {
                "failed"
            }
        };
        let percent = finish.percent();
        let mut calls = vec![
            set("cmi.core.score.raw", percent.to_string()),
            set("cmi.core.score.min", "0"),
            set("cmi.core.score.max", "100"),
            set("cmi.core.lesson_status", verdict(percent)),
        ];
        for (discipline, percent) in &finish.scores {
            let n = self.objective(discipline);
            let element = |name: &str| format!("cmi.objectives.{n}.{name}");
            calls.extend([
                set(element("id"), discipline.clone()),
                set(element("score.raw"), percent.to_string()),
                set(element("score.min"), "0"),
                set(element("score.max"), "100"),
                set(element("status"), verdict(*percent)),
            ]);
        }
        calls
    }

    /// The index of a discipline's objective: the one the LMS has, or the next.
    fn objective(&mut self, id: &str) -> usize {
        match self.objectives.iter().position(|known| known == id) {
            Some(n) => n,
            None => {
                self.objectives.push(id.to_owned());
                self.objectives.len() - 1
            }
        }
    }
}

/// The mastery score an LMS gives, as a whole percentage; the default where it gives
/// none, or something that is no score.
pub fn mastery(text: &str) -> u8 {
    // In thousandths, by the module's own decimal reader: a float parser would add its
    // tables to the wasm for this alone.
    parse_thousandths(text)
        .ok()
        .filter(|score| (0..=100_000).contains(score))
        .map_or(MASTERY_DEFAULT, |score| ((score + 500) / 1000) as u8)
}

/// A question id as SCORM 1.2's CMIIdentifier allows: no spaces, at most 255
/// characters. Bank ids already are; a space becomes `_`.
fn identifier(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .take(255)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_news_of_a_launch_is_kept() {
        let refused = |element: &str| Health::Refused {
            element: element.into(),
            error: "405".into(),
        };
        assert_eq!(Health::Fine.after(refused("a")), refused("a"));
        assert_eq!(refused("a").after(Health::Fine), refused("a"));
        assert_eq!(
            refused("a").after(refused("b")),
            refused("a"),
            "the first refusal"
        );
        assert_eq!(refused("a").after(Health::Over), Health::Over);
        assert_eq!(Health::Over.after(refused("a")), Health::Over);
        assert_eq!(Health::Fine.after(Health::Fine), Health::Fine);
    }
}
