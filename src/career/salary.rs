//! The salary ranges as a chart by level, each role's range a bar on one scale, with
//! the market, the year and the article's caveat, and the figures as a table.

use std::borrow::Cow;

use yew::prelude::*;

use super::scale::{myriads, salary_axis, scale, thousands, Magnitude, SALARY_STEP};
use crate::content::model::{Cell, SalaryChart, SalaryRange, Table};
use crate::i18n::{fill, Locale, Ui};
use crate::kit::text;
use crate::kit::TableView;

#[derive(Properties, PartialEq)]
pub struct SalaryChartViewProps {
    pub locale: Locale,
    pub chart: SalaryChart,
}

/// Room for the role names left of the bars, and for each bar's figures right of it.
const LABEL_WIDTH: u32 = 96;
const PLOT_WIDTH: u32 = 420;
const FIGURES_WIDTH: u32 = 124;
const LEVEL_HEADER: u32 = 22;
const BAR_ROW: u32 = 22;
const LEVEL_GAP: u32 = 12;
const AXIS_HEIGHT: u32 = 26;

#[component]
pub fn SalaryChartView(props: &SalaryChartViewProps) -> Html {
    let chart = &props.chart;
    let ui = props.locale.ui();
    let market = fill(
        ui.career_salary_market,
        &[("year", &chart.year.to_string()), ("market", &chart.market)],
    );
    html! {
        <div class="salary">
            <p class="salary-market">{ market }</p>
            { drawing(ui, chart) }
            <TableView locale={props.locale} table={as_table(ui, chart)} />
            <p class="note">{ text(&chart.caveat) }</p>
        </div>
    }
}

/// An amount in thousands as the locale writes it, currency included: `NT$1.2M`,
/// `NT$120 萬`.
fn amount(ui: &Ui, chart: &SalaryChart, thousands_of: u32) -> String {
    let (number, magnitude) = match ui.format_count_by {
        "myriads" => myriads(thousands_of),
        _ => thousands(thousands_of),
    };
    let template = match magnitude {
        Magnitude::Thousands => ui.career_salary_thousands,
        Magnitude::Millions => ui.career_salary_millions,
        Magnitude::Myriads => ui.career_salary_myriads,
    };
    fill(
        template,
        &[("currency", &chart.currency), ("number", &number)],
    )
}

/// A range as the table and the chart write it: `NT$600K to NT$800K`.
fn range_text(ui: &Ui, chart: &SalaryChart, range: &SalaryRange) -> String {
    let amount = |value| amount(ui, chart, value);
    fill(
        ui.career_salary_range,
        &[("from", &amount(range.low)), ("to", &amount(range.high))],
    )
}

/// The chart's figures as a content table, shown by the same view as every table.
fn as_table(ui: &Ui, chart: &SalaryChart) -> Table {
    let columns = std::iter::once(ui.career_salary_role.into())
        .chain(chart.levels.iter().cloned())
        .collect();
    let rows = chart
        .roles
        .iter()
        .map(|role| {
            std::iter::once(Cell::Text(role.role.clone()))
                .chain(
                    role.ranges
                        .iter()
                        .map(|range| Cell::Text(range_text(ui, chart, range).into())),
                )
                .collect()
        })
        .collect();
    Table {
        id: chart.id.clone(),
        caption: chart.caption.clone(),
        columns: Cow::Owned(columns),
        rows: Cow::Owned(rows),
    }
}

/// Levels top to bottom, each with one bar per role from its low to its high figure.
fn drawing(ui: &Ui, chart: &SalaryChart) -> Html {
    let axis = salary_axis(chart);
    let x = |amount| LABEL_WIDTH + scale(amount, axis, PLOT_WIDTH);
    let roles = chart.roles.len() as u32;
    let level_height = LEVEL_HEADER + roles * BAR_ROW + LEVEL_GAP;
    let plot_height = chart.levels.len() as u32 * level_height;
    let levels = chart.levels.iter().enumerate().map(|(level, name)| {
        let top = level as u32 * level_height;
        let bars = chart.roles.iter().enumerate().filter_map(|(row, role)| {
            let range = role.ranges.get(level)?;
            let y = top + LEVEL_HEADER + row as u32 * BAR_ROW;
            let (from, to) = (x(range.low), x(range.high));
            Some(html! {
                <g class={classes!("salary-bar", role.role.to_ascii_lowercase())}>
                    <text class="salary-role" x={(LABEL_WIDTH - 8).to_string()} y={(y + 14).to_string()} text-anchor="end">{ text(&role.role) }</text>
                    <rect x={from.to_string()} y={(y + 3).to_string()} width={(to - from).to_string()} height="14" rx="3" />
                    <text class="salary-figures" x={(to + 6).to_string()} y={(y + 14).to_string()}>{ range_text(ui, chart, range) }</text>
                </g>
            })
        });
        html! {
            <g class="salary-level">
                <text class="salary-level-name" x="0" y={(top + 15).to_string()}>{ text(name) }</text>
                { for bars }
            </g>
        }
    });
    let ticks = (axis.0..=axis.1)
        .step_by(SALARY_STEP as usize)
        .map(|amount| {
            let at = x(amount).to_string();
            html! {
                <g class="salary-tick">
                    <line x1={at.clone()} x2={at.clone()} y1="0" y2={plot_height.to_string()} />
                    <text x={at} y={(plot_height + 18).to_string()} text-anchor="middle">
                        { self::amount(ui, chart, amount) }
                    </text>
                </g>
            }
        });
    let width = LABEL_WIDTH + PLOT_WIDTH + FIGURES_WIDTH;
    html! {
        <div class="salary-drawing">
            // The table below holds the same figures, so the drawing is hidden from
            // assistive technology rather than read twice.
            <svg viewBox={format!("0 0 {width} {}", plot_height + AXIS_HEIGHT)} aria-hidden="true" focusable="false">
                { for ticks }
                { for levels }
            </svg>
        </div>
    }
}
