//! The content model: the article's views, sections, tables, glossary and FAQ.
//!
//! Content is written in TOML under `assets/content/<locale>/`, parsed and validated by
//! `build.rs`, and baked into `static` items (see `bake.rs`), so the wasm ships no parser.
//! Text and lists are `Cow<'static, _>`: the baked statics borrow, while content parsed
//! at build or test time owns. One set of types serves both.
//!
//! Rules that keep baking exact (checked by the test that compares the baked statics
//! with a fresh parse): every string is a [`Text`], every sequence a [`List`], and enums
//! keep serde's default external tagging, with snake_case variant names in the data.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

mod prose;
mod widgets;

pub use prose::*;
pub use widgets::*;

/// A piece of text: borrowed from the baked statics, owned when parsed.
pub type Text = Cow<'static, str>;
/// A sequence: borrowed from the baked statics, owned when parsed.
pub type List<T> = Cow<'static, [T]>;

/// Everything the module teaches in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub source: Source,
    /// The sections of the seed article, so that every view section and (later) every
    /// quiz question can say which part of the article it comes from.
    pub seed_sections: List<SeedSection>,
    pub views: List<View>,
}

/// The article the content is drawn from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Text,
    pub publisher: Text,
    pub url: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSection {
    pub id: Text,
    /// The heading as the article gives it.
    pub title: Text,
    /// One of the article's described illustrations, which the module builds as a
    /// widget rather than as text.
    #[serde(default)]
    pub illustration: bool,
}

/// One page of the module, reached at `#/<id>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    pub id: Text,
    /// The short label in the navigation.
    pub nav: Text,
    pub title: Text,
    pub lede: Text,
    pub sections: List<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique within its view: it is the section's address, `#/<view>/<section>`.
    pub id: Text,
    pub heading: Text,
    /// The id of the [`SeedSection`] this section is drawn from; `None` for the few
    /// sections of the module's own, such as the quiz's introduction.
    #[serde(default)]
    pub seed: Option<Text>,
    pub blocks: List<Block>,
}

/// A block of a section, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A heading inside a section.
    Heading(Text),
    Paragraph(Text),
    Bullets(List<Item>),
    /// An ordered list: steps that happen in sequence.
    Steps(List<Text>),
    Quote(Quote),
    /// An aside, such as a caveat on figures.
    Note(Text),
    Table(Table),
    /// Boxes inside a box: the article's relationship diagram.
    Nested(Nested),
    /// Stages left to right, some of them security checkpoints.
    Flow(Flow),
    Glossary(List<Term>),
    Faq(List<Faq>),
    /// Links to other views of the module.
    Links(List<Link>),
    /// The CALMS wheel: an explorable diagram of DevOps's five pillars.
    Calms(Calms),
    /// The shift-left pipeline: security checks moving left, and defects sent through.
    Pipeline(Pipeline),
    /// The error-budget lab: an SLO slider, downtime, burn simulation and alerts.
    Budget(BudgetLab),
    /// The career decision tree: questions leading to DevOps, SRE or DevSecOps.
    CareerTree(CareerTree),
    /// The reader's self-rating against a star table of the skills each role asks for.
    SkillRating(SkillRating),
    /// Salary ranges by role and level, drawn as a range chart with its table.
    SalaryChart(SalaryChart),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub title: Text,
    pub url: Text,
}

impl Content {
    pub fn view(&self, id: &str) -> Option<&View> {
        self.views.iter().find(|view| view.id == id)
    }

    /// Every table of every view, for widgets that read a table's data by its id.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }

    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables().find(|table| table.id == id)
    }

    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.views
            .iter()
            .flat_map(|view| view.sections.iter())
            .flat_map(|section| section.blocks.iter())
    }
}

impl View {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }
}
