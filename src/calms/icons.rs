//! The pillars' icons: simple line drawings on a 24 × 24 grid, stroked with the text
//! colour. No gears and no glow, as the article's brief asks.

use yew::prelude::*;

use crate::content::model::PillarIcon;
use crate::format::decimal;

/// The path data of an icon, one string per stroke.
fn strokes(icon: PillarIcon) -> &'static [&'static str] {
    match icon {
        PillarIcon::Handshake => &[
            "M1.5 8.5h3v7h-3z",
            "M22.5 8.5h-3v7h3z",
            "M4.5 9.5l3-1.5h3l-2.6 2.6a1.3 1.3 0 0 0 1.8 1.8l2.3-1.9h1.5l4.5 4.5",
            "M19.5 9l-3-1h-2.5",
            "M4.5 14.5h1.5l3.5 3.5a1.1 1.1 0 0 0 1.6-1.6",
            "M9 16.5l2 2a1.1 1.1 0 0 0 1.6-1.6",
            "M11.5 16l1.5 1.5a1.1 1.1 0 0 0 1.6-1.6",
            "M13.6 15.2l1 1a1.1 1.1 0 0 0 1.6-1.6l-.6-.6",
            "M16.9 15.1l2.6-.6",
        ],
        // A loop that runs by itself: automation without the forbidden gear.
        PillarIcon::Automation => &[
            "M20 12a8 8 0 1 1-2.4-5.7",
            "M20.5 3.5v4h-4",
            "M10 8.5l5.5 3.5-5.5 3.5z",
        ],
        // Small batches flowing on: lean flow.
        PillarIcon::LeanFlow => &[
            "M2 12h17",
            "M16 8l4 4-4 4",
            "M3.5 5h3v3h-3z",
            "M9.5 5h3v3h-3z",
            "M3.5 16h3v3h-3z",
        ],
        PillarIcon::Chart => &[
            "M3 20.5h18",
            "M4.5 12h3.5v8.5h-3.5z",
            "M10.25 8h3.5v12.5h-3.5z",
            "M16 4h3.5v16.5h-3.5z",
        ],
        // An open book: knowledge laid open for everyone.
        PillarIcon::SharedKnowledge => &[
            "M12 6.5C9.5 4.8 6 4.5 2.5 5.5v13c3.5-1 7-.7 9.5 1 2.5-1.7 6-2 9.5-1v-13C18 4.5 14.5 4.8 12 6.5z",
            "M12 6.5v13",
            "M5 9c1.7-.3 3.3-.1 4.5.4M5 12c1.7-.3 3.3-.1 4.5.4M19 9c-1.7-.3-3.3-.1-4.5.4M19 12c-1.7-.3-3.3-.1-4.5.4",
        ],
    }
}

/// An icon drawn centred on (`x`, `y`), `size` units wide, inside the wheel's SVG.
pub fn icon(icon: PillarIcon, x: f64, y: f64, size: f64) -> Html {
    let transform = format!(
        "translate({} {}) scale({})",
        decimal(x - size / 2.0),
        decimal(y - size / 2.0),
        decimal(size / 24.0)
    );
    html! {
        <g class="calms-icon" {transform}>
            { for strokes(icon).iter().map(|d| html! { <path d={*d} /> }) }
        </g>
    }
}
