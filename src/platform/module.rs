//! Loading the quiz bundle: a second wasm module, imported on demand with the browser's
//! own `import()`, then mounted into an element of the page.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export async function loadQuiz(path, root, lang) {
  // Relative to the page, not to this snippet's own URL.
  const quiz = await import(new URL(path, document.baseURI).href);
  await quiz.default();
  return quiz.mount(root, lang);
}
export function unmountQuiz(handle) {
  handle.unmount();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = loadQuiz, catch)]
    async fn load_quiz_js(
        path: &str,
        root: &web_sys::Element,
        lang: &str,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = unmountQuiz, catch)]
    fn unmount_quiz_js(handle: &JsValue) -> Result<(), JsValue>;
}

/// Where the quiz bundle is, beside the app.
pub const QUIZ_BUNDLE: &str = "quiz/quiz.js";

/// Imports the quiz bundle and mounts it into `root`; the handle unmounts it.
pub async fn load_quiz(root: &web_sys::Element, lang: &str) -> Result<JsValue, String> {
    load_quiz_js(QUIZ_BUNDLE, root, lang)
        .await
        .map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the quiz could not be loaded".into())
        })
}

pub fn unmount_quiz(handle: &JsValue) {
    let _ = unmount_quiz_js(handle);
}
