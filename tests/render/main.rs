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

mod career;
mod quiz;
mod widgets;
mod zh_tw;
