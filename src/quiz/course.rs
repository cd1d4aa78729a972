//! The progress a course keeps for the learner, in an LMS: SCORM 1.2's `cmi.suspend_data`, at most
//! 4,096 characters, so that a learner who opens the course on another device goes on
//! where they were.
//!
//! It holds the progress in its saved format (see `quiz::saved`), fitted to the limit.
//! What goes in, in this order, until the next would not fit:
//! 1. the quiz in progress, the learner's id, the missed questions and the results
//!    (a 15-question assessment in progress takes about 1,500 characters);
//! 2. the spaced-repetition cards, soonest due first: about 110 characters each, so
//!    some twenty of them fit beside a quiz in progress.
//!
//! The learner's record (`log`) never goes in: its answers reach the LMS as
//! interactions, and it stays whole in the browser. Were the first part ever too long
//! alone, the oldest results go, then the missed questions, then the quiz.

use super::saved::Progress;
use super::vault::merge;

/// What SCORM 1.2 lets a SCO keep in `cmi.suspend_data`.
pub const LIMIT: usize = 4_096;

/// How much of the progress `cmi.suspend_data` holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// Whether the quiz in progress is kept, and whether there is one.
    pub session: bool,
    pub had_session: bool,
    /// How many results, missed questions and cards are kept, of how many.
    pub results: usize,
    pub results_total: usize,
    pub mistakes: usize,
    pub mistakes_total: usize,
    pub cards: usize,
    pub cards_total: usize,
    /// Whether anything besides the log was left out.
    pub trimmed: bool,
}

/// The progress as `cmi.suspend_data`, within [`LIMIT`], and what it kept; None when
/// even an empty progress cannot be written. `encode` writes a progress as its save's
/// text (the browser's JSON in the app).
pub fn fit(
    progress: &Progress,
    encode: &dyn Fn(&Progress) -> Option<String>,
) -> Option<(String, Kept)> {
    let fits = |candidate: &Progress| encode(candidate).filter(|text| length(text) <= LIMIT);
    let mut kept = Progress {
        log: Vec::new(),
        ..progress.clone()
    };
    let cards_total = progress.cards.len();
    let soonest = soonest_due(progress);
    // Each part of the progress as cut to its first `count` entries in the order it
    // gives them up: the cards soonest due first, the newest results, the first missed.
    let cards = |kept: &Progress, count: usize| {
        // Put in one by one: collecting into a map would sort first, and bring a
        // sort's code into the wasm.
        let mut cards = std::collections::BTreeMap::new();
        for id in soonest.iter().take(count) {
            if let Some(card) = progress.cards.get(*id) {
                cards.insert((*id).clone(), *card);
            }
        }
        Progress {
            cards,
            ..kept.clone()
        }
    };
    let results = |kept: &Progress, count: usize| Progress {
        results: kept
            .results
            .get(kept.results.len().saturating_sub(count)..)
            .unwrap_or_default()
            .to_vec(),
        ..kept.clone()
    };
    let mistakes = |kept: &Progress, count: usize| Progress {
        mistakes: kept.mistakes.get(..count).unwrap_or_default().to_vec(),
        ..kept.clone()
    };
    let parts: [(usize, &Cut); 3] = [
        (cards_total, &cards),
        (progress.results.len(), &results),
        (progress.mistakes.len(), &mistakes),
    ];
    for (total, cut) in parts {
        if fits(&kept).is_none() {
            let count = most_that_fit(total, |count| fits(&cut(&kept, count)).is_some());
            kept = cut(&kept, count);
        }
    }
    if fits(&kept).is_none() {
        kept.session = None;
    }
    let text = fits(&kept)?;
    let summary = Kept {
        session: kept.session.is_some(),
        had_session: progress.session.is_some(),
        results: kept.results.len(),
        results_total: progress.results.len(),
        mistakes: kept.mistakes.len(),
        mistakes_total: progress.mistakes.len(),
        cards: kept.cards.len(),
        cards_total,
        trimmed: kept.cards.len() < cards_total
            || kept.results.len() < progress.results.len()
            || kept.mistakes.len() < progress.mistakes.len()
            || kept.session.is_none() && progress.session.is_some(),
    };
    Some((text, summary))
}

/// The progress to go on with at launch: the browser's, with what the LMS kept added
/// (see `vault::merge`): a learner on another device gets the LMS's, and one on the
/// same device loses nothing either holds. The LMS's copy is taken as of the browser's
/// lineage, so that neither wins whole: a reset or an import on one device does not
/// erase what the other holds.
pub fn resumed(browser: &Progress, from_lms: Progress) -> Progress {
    // The browser's learner id is kept where it has one: the statements it has given
    // out already name it.
    let learner = match browser.learner {
        0 => from_lms.learner,
        mine => mine,
    };
    let from_lms = Progress {
        lineage: browser.lineage,
        learner,
        ..from_lms
    };
    merge(&from_lms, browser, None)
}

/// A progress with one of its parts cut to its first `count` entries.
type Cut<'a> = dyn Fn(&Progress, usize) -> Progress + 'a;

/// The cards' ids, soonest due first, by insertion (they come in id order, which breaks
/// ties): a few hundred at most, and no sort's code in the wasm.
fn soonest_due(progress: &Progress) -> Vec<&String> {
    let mut soonest: Vec<(&String, i64)> = Vec::with_capacity(progress.cards.len());
    for (id, card) in &progress.cards {
        let at = soonest.partition_point(|&(_, due)| due <= card.due_day);
        soonest.insert(at, (id, card.due_day));
    }
    soonest.into_iter().map(|(id, _)| id).collect()
}

/// The largest count up to `most` that `fits`, by bisection, given that fewer always fit
/// when more do; 0 when none fits.
fn most_that_fit(most: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, most);
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    low
}

/// A text's length as SCORM counts characters, and JavaScript does: in UTF-16 units.
pub fn length(text: &str) -> usize {
    text.encode_utf16().count()
}
