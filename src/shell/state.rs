//! The shell's state and how each message changes it: the Elm architecture's model and
//! update, with no browser API, so it is tested natively.

use crate::quiz::route::is_taking_quiz;
use crate::route::Route;
use crate::theme::{Theme, ThemeChoice};

#[derive(Clone, Debug, PartialEq)]
pub struct Shell {
    pub route: Route,
    pub theme: ThemeChoice,
    /// What `prefers-color-scheme` says; false until the browser has been asked.
    pub system_prefers_dark: bool,
    /// Counts the navigations since the page opened, so effects can tell the first view
    /// (where focus stays put) from a move (where focus goes to the new heading).
    pub navigations: u32,
    /// A newer version of the module has been installed and waits for a reload.
    pub update_waiting: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ShellMsg {
    Navigate(Route),
    /// A widget rewrote the URL in place (a chosen pillar, say): the route follows,
    /// without counting as a move.
    Replace(Route),
    /// The reader toggled the theme, or their stored choice was read back.
    SetTheme(ThemeChoice),
    SystemPreferenceChanged {
        prefers_dark: bool,
    },
    /// The service worker installed a newer version, which waits to take over.
    UpdateWaiting,
    /// The reader put the offer off: the new version then takes over on their next visit.
    DismissUpdate,
}

impl Shell {
    pub fn new(route: Route) -> Shell {
        Shell {
            route,
            theme: ThemeChoice::System,
            system_prefers_dark: false,
            navigations: 0,
            update_waiting: false,
        }
    }

    pub fn effective_theme(&self) -> Theme {
        self.theme.effective(self.system_prefers_dark)
    }

    /// The choice the theme toggle makes from here.
    pub fn toggled_theme(&self) -> ThemeChoice {
        self.theme.toggled(self.system_prefers_dark)
    }

    /// Whether to offer the waiting version now: never while a quiz is being taken,
    /// where a reload would interrupt the reader (their answers are saved, but their
    /// train of thought is not).
    pub fn offers_update(&self) -> bool {
        self.update_waiting && !is_taking_quiz(&self.route)
    }

    pub fn update(mut self, msg: ShellMsg) -> Shell {
        match msg {
            ShellMsg::Navigate(route) if route == self.route => {}
            ShellMsg::Navigate(route) => {
                self.route = route;
                self.navigations += 1;
            }
            ShellMsg::Replace(route) => self.route = route,
            ShellMsg::SetTheme(choice) => self.theme = choice,
            ShellMsg::SystemPreferenceChanged { prefers_dark } => {
                self.system_prefers_dark = prefers_dark
            }
            ShellMsg::UpdateWaiting => self.update_waiting = true,
            ShellMsg::DismissUpdate => self.update_waiting = false,
        }
        self
    }
}

crate::reducible!(Shell, ShellMsg);

#[cfg(test)]
mod tests {
    use super::*;

    fn route(view: &str) -> Route {
        Route::View {
            view: view.into(),
            tail: vec![],
        }
    }

    #[test]
    fn navigating_changes_the_route_and_counts_only_real_moves() {
        let shell = Shell::new(route("overview"))
            .update(ShellMsg::Navigate(route("sre")))
            .update(ShellMsg::Navigate(route("sre")));
        assert_eq!(shell.route, route("sre"));
        assert_eq!(shell.navigations, 1);
    }

    #[test]
    fn a_replaced_route_is_the_route_but_not_a_move() {
        let shell = Shell::new(route("devops")).update(ShellMsg::Replace(route("sre")));
        assert_eq!((shell.route.clone(), shell.navigations), (route("sre"), 0));
        // Navigating back to where the URL was before the replacement is a real move.
        let back = shell.update(ShellMsg::Navigate(route("devops")));
        assert_eq!((back.route, back.navigations), (route("devops"), 1));
    }

    #[test]
    fn the_toggle_flips_the_theme_shown_whatever_the_system_says() {
        let mut shell = Shell::new(route("overview"))
            .update(ShellMsg::SystemPreferenceChanged { prefers_dark: true });
        assert_eq!(shell.effective_theme(), Theme::Dark);
        shell = shell
            .clone()
            .update(ShellMsg::SetTheme(shell.toggled_theme()));
        assert_eq!(shell.effective_theme(), Theme::Light);
        shell = shell
            .clone()
            .update(ShellMsg::SetTheme(shell.toggled_theme()));
        assert_eq!(shell.effective_theme(), Theme::Dark);
        assert_eq!(shell.theme, ThemeChoice::System);
    }

    #[test]
    fn a_waiting_update_is_offered_everywhere_but_in_a_quiz_being_taken() {
        let at = |fragment: &str| {
            let content = crate::i18n::Locale::DEFAULT.content();
            Shell::new(Route::parse(fragment, content)).update(ShellMsg::UpdateWaiting)
        };
        assert!(!Shell::new(route("overview")).offers_update());
        for fragment in ["#/overview", "#/sre", "#/quiz", "#/quiz/result?sre=80"] {
            assert!(at(fragment).offers_update(), "{fragment}");
        }
        for fragment in [
            "#/quiz/practice/sre?seed=3",
            "#/quiz/assessment",
            "#/quiz/retake?seed=1",
            "#/quiz/due",
        ] {
            assert!(!at(fragment).offers_update(), "{fragment}");
        }
        // Back at the quiz home, the offer returns.
        let finished = at("#/quiz/assessment").update(ShellMsg::Navigate(Route::parse(
            "#/quiz",
            crate::i18n::Locale::DEFAULT.content(),
        )));
        assert!(finished.offers_update());
        assert!(!finished.update(ShellMsg::DismissUpdate).offers_update());
    }

    #[test]
    fn a_message_that_changes_nothing_keeps_the_same_state_so_nothing_renders() {
        use std::rc::Rc;
        use yew::Reducible;
        let shell = Rc::new(Shell::new(route("sre")));
        let same = shell.clone().reduce(ShellMsg::Navigate(route("sre")));
        assert!(
            Rc::ptr_eq(&shell, &same),
            "yew renders again only for a new state"
        );
        let moved = shell.clone().reduce(ShellMsg::Navigate(route("devops")));
        assert!(!Rc::ptr_eq(&shell, &moved));
        assert_eq!(moved.route, route("devops"));
    }

    #[test]
    fn a_restored_choice_wins_over_the_system() {
        let shell = Shell::new(route("overview"))
            .update(ShellMsg::SetTheme(ThemeChoice::Fixed(Theme::Dark)))
            .update(ShellMsg::SystemPreferenceChanged {
                prefers_dark: false,
            });
        assert_eq!(shell.effective_theme(), Theme::Dark);
    }
}
