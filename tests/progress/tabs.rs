//! Two tabs, each making changes and saving, in any interleaving.

use super::*;

/// What one tab does between saves.
#[derive(Clone, Debug)]
enum Step {
    /// Reviews a question on a day.
    Review(u8, i64),
    /// Finishes a quiz with a score; each quiz has its own seed.
    Finish(i64, u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u8..6, TODAY - 20..TODAY + 20).prop_map(|(q, day)| Step::Review(q, day)),
        (TODAY - 20..TODAY + 20, 0u8..=100).prop_map(|(day, p)| Step::Finish(day, p)),
    ]
}

fn apply(progress: &mut Progress, step: &Step, seed: u64) {
    match *step {
        Step::Review(question, day) => {
            let id = format!("q-{question}");
            let card = match progress.cards.get(&id) {
                Some(card) if day >= card.last_day => card.review(Rating::Good, day),
                Some(card) => *card,
                None => Card::first(Rating::Hard, day),
            };
            progress.cards.insert(id, card);
        }
        Step::Finish(day, percent) => progress.keep_result(outcome(day, percent, seed)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Two tabs, each making changes and saving, in any interleaving: the stored
    /// progress ends with every question either reviewed, at its latest review, and
    /// every result either kept (up to the cap).
    #[test]
    fn two_tabs_in_any_interleaving_lose_nothing(
        steps in proptest::collection::vec((any::<bool>(), step()), 1..24),
    ) {
        let memory = Memory::default();
        let mut tabs = [Progress::default(), Progress::default()];
        let mut results_made = 0usize;
        let mut latest: BTreeMap<String, i64> = BTreeMap::new();
        for (now, (second, step)) in steps.iter().enumerate() {
            let tab = &mut tabs[usize::from(*second)];
            apply(tab, step, now as u64);
            match step {
                Step::Review(q, _) => {
                    let day = tab.cards[&format!("q-{q}")].last_day;
                    let seen = latest.entry(format!("q-{q}")).or_insert(day);
                    *seen = (*seen).max(day);
                }
                Step::Finish(..) => results_made += 1,
            }
            *tab = vault::save(&memory, &BrowserRules, tab, None, TODAY, now as u64).unwrap();
        }
        let kept = stored(&memory);
        let kept_days: BTreeMap<String, i64> =
            kept.cards.iter().map(|(id, card)| (id.clone(), card.last_day)).collect();
        prop_assert_eq!(kept_days, latest);
        prop_assert_eq!(kept.results.len(), results_made.min(saved::RESULTS_KEPT));
    }

    /// Whatever is stored, and however full storage is, a save either writes what the
    /// reader has merged with what was there, or leaves storage as it was; it never
    /// panics, and never loses a readable save without a backup.
    #[test]
    fn saving_never_loses_a_stored_save(
        stored_text in prop_oneof![
            Just(None),
            Just(Some("{\"app\":\"ops-trio\",\"version\":2,\"progress\":{".to_string())),
            Just(Some(format!(r#"{{"app":"ops-trio","version":{}}}"#, VERSION + 1))),
            (0u8..6).prop_map(|q| Some(encoded(&with_card(&format!("q-{q}"), TODAY)))),
        ],
        quota in proptest::option::of(0usize..600),
        mine in (0u8..6, TODAY - 5..TODAY + 5).prop_map(|(q, day)| with_card(&format!("q-{q}"), day)),
    ) {
        let memory = Memory::default();
        if let Some(text) = &stored_text {
            memory.items.borrow_mut().insert(KEY.into(), text.clone());
        }
        memory.quota.set(quota);
        let result = vault::save(&memory, &BrowserRules, &mine, None, TODAY, 9);
        let now = memory.get(KEY);
        match (&result, &stored_text) {
            (Ok(written), _) => {
                prop_assert_eq!(now.clone(), Some(encoded(written)));
                for id in mine.cards.keys() {
                    prop_assert!(written.cards.contains_key(id));
                }
            }
            (Err(_), _) => prop_assert_eq!(&now, &stored_text, "a refused save changes nothing"),
        }
        if let (Some(before), Some(after)) = (&stored_text, &now) {
            if before != after {
                let readable = BrowserRules.decode(before, TODAY).is_ok();
                prop_assert!(
                    readable || memory.backup_texts().contains(before),
                    "an unreadable save is backed up before it is written over"
                );
            }
        }
    }
}
