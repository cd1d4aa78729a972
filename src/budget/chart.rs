//! The burn-down chart: the budget left across the window, drawn as SVG by this code
//! (no chart library in the wasm), with a sentence and a table that say the same for a
//! reader who does not see it.

use yew::prelude::*;

use super::burndown::{BurnDown, Drop};
use super::model::{Scenario, Slo, DAY};
use super::state::Lab;
use crate::format::{decimal, trimmed};
use crate::i18n::{fill, Ui};

/// The drawing's box and the plot inside it, in SVG units.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 306.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 600.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 236.0;
/// The exhausted band's depth, below the zero line.
const EXHAUSTED: f64 = 10.0;

fn x(chart: &BurnDown, day: f64) -> String {
    decimal(LEFT + day / chart.window_days * (RIGHT - LEFT))
}

fn y(remaining: f64) -> String {
    decimal(BOTTOM - remaining.clamp(0.0, 1.0) * (BOTTOM - TOP))
}

/// The burn-down of the lab's scenario.
pub(super) fn burn_down(lab: &Lab) -> BurnDown {
    let scenario: Scenario = lab.scenario();
    let drops: Vec<Drop> = lab
        .incidents
        .iter()
        .filter_map(|dated| {
            let spent = scenario.spent_by(lab.slo, dated.incident).ok()?;
            Some(Drop {
                day: dated.day as f64,
                spent,
            })
        })
        .collect();
    BurnDown::new(
        scenario.window_seconds as f64 / DAY as f64,
        scenario.elapsed_seconds as f64 / DAY as f64,
        &drops,
    )
}

pub(super) fn chart(ui: &Ui, lab: &Lab, low_below: f64) -> Html {
    let chart = burn_down(lab);
    let summary = summary(ui, &chart);
    html! {
        // No <figure>: the stage must be a child of the burn section, to stick within it.
        <>
            <div class="budget-chart budget-chart-stage">
                <p class="budget-chart-title" id="budget-chart-title">{ fill(ui.budget_chart_title, &[("slo", &lab.slo.to_string())]) }</p>
                <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="budget-chart-title budget-chart-summary"
                    class="budget-chart-svg">
                    { bands(ui, low_below) }
                    { axes(ui, &chart) }
                    <line class="budget-chart-ideal" x1={x(&chart, 0.0)} y1={y(1.0)} x2={x(&chart, chart.window_days)} y2={y(0.0)} />
                    <path class="budget-chart-left" d={line_path(&chart)} />
                    { projection(ui, &chart) }
                    { for chart.steps.iter().skip(1).map(|&(day, left)| html! {
                        <circle class="budget-chart-drop" cx={x(&chart, day)} cy={y(left)} r="4.5" />
                    }) }
                    <line class="budget-chart-today" x1={x(&chart, chart.today)} y1={decimal(TOP)} x2={x(&chart, chart.today)} y2={decimal(BOTTOM + EXHAUSTED)} />
                    <text class="budget-chart-label" x={x(&chart, chart.today)} y={decimal(TOP - 4.0)} text-anchor="middle">{ ui.budget_chart_today }</text>
                </svg>
            </div>
            <p id="budget-chart-summary" class="budget-chart-summary">{ summary }</p>
            { table(ui, &chart, lab.slo) }
        </>
    }
}

/// What remains, as steps: flat between incidents, straight down at each.
fn line_path(chart: &BurnDown) -> String {
    let mut path = format!("M{} {}", x(chart, 0.0), y(1.0));
    for &(day, left) in &chart.steps {
        path.push_str(&format!(" H{} V{}", x(chart, day), y(left)));
    }
    path.push_str(&format!(" H{}", x(chart, chart.today)));
    path
}

/// Where the budget goes from today at the current rate, when it runs out in the window.
fn projection(ui: &Ui, chart: &BurnDown) -> Html {
    let Some(end) = chart.exhaustion_day.filter(|&end| end > chart.today) else {
        return Html::default();
    };
    html! {
        <>
            <line class="budget-chart-projection" x1={x(chart, chart.today)} y1={y(chart.remaining_today)} x2={x(chart, end)} y2={y(0.0)} />
            <text class="budget-chart-label" x={x(chart, end)} y={decimal(BOTTOM + EXHAUSTED + 16.0)} text-anchor="middle">
                { fill(ui.budget_chart_runs_out, &[("day", &trimmed(end, 1))]) }
            </text>
        </>
    }
}

/// The policy's states as bands: ample above the low mark, low under it, exhausted at none.
fn bands(ui: &Ui, low_below: f64) -> Html {
    let (left, width) = (decimal(LEFT), decimal(RIGHT - LEFT));
    let band = |class: &'static str, top: f64, bottom: f64, label: &'static str| {
        let top_y: f64 = BOTTOM - top * (BOTTOM - TOP);
        let bottom_y: f64 = BOTTOM - bottom * (BOTTOM - TOP);
        html! {
            <>
                <rect class={class} x={left.clone()} y={decimal(top_y)} width={width.clone()} height={decimal(bottom_y - top_y)} />
                <text class="budget-chart-band-label" x={decimal(RIGHT - 6.0)} y={decimal(top_y + 14.0)} text-anchor="end">{ label }</text>
            </>
        }
    };
    html! {
        <g aria-hidden="true">
            { band("budget-chart-band is-ample", 1.0, low_below, ui.budget_chart_ample) }
            { band("budget-chart-band is-low", low_below, 0.0, ui.budget_chart_low) }
            <rect class="budget-chart-band is-exhausted" x={left} y={decimal(BOTTOM)} width={width} height={decimal(EXHAUSTED)} />
        </g>
    }
}

/// Percent marks on the left, days along the bottom.
fn axes(ui: &Ui, chart: &BurnDown) -> Html {
    let percents = [0.0, 0.25, 0.5, 0.75, 1.0].map(|share: f64| {
        html! {
            <>
                <line class="budget-chart-grid" x1={decimal(LEFT)} y1={y(share)} x2={decimal(RIGHT)} y2={y(share)} />
                <text class="budget-chart-tick" x={decimal(LEFT - 6.0)} y={decimal(BOTTOM - share * (BOTTOM - TOP) + 4.0)} text-anchor="end">
                    { format!("{}%", trimmed(share * 100.0, 0)) }
                </text>
            </>
        }
    });
    let last = chart.window_days.floor() as u64;
    let days = (0..=last).step_by(5).chain((!last.is_multiple_of(5)).then_some(last)).map(|day| {
        html! {
            <text class="budget-chart-tick" x={x(chart, day as f64)} y={decimal(BOTTOM + EXHAUSTED + 16.0 + 18.0)} text-anchor="middle">
                { day.to_string() }
            </text>
        }
    });
    html! {
        <g aria-hidden="true">
            { for percents }
            { for days }
            <text class="budget-chart-tick" x={decimal((LEFT + RIGHT) / 2.0)} y={decimal(HEIGHT - 4.0)} text-anchor="middle">{ ui.budget_chart_days }</text>
        </g>
    }
}

/// The chart in one sentence: where today is, what is left, and when it runs out.
fn summary(ui: &Ui, chart: &BurnDown) -> String {
    let values = [
        ("today", trimmed(chart.today, 1)),
        ("window", trimmed(chart.window_days, 2)),
        ("left", trimmed(chart.remaining_today * 100.0, 1)),
        ("ideal", trimmed(chart.ideal(chart.today) * 100.0, 1)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let now = fill(ui.budget_chart_summary, &values);
    let end = match chart.exhaustion_day {
        Some(day) if chart.remaining_today <= 0.0 => {
            fill(ui.budget_chart_ran_out, &[("day", &trimmed(day, 1))])
        }
        Some(day) => fill(ui.budget_chart_will_run_out, &[("day", &trimmed(day, 1))]),
        None => ui.budget_chart_lasts.to_owned(),
    };
    format!("{now} {end}")
}

/// The same points as a table: the start, each drop, today and the end.
fn table(ui: &Ui, chart: &BurnDown, slo: Slo) -> Html {
    let percent = |share: f64| format!("{}%", trimmed(share * 100.0, 1));
    let mut rows = vec![(0.0, ui.budget_chart_start.to_owned(), percent(1.0))];
    for (index, &(day, left)) in chart.steps.iter().skip(1).enumerate() {
        let event = fill(ui.budget_chart_incident, &[("n", &(index + 1).to_string())]);
        rows.push((day, event, percent(left)));
    }
    rows.push((
        chart.today,
        ui.budget_chart_today.to_owned(),
        percent(chart.remaining_today),
    ));
    if let Some(end) = chart.exhaustion_day.filter(|&end| end > chart.today) {
        rows.push((end, ui.budget_chart_projected_end.to_owned(), percent(0.0)));
    }
    html! {
        <details class="budget-chart-table">
            <summary>{ ui.budget_chart_as_table }</summary>
            <table class="table">
                <caption>{ fill(ui.budget_chart_title, &[("slo", &slo.to_string())]) }</caption>
                <thead><tr>
                    <th scope="col">{ ui.budget_chart_day }</th>
                    <th scope="col">{ ui.budget_chart_event }</th>
                    <th scope="col">{ ui.budget_chart_left }</th>
                </tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(day, event, left)| html! {
                        <tr><td>{ trimmed(day, 1) }</td><th scope="row">{ event }</th><td>{ left }</td></tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
