//! The quiz bundle: a second, smaller wasm that the main app imports when the reader
//! opens the quiz view (see `platform::load_quiz`), and mounts into the view.

use ops_trio::i18n::Locale;
use ops_trio::quiz::app::{QuizApp, QuizAppProps};
use wasm_bindgen::prelude::*;

/// A mounted quiz, to unmount when the reader leaves the view.
#[wasm_bindgen]
pub struct QuizHandle {
    app: yew::AppHandle<QuizApp>,
}

#[wasm_bindgen]
impl QuizHandle {
    pub fn unmount(self) {
        self.app.destroy();
    }
}

/// Renders the quiz into `root`, in the language with this tag.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str) -> QuizHandle {
    let locale = Locale::from_tag(lang).unwrap_or(Locale::DEFAULT);
    let app = yew::Renderer::<QuizApp>::with_root_and_props(root, QuizAppProps { locale }).render();
    QuizHandle { app }
}

fn main() {}
