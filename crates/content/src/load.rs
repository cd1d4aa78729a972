//! Reading content from its TOML files. Used by `build.rs` and by native tests; never
//! compiled into the wasm.
//!
//! A locale's folder holds `index.toml` (the source, the seed's sections and the order
//! of the views) and one `views/<id>.toml` per view.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::model::{Content, List, SeedSection, Source, View};

/// Why content could not be read. The message names the file, and for a parse error
/// the line and the field, as the TOML parser reports them.
#[derive(Debug)]
pub struct LoadError {
    pub file: PathBuf,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Index {
    source: Source,
    /// View ids in navigation order; each names a file `views/<id>.toml`.
    views: Vec<String>,
    seed_sections: List<SeedSection>,
}

/// Reads one locale's content from its folder, for example `assets/content/en`.
pub fn load_locale(folder: &Path) -> Result<Content, LoadError> {
    let index: Index = parse_file(&folder.join("index.toml"))?;
    let views = index
        .views
        .iter()
        .map(|id| parse_file::<View>(&view_file(folder, id)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Content {
        source: index.source,
        seed_sections: index.seed_sections,
        views: views.into(),
    })
}

/// The file a view with this id is read from.
pub fn view_file(folder: &Path, id: &str) -> PathBuf {
    folder.join("views").join(format!("{id}.toml"))
}

/// Parses one view from TOML text.
pub fn parse_view(text: &str) -> Result<View, String> {
    toml::from_str(text).map_err(|error| error.to_string())
}

fn parse_file<T: for<'de> Deserialize<'de>>(file: &Path) -> Result<T, LoadError> {
    let fail = |message: String| LoadError {
        file: file.to_owned(),
        message,
    };
    let text = std::fs::read_to_string(file).map_err(|error| fail(error.to_string()))?;
    toml::from_str(&text).map_err(|error| fail(error.to_string()))
}
