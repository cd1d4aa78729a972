//! Running commands: each is echoed, and a failure names the command.

use std::path::PathBuf;
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository's root, where the top-level Cargo.toml is.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_owned()
}

/// A command run from the repository's root.
pub fn new(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root());
    command
}

/// A command run in the end-to-end suite's folder, `tests/e2e`.
pub fn in_e2e(program: &str, args: &[&str]) -> Command {
    let mut command = new(program);
    command.args(args).current_dir(root().join("tests/e2e"));
    command
}

pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// Runs a command to completion; an error unless it succeeds.
pub fn run(command: &mut Command) -> Result {
    println!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// A command's standard output, or None when it cannot run or fails: used to ask a
/// tool its version.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}
