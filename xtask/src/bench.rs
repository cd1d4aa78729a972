//! `cargo xtask bench`: the release build's size, file by file, raw, gzip and brotli,
//! with the first load (what the overview page loads) held to its budget; then the
//! browser measurements of tests/e2e/bench.mjs, the app side by side with the floor (the
//! article as one static page).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use ops_trio::i18n::Locale;

use crate::cmd::{self, Result};
use crate::files;
use crate::tools;

/// The first load must stay under this, brotli-compressed, in bytes. It was 150 KB
/// while the reader saw nothing until the wasm had run, and the widgets waited for a
/// second bundle with a yew of its own. Every page is now prerendered and readable
/// before any script, and one bundle carries the whole app (its wasm 215 KB); what the
/// reader feels is measured below as times against the floor. The budget now guards
/// that bundle against growth.
const FIRST_LOAD_BUDGET: u64 = 240 * 1024;
/// What a page may load that is not part of its first load: the service worker (loaded
/// after the page, by the browser) and the host page's embedding script.
const NOT_FIRST_LOAD: [&str; 3] = ["sw.js", "sw-remove.js", "embed.js"];

/// `--check` makes every target binding: the command fails past any, timings and
/// Lighthouse included, not only the sizes.
pub fn run(args: &[String]) -> Result {
    let check = args.iter().any(|a| a == "--check");
    tools::build_tools()?;
    crate::release_build()?;
    let root = cmd::root();
    let dist = root.join("dist");
    let floor = root.join("target/bench/floor");
    crate::postbuild::write_floor(&dist, &floor)?;
    cmd::step("sizes of dist/");
    let mut list = files::list(&dist)?;
    list.sort();
    let sizes = report_sizes(&dist, &list)?;
    let wasm: u64 = sizes
        .iter()
        .filter(|(name, _)| name.ends_with(".wasm"))
        .map(|(_, size)| size.brotli)
        .sum();
    println!("\nwasm, brotli, every language's: {}", kib(wasm));

    // Each language's overview page, with the wasm that carries that language alone.
    let mut over = Vec::new();
    for &locale in Locale::ALL {
        let page = format!("{}index.html", ops_trio::route::locale_folder(locale));
        let first = first_load(&dist, &page)?;
        println!(
            "\nfirst load in {}: what its overview page ({page}) loads",
            locale.tag()
        );
        let mut total = 0;
        for name in &first {
            let brotli = sizes.get(name).map_or(0, |size| size.brotli);
            total += brotli;
            println!("  {name:<46} {:>10}", kib(brotli));
        }
        let within = total <= FIRST_LOAD_BUDGET;
        println!(
            "first load in {}, brotli: {} ({} the {} budget)",
            locale.tag(),
            kib(total),
            if within { "within" } else { "OVER" },
            kib(FIRST_LOAD_BUDGET)
        );
        if !within {
            over.push(format!("{} {}", locale.tag(), kib(total)));
        }
    }

    tools::browser_tools()?;
    cmd::step(
        "in headless Chromium: the app against the floor, bytes of a first visit, Lighthouse",
    );
    let floor_arg = floor.to_string_lossy().into_owned();
    let mut bench_args = vec!["bench.mjs", "../../dist", &floor_arg];
    if check {
        bench_args.push("--check");
    }
    let browser = cmd::run(&mut cmd::in_e2e("node", &bench_args));
    if !over.is_empty() {
        return Err(format!(
            "the first load is over its {} budget (brotli): {}",
            kib(FIRST_LOAD_BUDGET),
            over.join(", ")
        ));
    }
    browser
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

/// Prints a table of these files of `dist` with the totals; returns each file's sizes
/// by its path in `dist` (`sre/index.html`).
fn report_sizes(dist: &Path, list: &[PathBuf]) -> Result<BTreeMap<String, Sizes>> {
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Sizes::default();
    let mut sizes = BTreeMap::new();
    for file in list {
        let bytes = files::read_bytes(file)?;
        let size = Sizes {
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
            brotli: brotli_len(&bytes)?,
        };
        let name = files::url_path(dist, file)?;
        println!(
            "{name:<48} {:>10} {:>10} {:>10}",
            kib(size.raw),
            kib(size.gzip),
            kib(size.brotli)
        );
        total.raw += size.raw;
        total.gzip += size.gzip;
        total.brotli += size.brotli;
        sizes.insert(name, size);
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total",
        kib(total.raw),
        kib(total.gzip),
        kib(total.brotli)
    );
    Ok(sizes)
}

/// The files the overview page loads before it is interactive: `index.html`, and the
/// stylesheets, scripts and wasm it names, then those its scripts name (the bindings'
/// snippets), as paths in `dist`. Not other pages, the question bank, the icons or the
/// service worker.
fn first_load(dist: &Path, page: &str) -> Result<BTreeSet<String>> {
    let mut found = BTreeSet::from([page.to_owned()]);
    let mut queue = vec![page.to_owned()];
    while let Some(name) = queue.pop() {
        let text = files::read_text(&dist.join(&name))?;
        // A page resolves its links against its <base>, a script against itself.
        let folder = match name.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/"),
            None => String::new(),
        };
        let against = if name.ends_with(".html") {
            format!("{folder}{}", base_href(&text).unwrap_or_default())
        } else {
            folder
        };
        for reference in references(&text) {
            let Some(path) = resolve(&against, reference) else {
                continue;
            };
            if NOT_FIRST_LOAD.contains(&path.as_str()) || !dist.join(&path).is_file() {
                continue;
            }
            if found.insert(path.clone()) && path.ends_with(".js") {
                queue.push(path);
            }
        }
    }
    Ok(found)
}

/// The `href` of a page's `<base>`, if it has one.
fn base_href(html: &str) -> Option<String> {
    let start = html.find("<base ")?;
    let tag = &html[start..start + html[start..].find('>')?];
    let value = tag.split_once("href=")?.1;
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    Some(value[1..].split(quote).next()?.to_owned())
}

/// Every relative URL in `text` naming a stylesheet, a script or wasm: the tokens
/// between characters a URL path does not hold, which works for HTML attributes and
/// JavaScript strings alike. Absolute URLs are left out.
fn references(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '`' | '(' | ')' | '<' | '>' | ',' | '=' | ';'
            )
    })
    .map(|token| token.split(['?', '#']).next().unwrap_or(""))
    .filter(|token| !token.contains(':') && !token.starts_with("//"))
    .filter(|token| {
        [".css", ".js", ".mjs", ".wasm"]
            .iter()
            .any(|ext| token.ends_with(ext))
    })
}

/// `reference` resolved against the folder `against` (both relative to the build's
/// root), or None when it leaves the build.
fn resolve(against: &str, reference: &str) -> Option<String> {
    let joined = if reference.starts_with('/') {
        PathBuf::from(reference.trim_start_matches('/'))
    } else {
        Path::new(against).join(reference)
    };
    let mut parts: Vec<String> = Vec::new();
    for part in joined.components() {
        match part {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            _ => {}
        }
    }
    Some(parts.join("/"))
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

#[cfg(test)]
mod tests {
    use super::{base_href, references, resolve};

    #[test]
    fn a_page_and_a_script_name_their_files() {
        let html = r#"<base href="../"><link rel="stylesheet" href="./app-1.css"/>
            <script type="module">import init from './ops-trio-1.js';
            await init({ module_or_path: './ops-trio-1_bg.wasm' });</script>
            <a href="https://example.com/embed.js">x</a><link rel="icon" href="icon.svg">"#;
        let found: Vec<&str> = references(html).collect();
        assert_eq!(
            found,
            ["./app-1.css", "./ops-trio-1.js", "./ops-trio-1_bg.wasm"]
        );
        assert_eq!(base_href(html).as_deref(), Some("../"));
        let js = "import * as a from './snippets/ops-trio-9/inline0.js';\nnew URL(\"x_bg.wasm\", import.meta.url)";
        let found: Vec<&str> = references(js).collect();
        assert_eq!(found, ["./snippets/ops-trio-9/inline0.js", "x_bg.wasm"]);
    }

    #[test]
    fn references_resolve_inside_the_build() {
        assert_eq!(resolve("sre/../", "./app.css").as_deref(), Some("app.css"));
        assert_eq!(
            resolve("", "./snippets/a/inline0.js").as_deref(),
            Some("snippets/a/inline0.js")
        );
        assert_eq!(
            resolve("snippets/a/", "../../x.js").as_deref(),
            Some("x.js")
        );
        assert_eq!(resolve("", "../x.js"), None);
        assert_eq!(resolve("sre/", "/app.css").as_deref(), Some("app.css"));
    }
}
