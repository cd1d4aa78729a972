//! A translation has the shape of its original: the build refuses a locale's content
//! whose files, keys, lists, table rows and columns, question options, answers or
//! `{placeholders}` differ from the reference locale's (English), or whose text is
//! empty. Only prose may differ; identifiers, numbers, answers and cited source
//! titles are the same in every language.
//!
//! The check reads both files as TOML trees and walks them side by side, so a field
//! added to the model later is covered without a change here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use toml::Value;

use crate::ui_bake::placeholders;

/// Keys whose string values identify or count things, never prose: the same in every
/// language.
const IDENTIFIER_KEYS: [&str; 20] = [
    "id",
    "views",
    "seed",
    "icon",
    "quiz_topic",
    "start",
    "detected_in",
    "before",
    "view",
    "severity",
    "url",
    "currency",
    "letter",
    "topic",
    "difficulty",
    "kind",
    "tolerance",
    "tools",
    "publisher",
    "hub",
];

/// Keys that are identifiers under one parent only: where the path finder goes next
/// (`next.question`, `next.role`; elsewhere a question or a role is text), and a
/// numeric question's answer as written (`question.answer`; an FAQ's answer is text).
const IDENTIFIERS_UNDER: [(&str, &str); 3] = [
    ("next", "question"),
    ("next", "role"),
    ("question", "answer"),
];

/// Tables whose `title` cites a source by its own title, which stays in its language.
const SOURCE_TABLES: [&str; 6] = [
    "source",
    "sources",
    "alerts_source",
    "policy_source",
    "cost_source",
    "seed_sections",
];

/// Compares every content file of a locale's folder with the reference locale's:
/// the same files (`index.toml`, `views/*.toml`, `quiz/*.toml`), each of the same shape.
pub fn compare_folders(reference: &Path, translated: &Path) -> Vec<String> {
    let files = match toml_files(reference) {
        Ok(files) => files,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    match toml_files(translated) {
        Ok(theirs) => {
            for extra in theirs.difference(&files) {
                problems.push(format!(
                    "{}: has no counterpart in {}",
                    translated.join(extra).display(),
                    reference.display()
                ));
            }
        }
        Err(problem) => return vec![problem],
    }
    for file in &files {
        problems.extend(compare_files(&reference.join(file), &translated.join(file)));
    }
    problems
}

/// Compares one translated file with its original.
pub fn compare_files(reference: &Path, translated: &Path) -> Vec<String> {
    let read = |path: &Path| -> Result<Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    match (read(reference), read(translated)) {
        (Ok(original), Ok(translation)) => compare(&original, &translation)
            .into_iter()
            .map(|problem| format!("{}: {problem}", translated.display()))
            .collect(),
        (Err(problem), _) | (_, Err(problem)) => vec![problem],
    }
}

/// Every difference of shape between an original and its translation, each with the
/// path of the value (`question[3].options[1].text`).
pub fn compare(original: &Value, translation: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk(original, translation, &mut Place::root(), &mut problems);
    problems
}

/// Where a value sits: its path for messages, and the keys that lead to it.
struct Place {
    path: String,
    keys: Vec<String>,
}

impl Place {
    fn root() -> Place {
        Place {
            path: String::new(),
            keys: Vec::new(),
        }
    }

    fn key(&self) -> &str {
        self.keys.last().map_or("", String::as_str)
    }

    /// Whether a string here is an identifier or a cited title, which is not translated.
    fn is_kept(&self) -> bool {
        let parent = self.keys.iter().rev().nth(1).map(String::as_str);
        IDENTIFIER_KEYS.contains(&self.key())
            || parent.is_some_and(|p| IDENTIFIERS_UNDER.contains(&(p, self.key())))
            || (self.key() == "title" && parent.is_some_and(|p| SOURCE_TABLES.contains(&p)))
            // The skill rating names the table it rates by id.
            || (self.key() == "table" && parent == Some("skill_rating"))
    }

    fn shown(&self) -> &str {
        if self.path.is_empty() {
            "the file"
        } else {
            &self.path
        }
    }
}

fn walk(original: &Value, translation: &Value, place: &mut Place, problems: &mut Vec<String>) {
    match (original, translation) {
        (Value::Table(original), Value::Table(translation)) => {
            let keys = |table: &toml::Table| table.keys().cloned().collect::<BTreeSet<_>>();
            for missing in keys(original).difference(&keys(translation)) {
                problems.push(format!("{}: `{missing}` is missing", place.shown()));
            }
            for extra in keys(translation).difference(&keys(original)) {
                problems.push(format!(
                    "{}: `{extra}` is not in the original",
                    place.shown()
                ));
            }
            for (key, value) in original {
                if let Some(theirs) = translation.get(key) {
                    let length = place.path.len();
                    if !place.path.is_empty() {
                        place.path.push('.');
                    }
                    place.path.push_str(key);
                    place.keys.push(key.clone());
                    walk(value, theirs, place, problems);
                    place.keys.pop();
                    place.path.truncate(length);
                }
            }
        }
        (Value::Array(original), Value::Array(translation)) => {
            if original.len() != translation.len() {
                problems.push(format!(
                    "{}: {} entries where the original has {}",
                    place.shown(),
                    translation.len(),
                    original.len()
                ));
                return;
            }
            for (index, (value, theirs)) in original.iter().zip(translation).enumerate() {
                let length = place.path.len();
                place.path.push_str(&format!("[{index}]"));
                walk(value, theirs, place, problems);
                place.path.truncate(length);
            }
        }
        (Value::String(original), Value::String(translation)) => {
            check_text(original, translation, place, problems)
        }
        (original, translation) if original.type_str() != translation.type_str() => {
            problems.push(format!(
                "{}: a {} where the original has a {}",
                place.shown(),
                translation.type_str(),
                original.type_str()
            ));
        }
        (original, translation) => {
            if original != translation {
                problems.push(format!(
                    "{}: {translation} where the original has {original}; only text is translated",
                    place.shown()
                ));
            }
        }
    }
}

fn check_text(original: &str, translation: &str, place: &Place, problems: &mut Vec<String>) {
    if place.is_kept() {
        if original != translation {
            problems.push(format!(
                "{}: must stay {original:?} in every language (an identifier, an answer or a cited title)",
                place.shown()
            ));
        }
        return;
    }
    if translation.trim().is_empty() {
        problems.push(format!("{}: is empty", place.shown()));
    }
    if placeholders(original) != placeholders(translation) {
        problems.push(format!(
            "{}: must use the placeholders {:?}",
            place.shown(),
            placeholders(original)
        ));
    }
}

/// The `.toml` files of a locale's content folder, relative to it.
fn toml_files(folder: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let mut files = BTreeSet::new();
    for sub in ["", "views", "quiz"] {
        let dir = folder.join(sub);
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                if let Ok(relative) = path.strip_prefix(folder) {
                    files.insert(relative.to_owned());
                }
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(original: &str, translation: &str) -> Vec<String> {
        compare(
            &toml::from_str(original).unwrap(),
            &toml::from_str(translation).unwrap(),
        )
    }

    const QUESTION: &str = r#"
        [[question]]
        id = "sre-001"
        kind = "single"
        prompt = "Which {thing}?"
        [[question.options]]
        text = "One"
        correct = true
        explanation = "Because."
        [[question.options]]
        text = "Two"
        correct = false
        explanation = "Not so."
    "#;

    #[test]
    fn a_faithful_translation_passes() {
        let zh = QUESTION
            .replace("Which {thing}?", "哪一個{thing}？")
            .replace("\"One\"", "\"一\"")
            .replace("\"Two\"", "\"二\"");
        assert_eq!(problems(QUESTION, &zh), Vec::<String>::new());
    }

    #[test]
    fn a_changed_answer_an_identifier_or_a_placeholder_is_refused() {
        let moved = QUESTION
            .replace("correct = true", "correct = X")
            .replace("correct = false", "correct = true")
            .replace("correct = X", "correct = false");
        let found = problems(QUESTION, &moved);
        assert!(
            found
                .iter()
                .any(|p| p.contains("question[0].options[0].correct")),
            "{found:?}"
        );
        let renamed = QUESTION.replace("sre-001", "sre-01");
        assert!(problems(QUESTION, &renamed)[0].contains("must stay \"sre-001\""));
        let lost = QUESTION.replace("{thing}", "thing");
        assert!(problems(QUESTION, &lost)[0].contains("placeholders"));
    }

    #[test]
    fn a_missing_option_an_extra_key_or_empty_text_is_refused() {
        let cut = QUESTION
            .split("[[question.options]]")
            .take(2)
            .collect::<Vec<_>>()
            .join("[[question.options]]");
        assert!(problems(QUESTION, &cut)[0]
            .contains("question[0].options: 1 entries where the original has 2"));
        let extra = QUESTION.replace("kind = \"single\"", "kind = \"single\"\nhint = \"x\"");
        assert!(problems(QUESTION, &extra)[0].contains("`hint` is not in the original"));
        let empty = QUESTION.replace("\"Because.\"", "\" \"");
        assert!(problems(QUESTION, &empty)[0].contains("options[0].explanation: is empty"));
    }

    #[test]
    fn a_table_row_or_column_more_or_less_is_refused() {
        let original = "[table]\ncolumns = [\"A\", \"B\"]\nrows = [[\"1\", \"2\"]]\n";
        let short_row = "[table]\ncolumns = [\"甲\", \"乙\"]\nrows = [[\"1\"]]\n";
        assert!(problems(original, short_row)[0].contains("table.rows[0]: 1 entries"));
        let extra_column = "[table]\ncolumns = [\"甲\", \"乙\", \"丙\"]\nrows = [[\"1\", \"2\"]]\n";
        assert!(problems(original, extra_column)[0].contains("table.columns: 3 entries"));
    }

    #[test]
    fn cited_titles_stay_in_their_language_and_prose_titles_are_translated() {
        let original = "title = \"What is SRE?\"\n[source]\ntitle = \"The SRE book\"\n";
        assert!(problems(
            original,
            "title = \"什麼是 SRE？\"\n[source]\ntitle = \"The SRE book\"\n"
        )
        .is_empty());
        let found = problems(
            original,
            "title = \"什麼是 SRE？\"\n[source]\ntitle = \"SRE 之書\"\n",
        );
        assert!(found[0].contains("source.title: must stay"), "{found:?}");
    }
}
