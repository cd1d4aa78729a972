//! Where quiz progress lives in the browser, and how the question bank arrives. Every
//! function here reports failure instead of panicking, and none is called while
//! rendering. What to do with storage, whatever it does, is decided in `vault.rs`; this
//! is its door to `localStorage` and the browser's JSON parser.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::bank::Bank;
use super::saved::{self, LoadError, Notice, Progress};
use super::vault::{Codec, Refused, Storage};
use crate::lms::xapi::Statement;
use crate::platform::storage;

/// `localStorage`, as the vault's storage.
pub struct Local;

impl Storage for Local {
    fn read(&self, key: &str) -> Result<Option<String>, Refused> {
        storage::read(key).map_err(|_| Refused)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), Refused> {
        storage::write(key, value).map_err(|_| Refused)
    }

    fn remove(&self, key: &str) -> Result<(), Refused> {
        storage::remove(key).map_err(|_| Refused)
    }

    fn keys(&self) -> Result<Vec<String>, Refused> {
        storage::keys().map_err(|_| Refused)
    }
}

/// The browser's own JSON parser and writer, as the vault's codec.
pub struct BrowserJson;

impl Codec for BrowserJson {
    fn decode(&self, text: &str, today: i64) -> Result<Progress, LoadError> {
        parse(text, today)
    }

    fn encode(&self, progress: &Progress) -> Option<String> {
        to_json(progress)
    }
}

/// Milliseconds since 1970, to name a backup.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Reads saved or imported progress from its JSON text, with the browser's parser.
pub fn parse(text: &str, today: i64) -> Result<Progress, LoadError> {
    let value = js_sys::JSON::parse(text).map_err(|_| LoadError::Corrupt)?;
    saved::load(
        || serde_wasm_bindgen::Deserializer::from(value.clone()),
        today,
    )
}

/// Progress as JSON text, in the current format.
pub fn to_json(progress: &Progress) -> Option<String> {
    // JSON-compatible: maps become plain objects, as a JSON file has them.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = saved::save(progress, &serializer).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// Today, as days since 1970-01-01 in the reader's time zone: a review is due on a
/// day, not at an hour.
pub fn today() -> i64 {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local_ms / 86_400_000.0).floor() as i64
}

/// A random number that JSON keeps exactly, never 0: an attempt's or a lineage's id.
pub fn random_id() -> u64 {
    1 + (js_sys::Math::random() * super::session::MAX_SEED as f64) as u64
}

/// A seed for a new quiz: short enough to read in a link.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

/// Fetches and reads the question bank, or reads it from the page when the one-file
/// build carries it inline (as `<script type="application/json" id="quiz-en.json">`).
pub async fn fetch_bank(url: &str) -> Result<Bank, String> {
    let window = web_sys::window().ok_or("no window")?;
    let file_name = url.split('?').next().unwrap_or(url);
    let inline = window
        .document()
        .and_then(|document| document.get_element_by_id(file_name))
        .and_then(|element| element.text_content());
    if let Some(text) = inline {
        return parse_bank(&text);
    }
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    parse_bank(&text.as_string().unwrap_or_default())
}

/// Reads the bank's JSON with the browser's own parser.
fn parse_bank(text: &str) -> Result<Bank, String> {
    let value = js_sys::JSON::parse(text).map_err(describe)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Offers progress as a JSON file to download.
pub fn download(progress: &Progress, file_name: &str) -> Result<(), Notice> {
    let text = to_json(progress).ok_or(Notice::SaveFailed)?;
    crate::platform::offer_download(&text, "application/json", file_name).ok_or(Notice::SaveFailed)
}

/// Offers the learner's xAPI statements as a JSON file to download: an array, indented,
/// as a Learning Record Store takes it in one POST.
pub fn download_statements(statements: &[Statement], file_name: &str) -> Result<(), Notice> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value =
        serde::Serialize::serialize(statements, &serializer).map_err(|_| Notice::SaveFailed)?;
    let text =
        js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
            .ok()
            .and_then(|text| text.as_string())
            .ok_or(Notice::SaveFailed)?;
    crate::platform::offer_download(&text, "application/json", file_name).ok_or(Notice::SaveFailed)
}

/// Reads the file a reader chose to import.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(describe)?;
    text.as_string()
        .ok_or_else(|| "the file is not text".into())
}

/// Opens the browser's print dialog, for the printable result page.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
