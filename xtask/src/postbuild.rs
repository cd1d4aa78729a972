//! `cargo xtask post-build`: run by Trunk after each build (a `post_build` hook), on
//! the staging folder that becomes `dist/`:
//!
//! 1. the question bank, `quiz-<locale>-<hash>.json`, written from `assets/` under the
//!    name `build.rs` baked into the app: data the quiz view fetches when it opens;
//! 2. every page prerendered (`ops_trio::prerender`) into Trunk's `index.html`: each
//!    view at its path (`sre/index.html`), each widget's embed page and `404.html`;
//! 3. the Content-Security-Policy: a `<meta>` in each page, with the hashes of its
//!    inline scripts, and a `_headers` file with the other headers, for hosts that
//!    read it;
//! 4. the service worker, `sw.js`: `assets/sw.js` with the list of every file of the
//!    build and a revision of each, so that the list is never kept by hand.

use std::path::{Path, PathBuf};

use ops_trio::i18n::Locale;
use ops_trio::prerender;
use ops_trio::quiz::bank::authored;

use crate::cmd::{self, Result};
use crate::files;

pub fn run() -> Result {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("post-build runs as Trunk's post_build hook, which sets TRUNK_STAGING_DIR")?;
    let locale = built_locale()?;
    question_bank(&staging, locale)?;
    name_by_content(&staging)?;
    name_snippets_by_content(&staging)?;
    let pages = prerender_pages(&staging, locale)?;
    security_policy(&staging, &pages)?;
    // One language's build: every file is for any reader of it.
    service_worker(&staging, &Languages::default())
}

/// Which language each file of a build is for, by its URL (`zh-TW/sre/index.html`,
/// the zh-TW wasm): the files that every language's build has are shared, and have
/// none. The service worker caches a reader's language and the shared files.
#[derive(Default)]
pub struct Languages {
    builds: Vec<(Locale, std::collections::BTreeSet<String>)>,
}

impl Languages {
    /// Notes the files of one locale's build, in `folder`, before the merge.
    pub fn add_build(&mut self, locale: Locale, folder: &Path) -> Result {
        let mut urls: std::collections::BTreeSet<String> = files::list(folder)?
            .iter()
            .map(|path| files::url_path(folder, path))
            .collect::<Result<_>>()?;
        if locale != Locale::DEFAULT {
            urls.retain(|url| !NOT_MERGED.contains(&url.as_str()));
        }
        self.builds.push((locale, urls));
        Ok(())
    }

    /// The one language whose build alone has this file, if only one has it. The
    /// not-found page, which only the default build writes, is every language's: a
    /// host serves it for any path.
    fn of(&self, url: &str) -> Option<Locale> {
        if url == "404.html" {
            return None;
        }
        let mut having = self.builds.iter().filter(|(_, urls)| urls.contains(url));
        match (having.next(), having.next()) {
            (Some((locale, _)), None) if self.builds.len() > 1 => Some(*locale),
            _ => None,
        }
    }
}

/// The variable that names the locale a build's wasm carries (see `build.rs`).
pub const LOCALE_VARIABLE: &str = "OPS_TRIO_LOCALE";

/// The locale this build is for: `OPS_TRIO_LOCALE`, English when unset.
fn built_locale() -> Result<Locale> {
    match std::env::var(LOCALE_VARIABLE) {
        Ok(tag) => Locale::from_tag(&tag).ok_or(format!("{LOCALE_VARIABLE}={tag} is no locale")),
        Err(_) => Ok(Locale::DEFAULT),
    }
}

/// The files of another locale's build that the default one's stand for.
const NOT_MERGED: [&str; 3] = ["index.html", "_headers", "sw.js"];

/// Puts a locale's build, made in its own folder, into the default locale's: its
/// wasm and glue (named by content, so beside the other's), its question bank, its
/// pages (`zh-TW/…`, `embed-calms.zh-TW.html`) and whatever else the first lacks. Its
/// root `index.html`, `_headers` and `sw.js` are the default build's own; the service
/// worker is written again for the whole build afterwards.
pub fn merge_locale_build(from: &Path, into: &Path) -> Result {
    for path in files::list(from)? {
        let url = files::url_path(from, &path)?;
        if NOT_MERGED.contains(&url.as_str()) {
            continue;
        }
        let target = into.join(&url);
        if target.exists() {
            if files::read_bytes(&target)? != files::read_bytes(&path)? {
                return Err(format!("{url} differs between the locales' builds"));
            }
            continue;
        }
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::copy(&path, &target).map_err(|e| format!("{url}: {e}"))?;
    }
    Ok(())
}

/// Gives the manifest and its icon, which Trunk copies as they are, a hash of their
/// bytes in their names, as Trunk gives its own files: a page then loads only files of
/// its own build. The icon first, since the manifest names it; then the page names
/// the manifest.
fn name_by_content(staging: &Path) -> Result {
    cmd::step("names by content");
    let icon = rename_by_content(staging, "icon.svg")?;
    let manifest_path = staging.join("manifest.webmanifest");
    let manifest = files::read_text(&manifest_path)?;
    files::write(
        &manifest_path,
        replace_once(&manifest, "\"icon.svg\"", &format!("\"{icon}\""))?,
    )?;
    let manifest = rename_by_content(staging, "manifest.webmanifest")?;
    let index_path = staging.join("index.html");
    let index = files::read_text(&index_path)?;
    let link = "href=\"manifest.webmanifest\"";
    files::write(
        &index_path,
        replace_once(&index, link, &format!("href=\"{manifest}\""))?,
    )
}

/// wasm-bindgen names the folder of the app's JavaScript snippets
/// (`snippets/ops-trio-<hash>/`) after the crate, not after what is in it: a snippet
/// changed in the same crate version would keep its URL. Names each folder by its
/// files' bytes instead, then the glue that imports them by its own new bytes, and
/// writes both names, and the glue's new integrity hash, into the page.
fn name_snippets_by_content(staging: &Path) -> Result {
    let snippets = staging.join("snippets");
    if !snippets.is_dir() {
        return Ok(());
    }
    cmd::step("snippets named by content");
    let mut renames = Vec::new();
    for entry in std::fs::read_dir(&snippets).map_err(|e| format!("{}: {e}", snippets.display()))? {
        let folder = entry.map_err(|e| e.to_string())?.path();
        let old = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut contents = Vec::new();
        let mut files_in = files::list(&folder)?;
        files_in.sort();
        for file in files_in {
            contents.extend(files::url_path(&folder, &file)?.into_bytes());
            contents.extend(files::read_bytes(&file)?);
        }
        let new = format!(
            "{}-{}",
            old.rsplit_once('-').map_or(old.as_str(), |(stem, _)| stem),
            files::revision(&contents)
        );
        std::fs::rename(&folder, snippets.join(&new)).map_err(|e| format!("{old}: {e}"))?;
        renames.push((format!("snippets/{old}/"), format!("snippets/{new}/")));
    }
    let index_path = staging.join("index.html");
    let mut index = files::read_text(&index_path)?;
    for glue in files::list(staging)? {
        let name = glue
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if glue.parent() != Some(staging)
            || !name.ends_with(".js")
            || !index.contains(&format!("./{name}"))
        {
            continue;
        }
        let old_text = files::read_text(&glue)?;
        // Only the import statements: the wasm still names its imports by the old
        // folder, and so must the import object the glue hands it.
        let new_text = renames.iter().fold(old_text.clone(), |text, (old, new)| {
            ["'", "\""].iter().fold(text, |text, quote| {
                text.replace(
                    &format!("from {quote}./{old}"),
                    &format!("from {quote}./{new}"),
                )
            })
        });
        if new_text == old_text {
            continue;
        }
        let stem = name.trim_end_matches(".js");
        let stem = stem.rsplit_once('-').map_or(stem, |(stem, _)| stem);
        let new_name = format!("{stem}-{}.js", files::revision(new_text.as_bytes()));
        files::write(&staging.join(&new_name), &new_text)?;
        std::fs::remove_file(&glue).map_err(|e| format!("{name}: {e}"))?;
        index = index
            .replace(
                &files::sri_hash(old_text.as_bytes()),
                &files::sri_hash(new_text.as_bytes()),
            )
            .replace(&format!("./{name}"), &format!("./{new_name}"));
    }
    let index = renames
        .iter()
        .fold(index, |html, (old, new)| html.replace(old, new));
    files::write(&index_path, index)
}

/// `name.ext` becomes `name-<hash>.ext`; returns the new name.
fn rename_by_content(folder: &Path, name: &str) -> Result<String> {
    let path = folder.join(name);
    let revision = files::revision(&files::read_bytes(&path)?);
    let (stem, extension) = name
        .rsplit_once('.')
        .ok_or(format!("{name} has no extension"))?;
    let renamed = format!("{stem}-{revision}.{extension}");
    std::fs::rename(&path, folder.join(&renamed)).map_err(|e| format!("{name}: {e}"))?;
    Ok(renamed)
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.contains(from) {
        true => Ok(text.replacen(from, to, 1)),
        false => Err(format!("expected {from} to rename it")),
    }
}

/// Writes every page of the build from Trunk's `index.html`, which becomes the root
/// page. Returns each page's path.
fn prerender_pages(staging: &Path, locale: Locale) -> Result<Vec<PathBuf>> {
    cmd::step("prerendered pages");
    let template = files::read_text(&staging.join("index.html"))?;
    let mut written = Vec::new();
    for page in prerender::pages(locale) {
        let html = prerender::fill_template(&template, &page)?;
        let path = staging.join(&page.file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        files::write(&path, html)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the article as one static page with the app's stylesheet, and nothing else:
/// the benchmark's floor. `dist` is a build, whose stylesheet the page links.
pub fn write_floor(dist: &Path, floor: &Path) -> Result {
    std::fs::create_dir_all(floor).map_err(|e| format!("{}: {e}", floor.display()))?;
    let css = files::list(dist)?
        .into_iter()
        .find(|path| path.extension().is_some_and(|ext| ext == "css"))
        .ok_or("the build has no stylesheet")?;
    let name = css
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    std::fs::copy(&css, floor.join(&name)).map_err(|e| format!("{}: {e}", css.display()))?;
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  \
         <title>DevOps vs SRE vs DevSecOps</title>\n  <link rel=\"stylesheet\" href=\"{name}\">\n\
         </head>\n<body>\n<main class=\"main\">{}</main>\n</body>\n</html>\n",
        prerender::article_page(Locale::DEFAULT)
    );
    files::write(&floor.join("index.html"), html)
}

/// Files of the build the service worker does not precache: itself, its kill switch,
/// and the headers file, which hosts read and never serve.
const NOT_PRECACHED: [&str; 3] = ["sw.js", "sw-remove.js", "_headers"];

/// Writes `sw.js`: the template with the build's files, each with a revision that
/// changes exactly when its bytes do. Run last, once every other file is final.
pub fn service_worker(staging: &Path, languages: &Languages) -> Result {
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
        let immutable = files::is_content_named(&url);
        let locale = languages.of(&url).map_or("", |locale| locale.tag());
        // A page is asked for at its folder's URL (`sre/`), as links and hosts name it.
        let url = match url.strip_suffix("index.html") {
            Some("") => "./",
            Some(folder) => folder,
            None => &url,
        };
        entries.push(format!(
            "  {{ url: '{url}', revision: '{revision}', immutable: {immutable}, locale: '{locale}' }},"
        ));
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

/// Writes the policy into each page as a `<meta>`, with the hashes of that page's
/// inline scripts, and into `_headers` the other headers: CORS for the files, which a
/// sandboxed iframe without `allow-same-origin` fetches from an opaque origin. There
/// is no `frame-ancestors`: any page may embed a widget, and a host that wants to limit
/// who embeds it adds `frame-ancestors <its sites>` to the header (the README says how).
///
/// The policy is not a header as well: two policies are both enforced, so a header for
/// every path would hold the embed pages to the app's `'self'`, which WebKit breaks in
/// a sandboxed iframe (see [`OPAQUE_ORIGIN_SELF`]), and a rule per page would need the
/// build to know the folder it is served from.
fn security_policy(staging: &Path, pages: &[PathBuf]) -> Result {
    cmd::step("content security policy");
    for page in pages {
        let html = files::read_text(page)?;
        let hashes: Vec<String> = inline_scripts(&html).map(files::csp_hash).collect();
        let embedded = page
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("embed-"));
        let meta = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            policy(&hashes, embedded)
        );
        let charset = "<meta charset=\"utf-8\">";
        if !html.contains(charset) {
            return Err("index.html must start its head with <meta charset=\"utf-8\">".into());
        }
        files::write(
            page,
            html.replacen(charset, &format!("{charset}\n  {meta}"), 1),
        )?;
    }
    let headers = "/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  Access-Control-Allow-Origin: *\n";
    files::write(&staging.join("_headers"), headers)
}

/// What an embed page's policy adds to each `'self'`. WebKit resolves `'self'` against
/// the document's origin, which in an iframe sandboxed without `allow-same-origin` is
/// opaque and matches nothing, so the page's own script, stylesheet and wasm are all
/// refused (WebKit bug 316847, a regression that WebKit/WebKit#66923 fixed in June 2026;
/// WebKitGTK 2.50 and the Safari of today still have it). The build cannot name the
/// origin it will be served from, so an embed page allows any host for what it loads.
/// Inline scripts still need their hash, and an embed page is static: nothing a reader
/// or a host gives it becomes HTML.
const OPAQUE_ORIGIN_SELF: &str = "*";

/// The policy, with these inline scripts allowed; on an embed page, with any host
/// beside each `'self'` but `base-uri`'s.
fn policy(script_hashes: &[String], embedded: bool) -> String {
    POLICY
        .iter()
        .map(|(name, sources)| {
            let sources = if embedded && *name != "base-uri" {
                sources.replacen("'self'", &format!("'self' {OPAQUE_ORIGIN_SELF}"), 1)
            } else {
                sources.to_string()
            };
            match *name {
                "script-src" if !script_hashes.is_empty() => {
                    format!("{name} {sources} {}", script_hashes.join(" "))
                }
                _ => format!("{name} {sources}"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The text of every inline `<script>` (one without `src`) of a page.
pub fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, body) = rest.split_once('>')?;
        let script = &body[..body.find("</script>")?];
        (!tag.contains("src=")).then_some(script)
    })
}

/// Whether the build's wasm holds `text` (a file name it fetches).
fn wasm_names(staging: &Path, text: &str) -> Result<bool> {
    let wasm = files::list(staging)?
        .into_iter()
        .find(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .ok_or("the build has no wasm")?;
    let bytes = files::read_bytes(&wasm)?;
    Ok(bytes
        .windows(text.len())
        .any(|window| window == text.as_bytes()))
}

/// Writes the locale's question bank beside the app, as the JSON it fetches, under
/// the name `build.rs` baked into the app. Both come from `assets/`, through the same
/// function: a bank whose name differs was edited since the app was built.
fn question_bank(staging: &Path, locale: Locale) -> Result {
    cmd::step("question bank");
    {
        let folder = cmd::root()
            .join("assets/content")
            .join(locale.tag())
            .join("quiz");
        let bank = authored::load(&folder)?;
        let (name, json) = authored::published(&bank, locale.tag())?;
        // xtask's own build of the app read the assets just now; the wasm read them
        // when Trunk built it. Both must name this bank.
        if name != locale.quiz_bank() || !wasm_names(staging, &name)? {
            return Err(format!(
                "{}: the bank is {name}, which the app was not built for; build again",
                folder.display()
            ));
        }
        files::write(&staging.join(name), json)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_name_is_found_only_in_a_wasm_that_holds_it() {
        let staging =
            std::env::temp_dir().join(format!("ops-trio-wasm-names-{}", std::process::id()));
        std::fs::create_dir_all(&staging).unwrap();
        files::write(
            &staging.join("app_bg.wasm"),
            b"\0asm..quiz-en-00ff00ff00ff00ff.json..",
        )
        .unwrap();
        assert!(wasm_names(&staging, "quiz-en-00ff00ff00ff00ff.json").unwrap());
        assert!(!wasm_names(&staging, "quiz-en-1111111111111111.json").unwrap());
        std::fs::remove_dir_all(&staging).unwrap();
        assert!(wasm_names(&staging, "quiz-en-00ff00ff00ff00ff.json").is_err());
    }
}

#[cfg(test)]
mod policy_tests {
    use super::policy;

    #[test]
    fn an_app_page_loads_from_its_own_origin_only() {
        let app = policy(&["'sha256-x'".into()], false);
        assert!(app.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x';"));
        assert!(app.contains("style-src 'self';"));
        assert!(!app.contains('*'), "{app}");
    }

    #[test]
    fn an_embed_page_also_loads_where_webkit_finds_no_self() {
        let embed = policy(&["'sha256-x'".into()], true);
        assert!(embed.contains("script-src 'self' * 'wasm-unsafe-eval' 'sha256-x';"));
        assert!(embed.contains("connect-src 'self' *;"));
        assert!(embed.contains("img-src 'self' * data:;"));
        assert!(embed.contains("object-src 'none';"));
        assert!(embed.contains("base-uri 'self';"));
        assert!(!embed.contains("unsafe-inline"));
    }
}
