//! The rules the error-budget lab offers to take away, read back as YAML: the
//! Prometheus rule file has the structure `promtool` wants and the Workbook's exact
//! thresholds at every preset, and the OpenSLO document has the fields v1 requires.

use ops_trio::budget::model::{AlertRule, MonthLength, Slo, DAY, HOUR, MINUTE};
use ops_trio::budget::parse::parse_slo;
use ops_trio::budget::rules::{
    exact_decimal, openslo, prometheus_rules, Alert, Metrics, MetricsError,
};
use ops_trio::content::model::Severity;
use ops_trio::format::machine_duration;
use yaml_rust2::{Yaml, YamlLoader};

/// The SRE Workbook's table, as the lab's content gives it.
const WORKBOOK: [Alert; 3] = [
    Alert {
        rule: AlertRule {
            budget_spent: 2_000,
            long_window_seconds: HOUR,
            short_window_seconds: 5 * MINUTE,
        },
        severity: Severity::Page,
    },
    Alert {
        rule: AlertRule {
            budget_spent: 5_000,
            long_window_seconds: 6 * HOUR,
            short_window_seconds: 30 * MINUTE,
        },
        severity: Severity::Page,
    },
    Alert {
        rule: AlertRule {
            budget_spent: 10_000,
            long_window_seconds: 3 * DAY,
            short_window_seconds: 6 * HOUR,
        },
        severity: Severity::Ticket,
    },
];

/// The lab's presets.
const PRESETS: [&str; 6] = ["99", "99.5", "99.9", "99.95", "99.99", "99.999"];

fn slo(text: &str) -> Slo {
    parse_slo(text).expect("a valid SLO")
}

fn yaml(text: &str) -> Yaml {
    let mut documents = YamlLoader::load_from_str(text).expect("valid YAML");
    assert_eq!(documents.len(), 1, "one document");
    documents.remove(0)
}

fn string<'a>(node: &'a Yaml, key: &str) -> &'a str {
    node[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string in {node:?}"))
}

/// A decimal read as a fraction over a power of ten, to compare products exactly.
fn fraction(decimal: &str) -> (u128, u128) {
    let (whole, part) = decimal.split_once('.').unwrap_or((decimal, ""));
    let scale = 10u128.pow(part.len() as u32);
    let value: u128 = format!("{whole}{part}").parse().expect("a decimal");
    (value, scale)
}

/// Every `(a * b)` threshold in an alert's expression.
fn thresholds(expr: &str) -> Vec<(String, String)> {
    expr.match_indices("> (")
        .map(|(at, _)| {
            let inner = &expr[at + 3..];
            let inner = &inner[..inner.find(')').expect("a closing parenthesis")];
            let (burn, budget) = inner.split_once(" * ").expect("burn * budget");
            (burn.to_string(), budget.to_string())
        })
        .collect()
}

#[test]
fn the_prometheus_rules_have_the_rule_file_structure() {
    for month in MonthLength::ALL {
        let file = prometheus_rules(slo("99.9"), month, &WORKBOOK, &Metrics::default());
        let root = yaml(&file);
        let groups = root["groups"].as_vec().expect("groups");
        assert_eq!(groups.len(), 3);
        for group in groups {
            assert!(string(group, "name").starts_with("sloth-slo-"));
            for rule in group["rules"].as_vec().expect("rules") {
                let record = rule["record"].as_str();
                let alert = rule["alert"].as_str();
                assert!(
                    record.is_some() != alert.is_some(),
                    "a rule records or alerts: {rule:?}"
                );
                assert!(!string(rule, "expr").trim().is_empty());
                assert!(rule["labels"].as_hash().is_some(), "labels: {rule:?}");
                if alert.is_some() {
                    assert!(matches!(
                        string(&rule["labels"], "severity"),
                        "page" | "ticket"
                    ));
                    assert!(rule["annotations"]["summary"].as_str().is_some());
                }
            }
        }
        let recorded: Vec<&str> = groups[0]["rules"]
            .as_vec()
            .unwrap()
            .iter()
            .map(|rule| string(&rule["labels"], "sloth_window"))
            .collect();
        assert_eq!(recorded, ["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
        let expr = string(&groups[0]["rules"][0], "expr");
        assert_eq!(
            expr,
            "(sum(rate(http_requests_total{code=~\"5..\"}[5m])))\n/\n(sum(rate(http_requests_total[5m])))\n"
        );
    }
}

#[test]
fn every_threshold_is_the_burn_rate_times_the_budget_exactly_at_every_preset() {
    for preset in PRESETS {
        let file = prometheus_rules(
            slo(preset),
            MonthLength::Days30,
            &WORKBOOK,
            &Metrics::default(),
        );
        let root = yaml(&file);
        let alerts = root["groups"][2]["rules"].as_vec().expect("alerts");
        assert_eq!(alerts.len(), 2, "a page and a ticket");
        let budget = exact_decimal(100_000 - u128::from(slo(preset).thousandths()), 100_000);
        let page = thresholds(string(&alerts[0], "expr"));
        let ticket = thresholds(string(&alerts[1], "expr"));
        // Each condition has its long and its short window, both over the same threshold.
        assert_eq!(page.len(), 4);
        assert_eq!(ticket.len(), 2);
        let burns: Vec<&str> = page
            .iter()
            .chain(&ticket)
            .map(|(burn, _)| burn.as_str())
            .collect();
        assert_eq!(burns, ["14.4", "14.4", "6", "6", "1", "1"], "at {preset}");
        for (_, written) in page.iter().chain(&ticket) {
            assert_eq!(written, &budget, "1 − {preset}%");
        }
        // And the products are what the Workbook's arithmetic gives, in millionths of a
        // part: 14.4 × 0.001 = 0.0144, that is 14.4 × (1 − SLO) exactly.
        let (parts, parts_scale) = fraction(&budget);
        let budget_parts = 100_000 - u128::from(slo(preset).thousandths());
        for ((written_burn, _), tenths) in
            page.iter().chain(&ticket).zip([144, 144, 60, 60, 10, 10])
        {
            let (burn, burn_scale) = fraction(written_burn);
            assert_eq!(
                burn * parts * 100_000 * 10,
                tenths * budget_parts * burn_scale * parts_scale,
                "at {preset}"
            );
        }
        assert_eq!(
            string(&root["groups"][1]["rules"][0], "expr"),
            format!(
                "vector({})",
                exact_decimal(u128::from(slo(preset).thousandths()), 100_000)
            )
        );
    }
}

#[test]
fn a_28_day_window_keeps_the_share_of_budget_and_an_average_month_is_exact() {
    let burns = |month| {
        let file = prometheus_rules(slo("99.9"), month, &WORKBOOK, &Metrics::default());
        let root = yaml(&file);
        root["groups"][2]["rules"]
            .as_vec()
            .unwrap()
            .iter()
            .flat_map(|alert| thresholds(string(alert, "expr")))
            .map(|(burn, _)| burn)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        &burns(MonthLength::Days28)[..4],
        ["13.44", "13.44", "5.6", "5.6"]
    );
    // 1% of 28 days over 3 days is 28/30: it does not end as a decimal, so PromQL divides.
    assert_eq!(burns(MonthLength::Days28)[4], "14 / 15");
    // The average month, 2 629 746 s, over 1 hour: 2% × 730.485 = 14.6097.
    assert_eq!(burns(MonthLength::Gregorian)[0], "14.6097");
}

#[test]
fn a_condition_that_cannot_fire_is_kept_and_says_why() {
    let file = prometheus_rules(
        slo("90"),
        MonthLength::Days30,
        &WORKBOOK,
        &Metrics::default(),
    );
    yaml(&file);
    assert!(file.contains(
        "# The 14.4x condition cannot fire at 90%: it waits for 14.4 x 0.1 of requests to fail, more than all of them. It can fire from 93.056%."
    ));
    let never = [Alert {
        rule: AlertRule {
            budget_spent: 100_000,
            long_window_seconds: 2,
            short_window_seconds: 1,
        },
        severity: Severity::Page,
    }];
    let hopeless = prometheus_rules(
        slo("99.999"),
        MonthLength::Days30,
        &never,
        &Metrics::default(),
    );
    yaml(&hopeless);
    assert!(hopeless.contains("It cannot fire at any SLO from 90% to 99.999%."));
    assert_eq!(file.matches("cannot fire").count(), 1);
    let fine = prometheus_rules(
        slo("99.9"),
        MonthLength::Days30,
        &WORKBOOK,
        &Metrics::default(),
    );
    assert!(!fine.contains("cannot fire"));
}

#[test]
fn the_openslo_document_has_every_field_v1_requires() {
    let metrics = Metrics::new(
        "checkout",
        "http_server_requests_seconds_count",
        r#"status=~"5..""#,
    )
    .unwrap();
    for (month, window) in [
        (MonthLength::Days30, "30d"),
        (MonthLength::Days28, "28d"),
        (MonthLength::Gregorian, "1M"),
    ] {
        let document = yaml(&openslo(slo("99.95"), month, &metrics));
        assert_eq!(string(&document, "apiVersion"), "openslo/v1");
        assert_eq!(string(&document, "kind"), "SLO");
        assert_eq!(
            string(&document["metadata"], "name"),
            "checkout-availability"
        );
        let spec = &document["spec"];
        assert_eq!(string(spec, "service"), "checkout");
        assert_eq!(string(spec, "budgetingMethod"), "Occurrences");
        let ratio = &spec["indicator"]["spec"]["ratioMetric"];
        assert_eq!(ratio["counter"].as_bool(), Some(true));
        assert_eq!(
            string(&ratio["bad"]["metricSource"]["spec"], "query"),
            r#"sum(http_server_requests_seconds_count{status=~"5.."})"#
        );
        assert_eq!(string(&ratio["bad"]["metricSource"], "type"), "Prometheus");
        assert_eq!(
            string(&ratio["total"]["metricSource"]["spec"], "query"),
            "sum(http_server_requests_seconds_count)"
        );
        assert!(spec["indicator"]["metadata"]["name"].as_str().is_some());
        let time_window = &spec["timeWindow"][0];
        assert_eq!(string(time_window, "duration"), window);
        assert_eq!(time_window["isRolling"].as_bool(), Some(true));
        assert_eq!(spec["objectives"][0]["target"].as_f64(), Some(0.9995));
    }
}

#[test]
fn label_values_are_quoted_so_that_no_name_reads_as_yaml_null() {
    let metrics = Metrics::new("null", "http_requests_total", r#"code=~"5..""#).unwrap();
    let root = yaml(&prometheus_rules(
        slo("99.9"),
        MonthLength::Days30,
        &WORKBOOK,
        &metrics,
    ));
    assert_eq!(
        string(&root["groups"][0]["rules"][0]["labels"], "sloth_service"),
        "null"
    );
    assert_eq!(
        string(&root["groups"][2]["rules"][0]["labels"], "severity"),
        "page"
    );
    let document = yaml(&openslo(slo("99.9"), MonthLength::Days30, &metrics));
    assert_eq!(string(&document["spec"], "service"), "null");
}

#[test]
fn names_that_would_break_the_files_are_refused() {
    assert_eq!(
        Metrics::new(&"a".repeat(51), "x", "a=\"b\""),
        Err(MetricsError::Service)
    );
    assert!(Metrics::new(&"a".repeat(50), "x", "a=\"b\"").is_ok());
    for word in ["inf", "NaN", "bool", "by"] {
        assert_eq!(
            Metrics::new("api", word, "a=\"b\""),
            Err(MetricsError::Requests),
            "{word}"
        );
    }
    for bad in [
        "code=5..",
        "code=~\"5..",
        "5xx=\"1\"",
        "code==\"5\"",
        "code=~\"a\"b\"",
        "code=\"1\",",
        "code",
    ] {
        assert_eq!(
            Metrics::new("api", "http_requests_total", bad),
            Err(MetricsError::Errors),
            "{bad}"
        );
    }
    assert!(Metrics::new(
        "api",
        "http_requests_total",
        "code=~\"5..\", job!=\"batch\""
    )
    .is_ok());
    assert_eq!(
        Metrics::new("My Service", "x", "a=\"b\""),
        Err(MetricsError::Service)
    );
    assert_eq!(
        Metrics::new("-api", "x", "a=\"b\""),
        Err(MetricsError::Service)
    );
    assert_eq!(
        Metrics::new("api", "2xx_total", "a=\"b\""),
        Err(MetricsError::Requests)
    );
    assert_eq!(
        Metrics::new("api", "http_requests_total", ""),
        Err(MetricsError::Errors)
    );
    assert_eq!(
        Metrics::new("api", "http_requests_total", "a=\"b\"}"),
        Err(MetricsError::Errors)
    );
    assert!(Metrics::new(" api ", "http:requests_total", "code=~\"5..\"").is_ok());
}

#[test]
fn durations_are_written_in_their_largest_whole_units() {
    assert_eq!(machine_duration(300), "5m");
    assert_eq!(machine_duration(7_200), "2h");
    assert_eq!(machine_duration(259_200), "3d");
    assert_eq!(machine_duration(2_629_746), "30d10h29m6s");
    assert_eq!(exact_decimal(2_629_746, 3_600), "730.485");
    assert_eq!(exact_decimal(1, 3), "0.333333333333333");
    assert_eq!(exact_decimal(5, 1), "5");
}
