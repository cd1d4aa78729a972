//! The wheel's view: an SVG of five segments that are also the tabs of a tablist, a
//! spotlight that turns to the selected one, the Pause/Play control and the panel.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::geometry::{label_centre, segment_path, HALF_SIZE, INNER_RADIUS};
use super::icons::icon;
use super::state::{chosen_pillar, Tour, Wheel, WheelMsg};
use super::TOUR_STEP_MS;
use crate::content::model::{Calms, Pillar};
use crate::format::decimal;
use crate::i18n::{fill, Locale};
use crate::kit::use_css_vars;
use crate::kit::{text, use_heading_level, HeadingLevel};
use crate::platform;
use crate::quiz::route::QuizRoute;
use crate::quiz::session::Mode;

#[derive(Properties, PartialEq)]
pub struct CalmsWheelProps {
    pub locale: Locale,
    pub calms: Calms,
    /// The pillar the URL asks for, as typed: `measurement` in `#/devops/calms/measurement`.
    #[prop_or_default]
    pub requested: Option<String>,
    /// Told the id of each pillar the reader selects, so the host can keep the URL in step.
    #[prop_or_default]
    pub on_select: Callback<String>,
    /// Prefix of the widget's element ids, unique on the page.
    #[prop_or(AttrValue::Static("calms"))]
    pub id: AttrValue,
}

/// A choice the reader made, waiting for the render that shows it.
#[derive(Clone, Copy)]
struct Choice {
    pillar: usize,
    /// Made with the keyboard: focus follows it to the new tab.
    keyboard: bool,
}

#[component]
pub fn CalmsWheel(props: &CalmsWheelProps) -> Html {
    let pillars = &props.calms.pillars;
    let requested = props.requested.as_deref();
    let known = requested.and_then(|id| pillars.iter().position(|p| p.id.eq_ignore_ascii_case(id)));
    // A pillar the URL asks for, or the first one when the URL names none that exists.
    let requested_index = requested.map(|_| known.unwrap_or(0));
    let wheel = use_reducer(move || match requested_index {
        // A deep link is the reader's own choice: show that pillar, with no tour.
        // An unknown one shows the first, with a message below.
        Some(index) => Wheel::new(index).update(WheelMsg::Select(index)),
        None => Wheel::new(0),
    });
    let heading = use_heading_level();
    use_reduced_motion(wheel.dispatcher());
    use_tour_clock(
        wheel.dispatcher(),
        wheel.tour == Tour::Running && !wheel.held,
    );
    {
        // The URL may name another pillar while the wheel is shown.
        let dispatcher = wheel.dispatcher();
        use_effect_with(props.requested.clone(), move |_| {
            if let Some(index) = requested_index {
                dispatcher.dispatch(WheelMsg::Select(index));
            }
        });
    }
    let ids = Ids::new(&props.id);
    let choice = use_reader_choice(wheel.selected, pillars, &ids, &props.on_select);
    // Only a click is announced: a keyboard move already speaks the focused tab, and
    // the tour stays silent rather than drown out the rest of the page.
    let clicked = use_state_eq(|| None::<usize>);

    let choose = {
        let wheel = wheel.clone();
        let choice = choice.clone();
        Callback::from(move |(msg, keyboard): (WheelMsg, bool)| {
            let pillar = chosen_pillar(wheel.selected, msg).unwrap_or(wheel.selected);
            choice.emit(Choice { pillar, keyboard });
            wheel.dispatch(msg);
        })
    };
    let onkeydown = {
        let (choose, clicked, selected) = (choose.clone(), clicked.clone(), wheel.selected);
        Callback::from(move |event: KeyboardEvent| {
            // Leave Alt, Ctrl and Meta combinations, such as Alt+Left for Back, alone.
            if event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            if let Some(msg) = key_message(&event.key(), selected) {
                event.prevent_default();
                clicked.set(None);
                choose.emit((msg, true));
            }
        })
    };
    let on_click = {
        let (choose, clicked) = (choose.clone(), clicked.clone());
        Callback::from(move |pillar: usize| {
            clicked.set(Some(pillar));
            choose.emit((WheelMsg::Select(pillar), false));
        })
    };
    let hold = |held: bool| {
        let dispatcher = wheel.dispatcher();
        Callback::from(move |_: PointerEvent| dispatcher.dispatch(WheelMsg::Hold(held)))
    };
    let onfocusin = {
        let dispatcher = wheel.dispatcher();
        Callback::from(move |event: FocusEvent| {
            // The Pause/Play control may take focus without pausing: it is how a
            // keyboard reader starts the tour again. (The class attribute, not
            // `className`, which on SVG elements is not a string.)
            let on_toggle = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.get_attribute("class"))
                .is_some_and(|class| class.contains("calms-toggle"));
            if !on_toggle {
                dispatcher.dispatch(WheelMsg::FocusIn);
            }
        })
    };

    let ui = props.locale.ui();
    // Validation gives the wheel five pillars; with none there is nothing to draw.
    let Some(selected) = pillars.get(wheel.selected).or(pillars.last()) else {
        return Html::default();
    };
    let unknown = requested.filter(|_| known.is_none());
    // The pillar an unknown one falls back to, named in the message.
    let first_name = pillars.first().map_or("", |pillar| pillar.name.as_ref());
    let toggle_label = match wheel.tour {
        Tour::Running => ui.calms_pause,
        Tour::Paused | Tour::Stopped => ui.calms_play,
    };
    let on_toggle = {
        let dispatcher = wheel.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(WheelMsg::TogglePlay))
    };
    let announcement = clicked.and_then(|pillar| pillars.get(pillar)).map(|p| {
        fill(
            ui.calms_selected,
            &[("letter", &p.letter), ("name", &p.name)],
        )
    });
    let root = use_node_ref();
    use_css_vars(&root);
    let view_box = format!(
        "{0} {0} {1} {1}",
        decimal(-HALF_SIZE),
        decimal(2.0 * HALF_SIZE)
    );

    html! {
        <div class="calms" ref={root} data-tour={tour_name(wheel.tour)} {onfocusin}
            onpointerenter={hold(true)} onpointerleave={hold(false)}>
            if let Some(pillar) = unknown {
                <p class="notice" role="status">
                    { fill(ui.calms_unknown_pillar, &[("pillar", pillar), ("first", first_name)]) }
                </p>
            }
            <p class="calms-caption">{ text(&props.calms.caption) }</p>
            <div class="calms-body">
                <div class="calms-figure">
                    <div class="calms-stage">
                        <svg class="calms-wheel" viewBox={view_box}>
                            <g role="tablist" aria-label={ui.calms_pillars_label} {onkeydown}>
                                { for pillars.iter().enumerate().map(|(index, pillar)| {
                                    segment(props.locale, &ids, pillar, index, index == wheel.selected, &on_click)
                                }) }
                            </g>
                            <g class="calms-hub-group" aria-hidden="true">
                                <circle class="calms-hub" r={decimal(INNER_RADIUS - 8.0)} />
                                <text class="calms-hub-label" text-anchor="middle" dominant-baseline="central">
                                    { text(&props.calms.hub) }
                                </text>
                            </g>
                        </svg>
                        <div class="calms-spotlight" aria-hidden="true"
                            data-vars={format!("--turn: {}", wheel.turn)}></div>
                    </div>
                    <button type="button" class="calms-toggle" onclick={on_toggle}>
                        <span class={classes!("calms-toggle-icon", tour_name(wheel.tour))} aria-hidden="true"></span>
                        { toggle_label }
                    </button>
                </div>
                { panel(props.locale, &ids, selected, heading) }
            </div>
            <p class="visually-hidden" aria-live="polite">{ announcement.unwrap_or_default() }</p>
        </div>
    }
}

/// The element ids of one wheel, under its prefix.
struct Ids {
    prefix: AttrValue,
}

impl Ids {
    fn new(prefix: &AttrValue) -> Ids {
        Ids {
            prefix: prefix.clone(),
        }
    }

    fn panel(&self) -> String {
        format!("{}-panel", self.prefix)
    }

    fn tab(&self, pillar: &Pillar) -> String {
        format!("{}-tab-{}", self.prefix, pillar.id)
    }
}

/// One segment: a tab with its shape, icon, letter and name. Only the selected one is
/// in the Tab order; the arrow keys move between them (a roving tabindex).
fn segment(
    locale: Locale,
    ids: &Ids,
    pillar: &Pillar,
    index: usize,
    selected: bool,
    on_click: &Callback<usize>,
) -> Html {
    let (x, y) = label_centre(index);
    let onclick = on_click.reform(move |_: MouseEvent| index);
    let name = fill(
        locale.ui().calms_segment,
        &[("letter", &pillar.letter), ("name", &pillar.name)],
    );
    html! {
        <g class={classes!("calms-segment", selected.then_some("is-selected"))}
            role="tab" id={ids.tab(pillar)} aria-selected={selected.to_string()}
            aria-controls={ids.panel()} tabindex={if selected { "0" } else { "-1" }}
            aria-label={name} data-pillar={text(&pillar.id)} {onclick}>
            <path class="calms-segment-shape" d={segment_path(index)} />
            { icon(pillar.icon, x, y - 30.0, 30.0) }
            // One text, so that what it shows reads "C Culture", as its name does.
            <text text-anchor="middle">
                <tspan class="calms-letter" x={decimal(x)} y={decimal(y + 10.0)}>{ text(&pillar.letter) }</tspan>
                { " " }
                <tspan class="calms-name" x={decimal(x)} y={decimal(y + 32.0)}>{ text(&pillar.name) }</tspan>
            </text>
        </g>
    }
}

/// The selected pillar: the article's description, the practice, the trap, and a way
/// to test oneself.
fn panel(locale: Locale, ids: &Ids, pillar: &Pillar, heading: HeadingLevel) -> Html {
    let ui = locale.ui();
    let sources = (!pillar.sources.is_empty()).then(|| {
        html! {
            <p class="calms-sources">
                { ui.calms_sources }{ ui.format_label_separator }
                { for pillar.sources.iter().map(|source| html! {
                    <a href={text(&source.url)} rel="noopener">{ text(&source.title) }</a>
                }) }
            </p>
        }
    });
    html! {
        <div class="calms-panel" role="tabpanel" id={ids.panel()} aria-labelledby={ids.tab(pillar)}
            tabindex="0">
            // Keyed, so each pillar's text fades in anew; the focusable panel itself stays.
            <div class="calms-panel-content" key={pillar.id.as_ref()}>
            <@{heading.tag(0)} class="calms-panel-title">
                <span class="calms-panel-letter" aria-hidden="true">{ text(&pillar.letter) }</span>
                { text(&pillar.name) }
            </@>
            <p class="calms-description">{ text(&pillar.description) }</p>
            <@{heading.tag(1)}>{ ui.calms_in_practice }</@>
            <ul class="bullets">{ for pillar.practices.iter().map(|p| html! { <li>{ text(p) }</li> }) }</ul>
            <@{heading.tag(1)}>{ ui.calms_anti_pattern }</@>
            <p class="calms-anti-pattern">{ text(&pillar.anti_pattern) }</p>
            { for sources }
            <a class="calms-quiz-link" href={pillar_quiz_href(pillar)}>
                { fill(ui.calms_test_yourself, &[("pillar", &pillar.name)]) }
            </a>
            </div>
        </div>
    }
}

/// A practice quiz on the pillar's topic.
fn pillar_quiz_href(pillar: &Pillar) -> String {
    let mode = Mode::Practice(pillar.quiz_topic.to_string());
    QuizRoute::Take { mode, seed: None }.href()
}

/// What a key does on the wheel, if anything; `selected` is the focused tab's pillar.
fn key_message(key: &str, selected: usize) -> Option<WheelMsg> {
    match key {
        "Enter" | " " => Some(WheelMsg::Select(selected)),
        "ArrowRight" | "ArrowDown" => Some(WheelMsg::Next),
        "ArrowLeft" | "ArrowUp" => Some(WheelMsg::Previous),
        "Home" => Some(WheelMsg::First),
        "End" => Some(WheelMsg::Last),
        _ => None,
    }
}

fn tour_name(tour: Tour) -> &'static str {
    match tour {
        Tour::Running => "running",
        Tour::Paused => "paused",
        Tour::Stopped => "stopped",
    }
}

/// Stops the tour from starting, or stops it, whenever the reader prefers reduced motion.
#[hook]
fn use_reduced_motion(dispatcher: UseReducerDispatcher<Wheel>) {
    use_effect_with((), move |_| {
        let listener = platform::media_query(platform::PREFERS_REDUCED_MOTION).map(|query| {
            if query.matches() {
                dispatcher.dispatch(WheelMsg::ReducedMotion);
            }
            platform::on_media_change(&query, move |reduce| {
                if reduce {
                    dispatcher.dispatch(WheelMsg::ReducedMotion);
                }
            })
        });
        move || drop(listener)
    });
}

/// The tour's clock: a tick every step while the tour runs, and none otherwise. A tick
/// re-renders the wheel alone; the movement itself is a CSS transition.
#[hook]
fn use_tour_clock(dispatcher: UseReducerDispatcher<Wheel>, running: bool) {
    use_effect_with(running, move |running| {
        let clock = running
            .then(|| Interval::new(TOUR_STEP_MS, move || dispatcher.dispatch(WheelMsg::Tick)));
        move || drop(clock)
    });
}

/// Answers a reader's choice once the wheel shows it: the host is told the pillar, and
/// after a key focus moves to its tab. A choice of the pillar shown already is answered
/// at once, since no render may follow it (a message that changes nothing renders
/// nothing); any other waits for the render that shows it. Returns where choices go.
#[hook]
fn use_reader_choice(
    selected: usize,
    pillars: &[Pillar],
    ids: &Ids,
    on_select: &Callback<String>,
) -> Callback<Choice> {
    let pending = use_mut_ref(|| None::<Choice>);
    // The pillar shown: its id, for the host, and its tab's element id, for focus.
    let shown = pillars
        .get(selected)
        .map(|p| (p.id.to_string(), ids.tab(p)));
    let answer = {
        let (shown, on_select) = (shown.clone(), on_select.clone());
        move |made: Choice| match &shown {
            Some((id, tab)) if made.pillar == selected => {
                on_select.emit(id.clone());
                if made.keyboard {
                    platform::focus_element(tab);
                }
                true
            }
            _ => false,
        }
    };
    {
        let (pending, answer) = (pending.clone(), answer.clone());
        // Runs after every render: a waiting choice is answered once the wheel shows it.
        use_effect(move || {
            let made = *pending.borrow();
            if made.is_some_and(&answer) {
                pending.replace(None);
            }
        });
    }
    Callback::from(move |made: Choice| {
        if !answer(made) {
            pending.replace(Some(made));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_home_and_end_move_along_the_wheel_and_other_keys_do_nothing() {
        assert_eq!(key_message("ArrowRight", 0), Some(WheelMsg::Next));
        assert_eq!(key_message("ArrowUp", 0), Some(WheelMsg::Previous));
        assert_eq!(key_message("End", 0), Some(WheelMsg::Last));
        assert_eq!(key_message("Enter", 3), Some(WheelMsg::Select(3)));
        assert_eq!(key_message(" ", 2), Some(WheelMsg::Select(2)));
        assert_eq!(key_message("Tab", 0), None);
        assert_eq!(key_message("a", 0), None);
    }
}
