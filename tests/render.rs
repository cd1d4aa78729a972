//! Components rendered to HTML natively, with yew's server renderer: what a reader
//! would see, with no browser. This also proves every view renders without touching a
//! browser API, as prerendering will need.
#![cfg(not(target_arch = "wasm32"))]

use ops_trio::i18n::Locale;
use ops_trio::route::Route;
use ops_trio::shell::{App, AppProps};
use scraper::{ElementRef, Html, Selector};
use yew::ServerRenderer;

async fn render(fragment: &str) -> Html {
    let locale = Locale::En;
    let route = Route::parse(fragment, locale.content());
    let html = ServerRenderer::<App>::with_props(move || AppProps { locale, route })
        .hydratable(false)
        .render()
        .await;
    Html::parse_fragment(&html)
}

/// Every element under `scope` that matches `css`: pass `page.root_element()` for the
/// whole page.
fn select<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    scope.select(&selector).collect()
}

/// The text a reader sees in an element, spaces as in the HTML.
fn text(element: ElementRef<'_>) -> String {
    element.text().collect()
}

fn texts(scope: ElementRef<'_>, css: &str) -> Vec<String> {
    select(scope, css).into_iter().map(text).collect()
}

/// A widget, rendered in its view as the app renders it, at the state `requested`
/// in the URL (the career path finder's walk), if any.
async fn render_widget(view_and_section: &str, requested: Option<&str>) -> Html {
    match requested {
        Some(state) => render(&format!("{view_and_section}/{state}")).await,
        None => render(view_and_section).await,
    }
}

fn the<'a>(page: &'a Html, css: &str) -> ElementRef<'a> {
    let found = select(page.root_element(), css);
    assert_eq!(found.len(), 1, "exactly one {css}");
    found[0]
}

#[tokio::test]
async fn the_overview_shows_the_comparison_table_with_every_seed_row() {
    let page = render("#/overview").await;
    let table = the(&page, r#"table[data-table="comparison"]"#);
    assert_eq!(
        texts(table, "thead th"),
        ["Aspect", "DevOps", "SRE", "DevSecOps"]
    );
    let rows: Vec<Vec<String>> = select(table, "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    assert_eq!(
        rows,
        [
            [
                "Nature",
                "Culture and methodology",
                "Engineering practice",
                "Security extension"
            ],
            [
                "Origin",
                "2009 DevOpsDays",
                "2003 Google",
                "2010s security needs"
            ],
            [
                "Core goal",
                "Accelerate delivery",
                "System reliability",
                "Shift left security"
            ],
            [
                "Main metrics",
                "Deployment frequency, Lead Time",
                "SLO, Error Budget",
                "Vulnerability count, fix time"
            ],
            [
                "Work focus",
                "CI/CD, IaC, collaboration",
                "Reliability, On-call, capacity",
                "Security automation, compliance"
            ],
            [
                "Background requirements",
                "Development or operations background",
                "Lean toward software engineering",
                "Security or development background"
            ],
        ]
    );
    assert_eq!(
        select(table, r#"tbody th[scope="row"]"#).len(),
        6,
        "each row has its header"
    );
}

#[tokio::test]
async fn every_view_renders_its_title_and_marks_its_link_current() {
    for view in Locale::En.content().views.iter() {
        let page = render(&format!("#/{}", view.id)).await;
        assert_eq!(
            text(the(&page, "h1#page-title")),
            view.title,
            "view {}",
            view.id
        );
        let current = the(&page, r#".site-nav a[aria-current="page"]"#);
        assert_eq!(
            current.attr("href"),
            Some(
                match view.id.as_ref() {
                    "overview" => "./".to_owned(),
                    id => format!("{id}/"),
                }
                .as_str()
            )
        );
        assert!(
            !select(page.root_element(), "section.section h2").is_empty(),
            "view {} has sections",
            view.id
        );
    }
}

#[tokio::test]
async fn the_navigation_links_every_view_in_order() {
    let page = render("").await;
    assert_eq!(
        texts(the(&page, "nav.site-nav"), "a"),
        [
            "Overview",
            "DevOps",
            "SRE",
            "DevSecOps",
            "Working together",
            "MLOps",
            "Career",
            "Quiz"
        ]
    );
    assert_eq!(
        text(the(&page, "h1#page-title")),
        "DevOps, SRE and DevSecOps at a glance"
    );
}

#[tokio::test]
async fn an_unknown_route_shows_a_friendly_page_with_links_to_every_view() {
    let page = render("#/kubernetes").await;
    assert_eq!(text(the(&page, "h1#page-title")), "Page not found");
    let article = the(&page, "article.not-found");
    assert!(texts(article, "p")
        .concat()
        .contains("There is no page at “/kubernetes”."));
    let hrefs: Vec<_> = select(article, "a")
        .iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    assert_eq!(hrefs.len(), 8);
    assert!(hrefs.contains(&"career/"));
}

#[tokio::test]
async fn an_unknown_section_opens_the_view_and_says_so() {
    let page = render("#/sre/nonsense").await;
    assert_eq!(text(the(&page, "h1#page-title")), "What is SRE?");
    assert_eq!(
        text(the(&page, r#".notice[role="status"]"#)),
        "This view has no section “nonsense”, so it opens at the top."
    );
    assert!(select(render("#/sre/toil").await.root_element(), ".notice").is_empty());
}

#[tokio::test]
async fn star_ratings_are_shown_and_spoken_as_numbers() {
    let page = render("#/career").await;
    let table = the(&page, r#"table[data-table="skills"]"#);
    let security = select(table, "tbody tr")
        .into_iter()
        .find(|row| text(*row).starts_with("Security knowledge"))
        .expect("a security row");
    assert_eq!(texts(security, ".stars"), ["★★☆☆☆", "★★☆☆☆", "★★★★★"]);
    assert_eq!(
        texts(security, ".visually-hidden"),
        ["2 out of 5", "2 out of 5", "5 out of 5"]
    );
    assert!(select(security, ".stars")
        .iter()
        .all(|s| s.attr("aria-hidden") == Some("true")));
}

#[tokio::test]
async fn the_shift_left_diagram_puts_one_gate_at_the_end_and_four_inside() {
    let page = render("#/devsecops").await;
    let lanes = select(page.root_element(), ".flow-lane");
    assert_eq!(lanes.len(), 2);
    let steps = |lane| {
        texts(lane, ".flow-step")
            .iter()
            .map(|s| s.replace('✓', ""))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        steps(lanes[0]),
        [
            "Plan",
            "Code",
            "Build",
            "Test",
            "Deploy",
            "Security",
            "Production"
        ]
    );
    assert_eq!(select(lanes[0], ".is-gate").len(), 1);
    assert_eq!(select(lanes[1], ".is-gate").len(), 4);
}

#[tokio::test]
async fn each_view_links_to_its_neighbours() {
    let page = render("#/sre").await;
    let previous = the(&page, r#".pager a[rel="prev"]"#);
    let next = the(&page, r#".pager a[rel="next"]"#);
    assert_eq!(
        (previous.attr("href"), text(previous).as_str()),
        (Some("devops/"), "Previous: DevOps")
    );
    assert_eq!(
        (next.attr("href"), text(next).as_str()),
        (Some("devsecops/"), "Next: DevSecOps")
    );
    let first = render("#/overview").await;
    assert!(
        select(first.root_element(), r#".pager a[rel="prev"]"#).is_empty(),
        "the first view has no previous"
    );
}

#[tokio::test]
async fn sections_have_addresses_and_tables_have_captions() {
    let page = render("#/devops").await;
    let contents = texts(the(&page, "nav.contents"), "a");
    assert_eq!(
        contents,
        [
            "Core philosophy",
            "The CALMS framework",
            "DevOps work focus",
            "The DevOps engineer role"
        ]
    );
    let calms = the(&page, "h2#section-calms a");
    assert_eq!(calms.attr("href"), Some("devops/#calms"));
    // The anchor a section's address names, which works without the app too.
    assert_eq!(
        the(&page, "section#calms h2").attr("id"),
        Some("section-calms")
    );
    let region = the(&page, ".table-scroll");
    assert_eq!(region.attr("role"), Some("region"));
    assert_eq!(region.attr("aria-labelledby"), Some("table-calms"));
    assert_eq!(
        text(the(&page, "caption#table-calms")),
        "CALMS, the core framework of DevOps"
    );
}

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
            "C for Culture",
            "A for Automation",
            "L for Lean",
            "M for Measurement",
            "S for Sharing"
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
    assert_eq!(selected.attr("aria-label"), Some("M for Measurement"));
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
    assert_eq!(selected.attr("aria-label"), Some("C for Culture"));
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

mod quiz {
    use super::{select, text, texts, the};
    use ops_trio::i18n::Locale;
    use ops_trio::quiz::bank::{authored, Body, Discipline, Question};
    use ops_trio::quiz::{QuestionCard, QuestionCardProps, SharedProps, SharedResults};
    use scraper::Html;
    use yew::{Callback, LocalServerRenderer, ServerRenderer};

    fn question(kind: &str) -> Question {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content/en/quiz");
        let bank = authored::load(std::path::Path::new(folder)).unwrap();
        let matches = |q: &&Question| {
            matches!(
                (&q.body, kind),
                (Body::Single { .. }, "single")
                    | (Body::Ordering { .. }, "ordering")
                    | (Body::Matching { .. }, "matching")
                    | (Body::Numeric { .. }, "numeric")
            )
        };
        bank.questions.iter().find(matches).unwrap().clone()
    }

    async fn card(question: Question) -> Html {
        let parts = match &question.body {
            Body::Single { options } => options.len(),
            Body::Ordering { items, .. } => items.len(),
            Body::Matching { pairs, .. } => pairs.len(),
            _ => 0,
        };
        let props = QuestionCardProps {
            locale: Locale::En,
            question,
            order: (0..parts).rev().collect(),
            number: 3,
            total: 10,
            answered: None,
            on_answer: Callback::noop(),
            on_next: Callback::noop(),
        };
        let html = LocalServerRenderer::<QuestionCard>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        Html::parse_fragment(&html)
    }

    #[tokio::test]
    async fn a_question_shows_its_progress_prompt_and_numbered_options_in_the_drawn_order() {
        let question = question("single");
        let Body::Single { options } = &question.body else {
            unreachable!()
        };
        let page = card(question.clone()).await;
        assert_eq!(text(the(&page, ".quiz-count")), "Question 3 of 10");
        assert_eq!(
            the(&page, r#"[role="progressbar"]"#).attr("aria-valuenow"),
            Some("2")
        );
        assert_eq!(text(the(&page, "h3.quiz-prompt")), question.prompt);
        let shown: Vec<String> = options.iter().rev().map(|o| o.text.clone()).collect();
        let labels = select(page.root_element(), ".quiz-option");
        assert_eq!(
            labels
                .iter()
                .map(|l| texts(*l, "span:last-child").concat())
                .collect::<Vec<_>>(),
            shown
        );
        assert_eq!(texts(page.root_element(), ".quiz-key")[0], "1");
        assert!(
            the(&page, ".quiz-button.is-primary")
                .attr("disabled")
                .is_some(),
            "nothing chosen yet"
        );
    }

    #[tokio::test]
    async fn ordering_matching_and_numeric_questions_have_their_own_controls() {
        let ordering = card(question("ordering")).await;
        assert!(!select(
            ordering.root_element(),
            ".quiz-order-item button[aria-label^=\"Move\"]"
        )
        .is_empty());
        let matching = card(question("matching")).await;
        let selects = select(matching.root_element(), ".quiz-match select");
        assert!(selects.len() >= 3);
        assert_eq!(texts(selects[0], "option")[0], "Choose…");
        let numeric = card(question("numeric")).await;
        assert_eq!(
            text(the(&numeric, r#"label[for="quiz-number"]"#)),
            "Your answer"
        );
    }

    #[tokio::test]
    async fn shared_scores_are_drawn_and_written_out() {
        let scores = vec![(Discipline::DevOps, 80), (Discipline::Sre, 45)];
        let html = ServerRenderer::<SharedResults>::with_props(move || SharedProps {
            locale: Locale::En,
            scores,
        })
        .hydratable(false)
        .render()
        .await;
        let page = Html::parse_fragment(&html);
        assert_eq!(
            texts(page.root_element(), ".quiz-score-list li"),
            ["DevOps: 80%", "SRE: 45%"]
        );
        let bars: Vec<_> = select(page.root_element(), "rect.chart-bar")
            .iter()
            .filter_map(|r| r.attr("width"))
            .collect();
        assert_eq!(bars, ["192", "108"], "80% and 45% of the 240-unit bar");
        assert_eq!(the(&page, "svg").attr("role"), Some("img"));
    }
}

// ---------------------------------------------------------------- the career path finder

#[tokio::test]
async fn the_path_finder_opens_at_the_articles_first_question_with_nothing_to_undo() {
    let page = render_widget("#/career/path-finder", None).await;
    let question = the(&page, ".career-question h3");
    assert_eq!(
        text(question),
        "Question 1 Want to work in cloud operations related fields?"
    );
    assert_eq!(
        texts(page.root_element(), ".career-answer"),
        ["Yes", "Not sure yet"]
    );
    assert_eq!(text(the(&page, ".career-no-answers")), "No answers yet.");
    for button in select(page.root_element(), ".career-controls button") {
        assert!(button.attr("disabled").is_some(), "{}", text(button));
    }
    // The drawing: five questions and six leaves, none of them on a walk yet but the root.
    assert_eq!(select(page.root_element(), ".career-node").len(), 11);
    assert_eq!(select(page.root_element(), ".career-node.is-here").len(), 1);
}

#[tokio::test]
async fn a_walk_in_the_url_shows_its_result_with_reasons_the_articles_points_and_a_quiz_link() {
    let page = render_widget("#/career/path-finder", Some("1-1-2-1")).await;
    let result = the(&page, ".career-result");
    assert_eq!(result.attr("data-role"), Some("sre"));
    assert_eq!(text(the(&page, ".career-result h3")), "Your path: SRE");
    let answers = texts(page.root_element(), ".career-steps li");
    assert_eq!(
        answers,
        [
            "Want to work in cloud operations related fields? Yes",
            "Do you like coding? Yes",
            "Interested in security? No",
            "Can you accept on-call? Yes"
        ]
    );
    let lists = select(result, "ul");
    assert_eq!(select(lists[0], "li").len(), 4, "a reason per answer");
    assert!(texts(lists[2], "li").contains(&"Can handle on-call pressure".to_string()));
    assert_eq!(
        the(&page, ".career-result a").attr("href"),
        Some("quiz/#practice/sre")
    );
    assert_eq!(
        select(page.root_element(), ".career-node.is-on-walk").len(),
        5
    );
}

#[tokio::test]
async fn a_walk_that_is_not_in_the_tree_starts_over_and_says_why() {
    let page = render_widget("#/career/path-finder", Some("1-7")).await;
    assert!(text(the(&page, ".career-tree .notice")).contains("not in the tree"));
    assert!(text(the(&page, ".career-question h3")).ends_with("cloud operations related fields?"));
}

#[tokio::test]
async fn the_gap_table_holds_each_rating_requirement_gap_and_total() {
    use ops_trio::career::skills::{Ratings, SkillProfiles};
    use ops_trio::career::{SkillGapTable, SkillGapTableProps};
    let locale = Locale::En;
    let profiles = SkillProfiles::from_table(locale.content().table("skills").unwrap()).unwrap();
    let ratings = Ratings(vec![Some(3), Some(3), Some(4), Some(3), Some(5), Some(2)]);
    let html = ServerRenderer::<SkillGapTable>::with_props(move || SkillGapTableProps {
        locale,
        profiles,
        ratings,
    })
    .hydratable(false)
    .render()
    .await;
    let page = Html::parse_fragment(&html);
    let table = the(&page, r#"table[data-table="skill-gaps"]"#);
    assert_eq!(
        texts(table, "thead th"),
        [
            "Skill",
            "You",
            "DevOps: asks for (gap)",
            "SRE: asks for (gap)",
            "DevSecOps: asks for (gap)"
        ]
    );
    let rows: Vec<Vec<String>> = select(table, "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    assert_eq!(rows[1], ["Programming", "3", "3 (0)", "5 (2)", "3 (0)"]);
    assert_eq!(
        rows[5],
        ["Monitoring systems", "2", "3 (1)", "5 (3)", "2 (0)"]
    );
    assert_eq!(texts(table, "tfoot td"), ["", "4", "8", "0"]);
}

#[tokio::test]
async fn before_any_rating_the_charts_and_table_show_each_roles_profile() {
    let page = render_widget("#/career", None).await;
    let table = the(&page, r#"table[data-table="skill-gaps"]"#);
    let security = select(table, "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .find(|row| row[0] == "Security knowledge")
        .unwrap();
    assert_eq!(
        security,
        ["Security knowledge", "–not rated", "2", "2", "5"]
    );
    assert_eq!(
        text(the(&page, ".skill-rating-status")),
        "0 of 6 skills rated. Rate every skill to see which role is closest."
    );
    let charts = select(page.root_element(), ".skill-chart svg");
    assert_eq!(charts.len(), 3);
    assert_eq!(
        charts[1].attr("aria-label"),
        Some("SRE's profile, with the ratings you have given")
    );
    assert_eq!(select(page.root_element(), ".skill-choice input").len(), 30);
}

#[tokio::test]
async fn the_salary_chart_states_market_year_and_caveat_and_tabulates_every_range() {
    let page = render("#/career").await;
    assert_eq!(
        text(the(&page, ".salary-market")),
        "Based on the 2025 Taiwan market, by level."
    );
    let table = the(&page, r#"table[data-table="salary"]"#);
    let rows: Vec<Vec<String>> = select(table, "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    assert_eq!(
        rows[1],
        [
            "SRE",
            "NT$800K to NT$1M",
            "NT$1M to NT$1.4M",
            "NT$1.4M to NT$2M"
        ]
    );
    assert_eq!(select(page.root_element(), ".salary-bar rect").len(), 9);
    assert!(text(the(&page, ".salary .note")).contains("may be higher"));
}

#[tokio::test]
async fn every_widget_is_drawn_in_its_view_with_what_it_needs_said_under_it() {
    for (view, widget) in [
        ("#/devops", ".calms"),
        ("#/devsecops", ".pipeline"),
        ("#/sre", ".budget"),
        ("#/quiz", ".quiz"),
        ("#/career", ".career-tree"),
        ("#/career", ".skill-rating"),
    ] {
        let page = render(view).await;
        let frames = select(page.root_element(), ".interactive");
        let frame = frames
            .iter()
            .find(|frame| !select(**frame, widget).is_empty())
            .unwrap_or_else(|| panic!("{view}: no {widget} in an .interactive frame"));
        assert!(
            text(select(*frame, ".needs-script")[0]).contains("needs JavaScript and WebAssembly"),
            "{view} {widget}"
        );
    }
}
