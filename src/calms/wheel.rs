//! The wheel's view: an SVG of five segments that are also the tabs of a tablist, a
//! spotlight that turns to the selected one, the Pause/Play control and the panel.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::geometry::{label_centre, segment_path, HALF_SIZE, INNER_RADIUS};
use super::icons::icon;
use super::model::{Tour, Wheel, WheelMsg};
use super::TOUR_STEP_MS;
use crate::article::text;
use crate::content::model::{Calms, Pillar};
use crate::format::decimal;
use crate::i18n::{fill, Locale};
use crate::platform;
use crate::shell::route::view_href;

impl Reducible for Wheel {
    type Action = WheelMsg;

    fn reduce(self: Rc<Self>, msg: WheelMsg) -> Rc<Self> {
        Rc::new((*self).clone().update(msg))
    }
}

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
}

const PANEL_ID: &str = "calms-panel";

fn tab_id(pillar: &Pillar) -> String {
    format!("calms-tab-{}", pillar.id)
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
    use_reduced_motion(wheel.dispatcher());
    use_tour_clock(wheel.dispatcher(), wheel.tour == Tour::Running);
    {
        // The URL may name another pillar while the wheel is shown.
        let dispatcher = wheel.dispatcher();
        use_effect_with(props.requested.clone(), move |_| {
            if let Some(index) = requested_index {
                dispatcher.dispatch(WheelMsg::Select(index));
            }
        });
    }
    let focus_pending = use_focus_follows_selection(wheel.selected, pillars);

    // Every choice of the reader goes through here: update the wheel, tell the host.
    let choose = {
        let wheel = wheel.clone();
        let ids: Vec<String> = pillars.iter().map(|p| p.id.to_string()).collect();
        let on_select = props.on_select.clone();
        Callback::from(move |msg: WheelMsg| {
            let chosen = (*wheel).clone().update(msg).selected;
            wheel.dispatch(msg);
            on_select.emit(ids[chosen].clone());
        })
    };
    let onkeydown = {
        let choose = choose.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(msg) = key_message(&event.key()) {
                event.prevent_default();
                focus_pending.set(true);
                choose.emit(msg);
            }
        })
    };

    let ui = props.locale.ui();
    let selected = &pillars[wheel.selected.min(pillars.len() - 1)];
    let unknown = requested.filter(|_| known.is_none());
    let toggle_label = match wheel.tour {
        Tour::Running => ui.calms_pause,
        Tour::Paused | Tour::Stopped => ui.calms_play,
    };
    let on_toggle = {
        let dispatcher = wheel.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(WheelMsg::TogglePlay))
    };
    // Announce the reader's own choices; a tour that spoke every few seconds would
    // drown out everything else a screen reader says.
    let announcement = (wheel.tour != Tour::Running).then(|| {
        fill(
            ui.calms_selected,
            &[("letter", &selected.letter), ("name", &selected.name)],
        )
    });
    let view_box = format!(
        "{0} {0} {1} {1}",
        decimal(-HALF_SIZE),
        decimal(2.0 * HALF_SIZE)
    );

    html! {
        <div class="calms" data-tour={tour_name(wheel.tour)}>
            if let Some(pillar) = unknown {
                <p class="notice" role="status">
                    { fill(ui.calms_unknown_pillar, &[("pillar", pillar), ("first", &pillars[0].name)]) }
                </p>
            }
            <p class="calms-caption">{ text(&props.calms.caption) }</p>
            <div class="calms-body">
                <div class="calms-figure">
                    <div class="calms-stage">
                        <svg class="calms-wheel" viewBox={view_box} role="tablist"
                            aria-label={ui.calms_pillars_label} {onkeydown}>
                            { for pillars.iter().enumerate().map(|(index, pillar)| {
                                segment(props.locale, pillar, index, index == wheel.selected, &choose)
                            }) }
                            <circle class="calms-hub" r={decimal(INNER_RADIUS - 8.0)} />
                            <text class="calms-hub-label" text-anchor="middle" dominant-baseline="central">
                                { text(&props.calms.hub) }
                            </text>
                        </svg>
                        <div class="calms-spotlight" aria-hidden="true"
                            style={format!("--turn: {}", wheel.turn)}></div>
                    </div>
                    <button type="button" class="calms-toggle" onclick={on_toggle}>
                        <span class={classes!("calms-toggle-icon", tour_name(wheel.tour))} aria-hidden="true"></span>
                        { toggle_label }
                    </button>
                </div>
                { panel(props.locale, selected) }
            </div>
            <p class="visually-hidden" aria-live="polite">{ announcement.unwrap_or_default() }</p>
        </div>
    }
}

/// One segment: a tab with its shape, icon, letter and name. Only the selected one is
/// in the Tab order; the arrow keys move between them (a roving tabindex).
fn segment(
    locale: Locale,
    pillar: &Pillar,
    index: usize,
    selected: bool,
    choose: &Callback<WheelMsg>,
) -> Html {
    let (x, y) = label_centre(index);
    let onclick = choose.reform(move |_: MouseEvent| WheelMsg::Select(index));
    let name = fill(
        locale.ui().calms_selected,
        &[("letter", &pillar.letter), ("name", &pillar.name)],
    );
    html! {
        <g class={classes!("calms-segment", selected.then_some("is-selected"))}
            role="tab" id={tab_id(pillar)} aria-selected={selected.to_string()}
            aria-controls={PANEL_ID} tabindex={if selected { "0" } else { "-1" }}
            aria-label={name} data-pillar={text(&pillar.id)} {onclick}>
            <path class="calms-segment-shape" d={segment_path(index)} />
            { icon(pillar.icon, x, y - 30.0, 30.0) }
            <text class="calms-letter" x={decimal(x)} y={decimal(y + 10.0)}
                text-anchor="middle">{ text(&pillar.letter) }</text>
            <text class="calms-name" x={decimal(x)} y={decimal(y + 32.0)}
                text-anchor="middle">{ text(&pillar.name) }</text>
        </g>
    }
}

/// The selected pillar: the article's description, the practice, the trap, and a way
/// to test oneself.
fn panel(locale: Locale, pillar: &Pillar) -> Html {
    let ui = locale.ui();
    let sources = (!pillar.sources.is_empty()).then(|| {
        html! {
            <p class="calms-sources">
                { ui.calms_sources }{ ": " }
                { for pillar.sources.iter().map(|source| html! {
                    <a href={text(&source.url)} rel="noopener">{ text(&source.title) }</a>
                }) }
            </p>
        }
    });
    html! {
        <div class="calms-panel" role="tabpanel" id={PANEL_ID} aria-labelledby={tab_id(pillar)}
            tabindex="0" key={pillar.id.as_ref()}>
            <h3 class="calms-panel-title">
                <span class="calms-panel-letter" aria-hidden="true">{ text(&pillar.letter) }</span>
                { text(&pillar.name) }
            </h3>
            <p class="calms-description">{ text(&pillar.description) }</p>
            <h4>{ ui.calms_in_practice }</h4>
            <ul class="bullets">{ for pillar.practices.iter().map(|p| html! { <li>{ text(p) }</li> }) }</ul>
            <h4>{ ui.calms_anti_pattern }</h4>
            <p class="calms-anti-pattern">{ text(&pillar.anti_pattern) }</p>
            { for sources }
            // The quiz filtered to this pillar comes with the quiz; until then, its entry.
            <a class="calms-quiz-link" href={view_href("quiz")}>
                { fill(ui.calms_test_yourself, &[("pillar", &pillar.name)]) }
            </a>
        </div>
    }
}

/// What a key does on the wheel, if anything.
fn key_message(key: &str) -> Option<WheelMsg> {
    match key {
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
        let listener = platform::reduced_motion_query().map(|query| {
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

/// After an arrow key, focus follows the selection to the new segment's tab. Returns the
/// flag the key handler raises.
#[hook]
fn use_focus_follows_selection(selected: usize, pillars: &[Pillar]) -> Rc<std::cell::Cell<bool>> {
    let pending = use_memo((), |_| std::cell::Cell::new(false));
    let target = tab_id(&pillars[selected.min(pillars.len() - 1)]);
    {
        let pending = pending.clone();
        use_effect_with(target, move |target| {
            if pending.replace(false) {
                platform::focus_element(target);
            }
        });
    }
    pending
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_home_and_end_move_along_the_wheel_and_other_keys_do_nothing() {
        assert_eq!(key_message("ArrowRight"), Some(WheelMsg::Next));
        assert_eq!(key_message("ArrowUp"), Some(WheelMsg::Previous));
        assert_eq!(key_message("End"), Some(WheelMsg::Last));
        assert_eq!(key_message("Tab"), None);
        assert_eq!(key_message("a"), None);
    }
}
