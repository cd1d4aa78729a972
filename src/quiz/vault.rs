//! Keeping the reader's progress safe: how it is opened, saved, merged and backed up,
//! whatever storage does. Pure: storage and the JSON codec come in through two traits,
//! `localStorage` and the browser's parser in the app (`store.rs`), an in-memory fake and
//! `serde_json` in the tests, so that full storage, a newer save and two writers are all
//! tried natively.
//!
//! The rule: nothing the reader has earned is overwritten by something older, smaller
//! or unreadable without a copy being kept.
//! - Opening reads first, then probes: full storage still shows (and exports) what was
//!   saved, read-only.
//! - A save that cannot be read is copied to a backup before anything is written; one
//!   that a newer version wrote is never written over (this tab is read-only).
//! - Every save re-reads what is stored and merges (see [`merge`]), so a second tab, or
//!   an older one, adds to the progress instead of replacing it.
//! - Import, reset and restore replace, on purpose, after backing up what they replace.
//! - Backups are kept once per content, at most [`BACKUPS_KEPT`], and can be restored.

use super::saved::{LoadError, Notice, Outcome, Progress};
use super::session::Session;

/// Where progress is kept.
pub const KEY: &str = "ops-trio.progress";
/// Written and removed once, after reading, to learn whether saving works.
pub const PROBE_KEY: &str = "ops-trio.probe";
/// Backups are `ops-trio.progress.backup-<milliseconds since 1970>`.
pub const BACKUP_PREFIX: &str = "ops-trio.progress.backup-";
/// How many backups are kept; the oldest go first.
pub const BACKUPS_KEPT: usize = 5;

/// Storage refused: missing, blocked, or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store of text, such as `localStorage`.
pub trait Storage {
    fn read(&self, key: &str) -> Result<Option<String>, Refused>;
    fn write(&self, key: &str, value: &str) -> Result<(), Refused>;
    fn remove(&self, key: &str) -> Result<(), Refused>;
    /// Every key stored.
    fn keys(&self) -> Result<Vec<String>, Refused>;
}

/// Progress to and from its JSON text.
pub trait Codec {
    fn decode(&self, text: &str, today: i64) -> Result<Progress, LoadError>;
    /// `None` when the progress cannot be written (a number JSON cannot carry, say).
    fn encode(&self, progress: &Progress) -> Option<String>;
}

/// The progress to start with, whether it may be saved, and what to tell the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub progress: Progress,
    pub writable: bool,
    pub notices: Vec<Notice>,
}

/// Opens the saved progress. Reads before anything is written.
pub fn open(storage: &dyn Storage, codec: &dyn Codec, today: i64, now_ms: u64) -> Opened {
    let opened = |progress, writable, notices| Opened {
        progress,
        writable,
        notices,
    };
    let text = match storage.read(KEY) {
        Ok(text) => text,
        Err(Refused) => return opened(Progress::default(), false, vec![Notice::NotSaved]),
    };
    let mut opened = match text.map(|text| (codec.decode(&text, today), text)) {
        None => opened(Progress::default(), true, vec![]),
        Some((Ok(progress), _)) => opened(progress, true, vec![]),
        Some((Err(LoadError::Corrupt), text)) => match keep_backup(storage, &text, now_ms) {
            Ok(backup) => opened(Progress::default(), true, vec![Notice::Corrupt { backup }]),
            Err(Refused) => opened(Progress::default(), false, vec![Notice::Untouched]),
        },
        // Left as it is, and never written over from this page.
        Some((Err(LoadError::FromTheFuture(_)), _)) => {
            opened(Progress::default(), false, vec![Notice::FromTheFuture])
        }
    };
    if opened.writable && probe(storage).is_err() {
        opened.writable = false;
        opened.notices.push(Notice::Full);
    }
    opened
}

fn probe(storage: &dyn Storage) -> Result<(), Refused> {
    storage.write(PROBE_KEY, "1")?;
    storage.remove(PROBE_KEY)
}

/// Saves the reader's progress, merged with what is stored now; returns what was
/// written, for the page to adopt. `ended` is the quiz this tab has just finished, so
/// that its stored copy is not taken for one in progress. What is stored is never lost:
/// a newer save refuses the write, and an unreadable one is backed up first.
pub fn save(
    storage: &dyn Storage,
    codec: &dyn Codec,
    mine: &Progress,
    ended: Option<&Session>,
    today: i64,
    now_ms: u64,
) -> Result<Progress, Notice> {
    let stored = storage.read(KEY).map_err(|_| Notice::SaveFailed)?;
    let merged = match stored.map(|text| (codec.decode(&text, today), text)) {
        None => mine.clone(),
        Some((Ok(stored), _)) => merge(&stored, mine, ended),
        Some((Err(LoadError::FromTheFuture(_)), _)) => return Err(Notice::NewerElsewhere),
        Some((Err(LoadError::Corrupt), text)) => {
            keep_backup(storage, &text, now_ms).map_err(|_| Notice::SaveFailed)?;
            mine.clone()
        }
    };
    write(storage, codec, &merged)?;
    Ok(merged)
}

/// Replaces the stored progress (import, reset, restore), after backing it up, under a
/// new lineage (`lineage`, which the caller makes unique), so that other tabs take the
/// replacement as it is instead of merging back what it replaced. Returns what was
/// written. A newer release's save is not replaced.
pub fn replace(
    storage: &dyn Storage,
    codec: &dyn Codec,
    with: &Progress,
    lineage: u64,
    today: i64,
    now_ms: u64,
) -> Result<Progress, Notice> {
    if let Some(text) = storage.read(KEY).map_err(|_| Notice::SaveFailed)? {
        if let Err(LoadError::FromTheFuture(_)) = codec.decode(&text, today) {
            return Err(Notice::NewerElsewhere);
        }
        keep_backup(storage, &text, now_ms).map_err(|_| Notice::SaveFailed)?;
    }
    let written = Progress {
        lineage,
        ..with.clone()
    };
    write(storage, codec, &written)?;
    Ok(written)
}

fn write(storage: &dyn Storage, codec: &dyn Codec, progress: &Progress) -> Result<(), Notice> {
    let text = codec.encode(progress).ok_or(Notice::SaveFailed)?;
    storage.write(KEY, &text).map_err(|_| Notice::SaveFailed)
}

/// A backup, by key and the time it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    pub made_ms: u64,
}

/// The backups kept, newest first.
pub fn backups(storage: &dyn Storage) -> Vec<Backup> {
    let mut backups: Vec<Backup> = storage
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let made_ms = key.strip_prefix(BACKUP_PREFIX)?.parse().ok()?;
            Some(Backup { key, made_ms })
        })
        .collect();
    // Newest first, by insertion: a handful of keys, and no sort's code in the wasm.
    let mut newest_first: Vec<Backup> = Vec::with_capacity(backups.len());
    for backup in backups.drain(..) {
        let at = newest_first.partition_point(|b| {
            (b.made_ms, b.key.as_str()) > (backup.made_ms, backup.key.as_str())
        });
        newest_first.insert(at, backup);
    }
    newest_first
}

/// Reads a backup, to show what restoring it would bring back.
pub fn read_backup(
    storage: &dyn Storage,
    codec: &dyn Codec,
    key: &str,
    today: i64,
) -> Result<Progress, LoadError> {
    let text = storage.read(key).ok().flatten().ok_or(LoadError::Corrupt)?;
    codec.decode(&text, today)
}

/// Copies `text` to a backup, unless a backup holds it already, then drops the oldest
/// beyond [`BACKUPS_KEPT`]. Returns the backup's key. Also for text that may be progress
/// but cannot be read here (what an LMS kept), to restore once a newer release reads it.
pub fn keep_backup(storage: &dyn Storage, text: &str, now_ms: u64) -> Result<String, Refused> {
    let kept = backups(storage);
    for backup in &kept {
        if storage.read(&backup.key)?.as_deref() == Some(text) {
            return Ok(backup.key.clone());
        }
    }
    // A fresh key, even when two backups are made in one millisecond.
    let newest = kept.first().map_or(0, |b| b.made_ms + 1);
    let key = format!("{BACKUP_PREFIX}{}", now_ms.max(newest));
    storage.write(&key, text)?;
    for old in kept.iter().skip(BACKUPS_KEPT - 1) {
        // Best effort: a backup that will not go is still a backup.
        let _ = storage.remove(&old.key);
    }
    Ok(key)
}

/// Two copies of the reader's progress made one: what `stored` has that `mine` lacks
/// is added, and where both have something, the newer wins.
/// - a replacement (import, reset, restore) wins outright: when `stored` is of another
///   lineage, it is taken as it is, but for this tab's quiz in progress;
/// - cards: per question, the later review (then the one with more reviews);
/// - results: every result either has, as many times as either has it, oldest first,
///   the latest [`RESULTS_KEPT`](super::saved::RESULTS_KEPT);
/// - mistakes: those of the copy whose latest result the other has not seen (that
///   copy finished a quiz since); both, if each has; `stored`'s, if neither;
/// - the learner's record: every event of either, once; the learner's id, stored's;
/// - the quiz in progress belongs to this tab: mine, unless stored holds the same
///   attempt further on, or a result of it (it was finished in another tab). With none
///   of mine, the stored one stays, unless it is the attempt this tab has `ended`.
pub fn merge(stored: &Progress, mine: &Progress, ended: Option<&Session>) -> Progress {
    let session = merge_session(stored, mine.session.as_ref(), ended);
    if stored.lineage != mine.lineage {
        return Progress {
            session,
            ..stored.clone()
        };
    }
    let mut cards = stored.cards.clone();
    for (id, card) in &mine.cards {
        let newer = cards
            .get(id)
            .is_none_or(|theirs| (card.last_day, card.reps) >= (theirs.last_day, theirs.reps));
        if newer {
            cards.insert(id.clone(), *card);
        }
    }
    // Whether a copy has seen the other's latest result: the latest is never dropped
    // by the cap, as older ones are.
    let seen =
        |by: &Progress, latest: Option<&Outcome>| latest.is_none_or(|o| by.results.contains(o));
    let mistakes = match (
        seen(stored, mine.results.last()),
        seen(mine, stored.results.last()),
    ) {
        (false, true) => mine.mistakes.clone(),
        (false, false) => union(&stored.mistakes, &mine.mistakes),
        (true, _) => stored.mistakes.clone(),
    };
    // Stored results are in day order; each of mine goes in after those of its day.
    let mut results = stored.results.clone();
    for outcome in extra_results(&mine.results, &stored.results) {
        let at = results.partition_point(|o| o.day <= outcome.day);
        results.insert(at, outcome);
    }
    let mut progress = Progress {
        cards,
        mistakes,
        results: Vec::new(),
        session,
        lineage: stored.lineage,
        log: crate::lms::record::merged(&stored.log, &mine.log),
        learner: match stored.learner {
            0 => mine.learner,
            theirs => theirs,
        },
    };
    for outcome in results {
        progress.keep_result(outcome);
    }
    progress
}

/// The results of `these` that `those` lacks, counting repeats.
fn extra_results(these: &[Outcome], those: &[Outcome]) -> Vec<Outcome> {
    let mut unmatched: Vec<&Outcome> = those.iter().collect();
    these
        .iter()
        .filter(
            |outcome| match unmatched.iter().position(|o| o == outcome) {
                Some(at) => {
                    unmatched.swap_remove(at);
                    false
                }
                None => true,
            },
        )
        .cloned()
        .collect()
}

fn union(first: &[String], second: &[String]) -> Vec<String> {
    let mut all = first.to_vec();
    all.extend(second.iter().filter(|id| !first.contains(id)).cloned());
    all
}

fn merge_session(
    stored: &Progress,
    mine: Option<&Session>,
    ended: Option<&Session>,
) -> Option<Session> {
    let theirs = stored.session.as_ref();
    let finished_elsewhere = |session: &Session| {
        session.attempt != 0
            && stored
                .results
                .iter()
                .any(|outcome| outcome.attempt == Some(session.attempt))
    };
    match (theirs, mine) {
        (_, Some(mine)) if finished_elsewhere(mine) => None,
        (Some(theirs), Some(mine))
            if theirs.same_attempt(mine) && theirs.answered() > mine.answered() =>
        {
            Some(theirs.clone())
        }
        (_, Some(mine)) => Some(mine.clone()),
        (Some(theirs), None) if ended.is_some_and(|ended| theirs.same_attempt(ended)) => None,
        (theirs, None) => theirs.cloned(),
    }
}
