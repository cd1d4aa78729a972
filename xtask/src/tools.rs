//! Installs what the build and the tests need, when it is missing or at the wrong
//! version. Every install comes from a package registry (crates.io, npm, Debian): the
//! machines this runs on reach nothing else.

use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
const GECKODRIVER_VERSION: &str = "0.37.1";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const DEBIAN_TEST_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "firefox-esr"];

/// Installs the build tools and returns the PATH that finds all of them.
pub fn build_tools() -> Result<String> {
    cmd::step("build tools");
    let path = tool_path();
    if !cmd::output("rustup", &["target", "list", "--installed"])
        .is_some_and(|targets| targets.lines().any(|t| t == "wasm32-unknown-unknown"))
    {
        cmd::run(cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wasm_bindgen = wasm_bindgen_version()?;
    check_trunk_pin(&wasm_bindgen)?;
    if !has_version("trunk", &format!("trunk {TRUNK_VERSION}")) {
        cmd::run(cmd::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    if !has_version("wasm-bindgen", &format!("wasm-bindgen {wasm_bindgen}")) {
        // Not --locked: one of its locked dependencies is no longer on crates.io.
        let version = format!("={wasm_bindgen}");
        cmd::run(cmd::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    }
    let wasm_opt = binaryen_dir().join("node_modules/.bin/wasm-opt");
    if !has_version(
        &wasm_opt.to_string_lossy(),
        &format!("version {BINARYEN_VERSION}"),
    ) {
        // Debian's binaryen is too old for current wasm; npm's is the upstream build.
        ensure_node()?;
        std::fs::create_dir_all(binaryen_dir()).map_err(|e| e.to_string())?;
        cmd::run(
            cmd::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(binaryen_dir())
                .arg(format!("binaryen@{BINARYEN_VERSION}")),
        )?;
    }
    Ok(path)
}

/// Installs the browsers, their drivers and the end-to-end suite's npm packages.
pub fn test_tools() -> Result {
    browser_tools()?;
    let installed = format!("geckodriver {GECKODRIVER_VERSION}");
    if !has_version(&geckodriver().to_string_lossy(), &installed) {
        let version = format!("={GECKODRIVER_VERSION}");
        cmd::run(cmd::new("cargo").args([
            "install",
            "geckodriver",
            "--locked",
            "--version",
            &version,
        ]))?;
    }
    Ok(())
}

/// Debian's Chromium and the end-to-end suite's npm packages: what the end-to-end
/// tests, the benchmark and the screenshots need.
pub fn browser_tools() -> Result {
    cmd::step("browser tools");
    let missing: Vec<&str> = DEBIAN_TEST_PACKAGES
        .into_iter()
        .filter(|package| !debian_package_installed(package))
        .collect();
    apt_install(&missing)?;
    ensure_node()?;
    // Playwright drives Debian's Chromium; it must never fetch a browser of its own.
    cmd::run(
        cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(cmd::root().join("tests/e2e"))
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// Where `cargo install` puts geckodriver.
pub fn geckodriver() -> PathBuf {
    cargo_bin().join("geckodriver")
}

/// PATH with cargo's bin folder and the npm wasm-opt in front, for Trunk and the tests.
fn tool_path() -> String {
    let inherited = std::env::var("PATH").unwrap_or_default();
    format!(
        "{}:{}:{inherited}",
        cargo_bin().display(),
        binaryen_dir().join("node_modules/.bin").display()
    )
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

fn binaryen_dir() -> PathBuf {
    cmd::root().join("target/tools/binaryen")
}

fn has_version(program: &str, expected: &str) -> bool {
    let program = match Path::new(program).is_absolute() {
        true => PathBuf::from(program),
        false => which(program).unwrap_or_else(|| PathBuf::from(program)),
    };
    cmd::output(&program.to_string_lossy(), &["--version"])
        .is_some_and(|out| out.contains(expected))
}

/// Finds a program in cargo's bin folder or on PATH.
fn which(program: &str) -> Option<PathBuf> {
    std::iter::once(cargo_bin())
        .chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ))
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly this one.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(cmd::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    lock.split("[[package]]")
        .find(|package| package.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|package| package.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|version| version.trim_end_matches('"').to_owned())
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen".into())
}

/// Trunk.toml names the wasm-bindgen version too; a mismatch would make Trunk refuse the
/// CLI on PATH and try to download one.
fn check_trunk_pin(wasm_bindgen: &str) -> Result {
    let trunk_toml = std::fs::read_to_string(cmd::root().join("Trunk.toml"))
        .map_err(|e| format!("Trunk.toml: {e}"))?;
    let pin = format!("wasm_bindgen = \"{wasm_bindgen}\"");
    if trunk_toml.contains(&pin) {
        Ok(())
    } else {
        Err(format!("Trunk.toml must pin `{pin}` to match Cargo.lock"))
    }
}

fn debian_package_installed(package: &str) -> bool {
    cmd::output("dpkg-query", &["-W", "-f=${Status}", package])
        .is_some_and(|status| status.contains("install ok installed"))
}

fn ensure_node() -> Result {
    if cmd::output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    Ok(())
}

/// Installs Debian packages, through sudo when not root.
fn apt_install(packages: &[&str]) -> Result {
    if packages.is_empty() {
        return Ok(());
    }
    let as_root = cmd::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            cmd::new("apt-get")
        } else {
            cmd::new("sudo")
        };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(&mut command)
    };
    apt(&["update", "-qq"])?;
    apt(&[&["install", "-y", "-qq"][..], packages].concat())
}
