//! xAPI 1.0.3 statements from the learner's record, for self-study: every answer is
//! `answered`, every finished quiz `completed`, and an assessment also `passed` or
//! `failed`. The learner downloads them as a JSON file from the quiz page; no Learning
//! Record Store is needed, and none is contacted.
//!
//! Identifiers are names, not addresses: activities live under [`ACTIVITY_ROOT`], on the
//! `.invalid` domain that RFC 6761 keeps from ever resolving, so that a statement names
//! the same activity wherever the module was opened (a host, a USB stick), and carries
//! no path of the learner's machine. The learner is a random account name kept with
//! the progress; a name goes in only if the learner types one.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::record::{Answer, Entry, Finish};
use super::time::{iso_duration, iso_timestamp};

/// Where the module's activities and accounts are named.
pub const ACTIVITY_ROOT: &str = "https://ops-trio.invalid/";
/// The xAPI verbs ADL publishes, as `(id, display name)`.
pub const ANSWERED: (&str, &str) = ("http://adlnet.gov/expapi/verbs/answered", "answered");
pub const COMPLETED: (&str, &str) = ("http://adlnet.gov/expapi/verbs/completed", "completed");
pub const PASSED: (&str, &str) = ("http://adlnet.gov/expapi/verbs/passed", "passed");
pub const FAILED: (&str, &str) = ("http://adlnet.gov/expapi/verbs/failed", "failed");
/// The activity type of one question, with its `interactionType`.
pub const INTERACTION_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// The activity type of a quiz.
pub const ASSESSMENT_TYPE: &str = "http://adlnet.gov/expapi/activities/assessment";

/// Who the statements are about.
#[derive(Clone, Debug, PartialEq)]
pub struct Learner {
    /// The random id kept with the progress (`Progress::learner`).
    pub id: u64,
    /// A name the learner typed to put in the statements; None keeps them anonymous.
    pub name: Option<String>,
}

/// A name for an activity, in the learner's language.
pub enum Named<'a> {
    /// A question, by id: its prompt.
    Question(&'a str),
    /// A quiz, by its address (`assessment`, `practice/sre`).
    Quiz(&'a str),
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    pub result: Outcome,
    pub context: Context,
    pub timestamp: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub object_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub account: Account,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub home_page: &'static str,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct Verb {
    pub id: &'static str,
    pub display: LanguageMap,
}

/// An xAPI language map of one language: `{"en-US": "answered"}`. Written as a map by
/// hand: a map type would bring its own code into the wasm for one entry.
#[derive(Debug)]
pub struct LanguageMap {
    pub language: &'static str,
    pub text: String,
}

impl Serialize for LanguageMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.language, &self.text)?;
        map.end()
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub object_type: &'static str,
    pub id: String,
    pub definition: Definition,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Definition {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LanguageMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct_responses_pattern: Option<Vec<String>>,
}

/// A statement's `result`.
#[derive(Debug, Serialize)]
pub struct Outcome {
    pub score: Score,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Score {
    pub scaled: f64,
    pub raw: f64,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    /// The quiz's attempt, as a UUID: every statement of one taking of a quiz shares it.
    pub registration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
    pub language: &'static str,
    pub platform: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ContextActivities {
    pub parent: Vec<Parent>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parent {
    pub object_type: &'static str,
    pub id: String,
}

/// Every statement of the log, oldest first.
pub fn statements(
    log: &[Entry],
    learner: &Learner,
    language: &'static str,
    name_of: &dyn Fn(Named) -> Option<String>,
) -> Vec<Statement> {
    let writer = Writer {
        learner,
        wording: wording(language, learner.name.as_deref()),
        language,
        name_of,
    };
    log.iter()
        .flat_map(|event| match event {
            Entry::Answered(answer) => vec![writer.answered(answer)],
            Entry::Finished(finish) => writer.finished(finish),
        })
        .collect()
}

/// How many statements [`statements`] writes for the log, without writing them: one per
/// answer, and per finished quiz one, or two for an assessment (passed or failed too).
pub fn statement_count(log: &[Entry]) -> usize {
    log.iter()
        .map(|entry| match entry {
            Entry::Answered(_) => 1,
            Entry::Finished(finish) => 1 + usize::from(finish.passed().is_some()),
        })
        .sum()
}

struct Writer<'a> {
    learner: &'a Learner,
    /// What tells this download's wording apart (see [`wording`]).
    wording: u64,
    language: &'static str,
    name_of: &'a dyn Fn(Named) -> Option<String>,
}

impl Writer<'_> {
    fn answered(&self, answer: &Answer) -> Statement {
        let interaction = &answer.interaction;
        let object = Activity {
            object_type: "Activity",
            id: question_iri(&answer.question),
            definition: Definition {
                kind: INTERACTION_TYPE,
                name: self.name(Named::Question(&answer.question)),
                interaction_type: Some(interaction.kind()),
                correct_responses_pattern: Some(vec![interaction.xapi_pattern()]),
            },
        };
        let credit = answer.credit.clamp(0.0, 1.0);
        Statement {
            id: uuid(
                self.learner.id,
                self.wording,
                answer.attempt,
                Subject::Answer(answer.position),
            ),
            actor: self.actor(),
            verb: verb(ANSWERED),
            object,
            result: Outcome {
                score: Score {
                    scaled: credit,
                    raw: credit,
                    min: 0.0,
                    max: 1.0,
                },
                success: Some(credit >= 1.0),
                completion: Some(true),
                response: Some(interaction.xapi_response()),
                duration: Some(iso_duration(answer.latency_ms)),
            },
            context: self.context(answer.attempt, Some(&answer.quiz)),
            timestamp: iso_timestamp(answer.at_ms),
        }
    }

    /// `completed`, and for an assessment `passed` or `failed` too.
    fn finished(&self, finish: &Finish) -> Vec<Statement> {
        let mut statements = vec![self.quiz_statement(finish, COMPLETED, Subject::Completed)];
        if let Some(passed) = finish.passed() {
            let said = if passed { PASSED } else { FAILED };
            statements.push(self.quiz_statement(finish, said, Subject::Verdict));
        }
        statements
    }

    fn quiz_statement(
        &self,
        finish: &Finish,
        said: (&'static str, &'static str),
        named: Subject,
    ) -> Statement {
        let asked = f64::from(finish.asked.max(1));
        let credit = finish.credit.clamp(0.0, asked);
        let object = Activity {
            object_type: "Activity",
            id: quiz_iri(&finish.quiz),
            definition: Definition {
                kind: ASSESSMENT_TYPE,
                name: self.name(Named::Quiz(&finish.quiz)),
                interaction_type: None,
                correct_responses_pattern: None,
            },
        };
        let success = (said != COMPLETED).then(|| said == PASSED);
        Statement {
            id: uuid(self.learner.id, self.wording, finish.attempt, named),
            actor: self.actor(),
            verb: verb(said),
            object,
            result: Outcome {
                score: Score {
                    scaled: credit / asked,
                    raw: credit,
                    min: 0.0,
                    max: asked,
                },
                success,
                completion: Some(true),
                response: None,
                duration: None,
            },
            context: self.context(finish.attempt, None),
            timestamp: iso_timestamp(finish.at_ms),
        }
    }

    fn actor(&self) -> Actor {
        Actor {
            object_type: "Agent",
            name: self
                .learner
                .name
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
            account: Account {
                home_page: ACTIVITY_ROOT,
                name: format!("learner-{:016x}", self.learner.id),
            },
        }
    }

    fn context(&self, attempt: u64, quiz: Option<&str>) -> Context {
        Context {
            registration: uuid(
                self.learner.id,
                self.wording,
                attempt,
                Subject::Registration,
            ),
            context_activities: quiz.map(|quiz| ContextActivities {
                parent: vec![Parent {
                    object_type: "Activity",
                    id: quiz_iri(quiz),
                }],
            }),
            language: self.language,
            platform: "Ops Trio",
        }
    }

    fn name(&self, named: Named) -> Option<LanguageMap> {
        let name = (self.name_of)(named)?;
        Some(LanguageMap {
            language: self.language,
            text: name,
        })
    }
}

fn verb((id, display): (&'static str, &'static str)) -> Verb {
    Verb {
        id,
        display: LanguageMap {
            language: "en-US",
            text: display.to_owned(),
        },
    }
}

/// A question's activity id. Bank ids are letters, digits and hyphens already; anything
/// else is percent-encoded, so that the id stays an IRI.
pub fn question_iri(id: &str) -> String {
    format!("{ACTIVITY_ROOT}question/{}", encoded(id))
}

/// A quiz's activity id, by its address: `…/quiz/practice/sre`.
pub fn quiz_iri(quiz: &str) -> String {
    format!("{ACTIVITY_ROOT}quiz/{}", encoded(quiz))
}

fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What a UUID of the records names, besides its learner and attempt.
#[derive(Clone, Copy)]
enum Subject {
    /// The answer to the question at this place of the quiz.
    Answer(usize),
    /// The quiz's `completed`, and its `passed` or `failed`.
    Completed,
    Verdict,
    /// The quiz's attempt, as the registration of its statements.
    Registration,
}

/// A UUID in the layout of RFC 4122's version 4, the same each time a statement is
/// written the same way: a file downloaded twice holds the same statements, which an
/// LRS stores once. Its 122 free bits hold, side by side, the learner's random id (48
/// bits), the attempt's (56) mixed with the download's wording, the question's place
/// (16) and what it names (2). A statement worded otherwise (in the other language, or
/// with a name) has another id, since an LRS refuses a second statement under an id
/// it holds with other content.
fn uuid(learner: u64, wording: u64, attempt: u64, named: Subject) -> String {
    let (place, kind) = match named {
        Subject::Answer(position) => (position as u64 + 1, 0),
        Subject::Completed => (0, 1),
        Subject::Verdict => (0, 2),
        Subject::Registration => (0, 3),
    };
    let digits = format!(
        "{:012x}{:014x}{:04x}",
        learner & 0xffff_ffff_ffff,
        (attempt ^ wording) & 0xff_ffff_ffff_ffff,
        place & 0xffff
    );
    let part = |range: std::ops::Range<usize>| digits.get(range).unwrap_or_default();
    format!(
        "{}-{}-4{}-{:x}{}-{}",
        part(0..8),
        part(8..12),
        part(12..15),
        8 + kind,
        part(15..18),
        part(18..30)
    )
}

/// The language and the learner's name, as one number (FNV-1a): what makes two
/// downloads of the same record word it differently.
fn wording(language: &str, name: Option<&str>) -> u64 {
    let text = format!("{language}\u{0}{}", name.map(str::trim).unwrap_or_default());
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
