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
