//! The salary chart's scale: its axis, where an amount falls on it, and amounts as the
//! article writes them.

use crate::content::model::SalaryChart;
use crate::format::trimmed;

/// Amounts are drawn on a scale in steps of this many thousands (NT$500K).
pub const SALARY_STEP: u32 = 500;

/// The axis of the salary chart: from the lowest figure rounded down to a step to the
/// highest rounded up, with a tick at every step.
pub fn salary_axis(chart: &SalaryChart) -> (u32, u32) {
    let ranges = chart.roles.iter().flat_map(|role| role.ranges.iter());
    let low = ranges.clone().map(|r| r.low).min().unwrap_or(0);
    let high = ranges.map(|r| r.high).max().unwrap_or(SALARY_STEP);
    let from = low / SALARY_STEP * SALARY_STEP;
    let to = high.div_ceil(SALARY_STEP).max(1) * SALARY_STEP;
    (from, to.max(from + SALARY_STEP))
}

/// Where `amount` falls on an axis from `from` to `to` drawn `width` wide.
pub fn scale(amount: u32, (from, to): (u32, u32), width: u32) -> u32 {
    let clamped = amount.clamp(from, to);
    ((u64::from(clamped - from) * u64::from(width)) / u64::from(to - from)) as u32
}

/// An amount given in thousands, split as the article writes it: under a thousand as
/// thousands (`600`, for `600K`), else as millions with the decimals it needs (`1`,
/// `1.2`, `1.25`). The second value says which; the words around are the locale's.
pub fn thousands(amount: u32) -> (String, Magnitude) {
    if amount < 1000 {
        return (amount.to_string(), Magnitude::Thousands);
    }
    (trimmed(f64::from(amount) / 1000.0, 3), Magnitude::Millions)
}

/// The same amount counted in ten-thousands, as Chinese writes money: `60` for 600K,
/// `125` for 1.25M (NT$125 萬).
pub fn myriads(amount: u32) -> (String, Magnitude) {
    (trimmed(f64::from(amount) / 10.0, 1), Magnitude::Myriads)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Magnitude {
    Thousands,
    Millions,
    Myriads,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Block;
    use crate::i18n::Locale;

    #[test]
    fn amounts_in_thousands_read_as_the_article_writes_them() {
        let written = |amount| match thousands(amount) {
            (number, Magnitude::Thousands) => number + "K",
            (number, Magnitude::Millions) => number + "M",
            (number, Magnitude::Myriads) => number + "0K",
        };
        assert_eq!(written(600), "600K");
        assert_eq!(written(1000), "1M");
        assert_eq!(written(1200), "1.2M");
        assert_eq!(written(1250), "1.25M");
        assert_eq!(written(2000), "2M");
        assert_eq!(myriads(600).0, "60");
        assert_eq!(myriads(1250).0, "125");
        assert_eq!(myriads(1205).0, "120.5");
    }

    #[test]
    fn the_salary_axis_runs_from_half_a_million_to_two_million() {
        let chart = Locale::En
            .content()
            .blocks()
            .find_map(|block| match block {
                Block::SalaryChart(chart) => Some(chart.clone()),
                _ => None,
            })
            .unwrap();
        let axis = salary_axis(&chart);
        assert_eq!(axis, (500, 2000));
        assert_eq!(scale(500, axis, 420), 0);
        assert_eq!(scale(2000, axis, 420), 420);
        assert_eq!(scale(1250, axis, 420), 210);
        assert_eq!(scale(9999, axis, 420), 420);
    }
}
