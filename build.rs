//! Bakes `assets/content/<tag>/` and `assets/i18n/<tag>.toml` into Rust statics in
//! `$OUT_DIR/locales.rs`, so that the wasm carries content as data and no TOML or JSON
//! parser. Content that fails validation stops the build with every problem listed.
//!
//! The question bank, `assets/content/<tag>/quiz/`, is checked too, and the name of its
//! JSON file, `quiz-<tag>-<hash>.json`, baked in: `cargo xtask post-build` writes that
//! file beside the app from the same folder, and the app fetches it when a quiz starts,
//! with the browser's own JSON parser. The script writes nothing but `$OUT_DIR`.

// The content crate, shared with the app and xtask: a change to it rebuilds and reruns
// this script, as a change to any dependency does.
use ops_trio_content::bank as quiz_bank;
use ops_trio_content::{bake, load, model, shape, ui_bake as bake_ui, validate};

use std::path::{Path, PathBuf};

/// The locale whose strings every other locale must match.
const REFERENCE_LOCALE: &str = "en";

/// The variable naming the one locale a wasm build carries (`zh-TW`); English when
/// unset. `cargo xtask` builds the wasm once per locale. A native build carries all.
const LOCALE_VARIABLE: &str = "OPS_TRIO_LOCALE";

fn main() {
    // Read when the script runs, not baked when it is compiled: a copy of the tree
    // sharing this target folder must not read another copy's assets.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let assets = Path::new(&manifest_dir).join("assets");
    println!("cargo::rerun-if-changed=assets/content");
    println!("cargo::rerun-if-changed=assets/i18n");
    println!("cargo::rerun-if-changed=assets/embed.js");
    if let Err(problems) = generate(&assets).and_then(|()| embed_integrity(&assets)) {
        for problem in &problems {
            println!("cargo::error={problem}");
        }
        std::process::exit(1);
    }
}

fn generate(assets: &Path) -> Result<(), Vec<String>> {
    let locales = read_locales(&assets.join("i18n"))?;
    let problems = bake_ui::check_locales(&locales);
    if !problems.is_empty() {
        return Err(problems);
    }
    let carried = carried_locale(&locales)?;
    let static_name = |tag: &str| format!("CONTENT_{}", bake_ui::locale_ident(tag).to_uppercase());
    let mut source = bake_ui::generate(&locales, carried.as_deref(), static_name);
    let mut bank_files = Vec::new();
    let reference = assets.join("content").join(REFERENCE_LOCALE);
    for locale in &locales {
        let folder = assets.join("content").join(&locale.tag);
        if locale.tag != REFERENCE_LOCALE {
            let problems = shape::compare_folders(&reference, &folder);
            if !problems.is_empty() {
                return Err(problems);
            }
        }
        let content = load::load_locale(&folder).map_err(|e| vec![e.to_string()])?;
        let problems = validate::validate(&content);
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|p| format!("{}: {p}", folder.display()))
                .collect());
        }
        if carried.as_ref().is_none_or(|tag| *tag == locale.tag) {
            let baked = bake::bake(&content).map_err(|e| vec![e.to_string()])?;
            source += &format!(
                "\nstatic {}: Content = {baked};\n",
                static_name(&locale.tag)
            );
        }
        bank_files.push(check_bank(&folder.join("quiz"), &content, &locale.tag)?);
    }
    source += &bank_file_fn(&locales, &bank_files);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("locales.rs"), source).map_err(|e| vec![e.to_string()])
}

/// The one locale a wasm build carries, from `OPS_TRIO_LOCALE`; `None` natively.
fn carried_locale(locales: &[bake_ui::LocaleStrings]) -> Result<Option<String>, Vec<String>> {
    if std::env::var("TARGET").is_ok_and(|target| !target.starts_with("wasm32")) {
        return Ok(None);
    }
    // Declared for the wasm only, so that building another locale's wasm does not
    // rebuild the native prerenderer.
    println!("cargo::rerun-if-env-changed={LOCALE_VARIABLE}");
    let tag = std::env::var(LOCALE_VARIABLE).unwrap_or_else(|_| REFERENCE_LOCALE.to_owned());
    match locales.iter().find(|l| l.tag == tag) {
        Some(locale) => Ok(Some(locale.tag.clone())),
        None => Err(vec![format!(
            "{LOCALE_VARIABLE}={tag} names no locale of assets/i18n"
        )]),
    }
}

/// Writes `$OUT_DIR/embed_integrity.rs`: the Subresource Integrity hash of
/// `assets/embed.js`, which the Embed button's snippet carries, so that a host page runs
/// the host script only as this build published it.
fn embed_integrity(assets: &Path) -> Result<(), Vec<String>> {
    use base64::Engine;
    use sha2::Digest;
    let script = std::fs::read(assets.join("embed.js")).map_err(|e| vec![e.to_string()])?;
    let digest = sha2::Sha384::digest(&script);
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let source = format!(
        "/// The Subresource Integrity hash of `embed.js`, baked by `build.rs`.\npub const EMBED_SCRIPT_INTEGRITY: &str = {integrity:?};\n"
    );
    std::fs::write(out.join("embed_integrity.rs"), source).map_err(|e| vec![e.to_string()])
}

/// Each seed section must be tested by at least this many questions.
const QUESTIONS_PER_SEED_SECTION: usize = 3;

/// Checks a locale's question bank. Returns the name of its JSON file (see
/// `quiz_bank::authored::published`).
fn check_bank(folder: &Path, content: &model::Content, tag: &str) -> Result<String, Vec<String>> {
    println!("cargo::rerun-if-changed={}", folder.display());
    let bank = quiz_bank::authored::load(folder).map_err(|e| vec![e])?;
    let seeds: Vec<&str> = content
        .seed_sections
        .iter()
        .map(|s| s.id.as_ref())
        .collect();
    let problems = quiz_bank::validate(&bank, &seeds, QUESTIONS_PER_SEED_SECTION);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| format!("{}: {p}", folder.display()))
            .collect());
    }
    let (name, _json) = quiz_bank::authored::published(&bank, tag).map_err(|e| vec![e])?;
    Ok(name)
}

fn bank_file_fn(locales: &[bake_ui::LocaleStrings], files: &[String]) -> String {
    let arms: String = locales
        .iter()
        .zip(files)
        .map(|(locale, file)| {
            format!(
                "            Locale::{} => {file:?},\n",
                bake_ui::locale_ident(&locale.tag)
            )
        })
        .collect();
    format!(
        "\nimpl Locale {{\n    /// The question bank's file, beside the app, named by its content.\n    \
         pub fn quiz_bank(self) -> &'static str {{\n        match self {{\n{arms}        }}\n    }}\n}}\n"
    )
}

/// Every `assets/i18n/<tag>.toml`, the reference locale first and the rest by tag.
fn read_locales(folder: &Path) -> Result<Vec<bake_ui::LocaleStrings>, Vec<String>> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| vec![format!("{}: {e}", folder.display())])?;
    let mut tags: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.path().file_stem()?.to_str().map(str::to_owned))
        .collect();
    tags.sort_by_key(|tag| (tag != REFERENCE_LOCALE, tag.clone()));
    if tags.first().map(String::as_str) != Some(REFERENCE_LOCALE) {
        return Err(vec![format!(
            "{}: {REFERENCE_LOCALE}.toml is missing",
            folder.display()
        )]);
    }
    tags.iter()
        .map(|tag| {
            let file = folder.join(format!("{tag}.toml"));
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            bake_ui::parse_locale(tag, &text)
        })
        .collect::<Result<_, _>>()
        .map_err(|e| vec![e])
}
