//! Error-budget maths, exact where the reference figures need it.
//!
//! An SLO is held in thousandths of a percent (99.95% is 99 950), so every SLO the lab
//! offers is an integer and its budget, `100 000 − SLO`, is a whole number of parts in
//! 100 000. Windows are whole seconds (the Gregorian year, 365.2425 days, is exactly
//! 31 556 952 s), so allowed downtime is an integer ratio, rounded once to the nearest
//! second. Floats appear only where a ratio is shown: consumption and burn rates.

use std::fmt;

/// Parts in the whole: 100% is 100 000 thousandths of a percent.
pub const WHOLE: u64 = 100_000;

pub const MINUTE: u64 = 60;
pub const HOUR: u64 = 3_600;
pub const DAY: u64 = 86_400;
pub const WEEK: u64 = 7 * DAY;
/// The Gregorian year: 365.2425 days.
pub const YEAR: u64 = 31_556_952;
/// A quarter of the Gregorian year.
pub const QUARTER: u64 = YEAR / 4;

/// A service level objective, in thousandths of a percent, from 90% to 99.999%.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slo(u32);

impl Slo {
    pub const MIN: Slo = Slo(90_000);
    pub const MAX: Slo = Slo(99_999);

    /// The SLO of so many thousandths of a percent, if within the lab's range.
    pub fn from_thousandths(thousandths: u32) -> Option<Slo> {
        (Self::MIN.0..=Self::MAX.0)
            .contains(&thousandths)
            .then_some(Slo(thousandths))
    }

    pub fn thousandths(self) -> u32 {
        self.0
    }

    /// The error budget, in parts of [`WHOLE`]: 100 for 99.9%.
    pub fn budget(self) -> u64 {
        WHOLE - u64::from(self.0)
    }
}

impl fmt::Display for Slo {
    /// `99.95`: the percentage with no trailing zeros and no percent sign.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&thousandths_as_decimal(u64::from(self.0)))
    }
}

/// `99950` to `99.95`: thousandths written as a decimal with no trailing zeros.
pub fn thousandths_as_decimal(thousandths: u64) -> String {
    let (whole, fraction) = (thousandths / 1_000, thousandths % 1_000);
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:03}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// The slider's stops: every SLO it can land on, from 90% to 99.999%, denser as the
/// nines grow, so that 99.95% and 99.99% are single steps apart from their neighbours.
pub fn slider_stops() -> Vec<Slo> {
    // (first, last, step), in thousandths of a percent.
    const BANDS: [(u32, u32, u32); 4] = [
        (90_000, 99_000, 500),
        (99_000, 99_900, 100),
        (99_900, 99_990, 10),
        (99_990, 99_999, 1),
    ];
    let mut stops: Vec<Slo> = BANDS
        .iter()
        .flat_map(|&(first, last, step)| (first..last).step_by(step as usize))
        .map(Slo)
        .collect();
    stops.push(Slo::MAX);
    stops
}

/// The slider stop nearest to an SLO typed in the number field.
pub fn nearest_stop(stops: &[Slo], slo: Slo) -> usize {
    stops
        .iter()
        .enumerate()
        .min_by_key(|(_, stop)| stop.0.abs_diff(slo.0))
        .map_or(0, |(index, _)| index)
}

/// How long a month is taken to be: a visible, selectable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MonthLength {
    Days30,
    Days28,
    /// The average Gregorian month: 365.2425 / 12 days.
    Gregorian,
}

impl MonthLength {
    pub const ALL: [MonthLength; 3] = [
        MonthLength::Days30,
        MonthLength::Days28,
        MonthLength::Gregorian,
    ];

    pub fn seconds(self) -> u64 {
        match self {
            MonthLength::Days30 => 30 * DAY,
            MonthLength::Days28 => 28 * DAY,
            MonthLength::Gregorian => YEAR / 12,
        }
    }
}

/// A window over which downtime is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Window {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Window {
    pub const ALL: [Window; 5] = [
        Window::Day,
        Window::Week,
        Window::Month,
        Window::Quarter,
        Window::Year,
    ];

    pub fn seconds(self, month: MonthLength) -> u64 {
        match self {
            Window::Day => DAY,
            Window::Week => WEEK,
            Window::Month => month.seconds(),
            Window::Quarter => QUARTER,
            Window::Year => YEAR,
        }
    }
}

/// The downtime an SLO allows in a window, rounded to the nearest second.
pub fn allowed_downtime(slo: Slo, window_seconds: u64) -> u64 {
    (window_seconds * slo.budget() + WHOLE / 2) / WHOLE
}

/// How many of `requests` may fail within the SLO: whole requests, rounded down, since
/// one more would break it.
pub fn allowed_failures(slo: Slo, requests: u64) -> u64 {
    // u128: a trillion requests times a budget of 10 000 parts still fits with room.
    (u128::from(requests) * u128::from(slo.budget()) / u128::from(WHOLE)) as u64
}

/// Something that spent error budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incident {
    /// An outage or degradation: how long, and the share of traffic failing, in
    /// thousandths of a percent (100% is 100 000).
    Outage { seconds: u64, failing: u32 },
    /// A count of failed requests, measured against the requests per window.
    FailedRequests(u64),
}

/// A scenario: the window, what has happened in it so far, and how far into it we are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub window_seconds: u64,
    /// Requests expected per window, for request-based incidents and budgets.
    pub requests: Option<u64>,
    pub incidents: Vec<Incident>,
    /// How much of the window has passed.
    pub elapsed_seconds: u64,
}

/// Why an incident cannot count yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetError {
    /// A count of failed requests needs the requests per window to compare with.
    NeedsRequests,
}

impl Scenario {
    /// The share of the error budget one incident spends: 1.0 is the whole budget.
    pub fn spent_by(&self, slo: Slo, incident: Incident) -> Result<f64, BudgetError> {
        let budget = slo.budget() as f64;
        match incident {
            Incident::Outage { seconds, failing } => {
                Ok((seconds as f64 * f64::from(failing)) / (self.window_seconds as f64 * budget))
            }
            Incident::FailedRequests(failed) => match self.requests {
                Some(requests) if requests > 0 => {
                    Ok(failed as f64 * WHOLE as f64 / (requests as f64 * budget))
                }
                _ => Err(BudgetError::NeedsRequests),
            },
        }
    }

    /// The share of the budget spent by every incident that can count.
    pub fn consumed(&self, slo: Slo) -> f64 {
        self.incidents
            .iter()
            .filter_map(|&incident| self.spent_by(slo, incident).ok())
            .sum()
    }

    /// How fast the budget burns: the share spent over the share of the window gone.
    /// 1 spends exactly the budget in the window; 0 when nothing is spent.
    pub fn burn_rate(&self, slo: Slo) -> f64 {
        let elapsed = self.elapsed_seconds.clamp(1, self.window_seconds.max(1));
        self.consumed(slo) * self.window_seconds as f64 / elapsed as f64
    }
}

/// How much budget is left: the complement of what is spent, never below nothing, and
/// nothing when what is left is only the sum's rounding (three thirds spent leave
/// 1e-16, which is an exhausted budget, not one that runs out later).
pub fn remaining(consumed: f64) -> f64 {
    let left = 1.0 - consumed;
    if left < ROUNDING {
        0.0
    } else {
        left
    }
}

/// What is left of a whole budget after float sums that are exactly it on paper.
pub const ROUNDING: f64 = 1e-9;

/// How long a whole budget lasts at a burn rate: the window over the rate, in seconds,
/// or None when nothing burns.
pub fn time_to_exhaustion(window_seconds: u64, burn_rate: f64) -> Option<f64> {
    (burn_rate > 0.0).then(|| window_seconds as f64 / burn_rate)
}

/// What the team does, by how much budget is left (the seed's wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Plenty left: accelerate feature development, try innovations.
    Ample,
    /// Little left: stop new features, focus on stability.
    Low,
    /// Nothing left: freeze releases.
    Exhausted,
}

/// The policy for what remains, with `low_below` the share under which the budget is
/// low (0.25 for a quarter).
pub fn policy(remaining: f64, low_below: f64) -> Policy {
    if remaining <= 0.0 {
        Policy::Exhausted
    } else if remaining < low_below {
        Policy::Low
    } else {
        Policy::Ample
    }
}

/// A multiwindow burn-rate alert (Google SRE Workbook, "Alerting on SLOs").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlertRule {
    /// The share of the budget that must burn, in thousandths of a percent: 2% is 2 000.
    pub budget_spent: u32,
    pub long_window_seconds: u64,
    pub short_window_seconds: u64,
}

impl AlertRule {
    /// The burn rate at which `budget_spent` of the budget goes in the long window.
    pub fn burn_rate(self, slo_window_seconds: u64) -> f64 {
        f64::from(self.budget_spent) / WHOLE as f64 * slo_window_seconds as f64
            / self.long_window_seconds as f64
    }

    /// The error rate that burn rate means for this SLO, as a share of requests.
    pub fn error_rate(self, slo: Slo, slo_window_seconds: u64) -> f64 {
        self.burn_rate(slo_window_seconds) * slo.budget() as f64 / WHOLE as f64
    }

    /// Whether the alert can ever fire at this SLO: a burn rate of B needs an error rate
    /// of B × (1 − SLO), which cannot pass 100% of requests.
    pub fn can_fire(self, slo: Slo, slo_window_seconds: u64) -> bool {
        slo.budget() <= self.largest_budget_that_fires(slo_window_seconds)
    }

    /// The lowest SLO of the lab at which the alert can fire: 93.056% for 14.4×; None
    /// when it can fire at none of them.
    pub fn lowest_slo_that_fires(self, slo_window_seconds: u64) -> Option<Slo> {
        let budget = self
            .largest_budget_that_fires(slo_window_seconds)
            .min(Slo::MIN.budget());
        Slo::from_thousandths(u32::try_from(WHOLE - budget).ok()?)
    }

    /// The largest budget, in parts of [`WHOLE`], whose error-rate threshold is at most
    /// 100%. Exact: B × budget ≤ WHOLE is, with B = spent × window ÷ (WHOLE × long),
    /// spent × window × budget ≤ WHOLE² × long.
    fn largest_budget_that_fires(self, slo_window_seconds: u64) -> u64 {
        let whole = u128::from(WHOLE);
        let reach = whole * whole * u128::from(self.long_window_seconds);
        let per_part = u128::from(self.budget_spent) * u128::from(slo_window_seconds);
        u64::try_from(reach / per_part.max(1)).unwrap_or(u64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::duration;
    use proptest::prelude::*;

    fn slo(percent: &str) -> Slo {
        crate::budget::parse::parse_slo(percent).expect("a valid SLO")
    }

    const PAGE_FAST: AlertRule = AlertRule {
        budget_spent: 2_000,
        long_window_seconds: HOUR,
        short_window_seconds: 5 * MINUTE,
    };
    const PAGE_SLOW: AlertRule = AlertRule {
        budget_spent: 5_000,
        long_window_seconds: 6 * HOUR,
        short_window_seconds: 30 * MINUTE,
    };
    const TICKET: AlertRule = AlertRule {
        budget_spent: 10_000,
        long_window_seconds: 3 * DAY,
        short_window_seconds: 6 * HOUR,
    };

    #[test]
    fn the_fast_page_alert_fires_only_from_93_056_percent() {
        let month = MonthLength::Days30.seconds();
        assert_eq!(PAGE_FAST.lowest_slo_that_fires(month), Some(slo("93.056")));
        assert!(PAGE_FAST.can_fire(slo("93.056"), month));
        assert!(!PAGE_FAST.can_fire(slo("93.055"), month));
        // At 90%, 14.4 × 10% is 144% of requests: it can never fire.
        assert!(!PAGE_FAST.can_fire(slo("90"), month));
        assert_eq!(
            format!("{:.0}", PAGE_FAST.error_rate(slo("90"), month) * 100.0),
            "144"
        );
        // 6× over six hours and 1× over three days fire at every SLO of the lab.
        assert_eq!(PAGE_SLOW.lowest_slo_that_fires(month), Some(slo("90")));
        assert!(PAGE_SLOW.can_fire(slo("90"), month));
        assert!(TICKET.can_fire(slo("90"), month));
    }

    #[test]
    fn a_28_day_window_keeps_the_share_of_budget_and_so_lowers_the_rates() {
        let days28 = MonthLength::Days28.seconds();
        let rates: Vec<String> = [PAGE_FAST, PAGE_SLOW, TICKET]
            .iter()
            .map(|rule| crate::format::trimmed(rule.burn_rate(days28), 2))
            .collect();
        assert_eq!(rates, ["13.44", "5.6", "0.93"]);
        // 13.44 × (1 − SLO) ≤ 100% from 92.560% (1 ÷ 13.44 = 7.44%).
        assert_eq!(PAGE_FAST.lowest_slo_that_fires(days28), Some(slo("92.560")));
        // A rule that would need more than every request at every SLO never fires.
        let never = AlertRule {
            budget_spent: 100_000,
            long_window_seconds: 2,
            short_window_seconds: 1,
        };
        assert_eq!(never.lowest_slo_that_fires(days28), None);
        assert!(!never.can_fire(Slo::MAX, days28));
        assert!(!PAGE_FAST.can_fire(slo("92.559"), days28));
    }

    proptest! {
        /// can_fire agrees with the error rate it stands for, at every SLO the lab has.
        #[test]
        fn an_alert_fires_exactly_where_its_error_rate_is_at_most_all_requests(
            thousandths in 90_000u32..=99_999,
            month in prop::sample::select(MonthLength::ALL.to_vec()),
            rule in prop::sample::select(vec![PAGE_FAST, PAGE_SLOW, TICKET]),
        ) {
            let slo = Slo::from_thousandths(thousandths).unwrap();
            let window = month.seconds();
            let rate = rule.error_rate(slo, window);
            // Away from the boundary, where the float and the integers cannot disagree.
            prop_assume!((rate - 1.0).abs() > 1e-9);
            prop_assert_eq!(rule.can_fire(slo, window), rate <= 1.0);
            prop_assert_eq!(rule.can_fire(slo, window), rule.lowest_slo_that_fires(window).is_some_and(|lowest| slo >= lowest));
        }
    }

    /// The reference figures of the issue, exactly, rounded to the nearest second.
    #[test]
    fn ninety_nine_point_nine_allows_the_reference_downtimes() {
        let three_nines = slo("99.9");
        let shown = |window: Window, month| {
            duration(
                crate::i18n::Locale::En.ui(),
                allowed_downtime(three_nines, window.seconds(month)),
            )
        };
        assert_eq!(shown(Window::Day, MonthLength::Days30), "1m 26s");
        assert_eq!(shown(Window::Week, MonthLength::Days30), "10m 5s");
        assert_eq!(shown(Window::Month, MonthLength::Days30), "43m 12s");
        assert_eq!(shown(Window::Month, MonthLength::Gregorian), "43m 50s");
        assert_eq!(shown(Window::Year, MonthLength::Days30), "8h 45m 57s");
        assert_eq!(shown(Window::Month, MonthLength::Days28), "40m 19s");
    }

    #[test]
    fn the_windows_are_exact_whole_seconds() {
        assert_eq!(YEAR, 3_652_425 * DAY / 10_000, "365.2425 days");
        assert_eq!(MonthLength::Gregorian.seconds(), 2_629_746);
        assert_eq!(QUARTER * 4, YEAR);
    }

    #[test]
    fn the_slider_reaches_every_preset_and_both_ends() {
        let stops = slider_stops();
        assert_eq!(stops.first(), Some(&Slo::MIN));
        assert_eq!(stops.last(), Some(&Slo::MAX));
        for preset in ["99", "99.5", "99.9", "99.95", "99.99", "99.999"] {
            assert!(stops.contains(&slo(preset)), "{preset}");
        }
        assert!(stops.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(stops[nearest_stop(&stops, slo("99.123"))], slo("99.1"));
    }

    #[test]
    fn slos_print_without_trailing_zeros() {
        assert_eq!(slo("99.950").to_string(), "99.95");
        assert_eq!(slo("90").to_string(), "90");
        assert_eq!(slo("99.999").to_string(), "99.999");
    }

    #[test]
    fn request_budgets_round_down_to_whole_requests() {
        assert_eq!(allowed_failures(slo("99.9"), 1_000_000), 1_000);
        assert_eq!(allowed_failures(slo("99.9"), 999), 0);
        assert_eq!(allowed_failures(slo("99.95"), 10_000), 5);
        assert_eq!(
            allowed_failures(slo("90"), 1_000_000_000_000),
            100_000_000_000
        );
    }

    #[test]
    fn an_incident_spends_its_bad_minutes_over_the_budget() {
        let scenario = Scenario {
            window_seconds: 30 * DAY,
            requests: Some(1_000_000),
            incidents: vec![],
            elapsed_seconds: 30 * DAY,
        };
        let three_nines = slo("99.9");
        // A full outage of 43m 12s spends exactly the 30-day budget of 99.9%.
        let outage = Incident::Outage {
            seconds: 2_592,
            failing: 100_000,
        };
        assert!((scenario.spent_by(three_nines, outage).unwrap() - 1.0).abs() < 1e-12);
        // Half the traffic failing for as long spends half.
        let half = Incident::Outage {
            seconds: 2_592,
            failing: 50_000,
        };
        assert!((scenario.spent_by(three_nines, half).unwrap() - 0.5).abs() < 1e-12);
        // 250 failed requests of a million, against 1 000 allowed, spend a quarter.
        let failed = Incident::FailedRequests(250);
        assert!((scenario.spent_by(three_nines, failed).unwrap() - 0.25).abs() < 1e-12);
        let no_requests = Scenario {
            requests: None,
            ..scenario
        };
        assert_eq!(
            no_requests.spent_by(three_nines, failed),
            Err(BudgetError::NeedsRequests)
        );
    }

    #[test]
    fn the_burn_rate_compares_spending_with_time_gone() {
        let scenario = Scenario {
            window_seconds: 30 * DAY,
            requests: None,
            // Half the budget of 99.9% in 30 days.
            incidents: vec![Incident::Outage {
                seconds: 1_296,
                failing: 100_000,
            }],
            elapsed_seconds: 10 * DAY,
        };
        let burn = scenario.burn_rate(slo("99.9"));
        assert!(
            (burn - 1.5).abs() < 1e-12,
            "half the budget in a third of the window"
        );
        assert!((time_to_exhaustion(30 * DAY, burn).unwrap() - 20.0 * DAY as f64).abs() < 1e-6);
        assert_eq!(time_to_exhaustion(30 * DAY, 0.0), None);
    }

    #[test]
    fn the_policy_follows_what_is_left() {
        assert_eq!(policy(0.8, 0.25), Policy::Ample);
        assert_eq!(policy(0.25, 0.25), Policy::Ample);
        assert_eq!(policy(0.1, 0.25), Policy::Low);
        assert_eq!(policy(0.0, 0.25), Policy::Exhausted);
        assert_eq!(remaining(1.4), 0.0);
    }

    /// The workbook's thresholds for a 30-day window: 14.4×, 6× and 1×, which for
    /// 99.9% mean error rates of 1.44%, 0.6% and 0.1%.
    #[test]
    fn multiwindow_alerts_give_the_workbook_burn_rates() {
        let rules = [
            AlertRule {
                budget_spent: 2_000,
                long_window_seconds: HOUR,
                short_window_seconds: 5 * MINUTE,
            },
            AlertRule {
                budget_spent: 5_000,
                long_window_seconds: 6 * HOUR,
                short_window_seconds: 30 * MINUTE,
            },
            AlertRule {
                budget_spent: 10_000,
                long_window_seconds: 3 * DAY,
                short_window_seconds: 6 * HOUR,
            },
        ];
        let expected = [(14.4, 0.0144), (6.0, 0.006), (1.0, 0.001)];
        for (rule, (burn, error_rate)) in rules.iter().zip(expected) {
            assert!((rule.burn_rate(30 * DAY) - burn).abs() < 1e-9);
            assert!((rule.error_rate(slo("99.9"), 30 * DAY) - error_rate).abs() < 1e-12);
        }
        assert!(
            (rules[0].burn_rate(28 * DAY) - 13.44).abs() < 1e-9,
            "the window matters"
        );
    }

    fn any_slo() -> impl Strategy<Value = Slo> {
        (Slo::MIN.0..=Slo::MAX.0).prop_map(Slo)
    }

    proptest! {
        #[test]
        fn downtime_grows_as_the_slo_falls(a in any_slo(), b in any_slo(), window in 1u64..=YEAR) {
            let (lower, higher) = (a.min(b), a.max(b));
            prop_assert!(allowed_downtime(lower, window) >= allowed_downtime(higher, window));
        }

        #[test]
        fn consumed_and_remaining_make_the_whole_up_to_the_cap(
            slo in any_slo(),
            outages in proptest::collection::vec((0u64..=DAY, 0u32..=100_000), 0..6),
        ) {
            let scenario = Scenario {
                window_seconds: 30 * DAY,
                requests: None,
                incidents: outages.into_iter().map(|(seconds, failing)| Incident::Outage { seconds, failing }).collect(),
                elapsed_seconds: 30 * DAY,
            };
            let consumed = scenario.consumed(slo);
            prop_assert!(consumed >= 0.0);
            if consumed <= 1.0 {
                prop_assert!((consumed + remaining(consumed) - 1.0).abs() < 1e-9);
            } else {
                prop_assert_eq!(remaining(consumed), 0.0);
            }
        }

        #[test]
        fn burn_rate_times_time_to_exhaustion_is_the_window(
            slo in any_slo(),
            seconds in 1u64..=DAY,
            failing in 1u32..=100_000,
            elapsed in 1u64..=30 * DAY,
        ) {
            let scenario = Scenario {
                window_seconds: 30 * DAY,
                requests: None,
                incidents: vec![Incident::Outage { seconds, failing }],
                elapsed_seconds: elapsed,
            };
            let burn = scenario.burn_rate(slo);
            let exhaustion = time_to_exhaustion(scenario.window_seconds, burn).unwrap();
            prop_assert!((burn * exhaustion - scenario.window_seconds as f64).abs() < 1e-6 * scenario.window_seconds as f64);
        }
    }
}
