//! How each kind of content block is shown.

use yew::prelude::*;

use super::diagrams::{FlowDiagram, NestedDiagram};
use crate::career::skills::SkillProfiles;
use crate::career::{SalaryChartView, SkillRatingWidget};
use crate::content::model::{Block, Faq, Item, Link, Term};
use crate::embed::EmbedButton;
use crate::i18n::Locale;
use crate::kit::text;
use crate::kit::Interactive;
use crate::kit::TableView;
use crate::route::{view_href, Route};
use crate::widgets::{Placement, Widget};

/// Where a block is: its view and section, and the rest of the route's address when
/// the route points into this section, for a widget to read its state from.
pub struct BlockPlace<'a> {
    pub view: &'a str,
    pub section: &'a str,
    pub address: &'a [String],
    /// Rewrites the URL, and the app's route, in place.
    pub on_replace: &'a Callback<Route>,
}

impl BlockPlace<'_> {
    /// A callback that keeps a widget's state in the URL, after the section's address
    /// (`career/#path-finder/<state>`). It replaces the entry, so Back leaves the view.
    fn keep_in_url(&self) -> Callback<String> {
        let (view, section) = (self.view.to_owned(), self.section.to_owned());
        self.on_replace.reform(move |state: String| Route::View {
            view: view.clone(),
            tail: vec![section.clone(), state],
        })
    }
}

/// A widget in the text: drawn by the registry, framed, with its Embed button.
fn widget_in_article(locale: Locale, block: &Block, place: &BlockPlace) -> Html {
    let Some(widget) = Widget::of_block(block) else {
        return Html::default();
    };
    let placement = Placement::InArticle {
        requested: place.address.first().cloned(),
        keep_in_url: place.keep_in_url(),
    };
    html! {
        <>
            <Interactive {locale}>{ Widget::draw_block(locale, block, placement) }</Interactive>
            <EmbedButton {locale} {widget} />
        </>
    }
}

pub fn render_block(locale: Locale, block: &Block, place: &BlockPlace) -> Html {
    match block {
        Block::Heading(heading) => html! { <h3>{ text(heading) }</h3> },
        Block::Paragraph(paragraph) => html! { <p>{ text(paragraph) }</p> },
        Block::Note(note) => html! { <p class="note">{ text(note) }</p> },
        Block::Bullets(items) => {
            html! { <ul class="bullets">{ for items.iter().map(|entry| item(locale, entry)) }</ul> }
        }
        Block::Steps(steps) => html! {
            <ol class="steps">{ for steps.iter().map(|step| html! { <li>{ text(step) }</li> }) }</ol>
        },
        Block::Quote(quote) => html! {
            <figure class="quote">
                <blockquote><p>{ text(&quote.text) }</p></blockquote>
                <figcaption>{ text(&quote.by) }</figcaption>
            </figure>
        },
        Block::Table(table) => html! { <TableView {locale} table={table.clone()} /> },
        Block::Nested(nested) => html! { <NestedDiagram nested={nested.clone()} /> },
        Block::Flow(flow) => html! { <FlowDiagram flow={flow.clone()} /> },
        Block::Glossary(terms) => html! {
            <dl class="glossary">{ for terms.iter().map(glossary_term) }</dl>
        },
        Block::Faq(entries) => html! {
            <div class="faq">{ for entries.iter().map(faq_entry) }</div>
        },
        Block::Calms(_) | Block::Pipeline(_) | Block::Budget(_) | Block::CareerTree(_) => {
            widget_in_article(locale, block, place)
        }
        Block::SkillRating(rating) => {
            let profiles = locale
                .content()
                .table(&rating.table)
                .and_then(SkillProfiles::from_table);
            match profiles {
                Some(profiles) => html! {
                    <Interactive {locale}>
                        <SkillRatingWidget {locale} rating={rating.clone()} {profiles} />
                    </Interactive>
                },
                // Validation refuses a rating without its table; draw nothing rather than panic.
                None => Html::default(),
            }
        }
        Block::SalaryChart(chart) => html! { <SalaryChartView {locale} chart={chart.clone()} /> },
        Block::Links(links) => html! {
            <ul class="link-list">{ for links.iter().map(view_link) }</ul>
        },
    }
}

fn item(locale: Locale, item: &Item) -> Html {
    let term = item.term.as_ref().map(|term| {
        html! { <><strong>{ text(term) }</strong>{ locale.ui().format_label_separator }</> }
    });
    html! { <li>{ for term }{ text(&item.text) }</li> }
}

fn glossary_term(term: &Term) -> Html {
    html! {
        <div class="glossary-entry" key={term.id.as_ref()} id={format!("term-{}", term.id)}>
            <dt>{ text(&term.term) }</dt>
            <dd>{ text(&term.definition) }</dd>
        </div>
    }
}

fn faq_entry(entry: &Faq) -> Html {
    html! {
        <details class="faq-entry" key={entry.id.as_ref()} id={format!("faq-{}", entry.id)}>
            <summary>{ text(&entry.question) }</summary>
            <p>{ text(&entry.answer) }</p>
        </details>
    }
}

fn view_link(link: &Link) -> Html {
    html! { <li><a href={view_href(&link.view)}>{ text(&link.text) }</a></li> }
}
