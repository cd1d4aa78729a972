//! The quiz on its own, for its embed page: it follows the quiz's address in the URL
//! fragment itself (`#/quiz/assessment?seed=7`), as the full module's shell does for
//! the quiz view.

use yew::prelude::*;

use super::page::QuizPage;
use super::route::QuizRoute;
use crate::i18n::Locale;
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct QuizAppProps {
    pub locale: Locale,
}

/// The quiz page, at the quiz route the fragment names. It is drawn first at the quiz
/// home, as the build prerendered it, then at the fragment's route.
#[component]
pub fn QuizApp(props: &QuizAppProps) -> Html {
    let locale = props.locale;
    let fragment = use_state(String::new);
    {
        let fragment = fragment.clone();
        use_effect_with((), move |_| {
            fragment.set(platform::location_fragment());
            let listener = platform::on_fragment_change(move |now| fragment.set(now));
            move || drop(listener)
        });
    }
    let on_replace = {
        let fragment = fragment.clone();
        Callback::from(move |address: String| {
            let href = QuizRoute::parse(&[address]).href();
            platform::replace_url(&href);
            fragment.set(href);
        })
    };
    let tail = quiz_tail(&fragment);
    html! { <QuizPage {locale} {tail} {on_replace} /> }
}

/// The segments of a fragment after `#/quiz`, decoded as the main app's route does
/// not need to be: quiz addresses are plain.
fn quiz_tail(fragment: &str) -> Vec<String> {
    let path = fragment.trim_start_matches('#').trim_start_matches('/');
    let rest = path
        .strip_prefix("quiz")
        .filter(|rest| rest.is_empty() || rest.starts_with(['/', '?']));
    rest.map(|rest| {
        rest.split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::quiz_tail;

    #[test]
    fn the_quiz_reads_its_own_part_of_the_fragment() {
        assert_eq!(
            quiz_tail("#/quiz/practice/sre?seed=4"),
            ["practice", "sre?seed=4"]
        );
        assert_eq!(quiz_tail("#/quiz"), Vec::<String>::new());
        assert_eq!(quiz_tail("#/quizzes/x"), Vec::<String>::new());
        assert_eq!(quiz_tail("#/devops"), Vec::<String>::new());
    }
}
