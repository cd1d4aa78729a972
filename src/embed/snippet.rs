//! The Embed button under each widget: it shows the iframe snippet to paste into a page,
//! with a sensible `sandbox`, a `title` and `loading="lazy"`, and copies it.

use yew::prelude::*;

use crate::i18n::{fill, Locale};
use crate::platform;
use crate::widgets::Widget;

#[derive(Properties, PartialEq)]
pub struct EmbedButtonProps {
    pub locale: Locale,
    pub widget: Widget,
}

/// The snippet for a widget of the module whose build's root is `base` (ending in `/`),
/// or None when the module is not on a web server (a page opened from `file://`), which
/// no other page can embed.
pub fn snippet_for(base: &str, widget: Widget, locale: Locale, title: &str) -> Option<String> {
    let served = base.starts_with("https://") || base.starts_with("http://");
    served.then(|| snippet(base, widget, locale, title))
}

include!(concat!(env!("OUT_DIR"), "/embed_integrity.rs"));

/// What the widget may do in its frame: run, keep progress (its own origin), and what
/// the reader asks of it: Export (a download), Print (a dialog), and "Open the full
/// module" (a tab outside the sandbox).
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups \
     allow-popups-to-escape-sandbox allow-downloads allow-modals";

fn snippet(base: &str, widget: Widget, locale: Locale, title: &str) -> String {
    format!(
        "<iframe src=\"{base}{page}\" title=\"{title}\" width=\"100%\" height=\"720\" loading=\"lazy\" \
         sandbox=\"{SANDBOX}\" referrerpolicy=\"no-referrer\" \
         style=\"border:0;max-width:100%\"></iframe>\n<script src=\"{base}embed.js\" \
         integrity=\"{EMBED_SCRIPT_INTEGRITY}\" crossorigin=\"anonymous\" async></script>",
        page = widget.page_in(locale),
        title = title.replace('"', "&quot;"),
    )
}

#[component]
pub fn EmbedButton(props: &EmbedButtonProps) -> Html {
    let ui = props.locale.ui();
    // None: closed; Some(None): open, with nothing to embed from; Some(Some): the code.
    let shown = use_state(|| None::<Option<String>>);
    let copied = use_state(|| false);
    let title = fill(ui.embed_snippet_title, &[("widget", props.widget.name(ui))]);
    let toggle = {
        let (shown, widget, title) = (shown.clone(), props.widget, title.clone());
        let locale = props.locale;
        Callback::from(move |_: MouseEvent| {
            shown.set(match *shown {
                Some(_) => None,
                None => Some(snippet_for(
                    &platform::app_root_url(),
                    widget,
                    locale,
                    &title,
                )),
            })
        })
    };
    let copy = {
        let (shown, copied) = (shown.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Some(text)) = (*shown).clone() {
                let copied = copied.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(platform::copy_text(&text).await)
                });
            }
        })
    };
    let id = format!("embed-{}", props.widget.id());
    html! {
        <div class="embed-share">
            <button type="button" class="quiz-button" aria-expanded={shown.is_some().to_string()}
                aria-controls={id.clone()} onclick={toggle}>{ ui.embed_button }</button>
            if let Some(None) = &*shown {
                <p class="embed-snippet" id={id.clone()}>{ ui.embed_needs_server }</p>
            }
            if let Some(Some(text)) = &*shown {
                <div class="embed-snippet" id={id.clone()}>
                    <label for={format!("{id}-code")}>{ ui.embed_snippet_label }</label>
                    <textarea id={format!("{id}-code")} readonly=true rows="4" value={text.clone()} />
                    <button type="button" class="quiz-button" onclick={copy}>{ ui.embed_copy }</button>
                    <span role="status">{ if *copied { ui.embed_copied } else { "" } }</span>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_sandboxed_lazy_titled_and_resizable() {
        let code = snippet_for(
            "https://example.org/ops-trio/",
            Widget::Budget,
            Locale::En,
            "Ops Trio: the \"lab\"",
        )
        .expect("a served module can be embedded");
        assert!(code.contains(r#"src="https://example.org/ops-trio/embed-budget.html""#));
        assert!(code.contains(
            r#"sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals""#
        ));
        assert!(code.contains(r#"loading="lazy""#));
        assert!(code.contains(r#"title="Ops Trio: the &quot;lab&quot;""#));
        // In Chinese, the Chinese page, which loads the Chinese app.
        let zh = snippet_for("https://example.org/", Widget::Calms, Locale::ZhTw, "CALMS").unwrap();
        assert!(
            zh.contains(r#"src="https://example.org/embed-calms.zh-TW.html""#),
            "{zh}"
        );
        // The host script's integrity, worked out here from the file itself.
        use base64::Engine;
        use sha2::Digest;
        let script =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/embed.js")).unwrap();
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&script));
        assert!(
            code.contains(&format!(
                r#"<script src="https://example.org/ops-trio/embed.js" integrity="sha384-{hash}" crossorigin="anonymous" async></script>"#
            )),
            "{code}"
        );
    }

    /// Every snippet a blogger has pasted pins this hash: a changed `embed.js` would be
    /// refused on their pages. So it is frozen; a new host script is a new file
    /// (`embed-2.js`), published beside this one, which stays.
    #[test]
    fn the_host_script_is_frozen_because_pasted_snippets_pin_its_hash() {
        assert_eq!(
            EMBED_SCRIPT_INTEGRITY,
            "sha384-MLKZGCLhNqjVNcPP75E8qYHBjlLftmvOq18H/be9CUyBCPfd0N78kfuRcnGGhezu",
            "embed.js changed: publish the new script under a new name and keep this one"
        );
    }

    #[test]
    fn a_module_opened_from_a_file_offers_no_snippet() {
        let title = "Ops Trio: the quiz";
        assert_eq!(
            snippet_for(
                "file:///media/usb/ops-trio.html",
                Widget::Quiz,
                Locale::En,
                title
            ),
            None
        );
        assert!(snippet_for("http://127.0.0.1:8080/", Widget::Quiz, Locale::En, title).is_some());
    }
}
