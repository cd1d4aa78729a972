//! The reader's progress against everything storage, tabs, releases and files can do:
//! the vault driven through an in-memory storage that can be full or refuse, and a codec
//! that writes JSON under the browser's rules (here); what each path must keep
//! (`paths.rs`); two tabs saving in any interleaving (`tabs.rs`); and any save the
//! loader accepts, answered to the end and rendered (`accepted.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod accepted;
mod paths;
mod tabs;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use ops_trio::quiz::saved::{self, LoadError, Notice, Outcome, Progress, VERSION};
use ops_trio::quiz::session::{Mode, Session, MAX_SEED};
use ops_trio::quiz::srs::{Card, Rating};
use ops_trio::quiz::vault::{self, Codec, Refused, Storage, BACKUPS_KEPT, KEY};
use proptest::prelude::*;

/// `localStorage` in memory. `full` refuses every write (reads still work), as a full
/// quota does; `quota` refuses a write that would take the total past it.
#[derive(Default)]
struct Memory {
    items: RefCell<BTreeMap<String, String>>,
    full: Cell<bool>,
    quota: Cell<Option<usize>>,
}

impl Memory {
    fn with(key: &str, value: &str) -> Memory {
        let memory = Memory::default();
        memory.items.borrow_mut().insert(key.into(), value.into());
        memory
    }

    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn backup_texts(&self) -> Vec<String> {
        self.items
            .borrow()
            .iter()
            .filter(|(key, _)| key.starts_with(vault::BACKUP_PREFIX))
            .map(|(_, value)| value.clone())
            .collect()
    }
}

impl Storage for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, Refused> {
        Ok(self.get(key))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), Refused> {
        if self.full.get() {
            return Err(Refused);
        }
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota.get() {
            let others: usize = items
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(Refused);
            }
        }
        items.insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), Refused> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, Refused> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// Storage that refuses everything, as a sandboxed frame's does.
struct Blocked;

impl Storage for Blocked {
    fn read(&self, _: &str) -> Result<Option<String>, Refused> {
        Err(Refused)
    }
    fn write(&self, _: &str, _: &str) -> Result<(), Refused> {
        Err(Refused)
    }
    fn remove(&self, _: &str) -> Result<(), Refused> {
        Err(Refused)
    }
    fn keys(&self) -> Result<Vec<String>, Refused> {
        Err(Refused)
    }
}

/// JSON as the browser writes it: a number it cannot keep exactly (an integer beyond
/// 2^53 − 1, a float that is not finite) makes the write fail, as it would corrupt
/// the save there.
struct BrowserRules;

/// Whether every number in the value survives the browser's JSON.
fn browser_safe(value: &serde_json::Value) -> bool {
    const SAFE: u64 = (1 << 53) - 1;
    match value {
        serde_json::Value::Number(n) => {
            n.as_u64().is_some_and(|n| n <= SAFE)
                || n.as_i64().is_some_and(|n| n.unsigned_abs() <= SAFE)
                || (n.as_u64().is_none()
                    && n.as_i64().is_none()
                    && n.as_f64().is_some_and(f64::is_finite))
        }
        serde_json::Value::Array(items) => items.iter().all(browser_safe),
        serde_json::Value::Object(fields) => fields.values().all(browser_safe),
        _ => true,
    }
}

impl Codec for BrowserRules {
    fn decode(&self, text: &str, today: i64) -> Result<Progress, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| LoadError::Corrupt)?;
        saved::load(|| value.clone(), today)
    }

    fn encode(&self, progress: &Progress) -> Option<String> {
        let value = saved::save(progress, serde_json::value::Serializer).ok()?;
        browser_safe(&value).then(|| value.to_string())
    }
}

const TODAY: i64 = 20_000;

fn encoded(progress: &Progress) -> String {
    BrowserRules.encode(progress).expect("browser-safe")
}

fn stored(memory: &Memory) -> Progress {
    BrowserRules
        .decode(&memory.get(KEY).expect("a save"), TODAY)
        .expect("readable")
}

fn with_card(id: &str, day: i64) -> Progress {
    let mut progress = Progress::default();
    progress
        .cards
        .insert(id.into(), Card::first(Rating::Good, day));
    progress
}

/// A finished quiz's result; `seed` tells quizzes apart.
fn outcome(day: i64, percent: u8, seed: u64) -> Outcome {
    Outcome {
        day,
        scores: vec![("sre".into(), percent)],
        attempt: Some(seed),
    }
}

fn session(seed: u64) -> Session {
    Session {
        mode: Mode::Assessment,
        seed,
        items: Vec::new(),
        answers: Vec::new(),
        position: 0,
        attempt: seed,
    }
}
