//! The tree's layering, drawn from its imports: a folder (or top-level file) of `src/`
//! uses only what is below it, never a neighbour on its own layer nor anything above.
//! From the base up: what every part draws on; the widgets, the quiz below the two
//! that link to its practice; the registry of widgets; the embed pages; the article
//! that places the widgets; the shell; and the two entry points.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["content", "decimal", "platform"],
    &["i18n"],
    &["format", "route", "theme", "kit"],
    &["budget", "pipeline", "lms"],
    &["quiz"],
    &["calms", "career"],
    &["widgets"],
    &["embed"],
    &["article"],
    &["shell"],
    &["prerender", "main", "lib"],
];

fn layer_of(part: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&part))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry of src/").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The part of the tree a file belongs to: its folder under `src/`, or its own name.
fn part_of(src: &Path, file: &Path) -> String {
    let first = file
        .strip_prefix(src)
        .expect("under src/")
        .components()
        .next()
        .expect("a path under src/");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// The parts a file names through `crate::` (or `ops_trio::`), outside comments.
fn parts_named(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        for root in ["crate::", "ops_trio::"] {
            for (at, _) in line.match_indices(root) {
                let rest = &line[at + root.len()..];
                let part: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !part.is_empty() {
                    named.insert(part);
                }
            }
        }
    }
    named
}

#[test]
fn no_part_of_the_tree_imports_its_own_layer_or_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    for file in rust_files(&src) {
        let part = part_of(&src, &file);
        let Some(own) = layer_of(&part) else {
            upward.push(format!(
                "{}: `{part}` has no layer in LAYERS",
                file.display()
            ));
            continue;
        };
        let code = std::fs::read_to_string(&file).expect("a readable source file");
        for named in parts_named(&code) {
            if named == part || named == "reducible" {
                continue; // itself, and the crate-root macro every model uses
            }
            match layer_of(&named) {
                Some(layer) if layer < own => {}
                _ => upward.push(format!("{}: {part} uses {named}", file.display())),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not run down:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_checker_sees_an_upward_import() {
    let named = parts_named(
        "use crate::shell::App;\n// crate::article in a comment\nlet x = ops_trio::kit::text(t);",
    );
    assert_eq!(
        named.into_iter().collect::<Vec<_>>(),
        vec!["kit".to_owned(), "shell".to_owned()]
    );
    assert!(layer_of("shell") > layer_of("kit"));
}
