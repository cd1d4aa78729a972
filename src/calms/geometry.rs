//! Where the wheel's parts are drawn, in the SVG's coordinates: the origin is the
//! wheel's centre and the first pillar sits at the top, the rest clockwise.
//!
//! Every point lies at a multiple of a tenth of a turn (36°), whose sines and cosines
//! have exact closed forms. So no trigonometric function is called: in the wasm, `sin`
//! and `cos` would bring about 6 KB of libm's argument reduction with them.

use super::state::PILLARS;
use crate::format::decimal;

/// Half the side of the SVG's square viewBox.
pub const HALF_SIZE: f64 = 200.0;
pub const OUTER_RADIUS: f64 = 176.0;
pub const INNER_RADIUS: f64 = 64.0;
/// Where each segment's icon and labels are centred.
pub const LABEL_RADIUS: f64 = 120.0;

/// The point at `radius` from the centre, `tenths` tenths of a turn clockwise from the
/// top. A pillar's segment spans two tenths, centred on its own.
pub fn polar(radius: f64, tenths: usize) -> (f64, f64) {
    let sqrt5 = 5f64.sqrt();
    let (cos36, sin36) = ((1.0 + sqrt5) / 4.0, (10.0 - 2.0 * sqrt5).sqrt() / 4.0);
    let (cos72, sin72) = ((sqrt5 - 1.0) / 4.0, (10.0 + 2.0 * sqrt5).sqrt() / 4.0);
    // (sin, cos) of 0°, 36°, 72°, 108°, 144°; the other half of the turn mirrors it.
    let half_turn = [
        (0.0, 1.0),
        (sin36, cos36),
        (sin72, cos72),
        (sin72, -cos72),
        (sin36, -cos36),
    ];
    // The second half turn is the first, mirrored through the centre.
    let tenth = tenths % 10;
    let (sin, cos) = half_turn.get(tenth % 5).copied().unwrap_or((0.0, 1.0));
    let (sin, cos) = if tenth < 5 { (sin, cos) } else { (-sin, -cos) };
    (radius * sin, -radius * cos)
}

/// The tenth of a turn at the middle of a pillar's segment.
fn middle(pillar: usize) -> usize {
    2 * (pillar % PILLARS)
}

/// The SVG path of a pillar's segment: a ring sector between the inner and outer radii,
/// a fifth of the turn. The gaps between segments are drawn by their stroke.
pub fn segment_path(pillar: usize) -> String {
    let (start, end) = (middle(pillar) + 9, middle(pillar) + 1);
    let point = |radius, tenths| {
        let (x, y) = polar(radius, tenths);
        format!("{} {}", decimal(x), decimal(y))
    };
    let (outer, inner) = (decimal(OUTER_RADIUS), decimal(INNER_RADIUS));
    format!(
        "M{} A{outer} {outer} 0 0 1 {} L{} A{inner} {inner} 0 0 0 {} Z",
        point(OUTER_RADIUS, start),
        point(OUTER_RADIUS, end),
        point(INNER_RADIUS, end),
        point(INNER_RADIUS, start),
    )
}

/// Where a pillar's icon and labels are centred.
pub fn label_centre(pillar: usize) -> (f64, f64) {
    polar(LABEL_RADIUS, middle(pillar))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_forms_agree_with_trigonometry() {
        for tenths in 0..20 {
            let radians = (tenths as f64 * 36.0).to_radians();
            let (x, y) = polar(100.0, tenths);
            assert!((x - 100.0 * radians.sin()).abs() < 1e-9, "x at {tenths}");
            assert!((y + 100.0 * radians.cos()).abs() < 1e-9, "y at {tenths}");
        }
    }

    #[test]
    fn the_first_pillar_is_at_the_top_and_the_rest_go_clockwise() {
        let (x, y) = label_centre(0);
        assert!(x.abs() < 1e-9 && y < 0.0, "Culture is straight up");
        let (x, y) = label_centre(1);
        assert!(x > 0.0 && y < 0.0, "Automation is up and to the right");
        let (x, y) = label_centre(4);
        assert!(x < 0.0 && y < 0.0, "Sharing is up and to the left");
    }

    #[test]
    fn segments_start_and_end_a_fifth_of_a_turn_apart_inside_the_view_box() {
        assert_eq!(
            segment_path(0),
            "M-103.45 -142.39 A176.00 176.00 0 0 1 103.45 -142.39 L37.62 -51.78 A64.00 64.00 0 0 0 -37.62 -51.78 Z"
        );
        for pillar in 0..PILLARS {
            let path = segment_path(pillar);
            let numbers: Vec<f64> = path
                .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .filter_map(|part| part.parse().ok())
                .collect();
            assert!(numbers.iter().all(|n| n.abs() <= HALF_SIZE), "{path}");
        }
    }
}
