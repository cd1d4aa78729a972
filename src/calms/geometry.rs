//! Where the wheel's parts are drawn, in the SVG's coordinates: the origin is the
//! wheel's centre and the first pillar sits at the top, the rest clockwise.

use std::f64::consts::PI;

use super::model::PILLARS;

/// Half the side of the SVG's square viewBox.
pub const HALF_SIZE: f64 = 200.0;
pub const OUTER_RADIUS: f64 = 176.0;
pub const INNER_RADIUS: f64 = 64.0;
/// Where each segment's icon and labels are centred.
pub const LABEL_RADIUS: f64 = 120.0;
/// The gap between neighbouring segments, in degrees of arc.
const GAP_DEGREES: f64 = 2.0;

/// The angle of the middle of a pillar's segment, in degrees clockwise from the top.
pub fn segment_angle(pillar: usize) -> f64 {
    360.0 / PILLARS as f64 * pillar as f64
}

/// A point at `radius` from the centre and `degrees` clockwise from the top.
pub fn polar(radius: f64, degrees: f64) -> (f64, f64) {
    let radians = degrees * PI / 180.0;
    (radius * radians.sin(), -radius * radians.cos())
}

/// The SVG path of a pillar's segment: a ring sector between the inner and outer radii.
pub fn segment_path(pillar: usize) -> String {
    let half = 180.0 / PILLARS as f64 - GAP_DEGREES / 2.0;
    let middle = segment_angle(pillar);
    let (start, end) = (middle - half, middle + half);
    let point = |radius, degrees| {
        let (x, y) = polar(radius, degrees);
        format!("{x:.2} {y:.2}")
    };
    format!(
        "M{} A{OUTER_RADIUS} {OUTER_RADIUS} 0 0 1 {} L{} A{INNER_RADIUS} {INNER_RADIUS} 0 0 0 {} Z",
        point(OUTER_RADIUS, start),
        point(OUTER_RADIUS, end),
        point(INNER_RADIUS, end),
        point(INNER_RADIUS, start),
    )
}

/// Where a pillar's icon and labels are centred.
pub fn label_centre(pillar: usize) -> (f64, f64) {
    polar(LABEL_RADIUS, segment_angle(pillar))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn the_first_pillar_is_at_the_top_and_the_rest_go_clockwise() {
        assert!(close(polar(10.0, 0.0), (0.0, -10.0)));
        assert!(
            close(polar(10.0, 90.0), (10.0, 0.0)),
            "clockwise: right of the centre"
        );
        assert_eq!(segment_angle(1), 72.0);
        let (x, y) = label_centre(1);
        assert!(x > 0.0 && y < 0.0, "Automation is up and to the right");
    }

    #[test]
    fn segments_stay_inside_the_view_box_and_do_not_overlap() {
        for pillar in 0..PILLARS {
            let path = segment_path(pillar);
            let numbers: Vec<f64> = path
                .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .filter_map(|part| part.parse().ok())
                .collect();
            assert!(numbers.iter().all(|n| n.abs() <= HALF_SIZE), "{path}");
        }
        let half = 180.0 / PILLARS as f64 - GAP_DEGREES / 2.0;
        assert!(segment_angle(0) + half < segment_angle(1) - half);
    }
}
