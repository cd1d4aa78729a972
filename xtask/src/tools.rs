//! Installs what the build and the tests need, when it is missing or at the wrong
//! version. Every install comes from a package registry (crates.io, npm, Debian): the
//! machines this runs on reach nothing else.

use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
const GECKODRIVER_VERSION: &str = "0.37.1";
/// Playwright 1.65 needs Node.js 20 or later; Debian 12's own is 18.
const NODE_MAJOR: u32 = 20;
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The three engines and their WebDriver servers (geckodriver comes from crates.io),
/// and a virtual display for WebKitGTK's MiniBrowser, which cannot run headless.
const DEBIAN_TEST_PACKAGES: [&str; 5] = [
    "chromium",
    "chromium-driver",
    "firefox-esr",
    "webkit2gtk-driver",
    "xvfb",
];

/// Puts the tools this task installs first on PATH, for every command it runs: cargo's
/// bin folder, npm's Node.js when the system's is too old, and npm's wasm-opt.
pub fn use_tool_path() {
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let ours = [
        cargo_bin(),
        tools_dir().join("node/node_modules/.bin"),
        binaryen_dir().join("node_modules/.bin"),
    ];
    let path = std::env::join_paths(ours.into_iter().chain(std::env::split_paths(&inherited)))
        .expect("tool folders have no path separator in them");
    std::env::set_var("PATH", path);
}

/// Installs the build tools.
pub fn build_tools() -> Result {
    cmd::step("build tools");
    if !cmd::output("rustup", &["target", "list", "--installed"])
        .is_some_and(|targets| targets.lines().any(|t| t == "wasm32-unknown-unknown"))
    {
        cmd::run(cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wasm_bindgen = wasm_bindgen_version()?;
    check_trunk_pin(&wasm_bindgen)?;
    if !has_version("trunk", TRUNK_VERSION) {
        cmd::run(cmd::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    if !has_version("wasm-bindgen", &wasm_bindgen) {
        // Not --locked: one of its locked dependencies is no longer on crates.io.
        let version = format!("={wasm_bindgen}");
        cmd::run(cmd::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    }
    if !has_version("wasm-opt", BINARYEN_VERSION) {
        // Debian's binaryen is too old for current wasm; npm's is the upstream build.
        ensure_node()?;
        npm_install(&binaryen_dir(), &format!("binaryen@{BINARYEN_VERSION}"))?;
    }
    Ok(())
}

/// Installs the browsers, their drivers and the end-to-end suite's npm packages.
pub fn test_tools() -> Result {
    browser_tools()?;
    if !has_version("geckodriver", GECKODRIVER_VERSION) {
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
    let e2e = cmd::root().join("tests/e2e");
    if is_newer(
        &e2e.join("node_modules/.package-lock.json"),
        &e2e.join("package-lock.json"),
    ) {
        return Ok(());
    }
    // Playwright drives Debian's Chromium; it must never fetch a browser of its own.
    cmd::run(
        cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(e2e)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// Where `cargo install` puts geckodriver.
pub fn geckodriver() -> PathBuf {
    cargo_bin().join("geckodriver")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

pub fn tools_dir() -> PathBuf {
    cmd::root().join("target/tools")
}

fn binaryen_dir() -> PathBuf {
    tools_dir().join("binaryen")
}

fn npm_install(prefix: &Path, package: &str) -> Result {
    std::fs::create_dir_all(prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    cmd::run(
        cmd::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(prefix)
            .arg(package),
    )
}

/// Whether `program --version` names exactly this version, as one of its words.
fn has_version(program: &str, version: &str) -> bool {
    cmd::output(program, &["--version"]).is_some_and(|out| {
        out.split(|c: char| c.is_whitespace() || "()".contains(c))
            .any(|word| word == version || word == format!("v{version}"))
    })
}

/// Whether `file` exists and was written no earlier than `than`.
fn is_newer(file: &Path, than: &Path) -> bool {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    matches!((modified(file), modified(than)), (Some(a), Some(b)) if a >= b)
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

/// The major version of the `node` on PATH, if any.
fn node_major() -> Option<u32> {
    let version = cmd::output("node", &["--version"])?;
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// Node.js and npm, at a version Playwright runs on: Debian's when it is recent enough,
/// otherwise npm's `node` package, which comes from the npm registry like the rest.
fn ensure_node() -> Result {
    if cmd::output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    if node_major().is_some_and(|major| major >= NODE_MAJOR) {
        return Ok(());
    }
    npm_install(&tools_dir().join("node"), &format!("node@{NODE_MAJOR}"))?;
    match node_major() {
        Some(major) if major >= NODE_MAJOR => Ok(()),
        found => Err(format!(
            "Node.js {NODE_MAJOR} or later is needed; found {found:?}"
        )),
    }
}

/// Installs Debian packages, as root or through sudo.
fn apt_install(packages: &[&str]) -> Result {
    if packages.is_empty() {
        return Ok(());
    }
    apt_update()?;
    apt_get(&[&["install", "-y", "-qq"][..], packages].concat())
}

/// Brings Debian's package lists up to date.
fn apt_update() -> Result {
    apt_get(&["update", "-qq"])
}

/// `apt-get` with these arguments, as root or through sudo, never asking.
fn apt_get(args: &[&str]) -> Result {
    let as_root = cmd::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if !as_root && cmd::output("sudo", &["-n", "true"]).is_none() {
        return Err(format!(
            "apt-get {} needs root or sudo: run it, then run this again",
            args.join(" ")
        ));
    }
    // sudo resets the environment, so the variable goes on its command line.
    let mut command = if as_root {
        cmd::new("env")
    } else {
        cmd::new("sudo")
    };
    command
        .args(["DEBIAN_FRONTEND=noninteractive", "apt-get"])
        .args(args);
    cmd::run(&mut command)
}

/// Prometheus's `promtool`, from Debian's `prometheus` package, unpacked into
/// `target/tools/prometheus/` rather than installed, so that no Prometheus service is
/// set up on the machine.
pub fn promtool() -> Result<PathBuf> {
    let root = tools_dir().join("prometheus");
    let binary = root.join("usr/bin/promtool");
    if binary.is_file() {
        return Ok(binary);
    }
    cmd::step("promtool (Debian's prometheus package, unpacked)");
    let download = tools_dir().join("debs");
    std::fs::create_dir_all(&download).map_err(|e| e.to_string())?;
    if cmd::run(
        cmd::new("apt-get")
            .args(["download", "prometheus"])
            .current_dir(&download),
    )
    .is_err()
    {
        // The package lists may be missing on a fresh machine.
        apt_update()?;
        cmd::run(
            cmd::new("apt-get")
                .args(["download", "prometheus"])
                .current_dir(&download),
        )?;
    }
    let deb = std::fs::read_dir(&download)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("prometheus_") && n.ends_with(".deb"))
        })
        .ok_or("apt-get download prometheus left no .deb")?;
    cmd::run(cmd::new("dpkg-deb").arg("-x").arg(&deb).arg(&root))?;
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!("{} has no usr/bin/promtool", deb.display()))
    }
}
