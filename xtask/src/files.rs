//! Files of a build: listing, reading with the path in the error, compressing, hashing.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::cmd::Result;

/// Every file under `dir`, in its subfolders too.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(list(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

/// `path` relative to `root`, as a URL path with `/`.
pub fn url_path(root: &Path, path: &Path) -> Result<String> {
    let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
    Ok(relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/"))
}

pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Gzip at the best level, as a static host would precompress.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A Content-Security-Policy source allowing the inline script or style `text`.
pub fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text)))
}

/// Whether a file of the build is named by its content (`app-1f2e…9a.css`, a folder
/// `snippets/ops-trio-1f2e…/`): a hash of at least 12 hex digits after a dash, as Trunk
/// and `build.rs` write them. Such a file never changes under its name.
pub fn is_content_named(url: &str) -> bool {
    url.split('-').skip(1).any(|part| {
        let hex = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        hex >= 12 && matches!(part.as_bytes().get(hex), None | Some(b'.' | b'/' | b'_'))
    })
}

/// The Subresource Integrity value Trunk writes for a file: `sha384-<base64>`.
pub fn sri_hash(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&sha2::Sha384::digest(bytes)))
}

/// A short content hash: enough to tell two versions of one file apart.
pub fn revision(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_content_named;

    #[test]
    fn content_named_files_are_told_from_the_rest() {
        for named in [
            "app-1f2e3d4c5b6a7988.css",
            "ops-trio-0a1b2c3d4e5f6a7b_bg.wasm",
            "snippets/ops-trio-0a1b2c3d4e5f6a7b/inline0.js",
            "quiz-en-00ff00ff00ff00ff.json",
        ] {
            assert!(is_content_named(named), "{named}");
        }
        for plain in [
            "index.html",
            "sre/index.html",
            "embed.js",
            "embed-calms.html",
            "sw.js",
            "ab-cdef.js",
        ] {
            assert!(!is_content_named(plain), "{plain}");
        }
    }
}
