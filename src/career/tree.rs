//! The decision tree's view: one question at a time, the walk drawn as a tree, Back
//! and Start again, and the result with its reasons and a link to practise.

use yew::prelude::*;

use super::layout::{drawing_size, layout, DrawnNode};
use super::walk::{Position, Step, Walk, WalkMsg};
use crate::content::model::{CareerRole, CareerTree, TreeQuestion};
use crate::i18n::{fill, Locale, Ui};
use crate::kit::{text, use_heading_level, HeadingLevel};
use crate::platform;
use crate::quiz::route::QuizRoute;
use crate::quiz::session::Mode;
use crate::route::{path_href, QUIZ_VIEW};

/// The id of the heading that takes focus after each answer: the next question or
/// the result, so a keyboard or screen reader user lands on what changed.
const FOCUS_ID: &str = "career-now";

#[derive(Properties, PartialEq)]
pub struct CareerTreeWidgetProps {
    pub locale: Locale,
    pub tree: CareerTree,
    /// The answers the URL gives, as `1-2-1`.
    #[prop_or_default]
    pub requested: Option<String>,
    /// Told the answers after each change, so the host can keep the URL in step.
    #[prop_or_default]
    pub on_change: Callback<String>,
    /// Shown alone in an iframe: the quiz link opens the full module in a new tab.
    #[prop_or_default]
    pub embedded: bool,
}

#[component]
pub fn CareerTreeWidget(props: &CareerTreeWidgetProps) -> Html {
    // The walk the URL gives when the widget starts (a prerendered page gives none, so
    // that it hydrates at the first question), then any walk a later address gives
    // that is not the one the reader just made.
    let requested = props.requested.clone().filter(|r| !r.is_empty());
    let decode = {
        let tree = props.tree.clone();
        move |asked: &str| Walk::decode(tree.clone(), asked)
    };
    let walk = {
        let (tree, start) = (props.tree.clone(), requested.as_deref().and_then(&decode));
        use_reducer(move || start.unwrap_or_else(|| Walk::new(tree)))
    };
    let unknown_path = {
        let unknown = requested
            .as_deref()
            .is_some_and(|asked| decode(asked).is_none());
        use_state_eq(move || unknown)
    };
    {
        let (dispatcher, unknown_path) = (walk.dispatcher(), unknown_path.clone());
        let current = walk.encode();
        use_effect_with(requested, move |requested| {
            let Some(asked) = requested.as_deref().filter(|asked| *asked != current) else {
                // An address with no walk (the section's own link) starts the finder over.
                if requested.is_none() && !current.is_empty() {
                    unknown_path.set(false);
                    dispatcher.dispatch(WalkMsg::Restart);
                }
                return;
            };
            let decoded = decode(asked);
            unknown_path.set(decoded.is_none());
            dispatcher.dispatch(WalkMsg::Restart);
            for answer in decoded.map(|walk| walk.answers).unwrap_or_default() {
                dispatcher.dispatch(WalkMsg::Answer(answer));
            }
        });
    }
    let unknown_path = *unknown_path;
    let answered = use_mut_ref(|| false);
    {
        // After the reader's own move, focus follows to what changed.
        let answered = answered.clone();
        use_effect_with(walk.answers.clone(), move |_| {
            if answered.replace(false) {
                platform::focus_element(FOCUS_ID);
            }
        });
    }
    let send = {
        let (walk, on_change) = (walk.clone(), props.on_change.clone());
        Callback::from(move |msg: WalkMsg| {
            let next = (*walk).clone().update(msg);
            answered.replace(true);
            on_change.emit(next.encode());
            walk.dispatch(msg);
        })
    };

    let ui = props.locale.ui();
    let heading = use_heading_level();
    let steps = walk.steps();
    let now = match walk.position() {
        Some(Position::Asking(question)) => asking(ui, steps.len() + 1, question, &send, heading),
        Some(Position::Done(role)) => result(ui, role, &walk, props.embedded, heading),
        None => Html::default(),
    };
    let at_start = walk.answers.is_empty();
    let control = |label: &'static str, msg: WalkMsg| {
        let send = send.clone();
        html! {
            <button type="button" class="career-button" disabled={at_start}
                onclick={Callback::from(move |_| send.emit(msg))}>{ label }</button>
        }
    };
    html! {
        <div class="career-tree">
            <p class="career-caption">{ text(&props.tree.caption) }</p>
            if unknown_path {
                <p class="notice" role="status">{ ui.career_unknown_path }</p>
            }
            <div class="career-tree-layout">
                { drawing(&props.tree, &walk.answers) }
                <div class="career-tree-panel">
                    { answers_so_far(ui, &steps, heading) }
                    { now }
                    <div class="career-controls">
                        { control(ui.career_back, WalkMsg::Back) }
                        { control(ui.career_restart, WalkMsg::Restart) }
                    </div>
                </div>
            </div>
        </div>
    }
}

fn asking(
    ui: &Ui,
    number: usize,
    question: &TreeQuestion,
    send: &Callback<WalkMsg>,
    level: HeadingLevel,
) -> Html {
    let heading = fill(
        ui.career_question_number,
        &[("number", &number.to_string())],
    );
    let buttons = question.answers.iter().enumerate().map(|(index, answer)| {
        let send = send.clone();
        html! {
            <button type="button" class="career-button career-answer"
                onclick={Callback::from(move |_| send.emit(WalkMsg::Answer(index)))}>
                { text(&answer.label) }
            </button>
        }
    });
    html! {
        <div class="career-question" role="group" aria-labelledby={FOCUS_ID}>
            <@{level.tag(0)} id={FOCUS_ID} tabindex="-1">
                <span class="career-question-number">{ heading }</span>
                { " " }{ text(&question.text) }
            </@>
            <div class="career-answers">{ for buttons }</div>
        </div>
    }
}

fn result(ui: &Ui, role: &CareerRole, walk: &Walk, embedded: bool, heading: HeadingLevel) -> Html {
    let name = role.name.as_ref();
    let list = |items: Vec<&crate::content::model::Text>| {
        html! { <ul class="bullets">{ for items.into_iter().map(|item| html! { <li>{ text(item) }</li> }) }</ul> }
    };
    let quiz = QuizRoute::Take {
        mode: Mode::Practice(role.quiz_topic.to_string()),
        seed: None,
    };
    // Embedded, it opens the full module's quiz page in a new tab.
    let (href, target) = match embedded {
        true => (path_href(QUIZ_VIEW, &quiz.address()), Some("_blank")),
        false => (quiz.href(), None),
    };
    html! {
        <section class="career-result" data-role={text(&role.id)} aria-labelledby={FOCUS_ID}>
            <@{heading.tag(0)} id={FOCUS_ID} tabindex="-1">{ fill(ui.career_recommended, &[("role", name)]) }</@>
            <p class="career-summary">{ text(&role.summary) }</p>
            <@{heading.tag(1)}>{ ui.career_why }</@>
            { list(walk.reasons()) }
            <@{heading.tag(1)}>{ ui.career_characteristics }</@>
            { list(role.traits.iter().collect()) }
            <@{heading.tag(1)}>{ fill(ui.career_choose_if, &[("role", name)]) }</@>
            { list(role.choose_if.iter().collect()) }
            <p>
                <a class="career-button is-primary" {href} target={target} rel={target.map(|_| "noopener")}>
                    { fill(ui.career_practise, &[("role", name)]) }
                    if embedded {
                        <span class="visually-hidden">{ ui.career_new_tab }</span>
                    }
                </a>
            </p>
        </section>
    }
}

/// The answers given, in words: what the drawing shows, for every reader.
fn answers_so_far(ui: &Ui, steps: &[Step], heading: HeadingLevel) -> Html {
    let items = steps.iter().map(|step| {
        html! {
            <li>
                <span class="career-step-question">{ text(&step.question.text) }</span>
                { " " }
                <strong class="career-step-answer">{ text(step.label()) }</strong>
            </li>
        }
    });
    html! {
        <div class="career-path">
            <@{heading.tag(0)}>{ ui.career_your_answers }</@>
            if steps.is_empty() {
                <p class="career-no-answers">{ ui.career_no_answers }</p>
            } else {
                <ol class="career-steps">{ for items }</ol>
            }
        </div>
    }
}

/// Half the size of a drawn node's box.
const NODE_HALF_WIDTH: u32 = 50;
const NODE_HALF_HEIGHT: u32 = 15;

/// The whole tree, the reader's walk highlighted and where they stand outlined. It
/// repeats the list of answers, so it is hidden from assistive technology.
fn drawing(tree: &CareerTree, answers: &[usize]) -> Html {
    let nodes = layout(tree);
    let (width, height) = drawing_size(&nodes);
    let on_walk = |node: &DrawnNode| answers.starts_with(&node.path);
    let edges = nodes.iter().filter_map(|node| {
        let (parent, label) = node.parent.as_ref()?;
        let from = nodes.get(*parent)?;
        let (x1, y1) = (from.x, from.y + NODE_HALF_HEIGHT);
        let (x2, y2) = (node.x, node.y - NODE_HALF_HEIGHT);
        let class = classes!("career-edge", on_walk(node).then_some("is-on-walk"));
        Some(html! {
            <g {class}>
                <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                <text x={((x1 + x2) / 2).to_string()} y={((y1 + y2) / 2 + 4).to_string()}
                    text-anchor="middle">{ text(label) }</text>
            </g>
        })
    });
    let boxes = nodes.iter().map(|node| {
        let class = classes!(
            "career-node",
            node.is_role.then_some("is-role"),
            node.is_role.then(|| format!("role-{}", node.id)),
            on_walk(node).then_some("is-on-walk"),
            (node.path == answers).then_some("is-here"),
        );
        html! {
            <g {class}>
                <rect x={(node.x - NODE_HALF_WIDTH).to_string()} y={(node.y - NODE_HALF_HEIGHT).to_string()}
                    width={(2 * NODE_HALF_WIDTH).to_string()} height={(2 * NODE_HALF_HEIGHT).to_string()} rx="6" />
                <text x={node.x.to_string()} y={(node.y + 4).to_string()} text-anchor="middle">{ text(&node.label) }</text>
            </g>
        }
    });
    html! {
        <div class="career-drawing">
            <svg viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
                { for edges }
                { for boxes }
            </svg>
        </div>
    }
}
