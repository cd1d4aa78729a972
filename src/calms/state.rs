//! The CALMS wheel's behaviour, with no browser in it: which pillar is selected, where
//! the spotlight points, and the auto-tour's state machine.
//!
//! The tour runs until the reader takes over: selecting a pillar, by click or key,
//! stops it for good; Pause only pauses it. Under reduced motion it never starts by
//! itself, though the reader may still press Play.

/// How many pillars CALMS has, and so how many segments the wheel draws.
pub const PILLARS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tour {
    /// Advancing by itself.
    Running,
    /// Paused by the Pause control; Play resumes it.
    Paused,
    /// Ended by the reader's own choice of a pillar, or never started because the
    /// reader prefers reduced motion. Only Play starts it again.
    Stopped,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wheel {
    pub selected: usize,
    /// The reader's pointer is over the widget: a running tour waits, so that nothing
    /// changes under their hand, and goes on when the pointer leaves.
    pub held: bool,
    /// How far the spotlight has turned, in segments. It grows or shrinks by the
    /// shortest way round, so that a move from the last pillar to the first turns one
    /// segment forward, not four back.
    pub turn: i32,
    pub tour: Tour,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WheelMsg {
    /// The tour's clock: the next pillar, if the tour is running.
    Tick,
    /// The reader chose a pillar: a click, Enter or Space on it, or a deep link.
    Select(usize),
    /// Arrow keys, Home and End: the reader moving along the wheel.
    Next,
    Previous,
    First,
    Last,
    /// The Pause/Play control.
    TogglePlay,
    /// The reader prefers reduced motion: the tour must not start by itself.
    ReducedMotion,
    /// The pointer came over the widget (true) or left it (false).
    Hold(bool),
    /// Keyboard focus came into the widget, other than onto the Pause/Play control: a
    /// running tour pauses until the reader presses Play (the carousel pattern).
    FocusIn,
}

impl Wheel {
    /// A wheel showing `selected`, with the tour about to run.
    pub fn new(selected: usize) -> Wheel {
        let selected = selected % PILLARS;
        Wheel {
            selected,
            held: false,
            turn: selected as i32,
            tour: Tour::Running,
        }
    }

    pub fn update(mut self, msg: WheelMsg) -> Wheel {
        if let Some(pillar) = chosen_pillar(self.selected, msg) {
            self.take_over(pillar);
            return self;
        }
        match msg {
            WheelMsg::Tick if self.tour == Tour::Running && !self.held => {
                self.turn_to(next(self.selected))
            }
            WheelMsg::TogglePlay => {
                self.tour = match self.tour {
                    Tour::Running => Tour::Paused,
                    Tour::Paused | Tour::Stopped => Tour::Running,
                }
            }
            WheelMsg::ReducedMotion if self.tour == Tour::Running => self.tour = Tour::Stopped,
            WheelMsg::Hold(held) => self.held = held,
            WheelMsg::FocusIn if self.tour == Tour::Running => self.tour = Tour::Paused,
            WheelMsg::Tick | WheelMsg::ReducedMotion | WheelMsg::FocusIn => {}
            // Choices, taken above.
            WheelMsg::Select(_)
            | WheelMsg::Next
            | WheelMsg::Previous
            | WheelMsg::First
            | WheelMsg::Last => {}
        }
        self
    }

    /// The reader chose: select, and end the tour for good.
    fn take_over(&mut self, pillar: usize) {
        self.turn_to(pillar);
        self.tour = Tour::Stopped;
    }

    fn turn_to(&mut self, pillar: usize) {
        self.turn += shortest_turn(self.selected, pillar);
        self.selected = pillar;
    }
}

/// The pillar a reader's choice moves the wheel to, from `selected`; none for a
/// message that is no choice (the tour's clock, play and pause, focus, motion).
pub fn chosen_pillar(selected: usize, msg: WheelMsg) -> Option<usize> {
    match msg {
        WheelMsg::Select(pillar) => Some(pillar % PILLARS),
        WheelMsg::Next => Some(next(selected)),
        WheelMsg::Previous => Some(previous(selected)),
        WheelMsg::First => Some(0),
        WheelMsg::Last => Some(PILLARS - 1),
        WheelMsg::Tick
        | WheelMsg::TogglePlay
        | WheelMsg::ReducedMotion
        | WheelMsg::Hold(_)
        | WheelMsg::FocusIn => None,
    }
}

pub fn next(pillar: usize) -> usize {
    (pillar + 1) % PILLARS
}

pub fn previous(pillar: usize) -> usize {
    (pillar + PILLARS - 1) % PILLARS
}

/// The signed number of segments from `from` to `to` the short way round the wheel:
/// between -2 and 2 for five pillars.
pub fn shortest_turn(from: usize, to: usize) -> i32 {
    let n = PILLARS as i32;
    let forward = (to as i32 - from as i32).rem_euclid(n);
    if forward > n / 2 {
        forward - n
    } else {
        forward
    }
}

crate::reducible!(Wheel, WheelMsg);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_choice_lands_where_chosen_pillar_says_and_other_messages_choose_nothing() {
        let choices = [
            WheelMsg::Select(3),
            WheelMsg::Next,
            WheelMsg::Previous,
            WheelMsg::First,
            WheelMsg::Last,
        ];
        for selected in 0..PILLARS {
            for msg in choices {
                let chosen = chosen_pillar(selected, msg).expect("a choice");
                let wheel = Wheel::new(selected).update(msg);
                assert_eq!(wheel.selected, chosen, "{msg:?} from {selected}");
                assert_eq!(wheel.tour, Tour::Stopped, "a choice ends the tour");
            }
        }
        for msg in [WheelMsg::Tick, WheelMsg::TogglePlay, WheelMsg::FocusIn] {
            assert_eq!(chosen_pillar(2, msg), None, "{msg:?}");
        }
    }

    #[test]
    fn next_and_previous_wrap_around() {
        assert_eq!(next(4), 0);
        assert_eq!(previous(0), 4);
        assert_eq!(next(previous(2)), 2);
    }

    #[test]
    fn the_tour_advances_while_running_and_wraps() {
        let mut wheel = Wheel::new(3);
        wheel = wheel.update(WheelMsg::Tick);
        assert_eq!(wheel.selected, 4);
        wheel = wheel.update(WheelMsg::Tick);
        assert_eq!(wheel.selected, 0);
        assert_eq!(wheel.turn, 5, "the spotlight keeps turning the same way");
        assert_eq!(wheel.tour, Tour::Running);
    }

    #[test]
    fn pause_holds_the_tour_and_play_resumes_it() {
        let paused = Wheel::new(0).update(WheelMsg::TogglePlay);
        assert_eq!(paused.tour, Tour::Paused);
        assert_eq!(paused.clone().update(WheelMsg::Tick).selected, 0);
        let resumed = paused.update(WheelMsg::TogglePlay).update(WheelMsg::Tick);
        assert_eq!((resumed.tour, resumed.selected), (Tour::Running, 1));
    }

    #[test]
    fn any_choice_by_the_reader_stops_the_tour_for_good() {
        for msg in [
            WheelMsg::Select(3),
            WheelMsg::Next,
            WheelMsg::Previous,
            WheelMsg::First,
            WheelMsg::Last,
        ] {
            let wheel = Wheel::new(0).update(msg);
            assert_eq!(wheel.tour, Tour::Stopped, "{msg:?}");
            let later = wheel.clone().update(WheelMsg::Tick).update(WheelMsg::Tick);
            assert_eq!(
                later.selected, wheel.selected,
                "{msg:?}: ticks change nothing"
            );
        }
        assert_eq!(Wheel::new(0).update(WheelMsg::Select(3)).selected, 3);
        assert_eq!(Wheel::new(0).update(WheelMsg::Previous).selected, 4);
        assert_eq!(Wheel::new(2).update(WheelMsg::Last).selected, 4);
    }

    #[test]
    fn a_held_tour_waits_and_goes_on_when_let_go() {
        let held = Wheel::new(0)
            .update(WheelMsg::Hold(true))
            .update(WheelMsg::Tick);
        assert_eq!((held.selected, held.tour), (0, Tour::Running));
        let released = held.update(WheelMsg::Hold(false)).update(WheelMsg::Tick);
        assert_eq!(released.selected, 1);
    }

    #[test]
    fn focus_coming_in_pauses_the_tour_until_play() {
        let focused = Wheel::new(0).update(WheelMsg::FocusIn);
        assert_eq!(focused.tour, Tour::Paused);
        assert_eq!(focused.clone().update(WheelMsg::Tick).selected, 0);
        let stopped = Wheel::new(0)
            .update(WheelMsg::Next)
            .update(WheelMsg::FocusIn);
        assert_eq!(stopped.tour, Tour::Stopped, "a stopped tour stays stopped");
        assert_eq!(
            focused
                .update(WheelMsg::TogglePlay)
                .update(WheelMsg::Tick)
                .selected,
            1
        );
    }

    #[test]
    fn reduced_motion_keeps_the_tour_from_starting_but_play_still_works() {
        let wheel = Wheel::new(0).update(WheelMsg::ReducedMotion);
        assert_eq!(wheel.tour, Tour::Stopped);
        assert_eq!(wheel.clone().update(WheelMsg::Tick).selected, 0);
        let paused = Wheel::new(0)
            .update(WheelMsg::TogglePlay)
            .update(WheelMsg::ReducedMotion);
        assert_eq!(paused.tour, Tour::Paused, "only a running tour is stopped");
        assert_eq!(wheel.update(WheelMsg::TogglePlay).tour, Tour::Running);
    }

    #[test]
    fn the_spotlight_takes_the_short_way_round() {
        assert_eq!(shortest_turn(4, 0), 1);
        assert_eq!(shortest_turn(0, 4), -1);
        assert_eq!(shortest_turn(0, 2), 2);
        assert_eq!(shortest_turn(0, 3), -2);
        assert_eq!(shortest_turn(1, 1), 0);
    }

    proptest! {
        /// Whatever the reader does, the spotlight points at the selected pillar, and
        /// one move never turns it more than half the wheel.
        #[test]
        fn the_spotlight_always_points_at_the_selection(
            moves in proptest::collection::vec((0..9u8, 0..PILLARS), 0..40),
        ) {
            let mut wheel = Wheel::new(0);
            for (m, pillar) in moves {
                let before = wheel.turn;
                wheel = wheel.update(match m {
                    0 => WheelMsg::Tick,
                    1 => WheelMsg::Next,
                    2 => WheelMsg::Previous,
                    3 => WheelMsg::First,
                    4 => WheelMsg::Last,
                    5 => WheelMsg::TogglePlay,
                    6 => WheelMsg::ReducedMotion,
                    7 if pillar == 0 => WheelMsg::FocusIn,
                    7 => WheelMsg::Hold(pillar % 2 == 0),
                    _ => WheelMsg::Select(pillar),
                });
                prop_assert!(wheel.selected < PILLARS);
                prop_assert_eq!(wheel.turn.rem_euclid(PILLARS as i32) as usize, wheel.selected);
                prop_assert!((wheel.turn - before).abs() <= 2);
            }
        }
    }
}
