//! Ops Trio: an interactive module on how DevOps, SRE and DevSecOps differ and fit
//! together.
//!
//! The pure core (`content`, `i18n`, `route`, `theme`, `shell::state`, the models)
//! has no browser API and is tested natively. Components render state and send
//! messages; the browser is reached only through `platform`, from effects and callbacks.

// An index past the end panics, and a panic here takes the page down: every lookup
// says what it does when the thing is not there (tests may index).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod article;
pub mod budget;
pub mod calms;
pub mod career;
pub mod content;
pub use ops_trio_content::decimal;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod kit;
pub mod lms;
pub mod pipeline;
pub mod platform;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod quiz;
pub mod route;
pub mod shell;
pub mod theme;
pub mod widgets;

/// Makes a model with a pure `update(self, msg) -> Self` a yew reducer, so that
/// components dispatch messages to it: the Elm architecture's update, in one place.
#[macro_export]
macro_rules! reducible {
    ($model:ty, $msg:ty) => {
        impl ::yew::Reducible for $model {
            type Action = $msg;

            fn reduce(self: ::std::rc::Rc<Self>, msg: $msg) -> ::std::rc::Rc<Self> {
                let next = (*self).clone().update(msg);
                // A message that changes nothing hands back the same state, and yew
                // then renders nothing: the saved data and the URL read after
                // hydration are mostly what the page already shows.
                if next == *self {
                    self
                } else {
                    ::std::rc::Rc::new(next)
                }
            }
        }
    };
}
