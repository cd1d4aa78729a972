//! One view: its title and lede, a list of its sections, the sections, and links to the
//! previous and next views.

use yew::prelude::*;

use super::blocks::{render_block, BlockPlace};
use crate::content::model::{Section, View};
use crate::i18n::{fill, Locale};
use crate::kit::text;
use crate::route::{section_element_id, PAGE_TITLE_ID};
use crate::route::{section_href, view_href, Route};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub locale: Locale,
    /// The id of the view to show.
    pub view: String,
    /// The route's address inside the view: a section id, then what that section's
    /// widget makes of the rest (the pillar of the CALMS wheel, say).
    #[prop_or_default]
    pub address: Vec<String>,
    /// Rewrites the URL in place, for a widget that keeps its state there.
    #[prop_or_default]
    pub on_replace: Callback<Route>,
    /// Shown between the view's header and its sections: the quiz, in the quiz view.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let locale = props.locale;
    let ui = locale.ui();
    let Some(view) = locale.content().view(&props.view) else {
        return Html::default();
    };
    let (section, rest) = props
        .address
        .split_first()
        .map_or((None, &[][..]), |(s, r)| (Some(s.as_str()), r));
    let unknown_section = section.filter(|id| view.section(id).is_none()).map(|id| {
        html! {
            <p class="notice" role="status">{ fill(ui.section_unknown, &[("section", id)]) }</p>
        }
    });
    html! {
        <article class="view" id={format!("view-{}", view.id)}>
            <header class="view-header">
                <h1 id={PAGE_TITLE_ID} tabindex="-1">{ text(&view.title) }</h1>
                <p class="lede">{ text(&view.lede) }</p>
            </header>
            { for unknown_section }
            { props.children.clone() }
            { contents(locale, view) }
            { for view.sections.iter().map(|s| {
                let address = if section == Some(s.id.as_ref()) { rest } else { &[] };
                render_section(locale, &view.id, s, address, &props.on_replace)
            }) }
            { pager(locale, view) }
        </article>
    }
}

/// "On this page": a link to each section, when there is more than one.
fn contents(locale: Locale, view: &View) -> Html {
    if view.sections.len() < 2 {
        return Html::default();
    }
    let links = view.sections.iter().map(|section| {
        html! {
            <li key={section.id.as_ref()}>
                <a href={section_href(&view.id, &section.id)}>{ text(&section.heading) }</a>
            </li>
        }
    });
    html! {
        <nav class="contents" aria-label={locale.ui().nav_on_this_page}>
            <h2 class="contents-title">{ locale.ui().nav_on_this_page }</h2>
            <ul>{ for links }</ul>
        </nav>
    }
}

fn render_section(
    locale: Locale,
    view: &str,
    section: &Section,
    address: &[String],
    on_replace: &Callback<Route>,
) -> Html {
    let heading_id = section_element_id(&section.id);
    let place = BlockPlace {
        view,
        section: &section.id,
        address,
        on_replace,
    };
    html! {
        <section class="section" id={text(&section.id)} key={section.id.as_ref()} aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} tabindex="-1">
                <a class="section-link" href={section_href(view, &section.id)}>{ text(&section.heading) }</a>
            </h2>
            { for section.blocks.iter().map(|block| render_block(locale, block, &place)) }
        </section>
    }
}

/// Links to the previous and next views, so reading on needs no trip to the menu.
fn pager(locale: Locale, view: &View) -> Html {
    let ui = locale.ui();
    let views = &locale.content().views;
    let index = views
        .iter()
        .position(|v| v.id == view.id)
        .unwrap_or_default();
    let link = |neighbour: Option<&View>, template: &str, rel: &'static str| {
        neighbour.map(|v| {
            html! {
                <a class={classes!("pager-link", rel)} {rel} href={view_href(&v.id)}>
                    { fill(template, &[("view", &v.nav)]) }
                </a>
            }
        })
    };
    let previous = index.checked_sub(1).and_then(|i| views.get(i));
    html! {
        <nav class="pager" aria-label={ui.nav_pager_label}>
            { for link(previous, ui.nav_previous, "prev") }
            { for link(views.get(index + 1), ui.nav_next, "next") }
        </nav>
    }
}
