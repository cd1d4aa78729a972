//! The quiz's question card and shared results.

use super::{select, text, texts, the};
use ops_trio::i18n::Locale;
use ops_trio::quiz::bank::{authored, Body, Discipline, Matching, Ordering, Question, Single};
use ops_trio::quiz::{QuestionCard, QuestionCardProps, SharedProps, SharedResults};
use scraper::Html;
use yew::{Callback, LocalServerRenderer, ServerRenderer};

fn question(kind: &str) -> Question {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content/en/quiz");
    let bank = authored::load(std::path::Path::new(folder)).unwrap();
    let matches = |q: &&Question| {
        matches!(
            (&q.body, kind),
            (Body::Single(_), "single")
                | (Body::Ordering(_), "ordering")
                | (Body::Matching(_), "matching")
                | (Body::Numeric(_), "numeric")
        )
    };
    bank.questions.iter().find(matches).unwrap().clone()
}

async fn card(question: Question) -> Html {
    let parts = match &question.body {
        Body::Single(Single { options }) => options.len(),
        Body::Ordering(Ordering { items, .. }) => items.len(),
        Body::Matching(Matching { pairs, .. }) => pairs.len(),
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
    let Body::Single(Single { options }) = &question.body else {
        unreachable!()
    };
    let page = card(question.clone()).await;
    assert_eq!(text(the(&page, ".quiz-count")), "Question 3 of 10");
    assert_eq!(
        the(&page, r#"[role="progressbar"]"#).attr("aria-valuenow"),
        Some("2")
    );
    assert_eq!(text(the(&page, "h2.quiz-prompt")), question.prompt);
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
