//! Hooks shared by the widgets.

use yew::prelude::*;

use crate::platform;

/// Applies the `data-vars` of the element behind `root`, and of everything in it, after
/// every render (see [`platform::apply_css_vars`]).
#[hook]
pub fn use_css_vars(root: &NodeRef) {
    let root = root.clone();
    use_effect(move || {
        if let Some(element) = root.cast::<web_sys::Element>() {
            platform::apply_css_vars(&element);
        }
    });
}
