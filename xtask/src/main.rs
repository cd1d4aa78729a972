//! Ops Trio's project commands. Each installs what it needs first, so that on a fresh
//! Debian machine with only rustup's toolchain, one command builds and serves the app
//! and one runs every test.
//!
//!   cargo xtask setup   install the build tools (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt)
//!   cargo xtask serve   build the release and serve it on http://127.0.0.1:8080/
//!   cargo xtask test    every test layer: lint, native, wasm in Chromium and Firefox, end-to-end
//!   cargo xtask bench   build the release, report file sizes and start-up times
//!                       (`--check`: fail past any target, not only the sizes)
//!   cargo xtask shots   screenshots of every view of the release build, to look at
//!   cargo xtask single-file  build, then write the whole module as one target/single-file/ops-trio.html
//!                            (--dev: a debug build; --no-build: from the dist/ there is)
//!   cargo xtask promtool     `promtool check rules` on the error-budget lab's rule files
//!   cargo xtask package      build, then write target/package/ops-trio-scorm12.zip, a SCORM 1.2
//!                            package for an LMS, and check it (--no-build: from the dist/
//!                            there is; --mastery N: the mastery score, 80 unless given)
//!   cargo xtask post-build   (Trunk's post_build hook) bank, prerendered pages, CSP, service worker
//!
//! Nothing here, nor in Trunk, downloads anything but packages from their registries.

mod bench;
mod cmd;
mod files;
mod package;
mod postbuild;
mod promtool;
mod singlefile;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    tools::use_tool_path();
    let result = match args.first().map(String::as_str) {
        Some("setup") => tools::build_tools(),
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::run(&args[1..]),
        Some("shots") => bench::screenshots(),
        Some("post-build") => postbuild::run(),
        Some("single-file") => single_file(&args[1..]),
        Some("promtool") => promtool::check_rules(),
        Some("package") => package::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <setup | serve [--dev] | test | bench | shots | single-file [--dev | --no-build] | package [--no-build] [--mastery N]>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the release, every language, and serves it on 127.0.0.1:8080 as a static
/// host would (the end-to-end suite's server). `--dev` serves a debug build of the
/// default language with Trunk, rebuilding on change, which builds much faster.
fn serve(args: &[String]) -> cmd::Result {
    tools::build_tools()?;
    if args.iter().any(|a| a == "--dev") {
        return cmd::run(cmd::new("trunk").args([
            "serve",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
        ]));
    }
    release_build()?;
    let dist = cmd::root().join("dist").to_string_lossy().into_owned();
    cmd::step("serving dist/ on http://127.0.0.1:8080/ (Ctrl-C stops)");
    cmd::run(&mut cmd::in_e2e("node", &["serve.mjs", &dist, "8080"]))
}

/// Every test layer, cheapest first, stopping at the first failure.
fn test() -> cmd::Result {
    tools::build_tools()?;
    tools::test_tools()?;
    let cargo = |args: &[&str]| cmd::run(cmd::new("cargo").args(args));

    cmd::step("format");
    cargo(&["fmt", "--all", "--", "--check"])?;
    cmd::step("lint (native and wasm32)");
    let deny_warnings = ["--", "-D", "warnings"];
    cargo(
        &[
            &["clippy", "--workspace", "--all-targets"][..],
            &deny_warnings,
        ]
        .concat(),
    )?;
    // On wasm32: the app and the browser tests; the unit tests are native only.
    let wasm32 = [
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--lib",
        "--bins",
        "--test",
        "web",
    ];
    cargo(&[&wasm32[..], &deny_warnings].concat())?;

    cmd::step("native tests: core, content, server-rendered components");
    cargo(&["test", "--workspace"])?;
    promtool::check_rules()?;

    cmd::step("wasm tests in headless Chromium");
    wasm_browser_tests("CHROMEDRIVER", tools::CHROMEDRIVER.into())?;
    cmd::step("wasm tests in headless Firefox");
    wasm_browser_tests("GECKODRIVER", tools::geckodriver())?;

    release_build()?;
    singlefile::assemble(&cmd::root().join("dist"))?;
    package::run(&["--no-build".to_owned()])?;
    cmd::step("end-to-end tests on the release build (Playwright, Chromium, axe-core)");
    cmd::run(&mut cmd::in_e2e("npx", &["playwright", "test"]))?;
    cmd::step("the shared scenarios in Chromium, Firefox ESR and WebKitGTK (WebDriver)");
    cmd::run(
        cmd::in_e2e("node", &["--test", "--test-reporter=spec", "engines/"])
            .env("GECKODRIVER", tools::geckodriver()),
    )?;
    cmd::step("Lighthouse on every view: accessibility, best practices and SEO at 100");
    cmd::run(&mut cmd::in_e2e(
        "node",
        &["--test", "--test-reporter=spec", "lighthouse/"],
    ))
}

/// Builds the app (the release, or a debug build with `--dev`) and writes it as one
/// self-contained HTML file; `--no-build` writes it from the `dist/` there is.
fn single_file(args: &[String]) -> cmd::Result {
    tools::build_tools()?;
    if args.iter().any(|a| a == "--no-build") {
    } else if args.iter().any(|a| a == "--dev") {
        cmd::run(cmd::new("trunk").args(["build", "--offline"]))?;
    } else {
        release_build()?;
    }
    singlefile::assemble(&cmd::root().join("dist"))
}

/// `tests/web.rs` in the browser whose WebDriver the variable names.
fn wasm_browser_tests(driver_variable: &str, driver: PathBuf) -> cmd::Result {
    cmd::run(
        cmd::new("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
            ])
            .env(driver_variable, driver),
    )
}

/// Builds the release into dist/, as it is deployed: the default locale's, then each
/// other locale's wasm and pages in a folder of its own, merged in, so that each
/// language's pages load a wasm that carries that language only.
pub fn release_build() -> cmd::Result {
    cmd::step("release build");
    cmd::run(cmd::new("trunk").args(["build", "--release", "--offline"]))?;
    let dist = cmd::root().join("dist");
    let mut languages = postbuild::Languages::default();
    languages.add_build(ops_trio::i18n::Locale::DEFAULT, &dist)?;
    for &locale in ops_trio::i18n::Locale::ALL.iter().skip(1) {
        cmd::step(&format!("release build in {}", locale.tag()));
        let folder = cmd::root().join("target/dist-locales").join(locale.tag());
        let folder_arg = folder.to_string_lossy().into_owned();
        cmd::run(
            cmd::new("trunk")
                .args(["build", "--release", "--offline", "--dist", &folder_arg])
                .env(postbuild::LOCALE_VARIABLE, locale.tag()),
        )?;
        languages.add_build(locale, &folder)?;
        postbuild::merge_locale_build(&folder, &dist)?;
    }
    postbuild::service_worker(&dist, &languages)
}
