//! The error budget over the window, as Pyrra's and Grafana's SLO dashboards draw it:
//! what remains, day by day, with each incident a drop at its day, the ideal straight
//! line that spends the budget evenly, today, and the day the budget runs out at the
//! current burn rate. Plain numbers here; `chart` draws them.

use super::model::remaining;

/// An incident of the simulation: on which day, and the share of the budget it spent
/// (1.0 is the whole budget).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drop {
    pub day: f64,
    pub spent: f64,
}

/// The burn-down, in days and shares of the budget.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnDown {
    /// The window's length, in days: 30, 28 or 30.436875.
    pub window_days: f64,
    /// What remains after each drop, in day order: `(day, remaining)`, from `(0, 1)`.
    pub steps: Vec<(f64, f64)>,
    /// How far into the window we are.
    pub today: f64,
    /// What remains today, never below nothing.
    pub remaining_today: f64,
    /// The day the budget runs out at the current burn rate: the day it did when it has,
    /// or None when nothing burns or it lasts past the window.
    pub exhaustion_day: Option<f64>,
}

impl BurnDown {
    /// The burn-down of these drops, `today` days into a window of `window_days`. Drops
    /// dated after today count from today, where the lab's clock is.
    pub fn new(window_days: f64, today: f64, drops: &[Drop]) -> BurnDown {
        let today = today.clamp(0.0, window_days);
        let mut dated: Vec<Drop> = drops
            .iter()
            .map(|drop| Drop {
                day: drop.day.clamp(0.0, today),
                spent: drop.spent.max(0.0),
            })
            .collect();
        // A stable order by day: the reader's order within one day stays.
        dated.sort_by(|a, b| a.day.total_cmp(&b.day));
        let mut steps = vec![(0.0, 1.0)];
        let mut spent = 0.0_f64;
        let mut left = 1.0_f64;
        let mut ran_out = None;
        for drop in &dated {
            // From the running sum, as the gauge counts, so that both agree to the bit.
            spent += drop.spent;
            left = remaining(spent);
            steps.push((drop.day, left));
            if left <= 0.0 && ran_out.is_none() {
                ran_out = Some(drop.day);
            }
        }
        let exhaustion_day = ran_out.or_else(|| projected(today, spent, window_days));
        BurnDown {
            window_days,
            steps,
            today,
            remaining_today: left,
            exhaustion_day,
        }
    }

    /// The ideal line's remaining share on `day`: the budget spent evenly.
    pub fn ideal(&self, day: f64) -> f64 {
        (1.0 - day / self.window_days).clamp(0.0, 1.0)
    }
}

/// The day a budget burning `spent` in `today` days runs out, if within the window.
fn projected(today: f64, spent: f64, window_days: f64) -> Option<f64> {
    if spent <= 0.0 || today <= 0.0 {
        return None;
    }
    let day = today / spent;
    (day <= window_days).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn two_incidents_drop_the_line_at_their_days_and_project_the_end() {
        let chart = BurnDown::new(
            30.0,
            10.0,
            &[
                Drop {
                    day: 6.0,
                    spent: 0.25,
                },
                Drop {
                    day: 3.0,
                    spent: 0.25,
                },
            ],
        );
        assert_eq!(chart.steps, vec![(0.0, 1.0), (3.0, 0.75), (6.0, 0.5)]);
        assert_eq!(chart.remaining_today, 0.5);
        // Half the budget in 10 days: the rest lasts 10 more, to day 20.
        assert_eq!(chart.exhaustion_day, Some(20.0));
        assert_eq!(chart.ideal(15.0), 0.5);
    }

    #[test]
    fn a_slow_burn_lasts_past_the_window_and_a_spent_budget_ends_where_it_ran_out() {
        let slow = BurnDown::new(
            30.0,
            10.0,
            &[Drop {
                day: 2.0,
                spent: 0.1,
            }],
        );
        assert_eq!(slow.exhaustion_day, None, "10% in 10 days lasts 100 days");
        let spent = BurnDown::new(
            28.0,
            12.0,
            &[
                Drop {
                    day: 4.0,
                    spent: 0.7,
                },
                Drop {
                    day: 9.0,
                    spent: 0.6,
                },
            ],
        );
        assert_eq!(spent.remaining_today, 0.0);
        assert_eq!(spent.exhaustion_day, Some(9.0));
        assert_eq!(spent.steps.last(), Some(&(9.0, 0.0)));
        let none = BurnDown::new(30.0, 10.0, &[]);
        assert_eq!((none.remaining_today, none.exhaustion_day), (1.0, None));
    }

    #[test]
    fn three_thirds_exhaust_the_budget_as_the_gauge_says() {
        let third = Drop {
            day: 2.0,
            spent: 1.0 / 3.0,
        };
        let chart = BurnDown::new(30.0, 10.0, &[third, third, third]);
        assert_eq!(chart.remaining_today, 0.0);
        assert_eq!(chart.exhaustion_day, Some(2.0));
        assert_eq!(remaining(1.0 / 3.0 + 1.0 / 3.0 + 1.0 / 3.0), 0.0);
        let tenths = BurnDown::new(
            30.0,
            10.0,
            &[Drop {
                day: 1.0,
                spent: 0.1,
            }; 10],
        );
        assert_eq!(
            tenths.remaining_today, 0.0,
            "ten tenths are the whole budget"
        );
    }

    #[test]
    fn a_drop_dated_after_today_counts_from_today() {
        let chart = BurnDown::new(
            30.0,
            5.0,
            &[Drop {
                day: 25.0,
                spent: 0.2,
            }],
        );
        assert_eq!(chart.steps, vec![(0.0, 1.0), (5.0, 0.8)]);
    }

    proptest! {
        /// Whatever the incidents, the line starts full, never rises, never goes below
        /// nothing, stays within the window and ends at what remains today.
        #[test]
        fn the_line_only_falls_and_stays_on_the_chart(
            window in prop::sample::select(vec![28.0, 30.0, 30.436875]),
            today in 0.0f64..31.0,
            drops in prop::collection::vec((0.0f64..40.0, 0.0f64..1.5), 0..8),
        ) {
            let drops: Vec<Drop> = drops.into_iter().map(|(day, spent)| Drop { day, spent }).collect();
            let chart = BurnDown::new(window, today, &drops);
            prop_assert_eq!(chart.steps.first(), Some(&(0.0, 1.0)));
            for pair in chart.steps.windows(2) {
                let ((d0, r0), (d1, r1)) = (pair[0], pair[1]);
                prop_assert!(d1 >= d0 && r1 <= r0 && r1 >= 0.0);
                prop_assert!(d1 <= chart.today && chart.today <= window);
            }
            prop_assert_eq!(chart.steps.last().map(|s| s.1), Some(chart.remaining_today));
            if let Some(day) = chart.exhaustion_day {
                prop_assert!((0.0..=window).contains(&day));
            }
        }
    }
}
