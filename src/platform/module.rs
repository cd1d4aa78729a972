//! Loading the second bundle (the quiz and the widgets of `crate::lazy`): a second wasm
//! module, imported on demand with the browser's own `import()`, then mounted into an
//! element of the page.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
async function bundle(path) {
  // The one-file build carries the bundle inline (a page from file:// cannot import);
  // otherwise it is imported relative to the page, not to this snippet's own URL.
  const module = globalThis.opsTrioInlineBundle
    ? await globalThis.opsTrioInlineBundle()
    : await import(new URL(path, document.baseURI).href);
  // Initialising twice is harmless: wasm-bindgen's init returns the first instance.
  await module.default();
  return module;
}
export async function loadWidget(path, root, lang, name, requested, onChange, embedded) {
  const handle = (await bundle(path)).mount_widget(root, lang, name, requested, onChange, embedded);
  if (!handle) throw new Error(`no widget ${name}`);
  return handle;
}
export function unmount(handle) {
  handle.unmount();
}
export function keepReadersPlace(element) {
  // Its bottom edge in the document's coordinates, which scrolling does not change.
  const bottomInDocument = () => element.getBoundingClientRect().bottom + window.scrollY;
  let bottom = bottomInDocument();
  let scrolled = window.scrollY;
  const observer = new ResizeObserver(() => {
    // It changed size while wholly above the reader's view: what follows it moved as
    // far as its bottom edge did, so scroll as far, and what the reader is looking at
    // stays put. Unless the browser anchored the scroll itself: then the page has
    // already scrolled by just that much.
    const moved = bottomInDocument() - bottom;
    const anchored = Math.abs(window.scrollY - scrolled - moved) < 1;
    if (moved !== 0 && !anchored && bottom <= window.scrollY) window.scrollBy(0, moved);
    bottom = bottomInDocument();
    scrolled = window.scrollY;
  });
  observer.observe(element);
  return observer;
}
export function stopKeepingPlace(observer) {
  observer.disconnect();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = loadWidget, catch)]
    async fn load_widget_js(
        path: &str,
        root: &web_sys::Element,
        lang: &str,
        name: &str,
        requested: Option<String>,
        on_change: &js_sys::Function,
        embedded: bool,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = unmount, catch)]
    fn unmount_js(handle: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = keepReadersPlace, catch)]
    fn keep_readers_place_js(element: &web_sys::Element) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = stopKeepingPlace, catch)]
    fn stop_keeping_place_js(observer: &JsValue) -> Result<(), JsValue>;
}

/// Where the second bundle is, beside the app: the quiz, and the widgets of
/// `crate::lazy`.
pub const SECOND_BUNDLE: &str = "quiz/quiz.js";

/// The message of a failed import, for the reader.
fn reason(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the module could not be loaded".into())
}

/// A widget of the second bundle to mount, and what it is told.
pub struct WidgetRequest<'a> {
    pub name: &'a str,
    pub requested: Option<&'a str>,
    /// Called with the widget's state as it changes.
    pub on_change: &'a js_sys::Function,
    pub embedded: bool,
}

/// Imports the second bundle and mounts a widget of it into `root`; the handle unmounts it.
pub async fn load_widget(
    root: &web_sys::Element,
    lang: &str,
    asked: WidgetRequest<'_>,
) -> Result<JsValue, String> {
    let requested = asked.requested.map(str::to_owned);
    load_widget_js(
        SECOND_BUNDLE,
        root,
        lang,
        asked.name,
        requested,
        asked.on_change,
        asked.embedded,
    )
    .await
    .map_err(reason)
}

/// Keeps what the reader is looking at in place while `element`, above it, loads and
/// grows: scroll anchoring by hand, for browsers that do not anchor. The value returned
/// stops it.
pub fn keep_readers_place(element: &web_sys::Element) -> Option<JsValue> {
    keep_readers_place_js(element).ok()
}

pub fn stop_keeping_place(observer: &JsValue) {
    let _ = stop_keeping_place_js(observer);
}

/// Takes down what a `load_` function mounted.
pub fn unmount(handle: &JsValue) {
    let _ = unmount_js(handle);
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

#[wasm_bindgen(inline_js = r#"
let waiting = null;
export function registerServiceWorker(onUpdate) {
  try {
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    navigator.serviceWorker.register('sw.js').then((registration) => {
      // Some environments (test harnesses, privacy extensions) resolve with nothing.
      if (!registration) return;
      const offer = (worker) => {
        waiting = worker;
        onUpdate();
      };
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    }, () => {});
  } catch (error) {
    // An opaque origin (a sandboxed iframe) has no service worker: the app runs online.
  }
}
export function applyUpdate() {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker_js(on_update: &js_sys::Function);

    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
}

/// Registers the service worker that keeps the module offline, and calls `on_update`
/// when a newer version has been installed and waits to take over.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    // Lives as long as the page: the service worker may report an update at any time.
    let callback = Closure::<dyn Fn()>::new(on_update).into_js_value();
    register_service_worker_js(callback.unchecked_ref());
}

/// Lets the waiting version take over; the page reloads once it has.
pub fn apply_update() {
    apply_update_js();
}
