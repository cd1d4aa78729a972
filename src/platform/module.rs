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

#[wasm_bindgen(inline_js = r#"
export function reportHeight() {
  if (window.parent === window) return;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'ops-trio:height', height }, '*');
    // The message h5p-resizer.js understands, for hosts that already load it.
    window.parent.postMessage({ context: 'h5p', action: 'resize', scrollHeight: height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    return false;
  }
}
"#)]
extern "C" {
    /// In an iframe, tells the host page the document's height now and whenever it
    /// changes, so the host can size the iframe to it.
    #[wasm_bindgen(js_name = reportHeight, catch)]
    fn report_height_js() -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = copyText)]
    async fn copy_text_js(text: &str) -> JsValue;
}

pub fn report_height() {
    let _ = report_height_js();
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    copy_text_js(text).await.as_bool().unwrap_or(false)
}
