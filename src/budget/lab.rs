//! The lab's view. It renders [`Lab`] and turns every input into a [`LabMsg`]; the
//! figures come from `model`, computed at render from the state.

use yew::prelude::*;

use super::model::{
    allowed_downtime, allowed_failures, nearest_stop, policy, remaining, slider_stops,
    thousandths_as_decimal, time_to_exhaustion, AlertRule, Incident, MonthLength, Policy, Slo,
    Window,
};
use super::parse::InputError;
use super::state::{Dated, DraftField, DraftKind, Lab, LabMsg, MAX_REQUESTS};
use crate::content::model::BudgetLab;
use crate::format::{duration, trimmed};
use crate::i18n::{fill, Locale, Ui};
use crate::kit::{text, use_heading_level, HeadingLevel};

#[derive(Properties, PartialEq)]
pub struct BudgetLabWidgetProps {
    pub locale: Locale,
    pub lab: BudgetLab,
}

#[component]
pub fn BudgetLabWidget(props: &BudgetLabWidgetProps) -> Html {
    let initial = Slo::from_thousandths(props.lab.initial_slo).unwrap_or(Slo::MAX);
    let lab = use_reducer(move || Lab::new(initial));
    let root = use_node_ref();
    crate::kit::use_css_vars(&root);
    let send = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |msg: LabMsg| dispatcher.dispatch(msg))
    };
    let ui = props.locale.ui();
    let heading = use_heading_level();
    html! {
        <div class="budget" ref={root}>
            <p class="budget-caption">{ text(&props.lab.caption) }</p>
            { slo_controls(ui, &props.lab, &lab, &send) }
            { downtime_table(ui, &lab, &send) }
            { request_budget(ui, &lab, &send) }
            { burn(ui, &props.lab, &lab, &send, heading) }
            { alerts(ui, &props.lab, &lab) }
            { super::takeaway::takeaway(&super::takeaway::View { ui, data: &props.lab, lab: &lab, send: &send, heading }) }
        </div>
    }
}

/// The value of a text input or range that fired an event.
fn value_of(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn percent(ui: &Ui, slo: Slo) -> String {
    fill(ui.budget_slo_value, &[("slo", &slo.to_string())])
}

/// The words for a field's error, naming its limits where it has them.
fn error_text(ui: &Ui, error: InputError, min: &str, max: &str) -> String {
    match error {
        InputError::Empty => ui.budget_error_empty.into(),
        InputError::NotANumber => ui.budget_error_not_a_number.into(),
        InputError::TooPrecise => ui.budget_error_too_precise.into(),
        InputError::BelowMin => fill(ui.budget_error_too_low, &[("min", min)]),
        InputError::AboveMax => fill(ui.budget_error_too_high, &[("max", max)]),
    }
}

/// A labelled text field with its error, wired as an accessible description.
fn field(
    id: &str,
    label: &str,
    value: &str,
    error: Option<String>,
    hint: Option<&str>,
    oninput: Callback<InputEvent>,
) -> Html {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [
        hint.map(|_| hint_id.as_str()),
        error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            if let Some(hint) = hint {
                <span class="field-hint" id={hint_id.clone()}>{ hint }</span>
            }
            <input type="text" inputmode="decimal" id={id.to_owned()} value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(error) = error {
                <p class="field-error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

fn slo_controls(ui: &Ui, data: &BudgetLab, lab: &Lab, send: &Callback<LabMsg>) -> Html {
    let stops = slider_stops();
    let stop = nearest_stop(&stops, lab.slo);
    let on_slide =
        send.reform(|event: InputEvent| LabMsg::SloStop(value_of(&event).parse().unwrap_or(0)));
    let on_type = send.reform(|event: InputEvent| LabMsg::SloTyped(value_of(&event)));
    let slo_error = lab.slo_error.map(|error| {
        let reason = match error {
            InputError::BelowMin => ui.budget_error_slo_low.to_owned(),
            InputError::AboveMax => ui.budget_error_slo_high.to_owned(),
            other => error_text(ui, other, "", ""),
        };
        format!(
            "{reason} {}",
            fill(ui.budget_kept, &[("slo", &lab.slo.to_string())])
        )
    });
    let presets = data.presets.iter().filter_map(|&p| Slo::from_thousandths(p)).map(|preset| {
        let onclick = send.reform(move |_: MouseEvent| LabMsg::Preset(preset));
        html! {
            <button type="button" class="budget-preset" aria-pressed={(preset == lab.slo).to_string()} {onclick}>
                { percent(ui, preset) }
            </button>
        }
    });
    let budget = thousandths_as_decimal(lab.slo.budget());
    html! {
        <div class="budget-slo">
            <div class="budget-slider">
                <label for="budget-slo-range">{ ui.budget_slo_label }</label>
                <output for="budget-slo-range" class="budget-slo-value">{ percent(ui, lab.slo) }</output>
                <input type="range" id="budget-slo-range" min="0" max={(stops.len() - 1).to_string()} step="1"
                    value={stop.to_string()} oninput={on_slide}
                    aria-valuetext={fill(ui.budget_slo_spoken, &[("slo", &lab.slo.to_string())])} />
            </div>
            <div class="budget-presets" role="group" aria-label={ui.budget_presets_label}>{ for presets }</div>
            { field("budget-slo-text", ui.budget_slo_typed_label, &lab.slo_text, slo_error, Some(ui.budget_slo_typed_hint), on_type) }
            <p class="budget-error-budget">{ fill(ui.budget_error_budget, &[("budget", &budget)]) }</p>
        </div>
    }
}

fn month_label(ui: &Ui, month: MonthLength) -> &'static str {
    match month {
        MonthLength::Days30 => ui.budget_month_30,
        MonthLength::Days28 => ui.budget_month_28,
        MonthLength::Gregorian => ui.budget_month_gregorian,
    }
}

fn downtime_table(ui: &Ui, lab: &Lab, send: &Callback<LabMsg>) -> Html {
    let months = MonthLength::ALL.map(|month| {
        let onchange = send.reform(move |_: Event| LabMsg::Month(month));
        html! {
            <label class="segmented-option">
                <input type="radio" name="budget-month" checked={lab.month == month} {onchange} />
                <span>{ month_label(ui, month) }</span>
            </label>
        }
    });
    let rows = Window::ALL.map(|window| {
        let name = match window {
            Window::Day => ui.budget_day.to_owned(),
            Window::Week => ui.budget_week.to_owned(),
            Window::Month => fill(
                ui.budget_month_of_length,
                &[("month", ui.budget_month), ("length", month_label(ui, lab.month))],
            ),
            Window::Quarter => ui.budget_quarter.to_owned(),
            Window::Year => ui.budget_year.to_owned(),
        };
        let allowed = duration(ui, allowed_downtime(lab.slo, window.seconds(lab.month)));
        html! { <tr data-window={format!("{window:?}").to_lowercase()}><th scope="row">{ name }</th><td>{ allowed }</td></tr> }
    });
    html! {
        <div class="budget-downtime">
            <fieldset class="segmented">
                <legend>{ ui.budget_month_legend }</legend>
                { for months }
            </fieldset>
            <div class="table-scroll" role="region" aria-labelledby="budget-downtime-caption" tabindex="0">
                <table class="table">
                    <caption id="budget-downtime-caption">
                        { fill(ui.budget_downtime_caption, &[("slo", &lab.slo.to_string())]) }
                    </caption>
                    <thead><tr><th scope="col">{ ui.budget_window }</th><th scope="col">{ ui.budget_downtime }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}

fn request_budget(ui: &Ui, lab: &Lab, send: &Callback<LabMsg>) -> Html {
    let oninput = send.reform(|event: InputEvent| LabMsg::RequestsTyped(value_of(&event)));
    let error = lab
        .requests_error
        .map(|e| error_text(ui, e, "1", &MAX_REQUESTS.to_string()));
    let allowed = lab.requests.map(|requests| {
        let failures = allowed_failures(lab.slo, requests);
        html! {
            <p class="budget-requests-result" role="status">
                { fill(ui.budget_requests_allowed, &[
                    ("slo", &lab.slo.to_string()),
                    ("failures", &grouped(failures)),
                    ("requests", &grouped(requests)),
                ]) }
            </p>
        }
    });
    html! {
        <div class="budget-requests">
            { field("budget-requests", ui.budget_requests_label, &lab.requests_text, error, None, oninput) }
            { for allowed }
        </div>
    }
}

/// `1000000` as `1,000,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn burn(
    ui: &Ui,
    data: &BudgetLab,
    lab: &Lab,
    send: &Callback<LabMsg>,
    heading: HeadingLevel,
) -> Html {
    let scenario = lab.scenario();
    let consumed = scenario.consumed(lab.slo);
    let left = remaining(consumed);
    let state = policy(left, f64::from(data.low_below_percent) / 100.0);
    let (state_name, state_text) = match state {
        Policy::Ample => ("ample", &data.ample),
        Policy::Low => ("low", &data.low),
        Policy::Exhausted => ("exhausted", &data.exhausted),
    };
    let rate = scenario.burn_rate(lab.slo);
    let rate_text = trimmed(rate, 2);
    let exhaustion = match time_to_exhaustion(scenario.window_seconds, rate) {
        Some(seconds) => fill(
            ui.budget_exhaustion,
            &[
                ("time", &duration(ui, seconds.round() as u64)),
                ("rate", &rate_text),
            ],
        ),
        None => ui.budget_no_burn.to_owned(),
    };
    let elapsed = send.reform(|event: InputEvent| LabMsg::ElapsedTyped(value_of(&event)));
    let elapsed_error = lab
        .elapsed_error
        .map(|e| error_text(ui, e, "1", &lab.month_days().to_string()));
    let consumed_percent = trimmed(consumed * 100.0, 1);
    let on_reset = send.reform(|_: MouseEvent| LabMsg::Reset);
    html! {
        <section class="budget-burn" aria-labelledby="budget-burn-title">
            <@{heading.tag(0)} id="budget-burn-title">{ ui.budget_burn_title }</@>
            { field("budget-elapsed", ui.budget_elapsed_label, &lab.elapsed_text, elapsed_error, None, elapsed) }
            // Above the form, and stuck to the top of the window while the reader is in
            // this section: an incident added is seen landing on the chart.
            { super::chart::chart(ui, lab, f64::from(data.low_below_percent) / 100.0) }
            { incident_form(ui, lab, send) }
            { incident_list(ui, lab, send, heading) }
            <div class="budget-gauge" data-policy={state_name}>
                <div class="budget-gauge-bar" aria-hidden="true">
                    <span class="budget-gauge-fill" data-vars={format!("--consumed: {}%", trimmed((consumed * 100.0).min(100.0), 1))}></span>
                </div>
                <div role="status" class="budget-gauge-text">
                    <p>
                        <strong>{ fill(ui.budget_consumed, &[("consumed", &consumed_percent)]) }</strong>
                        { " · " }
                        { fill(ui.budget_remaining, &[("remaining", &trimmed(left * 100.0, 1))]) }
                    </p>
                    <p>
                        { fill(ui.budget_burn_rate, &[
                            ("rate", &rate_text),
                            ("elapsed", &duration(ui, scenario.elapsed_seconds)),
                        ]) }
                        { " " }{ exhaustion }
                    </p>
                    <p class="budget-policy"><strong>{ ui.budget_policy_title }{ ui.format_label_separator }</strong>{ text(state_text) }</p>
                </div>
                <p class="budget-thresholds">
                    { fill(ui.budget_thresholds, &[("low", &data.low_below_percent.to_string())]) }
                    { " " }{ ui.budget_source }{ ui.format_label_separator }
                    <a href={text(&data.policy_source.url)} rel="noopener">{ text(&data.policy_source.title) }</a>
                </p>
            </div>
            <button type="button" class="pipeline-control" onclick={on_reset}>{ ui.budget_reset }</button>
        </section>
    }
}

fn incident_form(ui: &Ui, lab: &Lab, send: &Callback<LabMsg>) -> Html {
    let draft = &lab.draft;
    let kind = |value: DraftKind, label: &'static str| {
        let onchange = send.reform(move |_: Event| LabMsg::DraftKind(value));
        html! {
            <label class="segmented-option">
                <input type="radio" name="budget-incident-kind" checked={draft.kind == value} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let error_for = |field: DraftField, min: &str, max: &str| {
        draft
            .error
            .filter(|(f, _)| *f == field)
            .map(|(_, e)| error_text(ui, e, min, max))
    };
    let month_minutes = (lab.month.seconds() / 60).to_string();
    let onsubmit = send.reform(|event: SubmitEvent| {
        event.prevent_default();
        LabMsg::AddIncident
    });
    let inputs = match draft.kind {
        DraftKind::Outage => html! {
            <>
                { field("budget-minutes", ui.budget_minutes_label, &draft.minutes,
                    error_for(DraftField::Minutes, "1", &month_minutes), None,
                    send.reform(|e: InputEvent| LabMsg::DraftMinutes(value_of(&e)))) }
                { field("budget-share", ui.budget_share_label, &draft.share,
                    error_for(DraftField::Share, "0.001", "100"), None,
                    send.reform(|e: InputEvent| LabMsg::DraftShare(value_of(&e)))) }
            </>
        },
        DraftKind::FailedRequests => field(
            "budget-failed",
            ui.budget_failed_label,
            &draft.failed,
            error_for(DraftField::Failed, "1", &MAX_REQUESTS.to_string()),
            None,
            send.reform(|e: InputEvent| LabMsg::DraftFailed(value_of(&e))),
        ),
    };
    html! {
        <form class="budget-incident-form" {onsubmit}>
            <fieldset class="segmented">
                <legend>{ ui.budget_incident_legend }</legend>
                { kind(DraftKind::Outage, ui.budget_incident_outage) }
                { kind(DraftKind::FailedRequests, ui.budget_incident_failed) }
            </fieldset>
            <div class="budget-incident-fields">
                { inputs }
                { field("budget-day", ui.budget_day_label, &draft.day,
                    error_for(DraftField::Day, "0", &lab.elapsed_days.to_string()), Some(ui.budget_day_hint),
                    send.reform(|e: InputEvent| LabMsg::DraftDay(value_of(&e)))) }
            </div>
            <button type="submit" class="pipeline-control">{ ui.budget_add_incident }</button>
        </form>
    }
}

fn incident_list(ui: &Ui, lab: &Lab, send: &Callback<LabMsg>, heading: HeadingLevel) -> Html {
    let scenario = lab.scenario();
    if lab.incidents.is_empty() {
        return html! { <p class="budget-no-incidents">{ ui.budget_no_incidents }</p> };
    }
    let items = lab.incidents.iter().enumerate().map(|(index, &Dated { incident, .. })| {
        let spent = scenario.spent_by(lab.slo, incident);
        let spent_text = spent.map(|s| trimmed(s * 100.0, 1)).unwrap_or_default();
        let description = match (incident, spent) {
            (Incident::Outage { seconds, failing }, _) => fill(ui.budget_outage_item, &[
                ("minutes", &(seconds / 60).to_string()),
                ("share", &thousandths_as_decimal(u64::from(failing))),
                ("spent", &spent_text),
            ]),
            (Incident::FailedRequests(failed), Ok(_)) => fill(ui.budget_failed_item, &[
                ("failed", &grouped(failed)),
                ("spent", &spent_text),
            ]),
            (Incident::FailedRequests(failed), Err(_)) => fill(ui.budget_needs_requests, &[("failed", &grouped(failed))]),
        };
        let onclick = send.reform(move |_: MouseEvent| LabMsg::RemoveIncident(index));
        let label = fill(ui.budget_remove_incident, &[("n", &(index + 1).to_string())]);
        html! {
            <li>
                <span>{ description }</span>
                <button type="button" class="budget-remove" aria-label={label} {onclick}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <>
            <@{heading.tag(1)} class="budget-incidents-title">{ ui.budget_incidents_title }</@>
            <ol class="budget-incidents">{ for items }</ol>
        </>
    }
}

/// The content's alert rows as the model's rules.
fn alert_rules(data: &BudgetLab) -> impl Iterator<Item = AlertRule> + '_ {
    data.alerts.iter().map(|row| AlertRule {
        budget_spent: row.budget_spent,
        long_window_seconds: row.long_window_seconds,
        short_window_seconds: row.short_window_seconds,
    })
}

fn alerts(ui: &Ui, data: &BudgetLab, lab: &Lab) -> Html {
    let window = lab.month.seconds();
    let rows = data
        .alerts
        .iter()
        .zip(alert_rules(data))
        .map(|(row, rule)| {
            let fires = rule.can_fire(lab.slo, window);
            html! {
                <tr class={classes!((!fires).then_some("cannot-fire"))}>
                    <th scope="row">{ text(&row.action) }</th>
                    <td>{ format!("{}%", thousandths_as_decimal(u64::from(row.budget_spent))) }</td>
                    <td>{ duration(ui, row.long_window_seconds) }</td>
                    <td>{ duration(ui, row.short_window_seconds) }</td>
                    <td>{ format!("{}×", trimmed(rule.burn_rate(window), 2)) }</td>
                    <td>
                        { format!("{}%", trimmed(rule.error_rate(lab.slo, window) * 100.0, 4)) }
                        if !fires { { " " }<strong>{ ui.budget_alert_cannot_fire }</strong> }
                    </td>
                </tr>
            }
        });
    let why_not = alert_rules(data)
        .filter(|rule| !rule.can_fire(lab.slo, window))
        .map(|rule| {
            let why = fill(
                ui.budget_alert_cannot_fire_why,
                &[
                    ("burn", &trimmed(rule.burn_rate(window), 2)),
                    ("slo", &lab.slo.to_string()),
                    (
                        "rate",
                        &trimmed(rule.error_rate(lab.slo, window) * 100.0, 4),
                    ),
                ],
            );
            let from = match rule.lowest_slo_that_fires(window) {
                Some(lowest) => fill(
                    ui.budget_alert_fires_from,
                    &[("lowest", &lowest.to_string())],
                ),
                None => ui.budget_alert_fires_never.to_owned(),
            };
            let note = format!("{why} {from}");
            html! { <p class="budget-cannot-fire">{ note }</p> }
        });
    let caption = fill(
        ui.budget_alerts_caption,
        &[
            ("slo", &lab.slo.to_string()),
            ("window", month_label(ui, lab.month)),
        ],
    );
    html! {
        <div class="budget-alerts">
            <div class="table-scroll" role="region" aria-labelledby="budget-alerts-caption" tabindex="0">
                <table class="table">
                    <caption id="budget-alerts-caption">{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.budget_alert_action }</th>
                            <th scope="col">{ ui.budget_alert_budget }</th>
                            <th scope="col">{ ui.budget_alert_long }</th>
                            <th scope="col">{ ui.budget_alert_short }</th>
                            <th scope="col">{ ui.budget_alert_burn }</th>
                            <th scope="col">{ ui.budget_alert_error_rate }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { for why_not }
            <p class="budget-source">
                { ui.budget_source }{ ui.format_label_separator }
                <a href={text(&data.alerts_source.url)} rel="noopener">{ text(&data.alerts_source.title) }</a>
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_counts_are_grouped_in_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
