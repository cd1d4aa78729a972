//! The quiz view's place in the main app: it loads the quiz bundle when the view opens
//! and unmounts it when the reader leaves, so the quiz costs nothing on other pages.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::platform::module;

#[derive(Properties, PartialEq)]
pub struct QuizMountProps {
    pub locale: Locale,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Mounted,
    Failed(String),
}

#[component]
pub fn QuizMount(props: &QuizMountProps) -> Html {
    let ui = props.locale.ui();
    let root = use_node_ref();
    let status = use_state(|| Status::Loading);
    let attempt = use_state(|| 0u32);
    {
        let (root, status, lang) = (root.clone(), status.clone(), props.locale.tag());
        use_effect_with(*attempt, move |_| {
            let handle = Rc::new(RefCell::new(None::<JsValue>));
            let left = Rc::new(Cell::new(false));
            if let Some(element) = root.cast::<web_sys::Element>() {
                let (handle, left) = (handle.clone(), left.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match module::load_quiz(&element, lang).await {
                        // The reader left while it loaded: take it down at once.
                        Ok(mounted) if left.get() => module::unmount_quiz(&mounted),
                        Ok(mounted) => {
                            handle.replace(Some(mounted));
                            status.set(Status::Mounted);
                        }
                        Err(reason) => status.set(Status::Failed(reason)),
                    }
                });
            }
            move || {
                left.set(true);
                if let Some(mounted) = handle.take() {
                    module::unmount_quiz(&mounted);
                }
            }
        });
    }
    let retry = {
        let (status, attempt) = (status.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(Status::Loading);
            attempt.set(*attempt + 1);
        })
    };
    html! {
        <>
            if *status == Status::Loading {
                <p class="quiz-loading" role="status">{ ui.quiz_loading }</p>
            }
            if let Status::Failed(reason) = &*status {
                <div class="notice" role="alert">
                    <p>{ fill(ui.quiz_load_failed, &[("reason", reason)]) }</p>
                    <button type="button" class="quiz-button" onclick={retry}>{ ui.quiz_retry }</button>
                </div>
            }
            <div class="quiz-mount" ref={root}></div>
        </>
    }
}
