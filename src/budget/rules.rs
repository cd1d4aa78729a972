//! Rules to take away: for the lab's SLO and window, the Prometheus rule file that Sloth
//! would generate (the error ratio recorded over seven windows, the objective, and the
//! SRE Workbook's multiwindow multi-burn-rate alerts) and the same objective as an
//! OpenSLO v1 `SLO` document.
//!
//! Every threshold is written as `(burn rate * error budget)`, both exact decimals worked
//! out from integers, so `14.4 * 0.001` is exactly what the Workbook's arithmetic gives
//! and never a float's `0.0009999999999999432`.
//!
//! Sources: Google SRE Workbook, chapter 5, "Alerting on SLOs"
//! (<https://sre.google/workbook/alerting-on-slos/>); Sloth's generated rules
//! (<https://sloth.dev/>); OpenSLO v1 (<https://github.com/OpenSLO/OpenSLO>).

use super::model::{AlertRule, MonthLength, Slo, DAY, HOUR, MINUTE, WHOLE};
use crate::content::model::{BudgetLab, Severity};
use crate::format::machine_duration;

/// The windows the error ratio is recorded over: those of the Workbook's alerts, and
/// 2h and 1d for its 3× ticket, as Sloth records them.
pub const RECORDED_WINDOWS: [u64; 7] = [
    5 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    6 * HOUR,
    DAY,
    3 * DAY,
];

/// What the reader's metrics are called: checked, so that what is written is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics {
    /// The service, as a DNS label: lower-case letters, digits and dashes.
    pub service: String,
    /// The counter of every request, such as `http_requests_total`.
    pub requests: String,
    /// The label matchers that pick the failed requests, such as `code=~"5.."`.
    pub errors: String,
}

/// The longest service name: with `-availability` after it, the SLO's name is still a
/// DNS label of at most 63 characters, as OpenSLO wants.
pub const MAX_SERVICE: usize = 50;

/// Words PromQL reads as numbers or keywords, never as a metric's name.
const PROMQL_WORDS: [&str; 15] = [
    "bool",
    "inf",
    "nan",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "offset",
    "and",
    "or",
    "unless",
    "atan2",
    "start",
];

/// Why a field of [`Metrics`] was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricsError {
    /// Not a DNS label of 1 to 50 lower-case letters, digits or dashes, not at an end.
    Service,
    /// Not a Prometheus metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`), or a PromQL word.
    Requests,
    /// Not label matchers: `label op "value"`, comma-separated, op one of = != =~ !~.
    Errors,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            service: "my-service".into(),
            requests: "http_requests_total".into(),
            errors: r#"code=~"5..""#.into(),
        }
    }
}

impl Metrics {
    /// The names, once each is valid where it will be written.
    pub fn new(service: &str, requests: &str, errors: &str) -> Result<Metrics, MetricsError> {
        let (service, requests, errors) = (service.trim(), requests.trim(), errors.trim());
        if !is_dns_label(service) || service.len() > MAX_SERVICE {
            return Err(MetricsError::Service);
        }
        if !is_metric_name(requests) {
            return Err(MetricsError::Requests);
        }
        if !are_matchers(errors) {
            return Err(MetricsError::Errors);
        }
        Ok(Metrics {
            service: service.into(),
            requests: requests.into(),
            errors: errors.into(),
        })
    }

    /// The SLO's id, as Sloth names it: `<service>-availability`.
    fn slo_id(&self) -> String {
        format!("{}-availability", self.service)
    }
}

fn is_dns_label(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    (1..=63).contains(&text.len())
        && text.chars().all(allowed)
        && !text.starts_with('-')
        && !text.ends_with('-')
}

fn is_metric_name(text: &str) -> bool {
    let mut chars = text.chars();
    let first = |c: char| c.is_ascii_alphabetic() || c == '_' || c == ':';
    chars.next().is_some_and(first)
        && chars.all(|c| first(c) || c.is_ascii_digit())
        && !PROMQL_WORDS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(text))
}

fn is_label_name(text: &str) -> bool {
    let mut chars = text.chars();
    let first = |c: char| c.is_ascii_alphabetic() || c == '_';
    chars.next().is_some_and(first) && chars.all(|c| first(c) || c.is_ascii_digit())
}

/// `code=~"5..", job="api"`: one or more matchers, each a label name, an operator and
/// a double-quoted value with no quote, backslash or line break inside.
fn are_matchers(text: &str) -> bool {
    !text.is_empty() && text.split(',').all(|matcher| is_matcher(matcher.trim()))
}

fn is_matcher(matcher: &str) -> bool {
    let Some(at) = matcher.find(['=', '!']) else {
        return false;
    };
    let (name, rest) = matcher.split_at(at);
    let Some(value) = ["=~", "!~", "!=", "="]
        .iter()
        .find_map(|op| rest.strip_prefix(op))
    else {
        return false;
    };
    let value = value.trim();
    let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
    let inner = value.get(1..value.len().saturating_sub(1)).unwrap_or("");
    is_label_name(name.trim()) && quoted && !inner.contains(['"', '\\', '\n', '\r'])
}

/// One alert of the lab's table, with what its rule's `severity` label says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alert {
    pub rule: AlertRule,
    pub severity: Severity,
}

/// The lab's alert table, as the rules write it.
pub fn alerts_of(lab: &BudgetLab) -> Vec<Alert> {
    lab.alerts
        .iter()
        .map(|row| Alert {
            rule: AlertRule {
                budget_spent: row.budget_spent,
                long_window_seconds: row.long_window_seconds,
                short_window_seconds: row.short_window_seconds,
            },
            severity: row.severity,
        })
        .collect()
}

/// `n / d` as an exact decimal, with no trailing zeros: `14.4`, `0.001`, `730.485`. The
/// windows and budgets here have only 2, 3 and 5 as prime factors below, so every
/// ratio ends; a ratio that did not would be cut at 15 places.
pub fn exact_decimal(numerator: u128, denominator: u128) -> String {
    let denominator = denominator.max(1);
    let whole = numerator / denominator;
    let mut rest = numerator % denominator;
    let mut digits = String::new();
    while rest != 0 && digits.len() < 15 {
        rest *= 10;
        digits.push(char::from(b'0' + (rest / denominator) as u8));
        rest %= denominator;
    }
    if digits.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{digits}")
    }
}

/// A rule's burn rate over the SLO window, exactly: spent × window ÷ (WHOLE × long),
/// as a decimal where it ends (`14.4`) and as PromQL's own division where it does not
/// (`14 / 15`, 1% of 28 days over 3 days).
fn burn_rate(rule: AlertRule, window_seconds: u64) -> String {
    let numerator = u128::from(rule.budget_spent) * u128::from(window_seconds);
    let denominator = u128::from(WHOLE) * u128::from(rule.long_window_seconds);
    let common = gcd(numerator, denominator).max(1);
    let (numerator, denominator) = (numerator / common, denominator / common);
    if ends_as_decimal(denominator) {
        exact_decimal(numerator, denominator)
    } else {
        format!("{numerator} / {denominator}")
    }
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Whether n / d ends as a decimal: d, in lowest terms, has no prime factor but 2 and 5.
fn ends_as_decimal(mut denominator: u128) -> bool {
    for factor in [2, 5] {
        while denominator > 1 && denominator.is_multiple_of(factor) {
            denominator /= factor;
        }
    }
    denominator <= 1
}

/// The error budget as a ratio: `0.001` for 99.9%.
fn budget_ratio(slo: Slo) -> String {
    exact_decimal(u128::from(slo.budget()), u128::from(WHOLE))
}

/// The objective as a ratio: `0.999` for 99.9%.
fn objective_ratio(slo: Slo) -> String {
    exact_decimal(u128::from(slo.thousandths()), u128::from(WHOLE))
}

/// The window as written in the files: `30d`, `28d`, or the average month.
fn window_name(month: MonthLength) -> &'static str {
    match month {
        MonthLength::Days30 => "30d",
        MonthLength::Days28 => "28d",
        MonthLength::Gregorian => "1M",
    }
}

/// The labels every recorded series and alert of this SLO carries, Sloth's way.
fn sloth_labels(metrics: &Metrics, indent: &str) -> String {
    format!(
        "{indent}sloth_id: \"{id}\"\n{indent}sloth_service: \"{service}\"\n{indent}sloth_slo: \"availability\"\n",
        id = metrics.slo_id(),
        service = metrics.service,
    )
}

/// The windows to record: the seven of [`RECORDED_WINDOWS`] and any other an alert uses.
fn recorded_windows(alerts: &[Alert]) -> Vec<u64> {
    let mut windows = RECORDED_WINDOWS.to_vec();
    for alert in alerts {
        for window in [
            alert.rule.long_window_seconds,
            alert.rule.short_window_seconds,
        ] {
            if !windows.contains(&window) {
                let at = windows.partition_point(|&w| w < window);
                windows.insert(at, window);
            }
        }
    }
    windows
}

fn recording(metrics: &Metrics, window: u64) -> String {
    let range = machine_duration(window);
    format!(
        "      - record: slo:sli_error:ratio_rate{range}\n        expr: |\n          (sum(rate({requests}{{{errors}}}[{range}])))\n          /\n          (sum(rate({requests}[{range}])))\n        labels:\n{labels}          sloth_window: \"{range}\"\n",
        requests = metrics.requests,
        errors = metrics.errors,
        labels = sloth_labels(metrics, "          "),
    )
}

/// One multiwindow condition: the ratio above the threshold over both windows.
fn condition(metrics: &Metrics, slo: Slo, window_seconds: u64, rule: AlertRule) -> String {
    let threshold = format!(
        "({} * {})",
        burn_rate(rule, window_seconds),
        budget_ratio(slo)
    );
    let over = |window: u64| {
        format!(
            "max(slo:sli_error:ratio_rate{}{{sloth_id=\"{}\", sloth_service=\"{}\", sloth_slo=\"availability\"}} > {threshold}) without (sloth_window)",
            machine_duration(window),
            metrics.slo_id(),
            metrics.service,
        )
    };
    format!(
        "            (\n              {}\n              and\n              {}\n            )\n",
        over(rule.long_window_seconds),
        over(rule.short_window_seconds)
    )
}

/// A comment for each condition that can never fire at this SLO, saying why.
fn cannot_fire_comments(slo: Slo, window_seconds: u64, rules: &[AlertRule]) -> String {
    rules
        .iter()
        .filter(|rule| !rule.can_fire(slo, window_seconds))
        .map(|&rule| {
            let from = match rule.lowest_slo_that_fires(window_seconds) {
                Some(lowest) => format!("It can fire from {lowest}%."),
                None => "It cannot fire at any SLO from 90% to 99.999%.".to_owned(),
            };
            format!(
                "      # The {burn}x condition cannot fire at {slo}%: it waits for {burn} x {budget} of requests to fail, more than all of them. {from}\n",
                burn = burn_rate(rule, window_seconds),
                budget = budget_ratio(slo),
            )
        })
        .collect()
}

fn alert(
    metrics: &Metrics,
    slo: Slo,
    window_seconds: u64,
    severity: Severity,
    rules: &[AlertRule],
) -> String {
    let conditions: Vec<String> = rules
        .iter()
        .map(|&rule| condition(metrics, slo, window_seconds, rule))
        .collect();
    format!(
        "{comments}      - alert: ErrorBudgetBurn\n        expr: |\n{expr}        labels:\n{labels}          severity: \"{severity}\"\n        annotations:\n          summary: '{service} is burning its error budget too fast ({severity}).'\n",
        comments = cannot_fire_comments(slo, window_seconds, rules),
        expr = conditions.join("            or\n"),
        labels = sloth_labels(metrics, "          "),
        severity = severity.label(),
        service = metrics.service,
    )
}

/// The Prometheus rule file for this SLO and window, laid out as Sloth generates it.
pub fn prometheus_rules(
    slo: Slo,
    month: MonthLength,
    alerts: &[Alert],
    metrics: &Metrics,
) -> String {
    let window_seconds = month.seconds();
    let id = metrics.slo_id();
    let mut file = format!(
        "# Prometheus rules for {id}: {slo}% of requests succeed over {window}.\n# From the Ops Trio error-budget lab, laid out as Sloth generates them.\n# Check them with: promtool check rules <this file>\ngroups:\n  - name: sloth-slo-sli-recordings-{id}\n    rules:\n",
        window = window_name(month),
    );
    for window in recorded_windows(alerts) {
        file.push_str(&recording(metrics, window));
    }
    file.push_str(&format!(
        "  - name: sloth-slo-meta-recordings-{id}\n    rules:\n      - record: slo:objective:ratio\n        expr: vector({objective})\n        labels:\n{labels}      - record: slo:error_budget:ratio\n        expr: vector({budget})\n        labels:\n{labels}",
        objective = objective_ratio(slo),
        budget = budget_ratio(slo),
        labels = sloth_labels(metrics, "          "),
    ));
    file.push_str(&format!("  - name: sloth-slo-alerts-{id}\n    rules:\n"));
    for severity in [Severity::Page, Severity::Ticket] {
        let rules: Vec<AlertRule> = alerts
            .iter()
            .filter(|alert| alert.severity == severity)
            .map(|alert| alert.rule)
            .collect();
        if !rules.is_empty() {
            file.push_str(&alert(metrics, slo, window_seconds, severity, &rules));
        }
    }
    file
}

/// A YAML single-quoted string: any text, with `'` doubled.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The same objective as an OpenSLO v1 `SLO` document.
pub fn openslo(slo: Slo, month: MonthLength, metrics: &Metrics) -> String {
    let id = metrics.slo_id();
    let average = if month == MonthLength::Gregorian {
        "      # Meant as the average Gregorian month, 365.2425 / 12 days; some tools read 1M as 30 days.\n"
    } else {
        ""
    };
    format!(
        "# OpenSLO v1: {slo}% of {service}'s requests succeed over {window}.\n# From the Ops Trio error-budget lab.\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: {id}\n  displayName: {display}\nspec:\n  description: {description}\n  service: \"{service}\"\n  indicator:\n    metadata:\n      name: {service}-error-ratio\n    spec:\n      ratioMetric:\n        counter: true\n        bad:\n          metricSource:\n            type: Prometheus\n            spec:\n              query: {bad}\n        total:\n          metricSource:\n            type: Prometheus\n            spec:\n              query: {total}\n  timeWindow:\n    - duration: {window}\n{average}      isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n    - displayName: Availability\n      target: {objective}\n",
        service = metrics.service,
        window = window_name(month),
        display = quoted(&format!("{} availability", metrics.service)),
        description = quoted(&format!("{slo}% of requests succeed over {}.", window_name(month))),
        bad = quoted(&format!("sum({}{{{}}})", metrics.requests, metrics.errors)),
        total = quoted(&format!("sum({})", metrics.requests)),
        objective = objective_ratio(slo),
    )
}
