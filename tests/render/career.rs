//! The career path finder, the self-rating and the salary chart; and every widget in
//! its view.

use super::{render, render_widget, select, text, texts, the};
use ops_trio::i18n::Locale;
use scraper::Html;
use yew::ServerRenderer;

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
