//! The quiz's addresses inside the quiz view (`quiz/#<address>` on a served page,
//! `#/quiz/<address>` in the single file and an embed): what to show, and with which
//! seed.
//!
//! - empty: the quiz home;
//! - `practice/<topic…>?seed=N`: a practice quiz on a discipline or topic;
//! - `assessment?seed=N`, `retake?seed=N`, `due?seed=N`;
//! - `result?devops=80&sre=60&devsecops=70`: a shared result, scores only.

use super::bank::Discipline;
use super::session::{Mode, MAX_SEED};
use crate::route::{place_href, Route, QUIZ_VIEW};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizRoute {
    Home,
    /// A quiz to take. Without a seed, the page picks one and puts it in the URL.
    Take {
        mode: Mode,
        seed: Option<u64>,
    },
    /// Scores shared by link: a percentage per discipline.
    Result(Vec<(Discipline, u8)>),
    /// An address the quiz does not know.
    Unknown(String),
}

impl QuizRoute {
    /// Reads the route's segments after `quiz`; the last may carry `?key=value&…`.
    pub fn parse(tail: &[String]) -> QuizRoute {
        let joined = tail.join("/");
        let (path, query) = joined.split_once('?').unwrap_or((&joined, ""));
        let params: Vec<(&str, &str)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .collect();
        let seed = params
            .iter()
            .find(|(key, _)| *key == "seed")
            .and_then(|(_, value)| value.parse().ok())
            // Beyond what JSON keeps exactly, a seed could not be saved: the page picks one.
            .filter(|seed| *seed <= MAX_SEED);
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let take = |mode| QuizRoute::Take { mode, seed };
        match (segments.next(), segments.clone().next()) {
            (None, _) => QuizRoute::Home,
            (Some("practice"), Some(_)) => {
                take(Mode::Practice(segments.collect::<Vec<_>>().join("/")))
            }
            (Some("assessment"), None) => take(Mode::Assessment),
            (Some("retake"), None) => take(Mode::Retake),
            (Some("due"), None) => take(Mode::Due),
            (Some("result"), None) => QuizRoute::Result(
                params
                    .iter()
                    .filter_map(|(key, value)| {
                        Some((
                            Discipline::from_id(key)?,
                            value.parse::<u8>().ok().filter(|p| *p <= 100)?,
                        ))
                    })
                    .collect(),
            ),
            _ => QuizRoute::Unknown(joined.clone()),
        }
    }

    /// The address of this route inside the quiz view.
    pub fn address(&self) -> String {
        let with_seed = |path: String, seed: &Option<u64>| match seed {
            Some(seed) => format!("{path}?seed={seed}"),
            None => path,
        };
        match self {
            QuizRoute::Home => String::new(),
            QuizRoute::Take { mode, seed } => with_seed(mode_path(mode), seed),
            QuizRoute::Result(scores) => {
                let query: Vec<String> = scores
                    .iter()
                    .map(|(d, p)| format!("{}={p}", d.id()))
                    .collect();
                format!("result?{}", query.join("&"))
            }
            QuizRoute::Unknown(path) => path.clone(),
        }
    }

    /// The link to this route, as the page writes links.
    pub fn href(&self) -> String {
        place_href(QUIZ_VIEW, &self.address())
    }
}

/// Whether `route` is the address of a quiz being taken, which the quiz reads itself.
pub fn is_taking_quiz(route: &Route) -> bool {
    match route {
        Route::View { view, tail } if view == QUIZ_VIEW => {
            matches!(QuizRoute::parse(tail), QuizRoute::Take { .. })
        }
        _ => false,
    }
}

/// A quiz's address below `quiz/#`, which also names it in the learner's records.
pub fn mode_path(mode: &Mode) -> String {
    match mode {
        Mode::Practice(topic) => format!("practice/{topic}"),
        Mode::Assessment => "assessment".into(),
        Mode::Retake => "retake".into(),
        Mode::Due => "due".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(fragment_tail: &str) -> QuizRoute {
        let tail: Vec<String> = fragment_tail
            .split('/')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        QuizRoute::parse(&tail)
    }

    #[test]
    fn quiz_addresses_are_read_with_their_seed() {
        assert_eq!(parse(""), QuizRoute::Home);
        assert_eq!(
            parse("practice/devops/calms/culture?seed=42"),
            QuizRoute::Take {
                mode: Mode::Practice("devops/calms/culture".into()),
                seed: Some(42)
            }
        );
        assert_eq!(
            parse("assessment"),
            QuizRoute::Take {
                mode: Mode::Assessment,
                seed: None
            }
        );
        assert_eq!(
            parse("due?seed=x"),
            QuizRoute::Take {
                mode: Mode::Due,
                seed: None
            }
        );
        assert_eq!(parse("practice"), QuizRoute::Unknown("practice".into()));
        assert_eq!(
            parse("nonsense/here"),
            QuizRoute::Unknown("nonsense/here".into())
        );
    }

    #[test]
    fn a_shared_result_carries_only_valid_scores() {
        assert_eq!(
            parse("result?devops=80&sre=60&devsecops=101&name=ann&mlops=x"),
            QuizRoute::Result(vec![(Discipline::DevOps, 80), (Discipline::Sre, 60)])
        );
    }

    #[test]
    fn a_seed_json_could_not_keep_is_read_as_none_so_the_page_picks_one() {
        let take = |seed| QuizRoute::Take {
            mode: Mode::Assessment,
            seed,
        };
        assert_eq!(
            parse("assessment?seed=9007199254740991"),
            take(Some(MAX_SEED))
        );
        assert_eq!(parse("assessment?seed=9007199254740992"), take(None));
        assert_eq!(parse("assessment?seed=18446744073709551615"), take(None));
    }

    proptest! {
        #[test]
        fn routes_round_trip_through_their_href(topic in "[a-z]{1,8}(/[a-z]{1,8}){0,2}", seed in 0..=MAX_SEED) {
            for route in [
                QuizRoute::Take { mode: Mode::Practice(topic.clone()), seed: Some(seed) },
                QuizRoute::Take { mode: Mode::Assessment, seed: Some(seed) },
                QuizRoute::Result(vec![(Discipline::Sre, (seed % 101) as u8)]),
            ] {
                let address = route.address();
                let tail: Vec<String> = address.split('/').filter(|s| !s.is_empty()).map(String::from).collect();
                prop_assert_eq!(QuizRoute::parse(&tail), route);
            }
        }
    }
}
