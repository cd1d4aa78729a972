//! `cargo xtask quiz-bundle`: run by Trunk after each build (a `post_build` hook), it
//! puts beside the app what the quiz view loads on demand:
//!
//! - the quiz bundle, a second wasm (`src/bin/quiz.rs`) with its wasm-bindgen glue, in
//!   `quiz/`, optimised with wasm-opt in release builds;
//! - the question bank, `quiz-<locale>.json`, which `build.rs` wrote to
//!   `target/generated/`.

use std::path::PathBuf;

use crate::cmd::{self, Result};

pub fn quiz_bundle() -> Result {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("quiz-bundle runs as Trunk's post_build hook, which sets TRUNK_STAGING_DIR")?;
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
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
