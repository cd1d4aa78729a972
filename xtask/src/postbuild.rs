//! `cargo xtask post-build`: run by Trunk after each build (a `post_build` hook), on
//! the staging folder that becomes `dist/`:
//!
//! 1. the quiz bundle, a second wasm (`src/bin/quiz.rs`) with its wasm-bindgen glue, in
//!    `quiz/`, optimised with wasm-opt in release builds, and the question bank,
//!    `quiz-<locale>.json`, which `build.rs` wrote to `target/generated/`: what the
//!    quiz view loads on demand;
//! 2. the Content-Security-Policy: a `<meta>` in `index.html`, with the hash of Trunk's
//!    inline bootstrap script, and a `_headers` file for hosts that take headers;
//! 3. the service worker, `sw.js`: `assets/sw.js` with the list of every file of the
//!    build and a revision of each, so that the list is never kept by hand.

use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};
use crate::files;

pub fn run() -> Result {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("post-build runs as Trunk's post_build hook, which sets TRUNK_STAGING_DIR")?;
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    quiz_bundle(&staging, release)?;
    security_policy(&staging)?;
    service_worker(&staging)
}

/// Files of the build the service worker does not precache: itself, and the headers
/// file, which hosts read and never serve.
const NOT_PRECACHED: [&str; 2] = ["sw.js", "_headers"];

/// Writes `sw.js`: the template with the build's files, each with a revision that
/// changes exactly when its bytes do. Run last, once every other file is final.
fn service_worker(staging: &Path) -> Result {
    cmd::step("service worker");
    let mut entries = Vec::new();
    for path in files::list(staging)? {
        let url = files::url_path(staging, &path)?;
        if NOT_PRECACHED.contains(&url.as_str()) {
            continue;
        }
        if url.contains(['\'', '\\']) {
            return Err(format!(
                "{url}: a file name the service worker cannot quote"
            ));
        }
        let revision = files::revision(&files::read_bytes(&path)?);
        entries.push(format!("  {{ url: '{url}', revision: '{revision}' }},"));
    }
    entries.sort();
    let template_path = cmd::root().join("assets/sw.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let placeholder = "/* PRECACHE */ [];";
    if !template.contains(placeholder) {
        return Err(format!(
            "{} lost its `{placeholder}` line",
            template_path.display()
        ));
    }
    let worker = template.replacen(placeholder, &format!("[\n{}\n];", entries.join("\n")), 1);
    std::fs::write(staging.join("sw.js"), worker).map_err(|e| e.to_string())
}

/// The policy, before the hashes of the page's inline scripts are added to
/// `script-src`. Scripts and styles come from the app's own origin only; wasm may be
/// compiled; nothing is framed, posted or based elsewhere.
const POLICY: [(&str, &str); 11] = [
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
];

/// Writes the policy into `index.html` as a `<meta>`, and into `_headers` with CORS for
/// the files, which a sandboxed iframe without `allow-same-origin` fetches from an
/// opaque origin. There is no `frame-ancestors`: any page may embed a widget, and a
/// host that wants to limit who embeds it adds `frame-ancestors <its sites>` to the
/// header (the README says how).
fn security_policy(staging: &Path) -> Result {
    cmd::step("content security policy");
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let hashes: Vec<String> = inline_scripts(&html).map(files::csp_hash).collect();
    let policy = POLICY
        .iter()
        .map(|(name, sources)| match *name {
            "script-src" if !hashes.is_empty() => format!("{name} {sources} {}", hashes.join(" ")),
            _ => format!("{name} {sources}"),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy
    );
    let charset = "<meta charset=\"utf-8\">";
    if !html.contains(charset) {
        return Err("index.html must start its head with <meta charset=\"utf-8\">".into());
    }
    let html = html.replacen(charset, &format!("{charset}\n  {meta}"), 1);
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    let headers = format!(
        "/*\n  Content-Security-Policy: {}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  Access-Control-Allow-Origin: *\n",
        policy
    );
    std::fs::write(staging.join("_headers"), headers).map_err(|e| e.to_string())
}

/// The text of every inline `<script>` (one without `src`) of a page.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, body) = rest.split_once('>')?;
        let script = &body[..body.find("</script>")?];
        (!tag.contains("src=")).then_some(script)
    })
}

fn quiz_bundle(staging: &Path, release: bool) -> Result {
    let profile = if release { "release" } else { "debug" };

    cmd::step("quiz bundle");
    let mut build = cmd::new("cargo");
    build.args([
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        "quiz",
    ]);
    if release {
        build.arg("--release");
    }
    cmd::run(&mut build)?;

    let out = staging.join("quiz");
    let wasm = cmd::root().join(format!("target/wasm32-unknown-unknown/{profile}/quiz.wasm"));
    cmd::run(
        cmd::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "quiz",
                "--out-dir",
            ])
            .arg(&out)
            .arg(&wasm),
    )?;
    if release {
        let bundle = out.join("quiz_bg.wasm");
        cmd::run(
            cmd::new("wasm-opt")
                .arg("-Oz")
                .arg(&bundle)
                .arg("-o")
                .arg(&bundle),
        )?;
    }

    let generated = cmd::root().join("target/generated");
    for entry in
        std::fs::read_dir(&generated).map_err(|e| format!("{}: {e}", generated.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, staging.join(name))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
