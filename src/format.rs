//! Numbers written for the page, by integer formatting alone: Rust's float formatting
//! would add kilobytes to the wasm.

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

/// A duration in a human form, from the largest unit that is not zero down to the
/// smallest that is not: `43m 12s`, `8h 45m 57s`, `1h 0m 5s`, `1h`, `0s`.
pub fn duration(seconds: u64) -> String {
    let units = [
        (seconds / 86_400, "d"),
        (seconds / 3_600 % 24, "h"),
        (seconds / 60 % 60, "m"),
        (seconds % 60, "s"),
    ];
    // From the largest unit that is not zero to the smallest that is not.
    let shown: Vec<String> = units
        .iter()
        .skip_while(|&&(n, _)| n == 0)
        .map(|(n, unit)| (*n, format!("{n}{unit}")))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .skip_while(|(n, _)| *n == 0)
        .map(|(_, text)| text)
        .collect();
    if shown.is_empty() {
        return "0s".into();
    }
    shown.into_iter().rev().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn durations_read_as_people_write_them() {
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
    fn ratios_drop_trailing_zeros() {
        assert_eq!(trimmed(14.4, 2), "14.4");
        assert_eq!(trimmed(6.0, 2), "6");
        assert_eq!(trimmed(0.1, 3), "0.1");
        assert_eq!(trimmed(1.444_4, 2), "1.44");
        assert_eq!(trimmed(-0.5, 1), "-0.5");
    }
}
