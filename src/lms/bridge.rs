//! The LMS, when there is one: SCORM 1.2's API found in a parent window, as the
//! standard says, and the calls `report.rs` works out, made. Outside an LMS nothing is
//! found, and every function here does nothing.
//!
//! Called from effects and callbacks only, never while rendering. A launch spans the
//! pages the learner opens inside it (the language switch loads another page): the
//! first calls `LMSInitialize`, and each notes on the LMS's API object when the launch
//! began and whether it is over (`opsTrioLaunch`), since SCORM refuses a second
//! `LMSInitialize` within a launch. `LMSFinish` comes when the assessment is finished,
//! or when the page goes (`pagehide`) other than to another page of the module.
//!
//! No call is made while the connection is borrowed: an LMS may answer `LMSFinish` by
//! removing the module's frame at once, which runs `pagehide` before the call returns.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};

use super::record::Entry;
use super::report::{Call, Health, Launch, Reporter};

/// How many parent windows the search climbs, as ADL's own discovery script does:
/// enough for any LMS's frames, and no endless loop on a window that is its own parent.
const MOST_PARENTS: usize = 500;
/// The property of the LMS's API object where the module notes its launch, for the
/// module's next page: `{began: <ms since 1970>, finished: <bool>}`.
const LAUNCH_NOTE: &str = "opsTrioLaunch";
/// How soon after a link is followed a page that goes is taken to go to that link.
const FOLLOWING_MS: f64 = 5_000.0;

/// The launch in progress.
struct Connection {
    api: JsValue,
    reporter: Reporter,
    health: Health,
    /// `cmi.suspend_data` as the LMS gave it at launch.
    suspended: String,
    /// When the learner last followed a link to another page of the module.
    link_followed_ms: Rc<Cell<f64>>,
    _listeners: Vec<EventListener>,
}

enum Link {
    /// Not looked for yet.
    Unknown,
    /// No LMS here.
    None,
    /// An LMS that would not start the launch (or whose launch was over).
    Refused(Health),
    Connected(Box<Connection>),
}

thread_local! {
    static LINK: RefCell<Link> = const { RefCell::new(Link::Unknown) };
}

/// Finds the LMS and starts the launch, once per page; whether the launch is open.
pub fn connect() -> bool {
    let unknown = LINK.with(|link| matches!(*link.borrow(), Link::Unknown));
    if unknown {
        let found = launch();
        LINK.with(|link| *link.borrow_mut() = found);
    }
    LINK.with(|link| matches!(*link.borrow(), Link::Connected(_)))
}

/// How the LMS is taking what the module sends; None outside an LMS.
pub fn health() -> Option<Health> {
    connect();
    LINK.with(|link| match &*link.borrow() {
        Link::Unknown | Link::None => None,
        Link::Refused(health) => Some(health.clone()),
        Link::Connected(connection) => Some(connection.health.clone()),
    })
}

/// The progress the LMS kept for the learner (`cmi.suspend_data`), as text; None
/// outside an LMS or when it kept none.
pub fn suspended_progress() -> Option<String> {
    with_connection(|connection| connection.suspended.clone()).filter(|text| !text.is_empty())
}

/// The score that passes the assessment, as the LMS sets it.
pub fn mastery() -> Option<u8> {
    with_connection(|connection| connection.reporter.mastery)
}

/// Leaves the LMS's suspend data as it is for this launch: it could not be read.
pub fn keep_suspend_data() {
    with_connection(|connection| connection.reporter.keep_suspend_data());
}

/// Tells the LMS what happened since last time: the record's new entries, and the
/// progress as its suspend data (see `Reporter::sync`).
pub fn sync(log: &[Entry], suspend_data: Option<&str>) {
    let now = js_sys::Date::now() as u64;
    let work = with_connection(|connection| {
        let calls = connection.reporter.sync(log, suspend_data, now);
        (connection.api.clone(), calls)
    });
    if let Some((api, calls)) = work {
        let health = make(&api, &calls);
        record_health(health);
    }
}

fn with_connection<T>(act: impl FnOnce(&mut Connection) -> T) -> Option<T> {
    if !connect() {
        return None;
    }
    LINK.with(|link| match &mut *link.try_borrow_mut().ok()? {
        Link::Connected(connection) => Some(act(connection)),
        Link::Unknown | Link::None | Link::Refused(_) => None,
    })
}

/// Keeps the worst news of the launch (see `Health::after`).
fn record_health(health: Health) {
    let _ = with_connection(|connection| {
        connection.health = std::mem::replace(&mut connection.health, Health::Fine).after(health);
    });
}

/// Finds the API, starts the launch (or joins the one an earlier page of the module
/// began), reads what the launch needs, and suspends the attempt when the page goes.
fn launch() -> Link {
    let Some(window) = web_sys::window() else {
        return Link::None;
    };
    let Some(api) = find_api(&window) else {
        return Link::None;
    };
    let note = property(&api, LAUNCH_NOTE).filter(JsValue::is_object);
    let open_launch = note
        .as_ref()
        .filter(|note| property(note, "finished").and_then(|f| f.as_bool()) != Some(true))
        .and_then(|note| property(note, "began"))
        .and_then(|began| began.as_f64());
    // A launch already open is joined; otherwise one starts, even where an earlier
    // launch on the same API object is over (an LMS may start a new one on it).
    if open_launch.is_none() && call(&api, "LMSInitialize", &[""]).as_deref() != Some("true") {
        return Link::Refused(match note {
            Some(_) => Health::Over,
            None => Health::NotStarted {
                error: last_error(&api),
            },
        });
    }
    let now = js_sys::Date::now();
    if open_launch.is_none() {
        write_note(&api, now, false);
    }
    let get = |element: &str| call(&api, "LMSGetValue", &[element]).unwrap_or_default();
    let objectives = (0..get("cmi.objectives._count")
        .trim()
        .parse()
        .unwrap_or(0usize))
        .map(|n| get(&format!("cmi.objectives.{n}.id")))
        .collect();
    let launch = Launch {
        lesson_status: get("cmi.core.lesson_status"),
        lesson_mode: get("cmi.core.lesson_mode"),
        mastery_score: get("cmi.student_data.mastery_score"),
        interactions: get("cmi.interactions._count"),
        objectives,
    };
    let suspended = get("cmi.suspend_data");
    let (reporter, calls) = Reporter::start(launch, now as u64, open_launch.map(|b| b as u64));
    let health = make(&api, &calls);
    let link_followed_ms = Rc::new(Cell::new(f64::NEG_INFINITY));
    let leaving = EventListener::new(&window, "pagehide", |_| leave());
    let listeners = std::iter::once(leaving)
        .chain(following_links(&window, link_followed_ms.clone()))
        .collect();
    Link::Connected(Box::new(Connection {
        api,
        reporter,
        health,
        suspended,
        link_followed_ms,
        _listeners: listeners,
    }))
}

/// Notes on the API object when the launch began and whether it is over.
fn write_note(api: &JsValue, began: f64, finished: bool) {
    let note = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&note, &"began".into(), &began.into());
    let _ = js_sys::Reflect::set(&note, &"finished".into(), &finished.into());
    let _ = js_sys::Reflect::set(api, &LAUNCH_NOTE.into(), &note);
}

/// Notes when the learner follows a link to another page of the module, which goes on
/// with the launch: a plain click on a link of this site, opened in this window, that
/// the app did not take in hand (a link within the page's own app loads no page).
fn following_links(window: &web_sys::Window, followed_ms: Rc<Cell<f64>>) -> Option<EventListener> {
    let origin = window.location().origin().ok()?;
    // On the window, in the bubbling phase: after the app's own handler has had its say.
    let options = EventListenerOptions::default();
    Some(EventListener::new_with_options(
        window,
        "click",
        options,
        move |event| {
            let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            let modified =
                click.ctrl_key() || click.meta_key() || click.shift_key() || click.alt_key();
            if click.default_prevented() || modified || click.button() != 0 {
                return;
            }
            let link = click
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten())
                .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let Some(link) = link else {
                return;
            };
            let same_window = matches!(link.target().as_str(), "" | "_self");
            if same_window && link.origin() == origin && !link.has_attribute("download") {
                followed_ms.set(js_sys::Date::now());
            }
        },
    ))
}

/// Suspends the attempt as the page goes; finishes the launch unless the learner is
/// going to another page of the module.
fn leave() {
    let now = js_sys::Date::now();
    let work = with_connection(|connection| {
        let closing = now - connection.link_followed_ms.get() > FOLLOWING_MS;
        (
            connection.api.clone(),
            connection.reporter.leave(now as u64, closing),
        )
    });
    if let Some((api, calls)) = work {
        make(&api, &calls);
    }
}

/// The SCORM 1.2 API object: `API` on this window or the nearest parent that has it,
/// up to the top; then, as ADL's script does, on the window that opened the top one,
/// and on the one that opened this one.
pub fn find_api(window: &web_sys::Window) -> Option<JsValue> {
    let search = |start: JsValue| {
        let mut current = start;
        for _ in 0..MOST_PARENTS {
            // A parent on another origin refuses to be read: it is not the LMS's.
            if let Some(api) = property(&current, "API").filter(JsValue::is_object) {
                return Some(api);
            }
            let parent = property(&current, "parent")?;
            if parent.is_undefined() || parent.is_null() || js_sys::Object::is(&parent, &current) {
                return None;
            }
            current = parent;
        }
        None
    };
    let opener_of = |window: Option<web_sys::Window>| {
        let opener = window?.opener().ok()?;
        (!opener.is_null() && !opener.is_undefined()).then_some(opener)
    };
    search(window.into())
        .or_else(|| opener_of(window.top().ok().flatten()).and_then(search))
        .or_else(|| opener_of(Some(window.clone())).and_then(search))
}

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
}

/// Calls the API's method with text arguments; its answer as text. None when the
/// method is missing or throws: an LMS's API may be broken, and the page goes on.
fn call(api: &JsValue, method: &str, arguments: &[&str]) -> Option<String> {
    let function = property(api, method)?.dyn_into::<js_sys::Function>().ok()?;
    let arguments: js_sys::Array = arguments.iter().map(|a| JsValue::from_str(a)).collect();
    let answer = function.apply(api, &arguments).ok()?;
    Some(answer.as_string().unwrap_or_else(|| {
        // SCORM's answers are strings; some LMSs answer booleans.
        answer.as_bool().map(|b| b.to_string()).unwrap_or_default()
    }))
}

/// `LMSGetLastError()`, or `?` where the API cannot say.
fn last_error(api: &JsValue) -> String {
    call(api, "LMSGetLastError", &[]).unwrap_or_else(|| "?".into())
}

/// Makes the calls; how the LMS took them: the first it refused, or the launch over.
fn make(api: &JsValue, calls: &[Call]) -> Health {
    let mut health = Health::Fine;
    for each in calls {
        let (element, answer) = match each {
            Call::Set(element, value) => (
                element.as_str(),
                call(api, "LMSSetValue", &[element, value]),
            ),
            Call::Commit => ("LMSCommit", call(api, "LMSCommit", &[""])),
            Call::Finish => {
                // Noted first: whatever LMSFinish does, no page joins this launch again.
                let began = property(api, LAUNCH_NOTE)
                    .and_then(|note| property(&note, "began"))
                    .and_then(|b| b.as_f64())
                    .unwrap_or_default();
                write_note(api, began, true);
                let _ = call(api, "LMSFinish", &[""]);
                health = Health::Over;
                continue;
            }
        };
        if answer.as_deref() != Some("true") && health == Health::Fine {
            health = Health::Refused {
                element: element.to_owned(),
                error: last_error(api),
            };
        }
    }
    health
}
