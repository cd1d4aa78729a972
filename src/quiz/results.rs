//! Scores after a quiz, or shared by link: a bar chart with the numbers in text, the
//! strongest and weakest discipline, scores by topic, and the review of mistakes.

use yew::prelude::*;

use super::bank::{Bank, Discipline};
use super::route::QuizRoute;
use super::scoring::Scores;
use super::session::{resolve, Mode, Session};
use crate::i18n::{fill, Locale, Ui};
use crate::route::view_href;

pub fn discipline_name(ui: &Ui, discipline: Discipline) -> &'static str {
    match discipline {
        Discipline::DevOps => ui.quiz_discipline_devops,
        Discipline::Sre => ui.quiz_discipline_sre,
        Discipline::DevSecOps => ui.quiz_discipline_devsecops,
        Discipline::Together => ui.quiz_discipline_together,
        Discipline::MlOps => ui.quiz_discipline_mlops,
    }
}

/// Horizontal bars, one per discipline, with each percentage written beside its bar.
/// The same numbers are in the list that follows, for anyone who cannot see the chart.
pub fn chart(ui: &Ui, scores: &[(Discipline, u8)]) -> Html {
    const ROW: usize = 34;
    const LABEL: usize = 130;
    const BAR: usize = 240;
    let height = ROW * scores.len().max(1);
    let rows = scores.iter().enumerate().map(|(i, (discipline, percent))| {
        let y = i * ROW;
        let width = BAR * usize::from(*percent) / 100;
        html! {
            <g class={classes!("chart-row", discipline.id())}>
                <text x="0" y={(y + 22).to_string()}>{ discipline_name(ui, *discipline) }</text>
                <rect class="chart-track" x={LABEL.to_string()} y={(y + 6).to_string()} width={BAR.to_string()} height="20" rx="4" />
                <rect class="chart-bar" x={LABEL.to_string()} y={(y + 6).to_string()} width={width.to_string()} height="20" rx="4" />
                <text x={(LABEL + BAR + 8).to_string()} y={(y + 22).to_string()}>{ format!("{percent}%") }</text>
            </g>
        }
    });
    let lines = scores.iter().map(|(discipline, percent)| {
        html! { <li>{ fill(ui.quiz_score_line, &[("name", discipline_name(ui, *discipline)), ("percent", &percent.to_string())]) }</li> }
    });
    html! {
        <figure class="quiz-chart">
            <svg viewBox={format!("0 0 {} {height}", LABEL + BAR + 60)} role="img" aria-label={ui.quiz_chart_label}>
                { for rows }
            </svg>
            <ul class="quiz-score-list">{ for lines }</ul>
        </figure>
    }
}

/// What the scores say: the strongest, and the weakest with a link to its view.
fn verdict(ui: &Ui, scores: &Scores) -> Html {
    let Some((strongest, weakest)) = scores.strongest_and_weakest() else {
        return Html::default();
    };
    html! {
        <p class="quiz-verdicts">
            { fill(ui.quiz_strongest, &[("name", discipline_name(ui, strongest))]) }{ " " }
            { fill(ui.quiz_weakest, &[("name", discipline_name(ui, weakest))]) }{ " " }
            <a href={view_href(weakest.id())}>{ discipline_name(ui, weakest) }</a>
        </p>
    }
}

fn percentages(scores: &Scores) -> Vec<(Discipline, u8)> {
    scores
        .disciplines
        .iter()
        .map(|(d, tally)| (*d, tally.percent()))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub locale: Locale,
    pub bank: std::rc::Rc<Bank>,
    pub session: Session,
    pub retake_seed: u64,
    pub on_home: Callback<()>,
}

/// The results of a quiz just finished.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let ui = props.locale.ui();
    let scores = props.session.scores(&props.bank, ui);
    let topics = scores.topics.iter().map(|(topic, tally)| {
        html! { <tr><th scope="row">{ topic }</th><td>{ format!("{}%", tally.percent()) }</td><td>{ tally.asked }</td></tr> }
    });
    let share = QuizRoute::Result(percentages(&scores)).href();
    let retake = QuizRoute::Take {
        mode: Mode::Retake,
        seed: Some(props.retake_seed),
    }
    .href();
    let missed = props.session.missed();
    let credit = crate::format::trimmed(scores.total.credit, 1);
    html! {
        <section class="quiz-results" aria-labelledby="quiz-results-title">
            <h3 id="quiz-results-title" tabindex="-1">{ ui.quiz_result_title }</h3>
            <p class="quiz-total">{ fill(ui.quiz_score_total, &[
                ("percent", &scores.total.percent().to_string()),
                ("credit", &credit),
                ("asked", &scores.total.asked.to_string()),
            ]) }</p>
            { chart(ui, &percentages(&scores)) }
            { verdict(ui, &scores) }
            <div class="table-scroll" role="region" aria-labelledby="quiz-topics-caption" tabindex="0">
                <table class="table">
                    <caption id="quiz-topics-caption">{ ui.quiz_topics_caption }</caption>
                    <thead><tr><th scope="col">{ ui.quiz_topic }</th><th scope="col">{ ui.quiz_score }</th><th scope="col">{ ui.quiz_asked }</th></tr></thead>
                    <tbody>{ for topics }</tbody>
                </table>
            </div>
            <p class="quiz-result-actions">
                <a href={share} class="quiz-button">{ ui.quiz_share }</a>
                <button type="button" class="quiz-button" onclick={Callback::from(|_| super::store::print())}>{ ui.quiz_print }</button>
                if !missed.is_empty() {
                    <a href={retake} class="quiz-button">{ ui.quiz_retake }</a>
                }
                <a href={QuizRoute::Home.href()} class="quiz-button" onclick={props.on_home.reform(|_| ())}>{ ui.quiz_new_quiz }</a>
            </p>
            <h4>{ ui.quiz_review_title }</h4>
            if missed.is_empty() {
                <p>{ ui.quiz_review_none }</p>
            } else {
                <ol class="quiz-review">{ for review(props, ui) }</ol>
            }
        </section>
    }
}

/// Each question answered less than fully right, with every option's explanation.
fn review(props: &ResultsProps, ui: &Ui) -> Vec<Html> {
    props
        .session
        .items
        .iter()
        .zip(&props.session.answers)
        .filter_map(|(item, answer)| {
            let answer = answer.as_ref().filter(|a| a.credit < 1.0)?;
            let question = resolve(&props.bank, ui, &item.question)?;
            Some(html! {
                <li>
                    <p class="quiz-review-prompt">{ &question.prompt }</p>
                    { super::runner::feedback_for(props.locale, &question, answer) }
                </li>
            })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub locale: Locale,
    pub scores: Vec<(Discipline, u8)>,
}

/// Scores opened from a shared link: only what the link carries.
#[component]
pub fn SharedResults(props: &SharedProps) -> Html {
    let ui = props.locale.ui();
    html! {
        <section class="quiz-results" aria-labelledby="quiz-shared-title">
            <h3 id="quiz-shared-title">{ ui.quiz_shared_title }</h3>
            { chart(ui, &props.scores) }
            <p><a href={QuizRoute::Home.href()} class="quiz-button">{ ui.quiz_back_home }</a></p>
        </section>
    }
}
