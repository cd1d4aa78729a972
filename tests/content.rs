//! The content as data: the baked statics are exactly what the TOML says, the TOML is
//! complete, and the validator catches what it must.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use ops_trio::content::load::{load_locale, parse_view};
use ops_trio::content::model::{Block, CareerTree, Cell, Content, SalaryChart, TreeNext};
use ops_trio::content::validate::validate;
use ops_trio::i18n::Locale;
use ops_trio::quiz::bank::Discipline;

fn english_folder() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content/en"))
}

fn parsed() -> Content {
    load_locale(english_folder()).expect("the English content parses")
}

#[test]
fn the_baked_content_equals_a_fresh_parse_of_the_toml() {
    assert_eq!(Locale::En.content(), &parsed());
}

#[test]
fn every_view_of_the_module_is_there_in_order() {
    let ids: Vec<_> = parsed().views.iter().map(|v| v.id.to_string()).collect();
    assert_eq!(
        ids,
        [
            "overview",
            "devops",
            "sre",
            "devsecops",
            "together",
            "mlops",
            "career",
            "quiz"
        ]
    );
}

/// Every section of the article, in its order, as the seed gives its headings.
#[test]
fn every_section_of_the_seed_article_is_taught() {
    let content = parsed();
    let seed_titles: Vec<&str> = content
        .seed_sections
        .iter()
        .map(|s| s.title.as_ref())
        .collect();
    let expected_headings = [
        "Why Understand the Differences Between These Roles?",
        "Core Philosophy",
        "DevOps Work Focus",
        "The DevOps Engineer Role",
        "Illustration: DevOps CALMS Framework Diagram",
        "Origins and Definition",
        "1. SLO, SLI, SLA",
        "2. Error Budget",
        "3. Toil Elimination",
        "SRE Work Focus",
        "Shift Left Security",
        "DevSecOps Practices",
        "DevSecOps Work Focus",
        "Illustration: DevSecOps Shift Left Security Concept Diagram",
        "Comprehensive Comparison Table",
        "Analogy Explanation",
        "The Relationship Between the Three",
        "Case: New Feature Launch",
        "Organizational Structure Recommendations",
        "MLOps Definition",
        "MLOps Unique Challenges",
        "MLOps Tool Ecosystem",
        "Skill Requirements Comparison",
        "Who Is It Suitable For?",
        "Salary Reference",
        "Illustration: Career Choice Decision Tree",
        "FAQ",
        "Conclusion",
    ];
    for heading in expected_headings {
        assert!(
            seed_titles.iter().any(|title| title.ends_with(heading)),
            "the seed section {heading:?} is missing from index.toml"
        );
    }
    // validate() already fails when a text section is taught by no view section; check
    // the few that a refactor of the views could most easily drop.
    let taught: Vec<&str> = content
        .views
        .iter()
        .flat_map(|v| v.sections.iter())
        .filter_map(|s| s.seed.as_deref())
        .collect();
    for seed in [
        "restaurant-analogy",
        "relationship",
        "sre-toil",
        "faq",
        "mlops-tools",
    ] {
        assert!(taught.contains(&seed), "{seed} is not taught");
    }
}

fn table_rows(content: &Content, id: &str) -> Vec<Vec<String>> {
    let table = content
        .table(id)
        .unwrap_or_else(|| panic!("table {id} exists"));
    table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(text) => text.to_string(),
                    Cell::Stars(stars) => stars.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_seed_tables_hold_the_seed_figures() {
    let content = parsed();
    let comparison = table_rows(&content, "comparison");
    assert_eq!(comparison.len(), 6);
    assert_eq!(
        comparison[1],
        [
            "Origin",
            "2009 DevOpsDays",
            "2003 Google",
            "2010s security needs"
        ]
    );
    let calms = table_rows(&content, "calms");
    let letters: String = calms.iter().map(|row| row[0].clone()).collect();
    assert_eq!(letters, "CALMS");
    assert_eq!(
        table_rows(&content, "practices")[4],
        ["Deploy", "Container scanning", "Trivy, Clair"]
    );
    assert_eq!(
        table_rows(&content, "sli-slo-sla")[1][3],
        "99.9% availability"
    );
}

/// The seed's copy of the skills table gives each row's stars as one run; the split
/// between roles is ours, but each row's total must stay the article's.
#[test]
fn skill_ratings_keep_the_seed_row_totals() {
    let content = parsed();
    let totals: Vec<u32> = content
        .table("skills")
        .expect("skills table")
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Stars(stars) => u32::from(*stars),
                    Cell::Text(_) => 0,
                })
                .sum()
        })
        .collect();
    assert_eq!(totals, [12, 11, 12, 11, 9, 10]);
}

#[test]
fn the_faq_has_the_five_questions_of_the_seed() {
    let content = parsed();
    let faq = content
        .blocks()
        .find_map(|block| match block {
            Block::Faq(entries) => Some(entries),
            _ => None,
        })
        .expect("an FAQ block");
    assert_eq!(faq.len(), 5);
    assert!(faq.iter().any(|e| e.question == "Must SREs be on-call?"));
}

const VALID_VIEW: &str = r#"
id = "sample"
nav = "Sample"
title = "A sample view"
lede = "A lede."

[[sections]]
id = "one"
heading = "One"
seed = "faq"

[[sections.blocks]]
paragraph = "Text."
"#;

/// The sample view with its one section's blocks replaced by these.
fn with_blocks(blocks: &str) -> String {
    let start = VALID_VIEW
        .find("[[sections.blocks]]")
        .expect("the sample has blocks");
    format!("{}{blocks}", &VALID_VIEW[..start])
}

fn content_with(view_toml: &str) -> Content {
    let mut content = parsed();
    let view = parse_view(view_toml).expect("the view parses");
    content.views.to_mut().push(view);
    content
}

#[test]
fn a_valid_extra_view_passes() {
    assert_eq!(validate(&content_with(VALID_VIEW)), Vec::<String>::new());
}

#[test]
fn a_missing_field_is_refused_by_name() {
    let error = parse_view(&VALID_VIEW.replace("title = \"A sample view\"\n", "")).unwrap_err();
    assert!(error.contains("missing field `title`"), "{error}");
}

#[test]
fn an_unknown_field_is_refused() {
    let error = parse_view(&VALID_VIEW.replace("lede =", "summary = \"x\"\nlede =")).unwrap_err();
    assert!(error.contains("unknown field `summary`"), "{error}");
}

#[test]
fn an_empty_text_is_reported_where_it_is() {
    let problems = validate(&content_with(&VALID_VIEW.replace("\"Text.\"", "\"  \"")));
    assert_eq!(
        problems,
        [r#"view "sample" › section "one" › block 1: text is empty"#]
    );
}

#[test]
fn a_duplicate_view_id_is_reported() {
    let problems = validate(&content_with(&VALID_VIEW.replace("\"sample\"", "\"sre\"")));
    assert!(
        problems
            .iter()
            .any(|p| p.contains(r#"view id "sre" is a duplicate"#)),
        "{problems:?}"
    );
}

#[test]
fn a_duplicate_section_id_is_reported() {
    let twice = format!(
        "{VALID_VIEW}{}",
        &VALID_VIEW[VALID_VIEW.find("[[sections]]").unwrap()..]
    );
    let problems = validate(&content_with(&twice));
    assert!(
        problems
            .iter()
            .any(|p| p.contains(r#"section id "one" is a duplicate"#)),
        "{problems:?}"
    );
}

#[test]
fn a_duplicate_table_id_across_views_is_reported() {
    let view = VALID_VIEW.replace(
        "[[sections.blocks]]\nparagraph = \"Text.\"",
        "[[sections.blocks]]\n[sections.blocks.table]\nid = \"calms\"\ncaption = \"c\"\ncolumns = [\"a\", \"b\"]\nrows = [[\"x\", \"y\"]]",
    );
    let problems = validate(&content_with(&view));
    assert!(
        problems
            .iter()
            .any(|p| p.contains(r#"table id "calms" is a duplicate"#)),
        "{problems:?}"
    );
}

#[test]
fn broken_references_and_bad_tables_are_reported() {
    let view = VALID_VIEW.replace("seed = \"faq\"", "seed = \"no-such-section\"").replace(
        "[[sections.blocks]]\nparagraph = \"Text.\"",
        "[[sections.blocks]]\nlinks = [{ view = \"nowhere\", text = \"Go\" }]\n\n\
         [[sections.blocks]]\n[sections.blocks.table]\nid = \"t\"\ncaption = \"c\"\ncolumns = [\"a\", \"b\"]\nrows = [[\"x\", 7], [\"y\"]]",
    );
    let problems = validate(&content_with(&view));
    for expected in [
        r#"seed "no-such-section" is not a seed section"#,
        r#"links to unknown view "nowhere""#,
        "rates 7 stars, above 5",
        "has 1 cells for 2 columns",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
}

#[test]
fn an_id_that_is_not_url_safe_is_reported() {
    let problems = validate(&content_with(
        &VALID_VIEW.replace("id = \"one\"", "id = \"One Two\""),
    ));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("lowercase letters, digits and dashes")),
        "{problems:?}"
    );
}

#[test]
fn a_seed_section_that_nothing_teaches_is_reported() {
    let mut content = parsed();
    for view in content.views.to_mut() {
        view.sections
            .to_mut()
            .retain(|s| s.seed.as_deref() != Some("sre-toil"));
    }
    let problems = validate(&content);
    assert!(
        problems
            .iter()
            .any(|p| p.contains(r#"seed section "sre-toil""#)),
        "{problems:?}"
    );
}

#[test]
fn the_calms_wheel_spells_calms_and_every_pillar_is_complete() {
    let content = parsed();
    let calms = content
        .blocks()
        .find_map(|block| match block {
            Block::Calms(calms) => Some(calms),
            _ => None,
        })
        .expect("a CALMS wheel");
    let letters: String = calms.pillars.iter().map(|p| p.letter.as_ref()).collect();
    assert_eq!(letters, "CALMS");
    // Each pillar's description is the article's, as its CALMS table gives it.
    let table = table_rows(&content, "calms");
    for (pillar, row) in calms.pillars.iter().zip(&table) {
        assert_eq!(pillar.name, row[1]);
        assert_eq!(pillar.description.trim_end_matches('.'), row[2]);
        assert!(!pillar.practices.is_empty() && !pillar.anti_pattern.is_empty());
    }
}

#[test]
fn a_calms_wheel_without_five_pillars_is_reported() {
    let mut content = parsed();
    for view in content.views.to_mut() {
        for section in view.sections.to_mut() {
            for block in section.blocks.to_mut() {
                if let Block::Calms(calms) = block {
                    calms.pillars.to_mut().pop();
                }
            }
        }
    }
    let problems = validate(&content);
    assert!(
        problems.iter().any(|p| p.contains("has 4 pillars, not 5")),
        "{problems:?}"
    );
}

fn career_tree(content: &Content) -> CareerTree {
    content
        .blocks()
        .find_map(|block| match block {
            Block::CareerTree(tree) => Some(tree.clone()),
            _ => None,
        })
        .expect("a career tree")
}

/// Learn Git Branching's rule for levels, for the tree: walk every path and check
/// where it ends.
#[test]
fn every_path_of_the_career_tree_ends_at_one_of_the_three_roles() {
    let tree = career_tree(&parsed());
    let walks = tree.walks();
    assert_eq!(walks.len(), 6, "{walks:?}");
    let mut ends: Vec<String> = Vec::new();
    for (answers, end) in &walks {
        match end {
            Ok(TreeNext::Role(role)) => {
                assert!(tree.role(role).is_some(), "{answers:?} ends at {role}");
                ends.push(role.to_string());
            }
            other => panic!("{answers:?} ends at {other:?}"),
        }
    }
    for role in ["devops", "sre", "devsecops"] {
        assert!(ends.iter().any(|e| e == role), "no path leads to {role}");
    }
    // Each result links to practice on a discipline the quiz has.
    for role in tree.roles.iter() {
        assert!(
            Discipline::from_id(&role.quiz_topic).is_some(),
            "{}",
            role.quiz_topic
        );
    }
    // The article's three questions are all asked somewhere.
    let asked: Vec<&str> = tree.questions.iter().map(|q| q.text.as_ref()).collect();
    for question in [
        "Want to work in cloud operations related fields?",
        "Do you like coding?",
        "Interested in security?",
        "Can you accept on-call?",
    ] {
        assert!(asked.contains(&question), "{question}");
    }
}

/// The result's "choose X if you" points are the article's, as the suitability
/// section of the Career view gives them.
#[test]
fn each_role_of_the_tree_quotes_the_articles_suitability_list() {
    let content = parsed();
    let tree = career_tree(&content);
    let section = content
        .view("career")
        .and_then(|view| view.section("who-suits"))
        .expect("the suitability section");
    for role in tree.roles.iter() {
        let heading = format!("Choose {} if you:", role.name);
        let at = section
            .blocks
            .iter()
            .position(|b| *b == Block::Heading(heading.clone().into()))
            .unwrap_or_else(|| panic!("{heading}"));
        let Block::Bullets(items) = &section.blocks[at + 1] else {
            panic!("bullets after {heading}")
        };
        let listed: Vec<&str> = items.iter().map(|i| i.text.as_ref()).collect();
        let quoted: Vec<&str> = role.choose_if.iter().map(|c| c.as_ref()).collect();
        assert_eq!(quoted, listed, "{}", role.name);
    }
}

#[test]
fn the_salary_chart_holds_the_articles_figures() {
    let chart: SalaryChart = parsed()
        .blocks()
        .find_map(|block| match block {
            Block::SalaryChart(chart) => Some(chart.clone()),
            _ => None,
        })
        .expect("a salary chart");
    assert_eq!((chart.market.as_ref(), chart.year), ("Taiwan", 2025));
    let figures: Vec<(&str, Vec<(u32, u32)>)> = chart
        .roles
        .iter()
        .map(|role| {
            let ranges = role.ranges.iter().map(|r| (r.low, r.high)).collect();
            (role.role.as_ref(), ranges)
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("DevOps", vec![(600, 800), (800, 1200), (1200, 1800)]),
            ("SRE", vec![(800, 1000), (1000, 1400), (1400, 2000)]),
            ("DevSecOps", vec![(700, 900), (900, 1300), (1300, 1800)]),
        ]
    );
    assert!(chart
        .caveat
        .contains("foreign companies and large tech companies"));
}

const TREE_VIEW_BLOCKS: &str = r#"
[[sections.blocks]]
[sections.blocks.career_tree]
caption = "A tree."
start = "first"

[[sections.blocks.career_tree.questions]]
id = "first"
text = "First?"
short = "First?"
answers = [
  { label = "Yes", reason = "R.", next = { question = "second" } },
  { label = "No", reason = "R.", next = { role = "a" } },
]

[[sections.blocks.career_tree.questions]]
id = "second"
text = "Second?"
short = "Second?"
answers = [
  { label = "Yes", reason = "R.", next = { question = "first" } },
  { label = "No", reason = "R.", next = { role = "nobody" } },
  { label = "Maybe", reason = "R.", next = { question = "missing" } },
]

[[sections.blocks.career_tree.questions]]
id = "orphan"
text = "Orphan?"
short = "Orphan?"
answers = [
  { label = "Yes", reason = "R.", next = { role = "a" } },
  { label = "No", reason = "R.", next = { question = "missing" } },
]

[[sections.blocks.career_tree.roles]]
id = "a"
name = "A"
summary = "S."
traits = ["T"]
choose_if = ["C"]
quiz_topic = "sre"

[[sections.blocks.career_tree.roles]]
id = "b"
name = "B"
summary = "S."
traits = ["T"]
choose_if = ["C"]
quiz_topic = "sre"
"#;

#[test]
fn loops_dangling_answers_and_unreachable_nodes_of_a_tree_are_reported() {
    let problems = validate(&content_with(&with_blocks(TREE_VIEW_BLOCKS)));
    for expected in [
        r#"answers [0, 0] lead to question "first" loops"#,
        r#"answers [0, 1] lead to unknown role "nobody""#,
        r#"answers [0, 2] lead to no question "missing""#,
        r#""orphan" is on no path from the start"#,
        r#""b" is on no path from the start"#,
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
}

const CHART_VIEW_BLOCKS: &str = r#"
[[sections.blocks]]
[sections.blocks.salary_chart]
id = "pay"
caption = "Pay"
market = "Taiwan"
year = 2025
currency = "NT$"
levels = ["Junior", "Senior"]
caveat = "May differ."
roles = [
  { role = "Short", ranges = [{ low = 600, high = 800 }] },
  { role = "Upside down", ranges = [{ low = 900, high = 800 }, { low = 0, high = 100 }] },
]

[[sections.blocks]]
[sections.blocks.skill_rating]
caption = "Rate."
table = "nope"

[[sections.blocks]]
[sections.blocks.skill_rating]
caption = "Rate."
table = "calms"
"#;

#[test]
fn salary_ranges_that_do_not_fit_and_ratings_against_no_star_table_are_reported() {
    let problems = validate(&content_with(&with_blocks(CHART_VIEW_BLOCKS)));
    for expected in [
        "Short needs one range per level",
        "Upside down: every range must run from low to high",
        r#"skill rating of table "nope": rates against a table that does not exist"#,
        r#"skill rating of table "calms": the table must rate roles in stars"#,
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
}

/// Every locale other than English: its content is baked as its TOML says, passes the
/// same checks, and has English's shape (see `ops_trio_content::shape`).
#[test]
fn every_other_language_is_complete_valid_and_shaped_as_english() {
    for &locale in &Locale::ALL[1..] {
        let folder = english_folder().with_file_name(locale.tag());
        let content = load_locale(&folder).expect("the content parses");
        assert_eq!(locale.content(), &content, "{}", locale.tag());
        assert_eq!(validate(&content), Vec::<String>::new(), "{}", locale.tag());
        assert_eq!(
            ops_trio_content::shape::compare_folders(english_folder(), &folder),
            Vec::<String>::new()
        );
        // Each view in the reader's language: not one view title left in English.
        for (view, english) in content.views.iter().zip(parsed().views.iter()) {
            assert_ne!(view.title, english.title, "{} {}", locale.tag(), view.id);
        }
    }
}
