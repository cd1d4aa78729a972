//! `cargo xtask single-file`: the whole module as one `ops-trio.html`, which opens from
//! `file://` (a USB stick, an e-mail attachment) with nothing beside it.
//!
//! A page opened from `file://` may not load module scripts, wasm or JSON from files,
//! so everything goes inline, from a built `dist/`:
//!
//! - the stylesheet as a `<style>`, the icon as a `data:` URL;
//! - the wasm-bindgen glue as an inline module script, with its snippet modules
//!   turned into local objects (an inline script cannot import files either);
//! - the wasm gzipped and in base64, unpacked by the browser's `DecompressionStream`;
//! - the question bank as `<script type="application/json" id="quiz-en-<hash>.json">`,
//!   which the quiz reads instead of fetching;
//! - no prerendered view: the root page's is emptied, and the app renders the view
//!   the fragment names (`#/sre/toil`), as a page with no paths to serve must;
//! - a Content-Security-Policy with the hash of every inline script and style.
//!
//! There is no service worker and no manifest: the file is already offline.

use std::path::{Path, PathBuf};

use ops_trio::i18n::Locale;

use crate::cmd::{self, Result};
use crate::files::{base64, csp_hash, gzip, read_bytes, read_text};

/// Where a language's single file is written: `ops-trio.html` for the default one,
/// `ops-trio.zh-TW.html` for another.
pub fn output(locale: Locale) -> PathBuf {
    let name = match locale == Locale::DEFAULT {
        true => "ops-trio.html".to_owned(),
        false => format!("ops-trio.{}.html", locale.tag()),
    };
    cmd::root().join("target/single-file").join(name)
}

/// Writes each language's single file from the build in `dist`, and reports its size.
pub fn assemble(dist: &Path) -> Result {
    cmd::step("single file");
    for &locale in Locale::ALL {
        assemble_locale(dist, locale)?;
    }
    Ok(())
}

/// One language's single file, from its overview page and the wasm that page loads.
fn assemble_locale(dist: &Path, locale: Locale) -> Result {
    let root_page = format!("{}index.html", ops_trio::route::locale_folder(locale));
    let html = read_text(&dist.join(root_page))?;
    // The root page's own app: the build holds one per language.
    let app_glue = dist.join(named_in(&html, "./ops-trio-", ".js")?);
    let app_wasm = dist.join(named_in(&html, "./ops-trio-", "_bg.wasm")?);
    let mut page = Page::new(html);
    let stylesheet = page.take_link("stylesheet")?;
    let icon = page.take_link("icon")?;
    // The other languages' pages are not in the single file, which carries one.
    page.take_all_links(&["manifest", "modulepreload", "preload", "alternate"]);
    page.take_inline_scripts();
    page.take_meta("Content-Security-Policy");
    page.take_base();
    page.empty_app()?;

    let css = read_text(&dist.join(relative(&stylesheet)))?;
    let icon_url = format!(
        "data:image/svg+xml;base64,{}",
        base64(&read_bytes(&dist.join(relative(&icon)))?)
    );
    let app_script = bundle_script(
        dist,
        &app_glue,
        &app_wasm,
        "await __wbg_init({ module_or_path: await inflate(WASM) });",
    )?;
    let banks = question_banks(dist, locale)?;

    let policy = [
        "default-src 'none'".to_owned(),
        format!("script-src 'wasm-unsafe-eval' {}", csp_hash(&app_script)),
        format!("style-src {}", csp_hash(&css)),
        "img-src data:".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'none'".to_owned(),
    ]
    .join("; ");
    let head = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  \
         <style>{css}</style>\n  <link rel=\"icon\" href=\"{icon_url}\">\n  \
         <script type=\"module\">{app_script}</script>\n"
    );
    let single = page.finish(&head, &banks)?;
    let out = output(locale);
    std::fs::create_dir_all(out.parent().expect("the output has a folder"))
        .map_err(|e| e.to_string())?;
    crate::files::write(&out, &single)?;
    println!(
        "{}: {:.1} KB ({:.1} KB gzip)",
        out.display(),
        single.len() as f64 / 1024.0,
        gzip(single.as_bytes())?.len() as f64 / 1024.0
    );
    Ok(())
}

/// The page being rewritten: what was taken out, and where the new head goes.
struct Page {
    html: String,
}

impl Page {
    fn new(html: String) -> Page {
        Page { html }
    }

    /// Removes the one `<link rel="{rel}">` and returns its `href`.
    fn take_link(&mut self, rel: &str) -> Result<String> {
        let tag = self
            .tags("<link")
            .into_iter()
            .find(|tag| attribute(tag, "rel") == Some(rel))
            .ok_or(format!("index.html has no <link rel=\"{rel}\">"))?;
        let href = attribute(&tag, "href")
            .ok_or(format!("<link rel=\"{rel}\"> has no href"))?
            .to_owned();
        self.html = self.html.replacen(&tag, "", 1);
        Ok(href)
    }

    fn take_all_links(&mut self, rels: &[&str]) {
        for tag in self.tags("<link") {
            if attribute(&tag, "rel").is_some_and(|rel| rels.contains(&rel)) {
                self.html = self.html.replacen(&tag, "", 1);
            }
        }
    }

    fn take_meta(&mut self, http_equiv: &str) {
        for tag in self.tags("<meta") {
            if attribute(&tag, "http-equiv") == Some(http_equiv) {
                self.html = self.html.replacen(&tag, "", 1);
            }
        }
    }

    /// Removes Trunk's bootstrap: every `<script>` in the page.
    fn take_inline_scripts(&mut self) {
        while let Some(start) = self.html.find("<script") {
            let Some(end) = self.html[start..].find("</script>") else {
                break;
            };
            self.html
                .replace_range(start..start + end + "</script>".len(), "");
        }
    }

    /// Removes the root page's `<base href="./">`: the file's links are fragments of the
    /// file itself (`#/sre`), which a base would send to its folder instead.
    fn take_base(&mut self) {
        for tag in self.tags("<base") {
            self.html = self.html.replacen(&tag, "", 1);
        }
    }

    /// Empties the app's element, `<div id="app" data-page=…>`, the last of the body,
    /// of the view prerendered into it.
    fn empty_app(&mut self) -> Result {
        let start = self
            .html
            .find("<div id=\"app\"")
            .ok_or("index.html has no #app")?;
        let body_end = self
            .html
            .rfind("</body>")
            .ok_or("index.html lacks </body>")?;
        let end = self.html[..body_end]
            .rfind("</div>")
            .filter(|end| *end > start)
            .ok_or("#app is not closed before </body>")?;
        self.html
            .replace_range(start..end + "</div>".len(), "<div id=\"app\"></div>");
        Ok(())
    }

    /// Every tag that starts with `open` (`<link`, `<meta`), whole.
    fn tags(&self, open: &str) -> Vec<String> {
        self.html
            .match_indices(open)
            .filter_map(|(start, _)| {
                let end = self.html[start..].find('>')?;
                Some(self.html[start..=start + end].to_owned())
            })
            .collect()
    }

    /// The page with `head` before `</head>` and the banks before `</body>`.
    fn finish(self, head: &str, banks: &str) -> Result<String> {
        if !self.html.contains("</head>") || !self.html.contains("</body>") {
            return Err("index.html lacks </head> or </body>".into());
        }
        Ok(self
            .html
            .replacen("</head>", &format!("{head}</head>"), 1)
            .replacen("</body>", &format!("{banks}</body>"), 1))
    }
}

/// The value of `name="value"` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pattern = format!(" {name}=\"");
    let start = tag.find(&pattern)? + pattern.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// One inline module script: the glue's snippets as local objects, the glue without
/// its imports and exports, its wasm packed into `WASM`, then `start`.
fn bundle_script(dist: &Path, glue: &Path, wasm: &Path, start: &str) -> Result<String> {
    let glue_text = read_text(glue)?;
    let folder = glue.parent().unwrap_or(dist);
    let mut script = String::from(INFLATE);
    let mut snippets: Vec<String> = Vec::new();
    let mut body = String::new();
    for line in glue_text.lines() {
        if let Some(import) = Import::parse(line) {
            let index = match snippets.iter().position(|path| *path == import.path) {
                Some(index) => index,
                None => {
                    let text = read_text(&folder.join(relative(&import.path)))?;
                    script.push_str(&snippet_object(snippets.len(), &text, &import.path)?);
                    snippets.push(import.path.clone());
                    snippets.len() - 1
                }
            };
            body.push_str(&import.binding(index));
        } else if line.starts_with("export {") {
            // The glue's own exports: the start line below uses them directly.
        } else if let Some(declaration) = line.strip_prefix("export ") {
            body.push_str(declaration);
        } else {
            body.push_str(line);
        }
        body.push('\n');
    }
    let packed = base64(&gzip(&read_bytes(wasm)?)?);
    script.push_str(&body);
    script.push_str(&format!("const WASM = '{packed}';\n{start}\n"));
    if script.contains("</script") {
        return Err(format!("{} contains </script", glue.display()));
    }
    Ok(script)
}

/// Unpacks a gzipped, base64 wasm with the browser's own decompressor.
const INFLATE: &str = "const inflate = async (packed) => {
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
};
";

/// An import line of wasm-bindgen's glue, from one of its snippet modules.
struct Import {
    path: String,
    /// `{ a, b as c }`, or `* as name`.
    clause: String,
}

impl Import {
    fn parse(line: &str) -> Option<Import> {
        let rest = line.strip_prefix("import ")?;
        let (clause, from) = rest.split_once(" from ")?;
        let path = from
            .trim()
            .trim_end_matches(';')
            .trim_matches(|c| c == '\'' || c == '"');
        Some(Import {
            path: path.to_owned(),
            clause: clause.trim().to_owned(),
        })
    }

    /// The `const` that binds what the line imported from snippet `index`.
    fn binding(&self, index: usize) -> String {
        match self.clause.strip_prefix("* as ") {
            Some(name) => format!("const {} = snippet{index};", name.trim()),
            None => format!(
                "const {} = snippet{index};",
                self.clause.replace(" as ", ": ")
            ),
        }
    }
}

/// A snippet module as `const snippetN = (() => { …; return { exports }; })();`. Our
/// snippets export only functions and constants, which this relies on and checks.
fn snippet_object(index: usize, text: &str, path: &str) -> Result<String> {
    let mut names = Vec::new();
    let mut body = String::new();
    for line in text.lines() {
        match line.strip_prefix("export ") {
            Some(declaration) => {
                let name = declaration
                    .trim_start_matches("async ")
                    .strip_prefix("function ")
                    .or_else(|| declaration.strip_prefix("const "))
                    .and_then(|rest| rest.split(['(', ' ', '=']).next())
                    .ok_or(format!(
                        "{path}: an export this bundler cannot read: {line}"
                    ))?;
                names.push(name.to_owned());
                body.push_str(declaration);
            }
            None if line.starts_with("import ") => {
                return Err(format!("{path}: a snippet that imports: {line}"));
            }
            None => body.push_str(line),
        }
        body.push('\n');
    }
    Ok(format!(
        "const snippet{index} = (() => {{\n{body}return {{ {} }};\n}})();\n",
        names.join(", ")
    ))
}

/// The question banks as JSON data blocks, each with its file name as id. A `<` in
/// the JSON becomes `\u003c`, so no text in it can close the element.
fn question_banks(dist: &Path, locale: Locale) -> Result<String> {
    let mut blocks = String::new();
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // Its language's only: a single file carries one.
        let own = format!("quiz-{}-", locale.tag());
        if name.starts_with(&own) && name.ends_with(".json") {
            let json = read_text(&path)?.replace('<', "\\u003c");
            blocks.push_str(&format!(
                "<script type=\"application/json\" id=\"{name}\">{json}</script>\n"
            ));
        }
    }
    if blocks.is_empty() {
        return Err("dist/ has no question bank (quiz-<locale>-<hash>.json)".into());
    }
    Ok(blocks)
}

/// The first file the page names that starts with `prefix` (`./ops-trio-`) and ends
/// with `suffix` (`_bg.wasm`), as a path relative to the page.
fn named_in(html: &str, prefix: &str, suffix: &str) -> Result<String> {
    html.match_indices(prefix)
        .filter_map(|(start, _)| {
            let rest = html.get(start..)?;
            let end = rest.find(['\'', '"', ' ', ')'])?;
            rest.get(..end)
        })
        .find(|url| url.ends_with(suffix))
        .map(|url| relative(url).to_owned())
        .ok_or(format!("index.html names no {prefix}*{suffix}"))
}

/// A page-relative URL (`./app.css`) as a relative path.
fn relative(url: &str) -> &str {
    url.trim_start_matches("./").trim_start_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_become_bindings_of_the_snippet_objects() {
        let named = Import::parse(
            "import { copyText, reportHeight as report } from './snippets/a/inline1.js';",
        )
        .unwrap();
        assert_eq!(named.path, "./snippets/a/inline1.js");
        assert_eq!(
            named.binding(2),
            "const { copyText, reportHeight: report } = snippet2;"
        );
        let star = Import::parse("import * as import1 from \"./snippets/a/inline0.js\"").unwrap();
        assert_eq!(star.path, "./snippets/a/inline0.js");
        assert_eq!(star.binding(0), "const import1 = snippet0;");
        assert!(Import::parse("const x = 1;").is_none());
    }

    #[test]
    fn a_snippet_becomes_an_object_of_its_exports() {
        let object = snippet_object(
            1,
            "let waiting = null;\nexport function a(x) {}\nexport async function b() {}\nexport const c = 2;",
            "s.js",
        )
        .unwrap();
        assert!(object
            .starts_with("const snippet1 = (() => {\nlet waiting = null;\nfunction a(x) {}\n"));
        assert!(object.contains("async function b() {}\nconst c = 2;\n"));
        assert!(object.ends_with("return { a, b, c };\n})();\n"));
        assert!(snippet_object(0, "import x from './y.js';", "s.js").is_err());
        assert!(snippet_object(0, "export default 1;", "s.js").is_err());
    }

    #[test]
    fn links_are_taken_out_with_their_href() {
        let mut page = Page::new(
            "<head><link rel=\"stylesheet\" href=\"./app-1.css\" data-integrity=\"none\"/><link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a.wasm\"></head><body></body>".into(),
        );
        assert_eq!(page.take_link("stylesheet").unwrap(), "./app-1.css");
        page.take_all_links(&["modulepreload", "preload"]);
        assert_eq!(page.html, "<head></head><body></body>");
        assert!(page.take_link("icon").is_err());
    }
}
