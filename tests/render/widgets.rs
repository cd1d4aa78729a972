//! The CALMS wheel, the pipeline and the error-budget lab, in their views.

use super::{render, render_widget, select, text, texts, the};

#[tokio::test]
async fn the_calms_wheel_has_five_named_segments_with_culture_selected() {
    let page = render("#/devops").await;
    let wheel = the(&page, r#"svg.calms-wheel > g[role="tablist"]"#);
    assert_eq!(wheel.attr("aria-label"), Some("The five pillars of CALMS"));
    // Only tabs in the tablist: the hub is hidden from assistive technology.
    assert_eq!(
        the(&page, ".calms-hub-group").attr("aria-hidden"),
        Some("true")
    );
    let tabs = select(wheel, r#"[role="tab"]"#);
    let names: Vec<_> = tabs
        .iter()
        .filter_map(|tab| tab.attr("aria-label"))
        .collect();
    assert_eq!(
        names,
        [
            "C Culture",
            "A Automation",
            "L Lean",
            "M Measurement",
            "S Sharing"
        ]
    );
    let shown: Vec<_> = tabs
        .iter()
        .map(|tab| texts(*tab, ".calms-name").concat())
        .collect();
    assert_eq!(
        shown,
        ["Culture", "Automation", "Lean", "Measurement", "Sharing"]
    );
    let selected: Vec<_> = tabs.iter().map(|tab| tab.attr("aria-selected")).collect();
    assert_eq!(
        selected,
        [
            Some("true"),
            Some("false"),
            Some("false"),
            Some("false"),
            Some("false")
        ]
    );
    let tab_stops: Vec<_> = tabs.iter().map(|tab| tab.attr("tabindex")).collect();
    assert_eq!(
        tab_stops,
        [Some("0"), Some("-1"), Some("-1"), Some("-1"), Some("-1")]
    );
    assert_eq!(select(wheel, "path.calms-segment-shape").len(), 5);

    let panel = the(&page, r#"[role="tabpanel"]#calms-panel"#);
    assert_eq!(panel.attr("aria-labelledby"), Some("calms-tab-culture"));
    assert_eq!(text(the(&page, ".calms-panel-title")), "CCulture");
    assert_eq!(
        text(the(&page, ".calms-description")),
        "Build collaborative culture, break down silos."
    );
    assert_eq!(the(&page, ".calms").attr("data-tour"), Some("running"));
    assert_eq!(text(the(&page, ".calms-toggle")), "Pause tour");
}

#[tokio::test]
async fn a_deep_link_opens_the_wheel_on_its_pillar_with_the_tour_stopped() {
    let page = render("#/devops/calms/measurement").await;
    let selected = the(&page, r#"[role="tab"][aria-selected="true"]"#);
    assert_eq!(selected.attr("aria-label"), Some("M Measurement"));
    assert_eq!(the(&page, ".calms").attr("data-tour"), Some("stopped"));
    assert_eq!(text(the(&page, ".calms-toggle")), "Play tour");
    assert!(texts(the(&page, "#calms-panel"), "li")
        .concat()
        .contains("deployment frequency and lead time"));
    assert_eq!(
        select(the(&page, "#calms-panel"), ".calms-sources a")[0].attr("href"),
        Some("https://dora.dev/guides/dora-metrics-four-keys/")
    );
    assert!(select(page.root_element(), r#".calms [role="status"]"#).is_empty());
}

#[tokio::test]
async fn an_unknown_pillar_falls_back_to_the_first_and_says_so() {
    let page = render("#/devops/calms/kaizen").await;
    let selected = the(&page, r#"[role="tab"][aria-selected="true"]"#);
    assert_eq!(selected.attr("aria-label"), Some("C Culture"));
    assert_eq!(
        text(the(&page, r#".calms [role="status"]"#)),
        "There is no pillar “kaizen” in CALMS, so the wheel shows Culture."
    );
}

#[tokio::test]
async fn the_pipeline_shows_every_stage_and_folds_its_checkpoints_into_the_gate() {
    let page = render_widget("#/devsecops", None).await;
    let pipeline = the(&page, r#".pipeline[data-model="traditional"]"#);
    assert_eq!(
        texts(pipeline, ".pipeline-stage-name"),
        ["Plan", "Code", "Build", "Test", "Deploy", "Production"]
    );
    let checkpoints = select(pipeline, ".checkpoint");
    assert_eq!(checkpoints.len(), 7, "a checkpoint per stage, and the gate");
    let labels: Vec<_> = checkpoints
        .iter()
        .filter_map(|c| c.attr("aria-label"))
        .collect();
    assert_eq!(
        labels,
        [
            "Threat modeling, in Plan",
            "Secure coding standards, in Code",
            "Dependency scanning, in Build",
            "SAST/DAST, in Test",
            "Container scanning, in Deploy",
            "Runtime protection, in Production",
            "Security review, before Production",
        ]
    );
    // In the traditional model every stage checkpoint sits folded under the gate.
    let gate = the(&page, ".checkpoint.is-gate");
    assert_eq!(gate.attr("inert"), None);
    assert!(gate.attr("data-vars").unwrap().starts_with("--at: 0.83;"));
    for checkpoint in &checkpoints[..6] {
        assert!(
            checkpoint.attr("inert").is_some(),
            "folded checkpoints are inert"
        );
        assert!(checkpoint
            .attr("data-vars")
            .unwrap()
            .starts_with("--at: 0.83;"));
    }
    let models: Vec<_> = select(pipeline, r#"input[name="pipeline-model"]"#)
        .iter()
        .map(|input| {
            (
                input.attr("value").unwrap(),
                input.attr("checked").is_some(),
            )
        })
        .collect();
    assert_eq!(models, [("traditional", true), ("devsecops", false)]);
    assert_eq!(
        select(pipeline, r#"input[name="pipeline-defect"]"#).len(),
        6
    );
    assert!(
        select(pipeline, ".pipeline-token").is_empty(),
        "no token before a defect is sent"
    );
    assert!(text(the(&page, ".pipeline-cost-note")).contains("illustrative"));
}

#[tokio::test]
async fn the_error_budget_lab_opens_at_three_nines_with_the_reference_downtimes() {
    let page = render_widget("#/sre", None).await;
    let lab = the(&page, ".budget");
    let slider = the(&page, r#"input[type="range"]#budget-slo-range"#);
    assert_eq!(slider.attr("aria-valuetext"), Some("99.9 percent"));
    assert_eq!(text(the(&page, ".budget-slo-value")), "99.9%");
    assert_eq!(the(&page, "#budget-slo-text").attr("value"), Some("99.9"));
    let downtime: Vec<Vec<String>> = select(the(&page, ".budget-downtime table"), "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    assert_eq!(
        downtime,
        [
            ["Day", "1m 26s"],
            ["Week", "10m 5s"],
            ["Month (30 days)", "43m 12s"],
            ["Quarter (¼ year)", "2h 11m 29s"],
            ["Year (365.2425 days)", "8h 45m 57s"],
        ]
    );
    let presets = texts(lab, ".budget-preset");
    assert_eq!(
        presets,
        ["99%", "99.5%", "99.9%", "99.95%", "99.99%", "99.999%"]
    );
    let pressed: Vec<_> = select(lab, ".budget-preset")
        .iter()
        .map(|b| b.attr("aria-pressed"))
        .collect();
    assert_eq!(pressed[2], Some("true"));
    let alerts: Vec<Vec<String>> = select(the(&page, ".budget-alerts table"), "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    assert_eq!(
        alerts,
        [
            ["Page", "2%", "1h", "5m", "14.4×", "1.44%"],
            ["Page", "5%", "6h", "30m", "6×", "0.6%"],
            ["Ticket", "10%", "3d", "6h", "1×", "0.1%"],
        ]
    );
    assert!(text(the(&page, ".budget-policy")).contains("Ample"));
    assert_eq!(
        the(&page, ".budget-gauge").attr("data-policy"),
        Some("ample")
    );
}
