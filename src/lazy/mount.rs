//! The main app's side: a place for a widget of the second bundle. It imports the
//! bundle when the widget is shown, says so while it loads, offers to try again when
//! it cannot, and unmounts the widget when the reader leaves.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::WidgetProps;
use crate::i18n::fill;
use crate::platform::module;

/// A state as the URL carries it: an empty one is none.
fn given(state: Option<String>) -> Option<String> {
    state.filter(|state| !state.is_empty())
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Mounted,
    Failed(String),
}

/// What a mounted widget holds on to: its handle, and the function through which it
/// reports changes, which must live as long as the widget.
type Mounted = (JsValue, Closure<dyn Fn(String)>);

#[component]
pub fn WidgetMount(props: &WidgetProps) -> Html {
    let ui = props.locale.ui();
    let root = use_node_ref();
    let place = use_node_ref();
    {
        let place = place.clone();
        use_effect_with((), move |_| {
            let observer = place
                .cast::<web_sys::Element>()
                .and_then(|element| module::keep_readers_place(&element));
            move || {
                if let Some(observer) = observer {
                    module::stop_keeping_place(&observer);
                }
            }
        });
    }
    let status = use_state(|| Status::Loading);
    // How many times the widget has been mounted afresh: on Try again, and when the
    // state it is given changes from outside.
    let mounts = use_mut_ref(|| 0u32);
    let requested = given(props.requested.clone());
    // The state the widget was mounted with or last reported. `requested` changes to
    // match it after each report; any other change came from outside (an address typed
    // or followed), and mounts the widget afresh on it.
    let known = use_mut_ref(|| requested.clone());
    if *known.borrow() != requested {
        known.replace(requested.clone());
        *mounts.borrow_mut() += 1;
    }
    let mount = *mounts.borrow();
    {
        let (root, status) = (root.clone(), status.clone());
        let (lang, widget, embedded) = (props.locale.tag(), props.widget, props.embedded);
        let on_change = props.on_change.clone();
        use_effect_with(mount, move |_| {
            let mounted = Rc::new(RefCell::new(None::<Mounted>));
            let left = Rc::new(Cell::new(false));
            if let Some(element) = root.cast::<web_sys::Element>() {
                let (mounted, left) = (mounted.clone(), left.clone());
                let report = Closure::<dyn Fn(String)>::new(move |state: String| {
                    known.replace(given(Some(state.clone())));
                    on_change.emit(state);
                });
                wasm_bindgen_futures::spawn_local(async move {
                    let asked = module::WidgetRequest {
                        name: widget.name(),
                        requested: requested.as_deref(),
                        on_change: report.as_ref().unchecked_ref(),
                        embedded,
                    };
                    match module::load_widget(&element, lang, asked).await {
                        // The reader left while it loaded: take it down at once.
                        Ok(handle) if left.get() => module::unmount(&handle),
                        Ok(handle) => {
                            mounted.replace(Some((handle, report)));
                            status.set(Status::Mounted);
                        }
                        Err(reason) => status.set(Status::Failed(reason)),
                    }
                });
            }
            move || {
                left.set(true);
                if let Some((handle, _report)) = mounted.take() {
                    module::unmount(&handle);
                }
            }
        });
    }
    let retry = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            *mounts.borrow_mut() += 1;
            // The status changes from Failed, so this renders, and the render mounts.
            status.set(Status::Loading);
        })
    };
    html! {
        <div class="widget-place" ref={place}>
            if *status == Status::Loading {
                <p class="widget-loading" role="status">{ ui.widget_loading }</p>
            }
            if let Status::Failed(reason) = &*status {
                <div class="notice" role="alert">
                    <p>{ fill(ui.widget_load_failed, &[("reason", reason)]) }</p>
                    <button type="button" class="quiz-button" onclick={retry}>{ ui.widget_retry }</button>
                </div>
            }
            <div class="widget-mount" data-widget={props.widget.name()} ref={root}></div>
        </div>
    }
}
