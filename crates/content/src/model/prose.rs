//! The article's prose blocks: list items, quotes, tables, diagrams, glossary, FAQ and
//! links.

use serde::{Deserialize, Serialize};

use super::{List, Text};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A bold lead-in, as in "CI/CD Pipeline Construction: automated building...".
    #[serde(default)]
    pub term: Option<Text>,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: Text,
    pub by: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Unique across the content: widgets find their data by it.
    pub id: Text,
    pub caption: Text,
    pub columns: List<Text>,
    /// The first cell of each row is the row's header.
    pub rows: List<List<Cell>>,
}

/// Highest value of a [`Cell::Stars`] rating.
pub const MAX_STARS: u8 = 5;

/// A table cell. In the data a cell is a string, or an integer for a star rating.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "CellInData")]
pub enum Cell {
    Text(Text),
    /// A rating from 0 to [`MAX_STARS`].
    Stars(u8),
}

/// How a cell is written in TOML: `"text"` or `4`. Only deserialisation goes through
/// this, so baking still sees [`Cell`]'s own variants.
#[derive(Deserialize)]
#[serde(untagged)]
enum CellInData {
    Stars(u8),
    Text(Text),
}

impl From<CellInData> for Cell {
    fn from(cell: CellInData) -> Self {
        match cell {
            CellInData::Stars(stars) => Cell::Stars(stars),
            CellInData::Text(text) => Cell::Text(text),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nested {
    pub caption: Text,
    pub outer: Label,
    pub inner: List<Label>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub name: Text,
    pub role: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub caption: Text,
    pub lanes: List<Lane>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub name: Text,
    pub steps: List<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub name: Text,
    /// A security checkpoint rather than a delivery stage.
    #[serde(default)]
    pub gate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: Text,
    pub term: Text,
    pub definition: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: Text,
    pub question: Text,
    pub answer: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The id of the view linked to.
    pub view: Text,
    pub text: Text,
}
