//! Every widget, declared once: its id (the embed page's name), where it lives in the
//! module, its name, the content block it draws its data from, and how it is drawn,
//! in the article or alone on its embed page. The article and the embed pages both
//! draw a widget from here; adding one is its own folder plus an arm in each `match`
//! below, which the compiler asks for (no wildcard arm stands in for a widget).

use yew::prelude::*;

use crate::kit::HeadingLevel;

use crate::budget::BudgetLabWidget;
use crate::calms::CalmsWheel;
use crate::career::CareerTreeWidget;
use crate::content::model::Block;
use crate::i18n::{Locale, Ui};
use crate::pipeline::PipelineWidget;
use crate::quiz::app::QuizApp;
use crate::route::path_href;

/// A widget that can stand alone in an iframe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    Calms,
    Pipeline,
    Budget,
    Quiz,
    Career,
}

/// What the registry says of a widget.
struct Entry {
    /// The value of `embed=` that asks for it, and the name of its embed page.
    id: &'static str,
    /// Its view, and the section of that view that holds it (none for the quiz view).
    view: &'static str,
    section: &'static str,
    /// Its name, as the embed page's heading and the Embed button say it.
    name: fn(&Ui) -> &'static str,
}

/// Where a widget is drawn.
pub enum Placement {
    /// In its view's text: its state follows the route's address in its section
    /// (`requested`), and each change is kept in the URL (`keep_in_url`).
    InArticle {
        requested: Option<String>,
        keep_in_url: Callback<String>,
    },
    /// Alone, on its embed page.
    Alone,
}

impl Widget {
    pub const ALL: [Widget; 5] = [
        Widget::Calms,
        Widget::Pipeline,
        Widget::Budget,
        Widget::Quiz,
        Widget::Career,
    ];

    fn entry(self) -> Entry {
        match self {
            Widget::Calms => Entry {
                id: "calms",
                view: "devops",
                section: "calms",
                name: |ui| ui.embed_calms,
            },
            Widget::Pipeline => Entry {
                id: "pipeline",
                view: "devsecops",
                section: "pipeline",
                name: |ui| ui.embed_pipeline,
            },
            Widget::Budget => Entry {
                id: "budget",
                view: "sre",
                section: "error-budget",
                name: |ui| ui.embed_budget,
            },
            Widget::Quiz => Entry {
                id: "quiz",
                view: "quiz",
                section: "",
                name: |ui| ui.embed_quiz,
            },
            Widget::Career => Entry {
                id: "career",
                view: "career",
                section: "path-finder",
                name: |ui| ui.embed_career,
            },
        }
    }

    /// The value of `embed=` that asks for it.
    pub fn id(self) -> &'static str {
        self.entry().id
    }

    /// Its name in the interface.
    pub fn name(self, ui: &Ui) -> &'static str {
        (self.entry().name)(ui)
    }

    /// Where the widget lives in the full module, relative to the build's root: a
    /// served page, whatever the embed page writes.
    pub fn home(self) -> String {
        let entry = self.entry();
        path_href(entry.view, entry.section)
    }

    /// The page that shows it alone, beside the module's root page: `embed-calms.html`.
    pub fn page(self) -> String {
        format!("embed-{}.html", self.id())
    }

    /// Its embed page in a language: `embed-calms.html` in the default one,
    /// `embed-calms.zh-TW.html` in another, which loads that language's app.
    pub fn page_in(self, locale: Locale) -> String {
        match locale == Locale::DEFAULT {
            true => self.page(),
            false => format!("embed-{}.{}.html", self.id(), locale.tag()),
        }
    }

    /// The widget whose embed page this is, from the page's name in `data-page`.
    pub fn from_page(page: &str) -> Option<Widget> {
        Widget::ALL.into_iter().find(|w| w.page() == page)
    }

    /// The widget `embed=` asks for, whatever its case.
    pub fn from_id(id: &str) -> Option<Widget> {
        Widget::ALL
            .into_iter()
            .find(|w| w.id().eq_ignore_ascii_case(id))
    }

    /// The widget a content block is, if it is one. The quiz is drawn by its view,
    /// not from a block.
    pub fn of_block(block: &Block) -> Option<Widget> {
        match block {
            Block::Calms(_) => Some(Widget::Calms),
            Block::Pipeline(_) => Some(Widget::Pipeline),
            Block::Budget(_) => Some(Widget::Budget),
            Block::CareerTree(_) => Some(Widget::Career),
            Block::Heading(_)
            | Block::Paragraph(_)
            | Block::Bullets(_)
            | Block::Steps(_)
            | Block::Quote(_)
            | Block::Note(_)
            | Block::Table(_)
            | Block::Nested(_)
            | Block::Flow(_)
            | Block::Glossary(_)
            | Block::Faq(_)
            | Block::Links(_)
            | Block::SkillRating(_)
            | Block::SalaryChart(_) => None,
        }
    }

    /// Draws the widget of a content block, placed as `placement` says; nothing for a
    /// block that is no widget. Every widget has its arm, with no wildcard: a new one
    /// does not compile until it says how it is drawn.
    pub fn draw_block(locale: Locale, block: &Block, placement: Placement) -> Html {
        let Some(widget) = Widget::of_block(block) else {
            return Html::default();
        };
        let (requested, keep_in_url, alone) = match placement {
            Placement::InArticle {
                requested,
                keep_in_url,
            } => (requested, keep_in_url, false),
            Placement::Alone => (None, Callback::noop(), true),
        };
        match (widget, block) {
            (Widget::Calms, Block::Calms(calms)) => html! {
                <CalmsWheel {locale} calms={calms.clone()} {requested} on_select={keep_in_url} />
            },
            (Widget::Pipeline, Block::Pipeline(pipeline)) => {
                html! { <PipelineWidget {locale} pipeline={pipeline.clone()} /> }
            }
            (Widget::Budget, Block::Budget(lab)) => {
                html! { <BudgetLabWidget {locale} lab={lab.clone()} /> }
            }
            (Widget::Career, Block::CareerTree(tree)) => html! {
                <CareerTreeWidget {locale} tree={tree.clone()} {requested}
                    on_change={keep_in_url} embedded={alone} />
            },
            // The quiz is drawn by its view, from no block; `of_block` gives every
            // other widget only its own block.
            (
                Widget::Quiz | Widget::Calms | Widget::Pipeline | Widget::Budget | Widget::Career,
                _,
            ) => Html::default(),
        }
    }

    /// Draws the widget alone, on its embed page, with its data from the content.
    pub fn draw_alone(self, locale: Locale) -> Html {
        // Under the embed page's h1, the widget's own headings start at h2.
        let drawn = match self {
            Widget::Quiz => html! { <QuizApp {locale} /> },
            Widget::Calms | Widget::Pipeline | Widget::Budget | Widget::Career => locale
                .content()
                .blocks()
                .find(|block| Widget::of_block(block) == Some(self))
                .map_or_else(Html::default, |block| {
                    Widget::draw_block(locale, block, Placement::Alone)
                }),
        };
        html! {
            <ContextProvider<HeadingLevel> context={HeadingLevel::ALONE}>{ drawn }</ContextProvider<HeadingLevel>>
        }
    }
}
