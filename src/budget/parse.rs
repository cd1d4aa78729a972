//! Reading what the reader types: an SLO, a share of traffic, a count. Each is parsed
//! with integer arithmetic (no float parser in the wasm) and each failure says what
//! was wrong, so the field can tell the reader while the last valid value stays.

use super::model::Slo;
pub use crate::decimal::{parse_thousandths, InputError};

/// An SLO between 90% and 99.999%, with at most three decimals.
pub fn parse_slo(text: &str) -> Result<Slo, InputError> {
    let thousandths = parse_thousandths(text)?;
    if thousandths < i64::from(Slo::MIN.thousandths()) {
        return Err(InputError::BelowMin);
    }
    u32::try_from(thousandths)
        .ok()
        .and_then(Slo::from_thousandths)
        .ok_or(InputError::AboveMax)
}

/// A share of traffic from 0% to 100%, in thousandths of a percent.
pub fn parse_share(text: &str) -> Result<u32, InputError> {
    match parse_thousandths(text)? {
        t if t < 0 => Err(InputError::BelowMin),
        t if t > 100_000 => Err(InputError::AboveMax),
        t => Ok(t as u32),
    }
}

/// A whole count from `min` to `max`, such as requests or minutes; spaces, commas and
/// underscores between digits are allowed, as in `1,000,000`.
pub fn parse_count(text: &str, min: u64, max: u64) -> Result<u64, InputError> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() {
        return Err(InputError::Empty);
    }
    if digits.starts_with('-')
        && digits[1..].bytes().all(|b| b.is_ascii_digit())
        && digits.len() > 1
    {
        return Err(InputError::BelowMin);
    }
    if digits.contains('.') {
        return Err(
            if digits
                .split('.')
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
            {
                InputError::TooPrecise
            } else {
                InputError::NotANumber
            },
        );
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InputError::NotANumber);
    }
    match digits.parse::<u64>() {
        Ok(n) if n < min => Err(InputError::BelowMin),
        Ok(n) if n > max => Err(InputError::AboveMax),
        Ok(n) => Ok(n),
        Err(_) => Err(InputError::AboveMax),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slos_are_read_in_the_forms_people_type() {
        for (text, thousandths) in [
            ("99.95", 99_950),
            (" 99.9 % ", 99_900),
            ("99,99", 99_990),
            ("90", 90_000),
            ("99.999", 99_999),
            ("+99.5", 99_500),
        ] {
            assert_eq!(
                parse_slo(text).map(Slo::thousandths),
                Ok(thousandths),
                "{text:?}"
            );
        }
    }

    /// The bad inputs the issue names, and a few more: each has its reason.
    #[test]
    fn bad_slos_say_what_is_wrong() {
        for (text, error) in [
            ("abc", InputError::NotANumber),
            ("150", InputError::AboveMax),
            ("-1", InputError::BelowMin),
            ("", InputError::Empty),
            ("   ", InputError::Empty),
            ("89.999", InputError::BelowMin),
            ("100", InputError::AboveMax),
            ("99.9999", InputError::TooPrecise),
            ("99.9.9", InputError::NotANumber),
            (".", InputError::NotANumber),
            ("1e3", InputError::NotANumber),
            ("99999999999999999999", InputError::AboveMax),
        ] {
            assert_eq!(parse_slo(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn counts_take_separators_but_not_fractions_or_signs() {
        assert_eq!(parse_count("1,000,000", 0, u64::MAX), Ok(1_000_000));
        assert_eq!(parse_count("1 000", 0, 10_000), Ok(1_000));
        assert_eq!(parse_count("12.5", 0, 100), Err(InputError::TooPrecise));
        assert_eq!(parse_count("-3", 0, 100), Err(InputError::BelowMin));
        assert_eq!(parse_count("0", 1, 100), Err(InputError::BelowMin));
        assert_eq!(parse_count("101", 1, 100), Err(InputError::AboveMax));
        assert_eq!(parse_count("ten", 1, 100), Err(InputError::NotANumber));
        assert_eq!(parse_count("", 1, 100), Err(InputError::Empty));
    }

    #[test]
    fn shares_run_from_nothing_to_everything() {
        assert_eq!(parse_share("100"), Ok(100_000));
        assert_eq!(parse_share("0.5%"), Ok(500));
        assert_eq!(parse_share("101"), Err(InputError::AboveMax));
        assert_eq!(parse_share("-5"), Err(InputError::BelowMin));
    }

    proptest! {
        /// Whatever is typed, parsing answers without panicking, and a valid SLO prints
        /// back to text that parses to itself.
        #[test]
        fn any_text_is_answered_and_valid_slos_round_trip(text in "\\PC{0,24}") {
            if let Ok(slo) = parse_slo(&text) {
                prop_assert_eq!(parse_slo(&slo.to_string()), Ok(slo));
            }
            let _ = parse_count(&text, 0, u64::MAX);
            let _ = parse_share(&text);
        }
    }
}
