//! Decimals as people type them, read with integer arithmetic alone: the wasm carries
//! no float parser. Shared by the error-budget lab and the quiz's numeric answers, and
//! by `build.rs`, which checks the numbers in the question bank.

/// Why a number field's text is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    /// More decimals than the field takes: three for percentages, none for counts.
    TooPrecise,
    BelowMin,
    AboveMax,
}

/// A decimal such as `99.95`, `99,95` or `99.95 %`, in thousandths: 99 950. Signs are
/// read, so that `-1` can be called too low rather than not a number.
pub fn parse_thousandths(text: &str) -> Result<i64, InputError> {
    let text = text.trim().trim_end_matches('%').trim_end();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(InputError::NotANumber);
    }
    if fraction.len() > 3 {
        return Err(InputError::TooPrecise);
    }
    // Eighteen digits fit an i64; anything longer is far out of every range here.
    if whole.len() > 15 {
        return Err(if negative {
            InputError::BelowMin
        } else {
            InputError::AboveMax
        });
    }
    let whole: i64 = whole.parse().unwrap_or(0);
    let fraction: i64 = format!("{fraction:0<3}").parse().unwrap_or(0);
    let magnitude = whole * 1_000 + fraction;
    Ok(if negative { -magnitude } else { magnitude })
}
