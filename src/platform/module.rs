//! What the browser does best in a few lines of JavaScript: the embed's height, the
//! clipboard, the service worker, and the links the app follows itself.

use wasm_bindgen::prelude::*;

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
export async function persistStorage(ask) {
  try {
    if (!navigator.storage || !navigator.storage.persisted) return undefined;
    if (await navigator.storage.persisted()) return true;
    return ask ? await navigator.storage.persist() : false;
  } catch (error) {
    return undefined;
  }
}
export function withLock(name, callback) {
  let ran = false;
  const run = () => {
    if (!ran) {
      ran = true;
      callback();
    }
  };
  try {
    if (!navigator.locks || !navigator.locks.request) return run();
    navigator.locks.request(name, run).catch(run);
  } catch (error) {
    run();
  }
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

    #[wasm_bindgen(js_name = persistStorage)]
    async fn persist_storage_js(ask: bool) -> JsValue;

    #[wasm_bindgen(js_name = withLock)]
    fn with_lock_js(name: &str, callback: &JsValue);
}

/// Runs `work` holding the Web Lock `name`, so that no other tab of this origin runs
/// work under the same name meanwhile; at once where the browser has no Web Locks.
pub fn with_lock(name: &str, work: impl FnOnce() + 'static) {
    with_lock_js(name, &Closure::once_into_js(work));
}

/// Whether the browser keeps this site's storage until the reader clears it, rather
/// than when it needs room or the site has not been visited for a while (Safari: seven
/// days). With `ask`, asks for it first (`navigator.storage.persist()`). None when the
/// browser cannot say.
pub async fn persistent_storage(ask: bool) -> Option<bool> {
    persist_storage_js(ask).await.as_bool()
}

pub fn report_height() {
    let _ = report_height_js();
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    copy_text_js(text).await.as_bool().unwrap_or(false)
}

#[wasm_bindgen(inline_js = r#"
export function onUpdate(callback) {
  const update = window.opsTrioUpdate;
  if (!update) return;
  addEventListener('ops-trio:update', () => callback());
  if (update.waiting()) callback();
}
export function applyUpdate() {
  if (window.opsTrioUpdate) window.opsTrioUpdate.apply();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = onUpdate)]
    fn on_update_js(on_update: &js_sys::Function);

    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
}

/// Calls `on_update` when a newer version has been installed and waits to take over.
/// The page's own script registers the service worker (see `index.html`), so that a
/// build whose app fails to start can still be replaced; this only listens.
pub fn on_update_waiting(on_update: impl Fn() + 'static) {
    // Lives as long as the page: the service worker may report an update at any time.
    let callback = Closure::<dyn Fn()>::new(on_update).into_js_value();
    on_update_js(callback.unchecked_ref());
}

/// Lets the waiting version take over; the page reloads once it has.
pub fn apply_update() {
    apply_update_js();
}
