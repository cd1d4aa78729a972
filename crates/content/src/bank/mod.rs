//! The question bank: what a question is, and the checks every question must pass.
//!
//! Questions are written in TOML under `assets/content/<locale>/quiz/`, one flat table
//! per question with a `kind` (see `authored`). `build.rs` checks them and writes the
//! bank as JSON beside the app, which fetches it when a quiz starts: at about 90 KB of
//! text it would otherwise weigh on every first visit.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

pub mod kinds;

pub use kinds::{
    grade, permutation, Body, Checks, Choice, Matching, Multiple, Numeric, Ordering, Pair,
    Response, Rules, Single, TrueFalse, WRONG_SHAPE,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    pub questions: Vec<Question>,
}

impl Bank {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// `discipline/topic[/subtopic]`, such as `devops/calms/culture`.
    pub topic: String,
    pub difficulty: Difficulty,
    /// The seed article section the question tests.
    pub seed: String,
    pub prompt: String,
    pub body: Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// The disciplines the quizzes score; the first part of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Discipline {
    DevOps,
    Sre,
    DevSecOps,
    /// How the three work together, careers included.
    Together,
    MlOps,
}

impl Discipline {
    pub const ALL: [Discipline; 5] = [
        Discipline::DevOps,
        Discipline::Sre,
        Discipline::DevSecOps,
        Discipline::Together,
        Discipline::MlOps,
    ];
    /// The three the module is about, which an assessment balances.
    pub const CORE: [Discipline; 3] = [Discipline::DevOps, Discipline::Sre, Discipline::DevSecOps];

    /// The topic prefix, and the id of the view that teaches it.
    pub fn id(self) -> &'static str {
        match self {
            Discipline::DevOps => "devops",
            Discipline::Sre => "sre",
            Discipline::DevSecOps => "devsecops",
            Discipline::Together => "together",
            Discipline::MlOps => "mlops",
        }
    }

    pub fn from_id(id: &str) -> Option<Discipline> {
        Discipline::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The discipline of a topic such as `sre/error-budget`.
    pub fn of_topic(topic: &str) -> Option<Discipline> {
        Discipline::from_id(topic.split('/').next()?)
    }
}

impl Question {
    pub fn discipline(&self) -> Option<Discipline> {
        Discipline::of_topic(&self.topic)
    }

    /// Whether the question is on `topic` or one of its subtopics: `devops/calms` takes
    /// `devops/calms/culture`, but `devops/cal` takes nothing.
    pub fn is_on(&self, topic: &str) -> bool {
        self.topic == topic
            || self
                .topic
                .strip_prefix(topic)
                .is_some_and(|rest| rest.starts_with('/'))
    }
}

/// Every problem with the bank: ids, answers, explanations, topics, seed sections, and
/// that each seed section is tested by at least `per_seed` questions.
pub fn validate(bank: &Bank, seed_sections: &[&str], per_seed: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    // Two questions with one prompt read as the same question, and a reader who meets
    // the second cannot tell which one a score or a review is about.
    let mut prompts: BTreeMap<&str, &str> = BTreeMap::new();
    let mut seeds: BTreeMap<&str, usize> = seed_sections.iter().map(|s| (*s, 0)).collect();
    for question in &bank.questions {
        let mut problem =
            |message: String| problems.push(format!("question {:?}: {message}", question.id));
        if !ids.insert(question.id.as_str()) {
            problem("duplicate id".into());
        }
        if question.discipline().is_none() || question.topic.split('/').any(str::is_empty) {
            problem(format!("unknown topic {:?}", question.topic));
        }
        match seeds.get_mut(question.seed.as_str()) {
            Some(count) => *count += 1,
            None => problem(format!("unknown seed section {:?}", question.seed)),
        }
        if question.prompt.trim().is_empty() {
            problem("empty prompt".into());
        } else if let Some(first) = prompts.insert(question.prompt.trim(), &question.id) {
            problem(format!("same prompt as question {first:?}"));
        }
        for message in question.body.problems() {
            problem(message);
        }
    }
    for (seed, count) in seeds {
        if count < per_seed {
            problems.push(format!(
                "seed section {seed:?} is tested by {count} questions, fewer than {per_seed}"
            ));
        }
    }
    problems
}

/// Reading questions as they are written: flat TOML tables with a `kind`. Used by
/// `build.rs` and the tests; never compiled into the wasm.
#[cfg(feature = "authoring")]
pub mod authored {
    use super::{Bank, Question};

    /// The fields every question has; the rest belong to its kind.
    const COMMON: [&str; 5] = ["id", "topic", "difficulty", "seed", "prompt"];

    /// Parses one file of `[[question]]` tables.
    pub fn parse(text: &str) -> Result<Vec<Question>, String> {
        let mut file: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let Some(toml::Value::Array(questions)) = file.remove("question") else {
            return Err("expected [[question]] tables".into());
        };
        if let Some(other) = file.keys().next() {
            return Err(format!("unexpected top-level key {other:?}"));
        }
        questions.into_iter().map(question).collect()
    }

    /// `{id, ..., kind = "single", options = [...]}` becomes
    /// `{id, ..., body = {single = {options = [...]}}}`, the shape of [`Question`].
    fn question(value: toml::Value) -> Result<Question, String> {
        let toml::Value::Table(mut flat) = value else {
            return Err("a question must be a table".into());
        };
        let id = flat
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_owned();
        let fail = |message: String| format!("question {id:?}: {message}");
        let Some(toml::Value::String(kind)) = flat.remove("kind") else {
            return Err(fail("missing `kind`".into()));
        };
        let mut shaped = toml::Table::new();
        for key in COMMON {
            if let Some(value) = flat.remove(key) {
                shaped.insert(key.into(), value);
            }
        }
        let mut body = toml::Table::new();
        body.insert(kind, toml::Value::Table(flat));
        shaped.insert("body".into(), toml::Value::Table(body));
        toml::Value::Table(shaped)
            .try_into()
            .map_err(|e: toml::de::Error| fail(e.to_string()))
    }

    /// The bank as the app fetches it: its JSON, and the file's name, which carries a
    /// hash of those bytes, so a page loads only the bank of its own build and a cache
    /// may keep it for ever. `build.rs` bakes the name into the app; post-build writes
    /// the file, from the same folder, beside it.
    pub fn published(bank: &Bank, tag: &str) -> Result<(String, String), String> {
        let json = serde_json::to_string(bank).map_err(|e| e.to_string())?;
        let name = format!("quiz-{tag}-{:016x}.json", fnv1a(json.as_bytes()));
        Ok((name, json))
    }

    /// FNV-1a, 64 bits: a stable fingerprint of the bank, for its file name.
    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// Reads every `*.toml` of a locale's quiz folder, in file-name order.
    pub fn load(folder: &std::path::Path) -> Result<Bank, String> {
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        let mut questions = Vec::new();
        for file in files {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            questions.extend(parse(&text).map_err(|e| format!("{}: {e}", file.display()))?);
        }
        Ok(Bank { questions })
    }
}
