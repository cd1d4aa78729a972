//! `cargo xtask bench`: the release build's size, file by file, raw, gzip and brotli,
//! with the first load (what every visit fetches) apart from what loads on demand (the
//! quiz bundle and its question bank); then the browser measurements of
//! tests/e2e/bench.mjs.

use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};
use crate::files;
use crate::tools;

/// The first load must stay under this, brotli-compressed, in bytes.
const FIRST_LOAD_BUDGET: u64 = 150 * 1024;
/// Files the app fetches only when the reader opens the quiz view.
const LOADED_ON_DEMAND: [&str; 2] = ["quiz/", "quiz-"];

pub fn run() -> Result {
    tools::build_tools()?;
    crate::release_build()?;
    cmd::step("sizes of dist/");
    let dist = cmd::root().join("dist");
    let mut files = files::list(&dist)?;
    files.sort();
    let (lazy, first): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|file| {
        let name = file
            .strip_prefix(&dist)
            .unwrap_or(file)
            .to_string_lossy()
            .into_owned();
        LOADED_ON_DEMAND
            .iter()
            .any(|prefix| name.starts_with(prefix))
    });
    println!("first load: what every visit fetches");
    let total = report_sizes(&dist, &first)?;
    println!("\non demand: what the quiz view fetches");
    report_sizes(&dist, &lazy)?;
    let verdict = if total.brotli <= FIRST_LOAD_BUDGET {
        "within"
    } else {
        "OVER"
    };
    println!(
        "\nfirst load, brotli: {} ({verdict} the {} budget)",
        kib(total.brotli),
        kib(FIRST_LOAD_BUDGET)
    );
    tools::browser_tools()?;
    cmd::step("in headless Chromium: start-up, input to paint, animation frames");
    cmd::run(&mut cmd::in_e2e("node", &["bench.mjs", "../../dist"]))
}

/// Screenshots of every view in both themes at two widths, into target/screenshots/.
pub fn screenshots() -> Result {
    tools::build_tools()?;
    crate::release_build()?;
    tools::browser_tools()?;
    cmd::step("screenshots");
    let args = ["shots.mjs", "../../dist", "../../target/screenshots"];
    cmd::run(&mut cmd::in_e2e("node", &args))
}

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

/// Prints a table of these files of `dist` and returns the totals.
fn report_sizes(dist: &Path, files: &[PathBuf]) -> Result<Sizes> {
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Sizes::default();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let sizes = Sizes {
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
            brotli: brotli_len(&bytes)?,
        };
        let name = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .display()
            .to_string();
        println!(
            "{name:<48} {:>10} {:>10} {:>10}",
            kib(sizes.raw),
            kib(sizes.gzip),
            kib(sizes.brotli)
        );
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total",
        kib(total.raw),
        kib(total.gzip),
        kib(total.brotli)
    );
    Ok(total)
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    Ok(files::gzip(bytes)?.len() as u64)
}

/// Brotli at quality 11, window 22: what `brotli -q 11` gives.
fn brotli_len(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
