//! What each path that could lose progress must keep: full or blocked storage, a newer
//! release's save, an unreadable one, backups and replacements, two tabs, a quiz
//! finished elsewhere, seeds.

use super::*;

#[test]
fn full_storage_still_shows_what_was_saved_read_only() {
    let memory = Memory::with(KEY, &encoded(&with_card("sre-001", TODAY)));
    memory.full.set(true);
    let opened = vault::open(&memory, &BrowserRules, TODAY, 1);
    assert_eq!(
        opened.progress,
        with_card("sre-001", TODAY),
        "read before the probe"
    );
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::Full]);
}

#[test]
fn blocked_storage_starts_afresh_and_says_nothing_will_be_saved() {
    let opened = vault::open(&Blocked, &BrowserRules, TODAY, 1);
    assert_eq!(opened.progress, Progress::default());
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::NotSaved]);
}

#[test]
fn a_newer_save_is_opened_read_only_and_never_written_over() {
    let newer = format!(r#"{{"app":"ops-trio","version":{},"x":1}}"#, VERSION + 1);
    let memory = Memory::with(KEY, &newer);
    let opened = vault::open(&memory, &BrowserRules, TODAY, 1);
    assert!(!opened.writable);
    assert_eq!(opened.notices, [Notice::FromTheFuture]);
    assert!(
        memory.backup_texts().is_empty(),
        "nothing to back up: it stays"
    );
    // A tab that opened before the newer release saved is refused too.
    let older_tab = vault::save(
        &memory,
        &BrowserRules,
        &with_card("sre-001", TODAY),
        None,
        TODAY,
        2,
    );
    assert_eq!(older_tab, Err(Notice::NewerElsewhere));
    assert_eq!(memory.get(KEY).as_deref(), Some(newer.as_str()));
}

#[test]
fn an_unreadable_save_is_backed_up_once_however_often_it_is_opened() {
    let memory = Memory::with(KEY, "{\"app\":\"ops-trio\",\"version\":2,\"progress\":{");
    for now in 1..=3 {
        let opened = vault::open(&memory, &BrowserRules, TODAY, now);
        assert_eq!(
            opened.notices,
            [Notice::Corrupt {
                backup: format!("{}1", vault::BACKUP_PREFIX)
            }]
        );
    }
    assert_eq!(memory.backup_texts().len(), 1);
}

#[test]
fn backups_are_capped_restorable_and_made_before_each_replacement() {
    let memory = Memory::default();
    for n in 0..(BACKUPS_KEPT as i64 + 3) {
        let progress = with_card(&format!("sre-{n:03}"), TODAY);
        vault::replace(&memory, &BrowserRules, &progress, 1, TODAY, 100 + n as u64).unwrap();
    }
    let backups = vault::backups(&memory);
    assert_eq!(backups.len(), BACKUPS_KEPT, "the oldest go");
    // Each replacement kept what it replaced: the newest backup is the one before last.
    let newest = vault::read_backup(&memory, &BrowserRules, &backups[0].key, TODAY).unwrap();
    let last = BACKUPS_KEPT as i64 + 1;
    assert_eq!(
        newest.cards,
        with_card(&format!("sre-{last:03}"), TODAY).cards
    );
    assert!(
        backups.windows(2).all(|w| w[0].made_ms > w[1].made_ms),
        "newest first"
    );
}

#[test]
fn a_replacement_that_cannot_back_up_first_changes_nothing() {
    let before = encoded(&with_card("sre-001", TODAY));
    let memory = Memory::with(KEY, &before);
    memory.quota.set(Some(before.len() + KEY.len() + 10));
    let result = vault::replace(&memory, &BrowserRules, &Progress::default(), 7, TODAY, 5);
    assert_eq!(result, Err(Notice::SaveFailed));
    assert_eq!(memory.get(KEY), Some(before));
}

#[test]
fn two_tabs_that_finish_different_quizzes_keep_both() {
    let memory = Memory::with(KEY, &encoded(&with_card("old-001", TODAY - 9)));
    let opened = |now| vault::open(&memory, &BrowserRules, TODAY, now).progress;
    let (mut a, mut b) = (opened(1), opened(2));
    a.cards
        .insert("sre-001".into(), Card::first(Rating::Good, TODAY));
    a.keep_result(outcome(TODAY, 80, 1));
    a.mistakes = vec!["sre-002".into()];
    b.cards
        .insert("old-001".into(), Card::first(Rating::Again, TODAY));
    b.keep_result(outcome(TODAY, 40, 2));
    b.mistakes = vec!["devops-003".into()];
    vault::save(&memory, &BrowserRules, &a, None, TODAY, 3).unwrap();
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 4).unwrap();
    let kept = stored(&memory);
    assert_eq!(kept, written, "the page adopts what it wrote");
    assert_eq!(kept.cards.len(), 2);
    assert_eq!(
        kept.cards["old-001"],
        Card::first(Rating::Again, TODAY),
        "the later review wins"
    );
    assert_eq!(kept.results.len(), 2);
    assert_eq!(
        kept.mistakes,
        ["sre-002", "devops-003"],
        "each finished a quiz"
    );
}

#[test]
fn an_older_tab_does_not_take_back_a_newer_review() {
    let newer = with_card("sre-001", TODAY);
    let memory = Memory::with(KEY, &encoded(&newer));
    let stale = with_card("sre-001", TODAY - 30);
    vault::save(&memory, &BrowserRules, &stale, None, TODAY, 1).unwrap();
    assert_eq!(stored(&memory).cards["sre-001"], newer.cards["sre-001"]);
}

#[test]
fn a_quiz_this_tab_ended_is_not_taken_back_from_its_stored_copy() {
    let before = Progress {
        session: Some(session(7)),
        ..Progress::default()
    };
    let memory = Memory::with(KEY, &encoded(&before));
    let finished = session(7);
    vault::save(
        &memory,
        &BrowserRules,
        &Progress::default(),
        Some(&finished),
        TODAY,
        1,
    )
    .unwrap();
    assert_eq!(stored(&memory).session, None);
    // Another tab's quiz stays, though this tab has none.
    let other = Progress {
        session: Some(session(8)),
        ..Progress::default()
    };
    let memory = Memory::with(KEY, &encoded(&other));
    vault::save(
        &memory,
        &BrowserRules,
        &Progress::default(),
        Some(&finished),
        TODAY,
        1,
    )
    .unwrap();
    assert_eq!(stored(&memory).session, Some(session(8)));
}

#[test]
fn a_replacement_is_not_merged_back_by_a_tab_that_held_the_progress_before() {
    let before = with_card("sre-001", TODAY);
    let memory = Memory::with(KEY, &encoded(&before));
    // Tab A resets; tab B still holds the cards and saves a change.
    let reset = vault::replace(&memory, &BrowserRules, &Progress::default(), 42, TODAY, 1).unwrap();
    assert_eq!(reset.lineage, 42);
    let mut b = before.clone();
    b.mistakes = vec!["sre-002".into()];
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 2).unwrap();
    assert_eq!(written.cards.len(), 0, "the reset stands");
    assert_eq!(stored(&memory), written);
    // B's quiz in progress is still its own.
    let b = Progress {
        session: Some(session(9)),
        ..before
    };
    let written = vault::save(&memory, &BrowserRules, &b, None, TODAY, 3).unwrap();
    assert_eq!(
        (written.cards.len(), written.session),
        (0, Some(session(9)))
    );
}

#[test]
fn a_replacement_does_not_write_over_a_newer_release() {
    let newer = format!(r#"{{"app":"ops-trio","version":{}}}"#, VERSION + 1);
    let memory = Memory::with(KEY, &newer);
    let result = vault::replace(&memory, &BrowserRules, &Progress::default(), 1, TODAY, 1);
    assert_eq!(result, Err(Notice::NewerElsewhere));
    assert_eq!(memory.get(KEY), Some(newer));
}

#[test]
fn with_every_result_slot_full_a_new_quiz_s_mistakes_replace_the_last_ones() {
    let mut progress = Progress::default();
    for n in 0..saved::RESULTS_KEPT as u64 {
        progress.keep_result(outcome(TODAY - 30 + n as i64, 50, n + 1));
    }
    progress.mistakes = vec!["old-001".into()];
    let memory = Memory::with(KEY, &encoded(&progress));
    // One tab finishes a quiz: the oldest result goes from its copy, not yet from storage.
    progress.keep_result(outcome(TODAY, 90, 99));
    progress.mistakes = vec!["new-001".into()];
    let written = vault::save(&memory, &BrowserRules, &progress, None, TODAY, 1).unwrap();
    assert_eq!(
        written.mistakes,
        ["new-001"],
        "not the union with the quiz before"
    );
    assert_eq!(written.results.len(), saved::RESULTS_KEPT);
}

#[test]
fn a_quiz_finished_in_another_tab_is_not_finished_again_here() {
    let mut finished_there = Progress::default();
    finished_there.keep_result(outcome(TODAY, 80, 5));
    let memory = Memory::with(KEY, &encoded(&finished_there));
    let here = Progress {
        session: Some(session(5)),
        ..Progress::default()
    };
    let written = vault::save(&memory, &BrowserRules, &here, None, TODAY, 1).unwrap();
    assert_eq!(written.session, None);
    // The same quiz taken again, a new attempt, stays.
    let again = Progress {
        session: Some(Session {
            attempt: 6,
            ..session(5)
        }),
        ..Progress::default()
    };
    let written = vault::save(&memory, &BrowserRules, &again, None, TODAY, 2).unwrap();
    assert_eq!(written.session.map(|s| s.attempt), Some(6));
}

#[test]
fn a_seed_beyond_what_json_keeps_cannot_be_saved_and_the_largest_can() {
    let mut progress = Progress {
        session: Some(session(MAX_SEED)),
        ..Progress::default()
    };
    assert!(BrowserRules.encode(&progress).is_some());
    progress.session = Some(session(MAX_SEED + 1));
    assert_eq!(BrowserRules.encode(&progress), None);
}
