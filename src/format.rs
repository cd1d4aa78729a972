//! Numbers, durations and dates written for the page, in the reader's language: the
//! one place that knows how each locale writes them, its words taken from the
//! interface strings (`[format]`). By integer formatting alone: Rust's float
//! formatting would add kilobytes to the wasm.

use crate::i18n::{fill, Ui};

/// A number to the hundredth, as SVG coordinates and CSS custom properties want it.
pub fn decimal(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let magnitude = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_rounded_to_the_hundredth() {
        assert_eq!(decimal(0.0), "0.00");
        assert_eq!(decimal(-0.004), "0.00");
        assert_eq!(decimal(-12.345_6), "-12.35");
        assert_eq!(decimal(176.0), "176.00");
        assert_eq!(decimal(-0.5), "-0.50");
        assert_eq!(decimal(1.0 / 12.0), "0.08");
    }
}

/// The units of a duration, largest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    Hour,
    Minute,
    Second,
}

/// A duration split into units, from the largest that is not zero down to the
/// smallest that is not (`1h 0m 5s`, never `0h 1m`); zero is `0s`.
fn duration_parts(seconds: u64) -> Vec<(u64, TimeUnit)> {
    let units = [
        (seconds / 86_400, TimeUnit::Day),
        (seconds / 3_600 % 24, TimeUnit::Hour),
        (seconds / 60 % 60, TimeUnit::Minute),
        (seconds % 60, TimeUnit::Second),
    ];
    let first = units.iter().position(|&(n, _)| n != 0);
    let last = units.iter().rposition(|&(n, _)| n != 0);
    match (first, last) {
        (Some(first), Some(last)) => units.get(first..=last).unwrap_or_default().to_vec(),
        _ => vec![(0, TimeUnit::Second)],
    }
}

/// A duration as the locale writes it, each unit from its interface strings:
/// `43m 12s`, `8h 45m 57s` in English, `43 分 12 秒`, `8 小時 45 分 57 秒` in Chinese.
pub fn duration(ui: &Ui, seconds: u64) -> String {
    duration_parts(seconds)
        .into_iter()
        .map(|(n, unit)| {
            let template = match unit {
                TimeUnit::Day => ui.format_days,
                TimeUnit::Hour => ui.format_hours,
                TimeUnit::Minute => ui.format_minutes,
                TimeUnit::Second => ui.format_seconds,
            };
            fill(template, &[("n", &n.to_string())])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A duration as Prometheus and OpenSLO read it, the same in every language: `30d10h29m6s`.
pub fn machine_duration(seconds: u64) -> String {
    duration_parts(seconds)
        .into_iter()
        .map(|(n, unit)| {
            let unit = match unit {
                TimeUnit::Day => "d",
                TimeUnit::Hour => "h",
                TimeUnit::Minute => "m",
                TimeUnit::Second => "s",
            };
            format!("{n}{unit}")
        })
        .collect()
}

/// A count in a text with a form for one and one for any other count (`{count}`):
/// "1 question was missed", "5 questions were missed". English's rule, one for 1; a
/// language with one form (Chinese) gives both forms the same text, so the rule holds
/// for it too. A language with more forms would need more keys here.
pub fn counted(count: usize, one: &str, other: &str) -> String {
    let template = if count == 1 { one } else { other };
    fill(template, &[("count", &count.to_string())])
}

/// A ratio to at most `places` decimals, with no trailing zeros: `14.4`, `6`, `0.1`.
pub fn trimmed(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / scale as u64, magnitude % scale as u64);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod duration_tests {
    use super::*;

    use crate::i18n::Locale;

    #[test]
    fn durations_read_as_people_write_them() {
        let duration = |seconds| duration(Locale::En.ui(), seconds);
        assert_eq!(duration(86), "1m 26s");
        assert_eq!(duration(2_592), "43m 12s");
        assert_eq!(duration(7_889), "2h 11m 29s");
        assert_eq!(duration(31_557), "8h 45m 57s");
        assert_eq!(duration(3_605), "1h 0m 5s");
        assert_eq!(duration(3_600), "1h");
        assert_eq!(duration(0), "0s");
        assert_eq!(duration(3_155_695), "36d 12h 34m 55s");
    }

    #[test]
    fn durations_read_as_taiwan_writes_them() {
        let duration = |seconds| duration(Locale::ZhTw.ui(), seconds);
        assert_eq!(duration(86), "1 分 26 秒");
        assert_eq!(duration(31_557), "8 小時 45 分 57 秒");
        assert_eq!(duration(3_605), "1 小時 0 分 5 秒");
        assert_eq!(duration(0), "0 秒");
        assert_eq!(duration(3_155_695), "36 天 12 小時 34 分 55 秒");
    }

    #[test]
    fn counts_take_the_form_of_their_number_in_each_language() {
        let en = Locale::En.ui();
        let missed = |count| counted(count, en.quiz_retake_count_one, en.quiz_retake_count);
        assert_eq!(missed(1), "1 question was missed in your last quiz.");
        assert_eq!(missed(0), "0 questions were missed in your last quiz.");
        assert_eq!(missed(5), "5 questions were missed in your last quiz.");
        let zh = Locale::ZhTw.ui();
        let missed = |count| counted(count, zh.quiz_retake_count_one, zh.quiz_retake_count);
        assert_eq!(missed(1), "上次測驗有 1 題答錯。");
        assert_eq!(missed(5), "上次測驗有 5 題答錯。");
    }

    #[test]
    fn machine_durations_are_the_same_in_every_language() {
        assert_eq!(machine_duration(2_629_746), "30d10h29m6s");
        assert_eq!(machine_duration(300), "5m");
        assert_eq!(machine_duration(0), "0s");
    }

    #[test]
    fn ratios_drop_trailing_zeros() {
        assert_eq!(trimmed(14.4, 2), "14.4");
        assert_eq!(trimmed(6.0, 2), "6");
        assert_eq!(trimmed(0.1, 3), "0.1");
        assert_eq!(trimmed(1.444_4, 2), "1.44");
        assert_eq!(trimmed(-0.5, 1), "-0.5");
    }
}

/// A moment to the minute, in UTC, from milliseconds since 1970, as the locale writes
/// it: `2026-11-29 14:03 UTC`, `2026 年 11 月 29 日 14:03（UTC）`. A backup's name.
pub fn utc_minute(ui: &Ui, ms: u64) -> String {
    let minutes = ms / 60_000;
    let (year, month, day) = civil_from_days((minutes / 1_440) as i64);
    let (hour, minute) = (minutes / 60 % 24, minutes % 60);
    fill(
        ui.format_utc_minute,
        &[
            ("year", &format!("{year:04}")),
            ("month", &format!("{month:02}")),
            ("day", &format!("{day:02}")),
            ("hour", &format!("{hour:02}")),
            ("minute", &format!("{minute:02}")),
        ],
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod date_tests {
    use super::*;

    use crate::i18n::Locale;

    #[test]
    fn moments_are_written_in_each_language() {
        assert_eq!(
            utc_minute(Locale::ZhTw.ui(), 978_265_800_000),
            "2000 年 12 月 31 日 12:30（UTC）"
        );
    }

    #[test]
    fn moments_are_written_as_utc_dates_and_minutes() {
        let utc_minute = |ms| utc_minute(Locale::En.ui(), ms);
        assert_eq!(utc_minute(0), "1970-01-01 00:00 UTC");
        // 2024-02-29 23:59:59.999 UTC, a leap day.
        assert_eq!(utc_minute(1_709_251_199_999), "2024-02-29 23:59 UTC");
        assert_eq!(utc_minute(1_709_251_200_000), "2024-03-01 00:00 UTC");
        // 2000-12-31 12:30 UTC: day 11_322.
        assert_eq!(utc_minute(978_265_800_000), "2000-12-31 12:30 UTC");
    }
}
