//! Light and dark: the reader's choice, and what it gives with the system's preference.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// What the reader chose. `System` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    #[default]
    System,
    Fixed(Theme),
}

impl Theme {
    /// The value of the `data-theme` attribute the stylesheet keys on.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    fn from_name(name: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.name() == name)
    }
}

impl ThemeChoice {
    /// The theme shown, given whether the system prefers dark.
    pub fn effective(self, system_prefers_dark: bool) -> Theme {
        match self {
            ThemeChoice::Fixed(theme) => theme,
            ThemeChoice::System if system_prefers_dark => Theme::Dark,
            ThemeChoice::System => Theme::Light,
        }
    }

    /// The choice after the toggle: the other theme. Landing on the system's own theme
    /// goes back to following the system, so the toggle never pins what is already the
    /// default.
    pub fn toggled(self, system_prefers_dark: bool) -> ThemeChoice {
        let wanted = self.effective(system_prefers_dark).other();
        if wanted == ThemeChoice::System.effective(system_prefers_dark) {
            ThemeChoice::System
        } else {
            ThemeChoice::Fixed(wanted)
        }
    }

    /// What is stored: the fixed theme's name, or nothing for `System`.
    pub fn stored(self) -> Option<&'static str> {
        match self {
            ThemeChoice::Fixed(theme) => Some(theme.name()),
            ThemeChoice::System => None,
        }
    }

    /// Reads a stored choice; anything unknown follows the system.
    pub fn from_stored(value: Option<&str>) -> ThemeChoice {
        value
            .and_then(Theme::from_name)
            .map_or(ThemeChoice::System, ThemeChoice::Fixed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_choice_follows_the_preference() {
        assert_eq!(ThemeChoice::System.effective(true), Theme::Dark);
        assert_eq!(ThemeChoice::System.effective(false), Theme::Light);
        assert_eq!(
            ThemeChoice::Fixed(Theme::Light).effective(true),
            Theme::Light
        );
    }

    #[test]
    fn toggling_always_shows_the_other_theme_and_twice_returns_to_the_system() {
        for system_dark in [false, true] {
            let start = ThemeChoice::System;
            let once = start.toggled(system_dark);
            assert_ne!(once.effective(system_dark), start.effective(system_dark));
            assert_eq!(once.toggled(system_dark), ThemeChoice::System);
        }
    }

    #[test]
    fn stored_choices_round_trip_and_junk_follows_the_system() {
        for choice in [
            ThemeChoice::System,
            ThemeChoice::Fixed(Theme::Light),
            ThemeChoice::Fixed(Theme::Dark),
        ] {
            assert_eq!(ThemeChoice::from_stored(choice.stored()), choice);
        }
        assert_eq!(
            ThemeChoice::from_stored(Some("purple")),
            ThemeChoice::System
        );
    }
}
