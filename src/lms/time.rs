//! Moments and lengths of time as SCORM 1.2 and xAPI write them, from milliseconds.

use crate::format::civil_from_days;

/// Hours, minutes, seconds and hundredths of a length of time in milliseconds; the
/// hours as many as there are.
fn clock(ms: u64) -> (u64, u64, u64, u64) {
    let centis = ms / 10;
    (
        centis / 360_000,
        centis / 6_000 % 60,
        centis / 100 % 60,
        centis % 100,
    )
}

/// The time of day of a moment in milliseconds since 1970, in UTC.
fn time_of_day(ms: u64) -> (u64, u64, u64, u64) {
    clock(ms % 86_400_000)
}

/// SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS` with two to four digits of hours: a
/// latency or a session's time. Past 9,999 hours it stays at the most it can say.
pub fn cmi_timespan(ms: u64) -> String {
    let (hours, minutes, seconds, hundredths) = clock(ms.min(9_999 * 3_600_000 + 3_599_990));
    format!("{hours:02}:{minutes:02}:{seconds:02}.{hundredths:02}")
}

/// SCORM 1.2's CMITime, `HH:MM:SS`: the time of day, in UTC, of a moment given in
/// milliseconds since 1970.
pub fn cmi_time(ms: u64) -> String {
    let (hours, minutes, seconds, _) = time_of_day(ms);
    format!("{hours:02}:{minutes:02}:{seconds:02}")
}

/// An ISO 8601 duration to the hundredth of a second, as xAPI keeps durations:
/// `PT1M5.25S`, `PT0S`.
pub fn iso_duration(ms: u64) -> String {
    let (hours, minutes, seconds, hundredths) = clock(ms);
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    let fraction = format!("{hundredths:02}");
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        if seconds > 0 || (hours == 0 && minutes == 0) {
            text.push_str(&format!("{seconds}S"));
        }
    } else {
        text.push_str(&format!("{seconds}.{fraction}S"));
    }
    text
}

/// An ISO 8601 timestamp in UTC to the millisecond, as xAPI wants one:
/// `2026-11-29T14:03:07.250Z`.
pub fn iso_timestamp(ms: u64) -> String {
    let (year, month, day) = civil_from_days((ms / 86_400_000) as i64);
    let (hours, minutes, seconds, _) = time_of_day(ms);
    format!(
        "{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{:03}Z",
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scorm_timespans_have_two_to_four_digits_of_hours() {
        assert_eq!(cmi_timespan(0), "00:00:00.00");
        assert_eq!(cmi_timespan(12_345), "00:00:12.34");
        assert_eq!(cmi_timespan(3_725_500), "01:02:05.50");
        assert_eq!(cmi_timespan(200 * 3_600_000), "200:00:00.00");
        assert_eq!(cmi_timespan(u64::MAX), "9999:59:59.99");
    }

    #[test]
    fn scorm_times_are_the_time_of_day() {
        // 2026-11-29 14:03:07 UTC.
        assert_eq!(cmi_time(1_795_960_987_000), "14:03:07");
        assert_eq!(cmi_time(0), "00:00:00");
    }

    #[test]
    fn iso_durations_name_only_the_units_they_need() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(7_000), "PT7S");
        assert_eq!(iso_duration(65_250), "PT1M5.25S");
        assert_eq!(iso_duration(3_600_000), "PT1H");
        assert_eq!(iso_duration(3_600_500), "PT1H0.5S");
        assert_eq!(iso_duration(9), "PT0S", "below a hundredth");
    }

    #[test]
    fn iso_timestamps_are_utc_to_the_millisecond() {
        assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_timestamp(1_795_960_987_250), "2026-11-29T14:03:07.250Z");
        assert_eq!(iso_timestamp(951_782_400_001), "2000-02-29T00:00:00.001Z");
    }
}
