//! `cargo xtask package`: the release build as a SCORM 1.2 package, one zip that an
//! LMS (Moodle, …) imports: every file of `dist/` but what only a static host reads,
//! and `imsmanifest.xml` at its root (IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
//! extensions), which names the module one SCO whose entry point is `index.html`.
//!
//! An LMS serves a package's files through a script of its own, which answers no folder
//! (`sre/`) with its `index.html`: each page of the package is marked as a package's
//! (a `<meta>`, read by the app and by the page's scripts), and its links name files.
//!
//! [`check`] reads a package back against the SCORM 1.2 content-packaging rules;
//! `package` refuses to leave a zip that breaks one.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::Path;

use ops_trio::i18n::Locale;
use ops_trio::route::{naming_index_file, percent_decode, PACKAGE_MARKER};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::cmd::{self, Result};
use crate::{files, postbuild};

/// Where the package is written, below the repository's root.
const PACKAGE_PATH: &str = "target/package/ops-trio-scorm12.zip";

/// The manifest, at the package's root, where an LMS looks for it.
const MANIFEST: &str = "imsmanifest.xml";

/// The files of a build that a package leaves out: the headers a static host reads;
/// the service worker and its kill switch, which would cache, and answer for, the
/// LMS's own URLs (the pages register none in a package); the not-found page, which
/// only a static host serves, and whose absolute `<base href="/">` would lead out of
/// the package.
const NOT_PACKAGED: [&str; 4] = ["_headers", "sw.js", "sw-remove.js", "404.html"];

/// The score that passes, where `--mastery` does not say: the app's own default.
const DEFAULT_MASTERY: u8 = ops_trio::lms::record::MASTERY_DEFAULT;

/// What the package's pages carry in their `<meta name="ops-trio-package">`.
const PACKAGE_KIND: &str = "scorm12";

const IMSCP_NAMESPACE: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const ADLCP_NAMESPACE: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The identifiers the manifest gives its parts.
const MANIFEST_ID: &str = "ops-trio";
const ORGANIZATION_ID: &str = "ops-trio-organization";
const ITEM_ID: &str = "ops-trio-item";
const SCO_ID: &str = "ops-trio-sco";
/// The SCO's entry point: the overview, in the default language.
const ENTRY_POINT: &str = "index.html";

/// `cargo xtask package [--no-build] [--mastery N]`: builds the release (unless
/// `--no-build`), writes the package, checks it, and says how big it is.
pub fn run(args: &[String]) -> Result {
    let options = Options::parse(args)?;
    if options.build {
        crate::tools::build_tools()?;
        crate::release_build()?;
    }
    cmd::step("SCORM 1.2 package");
    let dist = cmd::root().join("dist");
    if !dist.join(ENTRY_POINT).is_file() {
        return Err(format!(
            "{} has no build: run `cargo xtask package` without --no-build",
            dist.display()
        ));
    }
    let zip = package(&dist, options.mastery)?;
    let path = cmd::root().join(PACKAGE_PATH);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    files::write(&path, &zip)?;
    let written = files::read_bytes(&path)?;
    let problems = check(&written);
    if !problems.is_empty() {
        return Err(format!(
            "{} breaks the SCORM 1.2 packaging rules:\n  {}",
            path.display(),
            problems.join("\n  ")
        ));
    }
    let count = ZipArchive::new(Cursor::new(&written))
        .map_err(|e| e.to_string())?
        .len();
    println!(
        "{}: {:.1} KB, {count} files, mastery score {}",
        path.display(),
        written.len() as f64 / 1024.0,
        options.mastery
    );
    Ok(())
}

/// What `cargo xtask package` was asked for.
#[derive(Debug, PartialEq, Eq)]
struct Options {
    /// Whether to build the release first, rather than package the `dist/` there is.
    build: bool,
    /// The mastery score, 0 to 100.
    mastery: u8,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            build: true,
            mastery: DEFAULT_MASTERY,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--no-build" => options.build = false,
                "--mastery" => {
                    let value = args.next().ok_or("--mastery needs a score, 0 to 100")?;
                    options.mastery = mastery_score(value)?;
                }
                other => match other.strip_prefix("--mastery=") {
                    Some(value) => options.mastery = mastery_score(value)?,
                    None => {
                        return Err(format!(
                            "package: unknown argument {other}; usage: cargo xtask package [--no-build] [--mastery N]"
                        ))
                    }
                },
            }
        }
        Ok(options)
    }
}

/// A mastery score as SCORM 1.2 takes it: a whole number from 0 to 100.
fn mastery_score(text: &str) -> Result<u8> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|score| *score <= 100)
        .ok_or(format!("--mastery {text}: a whole number from 0 to 100"))
}

/// The package of the build in `dist`, as the bytes of a zip: the manifest first, then
/// every packaged file in the order of its path, each dated 1980-01-01 as zip's epoch,
/// so that the same build always gives the same bytes.
fn package(dist: &Path, mastery: u8) -> Result<Vec<u8>> {
    let mut contents = BTreeMap::new();
    for path in files::list(dist)? {
        let url = files::url_path(dist, &path)?;
        if NOT_PACKAGED.contains(&url.as_str()) || url == MANIFEST {
            continue;
        }
        let bytes = match url.ends_with(".html") {
            true => packaged_page(&url, &files::read_text(&path)?)?.into_bytes(),
            false => files::read_bytes(&path)?,
        };
        contents.insert(url, bytes);
    }
    let urls: Vec<&str> = contents.keys().map(String::as_str).collect();
    let manifest = manifest(&urls, mastery, &app_version()?);
    write_zip(
        std::iter::once((MANIFEST, manifest.as_bytes())).chain(
            contents
                .iter()
                .map(|(url, bytes)| (url.as_str(), &bytes[..])),
        ),
    )
}

fn write_zip<'a>(entries: impl Iterator<Item = (&'a str, &'a [u8])>) -> Result<Vec<u8>> {
    let options = SimpleFileOptions::DEFAULT
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name, options)
            .map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    let written = zip.finish().map_err(|e| e.to_string())?;
    Ok(written.into_inner())
}

/// A page of the build as the package carries it: marked as a package's, before its
/// scripts, which read the mark; its links to folders naming their `index.html`. Its
/// inline scripts are left as they are: the page's Content-Security-Policy allows them
/// by the hash of their text.
fn packaged_page(url: &str, html: &str) -> Result<String> {
    const CHARSET: &str = "<meta charset=\"utf-8\">";
    if !html.contains(CHARSET) {
        return Err(format!(
            "{url}: no {CHARSET} to put the package's mark after"
        ));
    }
    let marker = format!("<meta name=\"{PACKAGE_MARKER}\" content=\"{PACKAGE_KIND}\">");
    let marked = html.replacen(CHARSET, &format!("{CHARSET}\n  {marker}"), 1);
    let packaged = links_naming_files(&marked);
    let scripts = |html| postbuild::inline_scripts(html).collect::<Vec<_>>();
    if scripts(&packaged) != scripts(html) {
        return Err(format!(
            "{url}: packaging changed an inline script, which its hash no longer allows"
        ));
    }
    Ok(packaged)
}

/// The page with every `<a href>` and `<link rel="alternate" href>` to a folder naming
/// the folder's `index.html` ([`naming_index_file`], as the app writes its links in a
/// package), and nothing else changed: not `<base href>` (a folder, which only
/// resolves links), nor the text of a script or a comment.
fn links_naming_files(html: &str) -> String {
    const UNTOUCHED: [(&str, &str); 3] = [
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<style", "</style>"),
    ];
    let mut packaged = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let (text, from_tag) = rest.split_at(start);
        packaged.push_str(text);
        let end = match UNTOUCHED
            .iter()
            .find(|(open, _)| from_tag.starts_with(open))
        {
            Some((_, close)) => from_tag
                .find(close)
                .map_or(from_tag.len(), |at| at + close.len()),
            None => tag_end(from_tag),
        };
        let (tag, after) = from_tag.split_at(end);
        packaged.push_str(&tag_naming_files(tag));
        rest = after;
    }
    packaged + rest
}

/// Where the tag at the start of `html` ends, after its `>`: the first one outside a
/// quoted attribute value.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (at, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    html.len()
}

/// A tag (`<a …>`, `<link …>`) with its `href` naming a file, if it is a link to a
/// place: an `<a>`, or a `<link rel="alternate">`; any other tag as it is.
fn tag_naming_files(tag: &str) -> String {
    let attributes = attributes(tag);
    let value = |name: &str| {
        attributes
            .iter()
            .find(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
            .map(|(_, range)| range.clone())
    };
    let is_place_link = match tag_name(tag).to_ascii_lowercase().as_str() {
        "a" => true,
        "link" => value("rel").is_some_and(|rel| {
            tag.get(rel)
                .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "alternate"))
        }),
        _ => false,
    };
    let Some(href) = value("href").filter(|_| is_place_link && tag.ends_with('>')) else {
        return tag.to_owned();
    };
    let (Some(before), Some(link), Some(after)) = (
        tag.get(..href.start),
        tag.get(href.clone()),
        tag.get(href.end..),
    ) else {
        return tag.to_owned();
    };
    format!("{before}{}{after}", naming_index_file(link))
}

/// The element's name in a start tag: `a` in `<a href="…">`.
fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<');
    let end = name
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    name.get(..end).unwrap_or_default()
}

/// Each attribute of a start tag, by name, with where its value lies in the tag.
fn attributes(tag: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let bytes = tag.as_bytes();
    let skip = |mut at: usize, skipped: &dyn Fn(u8) -> bool| {
        while bytes.get(at).is_some_and(|&b| skipped(b)) {
            at += 1;
        }
        at
    };
    let mut found = Vec::new();
    let mut at = 1 + tag_name(tag).len() + usize::from(tag.starts_with("</"));
    loop {
        at = skip(at, &|b| b.is_ascii_whitespace() || b == b'/');
        if matches!(bytes.get(at), None | Some(b'>')) {
            return found;
        }
        let name_start = at;
        at = skip(at, &|b| !b.is_ascii_whitespace() && !b"=>/".contains(&b));
        let name = tag.get(name_start..at).unwrap_or_default().to_owned();
        let after_name = skip(at, &|b| b.is_ascii_whitespace());
        if bytes.get(after_name) != Some(&b'=') {
            found.push((name, at..at));
            continue;
        }
        at = skip(after_name + 1, &|b| b.is_ascii_whitespace());
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let start = at + 1;
                let end = skip(start, &|b| b != quote);
                at = end + 1;
                start..end
            }
            _ => {
                let start = at;
                at = skip(at, &|b| !b.is_ascii_whitespace() && b != b'>');
                start..at
            }
        };
        found.push((name, value));
    }
}

/// The app's version, from the `[package]` of the repository's Cargo.toml: the
/// manifest's `version`, which an LMS may show beside the package.
fn app_version() -> Result<String> {
    let path = cmd::root().join("Cargo.toml");
    files::read_text(&path)?
        .lines()
        .find_map(|line| line.strip_prefix("version = \"")?.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or(format!("{}: no version", path.display()))
}

/// `imsmanifest.xml` for these files: one organization with one item, the module as
/// one SCO (`index.html`) that lists every file.
fn manifest(files: &[&str], mastery: u8, version: &str) -> String {
    let ui = Locale::DEFAULT.ui();
    let file_list: String = files
        .iter()
        .map(|file| format!("      <file href=\"{}\"/>\n", xml_escape(file)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{MANIFEST_ID}" version="{version}"
    xmlns="{IMSCP_NAMESPACE}"
    xmlns:adlcp="{ADLCP_NAMESPACE}"
    xmlns:xsi="{XSI_NAMESPACE}"
    xsi:schemaLocation="{IMSCP_NAMESPACE} imscp_rootv1p1p2.xsd {ADLCP_NAMESPACE} adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{ORGANIZATION_ID}">
    <organization identifier="{ORGANIZATION_ID}">
      <title>{name}</title>
      <item identifier="{ITEM_ID}" identifierref="{SCO_ID}" isvisible="true">
        <title>{tagline}</title>
        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{SCO_ID}" type="webcontent" adlcp:scormtype="sco" href="{ENTRY_POINT}">
{file_list}    </resource>
  </resources>
</manifest>
"#,
        version = xml_escape(version),
        name = xml_escape(ui.app_name),
        tagline = xml_escape(ui.app_tagline),
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What makes `zip_bytes` no SCORM 1.2 package, each problem in a sentence; empty
/// when it is one. Read against IMS Content Packaging 1.1.2 and ADL's SCORM 1.2
/// Content Aggregation Model, as far as an LMS relies on them: the manifest at the
/// root; one organization, the default; items that name resources; a SCO whose entry
/// point is in the package; every file listed and every listed file there; unique
/// identifiers; relative paths that stay inside the package; a mastery score from 0
/// to 100.
pub fn check(zip_bytes: &[u8]) -> Vec<String> {
    let mut archive = match ZipArchive::new(Cursor::new(zip_bytes)) {
        Ok(archive) => archive,
        Err(error) => return vec![format!("not a zip: {error}")],
    };
    let names: BTreeSet<String> = archive
        .file_names()
        .filter_map(|name| name.ok().map(|name| name.into_owned()))
        .filter(|name| !name.ends_with('/'))
        .collect();
    let mut problems: Vec<String> = names
        .iter()
        .filter_map(|name| path_problem(name).map(|problem| format!("zip entry {name}: {problem}")))
        .collect();
    let mut manifest = String::new();
    let read = archive
        .by_name(MANIFEST)
        .map_err(|e| e.to_string())
        .and_then(|mut file| {
            file.read_to_string(&mut manifest)
                .map_err(|e| e.to_string())
        });
    if let Err(error) = read {
        problems.push(format!("no {MANIFEST} at the package's root ({error})"));
        return problems;
    }
    match roxmltree::Document::parse(&manifest) {
        Ok(document) => problems.extend(manifest_problems(&document, &names)),
        Err(error) => problems.push(format!("{MANIFEST} is not well-formed XML: {error}")),
    }
    problems
}

/// Every rule the manifest must keep, given the files the zip holds.
fn manifest_problems(document: &roxmltree::Document, zip_files: &BTreeSet<String>) -> Vec<String> {
    let root = document.root_element();
    if !root.has_tag_name((IMSCP_NAMESPACE, "manifest")) {
        return vec![format!(
            "the root element is <{}> in {:?}, not <manifest> in IMS CP's namespace {IMSCP_NAMESPACE}",
            root.tag_name().name(),
            root.tag_name().namespace().unwrap_or("no namespace")
        )];
    }
    let resources = resources(root);
    [
        root_identifier(root),
        schema_version(root),
        one_default_organization(root),
        items_name_resources(root, &resources),
        a_sco_with_its_entry_point(&resources, zip_files),
        files_listed_and_present(&resources, zip_files),
        unique_identifiers(root),
        relative_hrefs(root),
        mastery_scores(root),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A node's child elements in IMS CP's namespace with this name.
fn children<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(move |child| child.has_tag_name((IMSCP_NAMESPACE, name)))
}

/// A node's elements at any depth in this namespace with this name.
fn descendants<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    namespace: &'static str,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.descendants()
        .filter(move |child| child.has_tag_name((namespace, name)))
}

fn text_of(node: roxmltree::Node) -> String {
    node.text().unwrap_or_default().trim().to_owned()
}

/// Every `<resource>` of `<resources>`.
fn resources<'a, 'input>(root: roxmltree::Node<'a, 'input>) -> Vec<roxmltree::Node<'a, 'input>> {
    children(root, "resources")
        .flat_map(|resources| children(resources, "resource"))
        .collect()
}

fn root_identifier(root: roxmltree::Node) -> Vec<String> {
    match root.attribute("identifier").map(str::trim) {
        Some(identifier) if !identifier.is_empty() => Vec::new(),
        _ => vec!["<manifest> has no identifier".into()],
    }
}

fn schema_version(root: roxmltree::Node) -> Vec<String> {
    let metadata = children(root, "metadata").next();
    let field = |name| {
        metadata
            .and_then(|metadata| children(metadata, name).next())
            .map(text_of)
    };
    let mut problems = Vec::new();
    if field("schema").as_deref() != Some("ADL SCORM") {
        problems.push("<metadata><schema> is not ADL SCORM".to_owned());
    }
    match field("schemaversion") {
        Some(version) if version == "1.2" => {}
        Some(version) => problems.push(format!("<schemaversion> is {version}, not 1.2")),
        None => problems.push("<metadata> has no <schemaversion> (1.2)".into()),
    }
    problems
}

fn one_default_organization(root: roxmltree::Node) -> Vec<String> {
    let Some(organizations) = children(root, "organizations").next() else {
        return vec!["the manifest has no <organizations>".into()];
    };
    let found: Vec<_> = children(organizations, "organization").collect();
    let [organization] = found.as_slice() else {
        return vec![format!(
            "{} organizations, where a SCORM 1.2 package has exactly one",
            found.len()
        )];
    };
    let identifier = organization.attribute("identifier");
    match organizations.attribute("default") {
        Some(default) if Some(default) == identifier => Vec::new(),
        default => vec![format!(
            "<organizations default=\"{}\"> does not name the organization, {}",
            default.unwrap_or_default(),
            identifier.unwrap_or("which has no identifier")
        )],
    }
}

/// Every item (and every resource's dependency) names a resource, and every item has a
/// title, which the LMS shows in its table of contents.
fn items_name_resources(root: roxmltree::Node, resources: &[roxmltree::Node]) -> Vec<String> {
    let resource_ids: BTreeSet<&str> = resources
        .iter()
        .filter_map(|resource| resource.attribute("identifier"))
        .collect();
    let items: Vec<_> = descendants(root, IMSCP_NAMESPACE, "item").collect();
    let dependencies = descendants(root, IMSCP_NAMESPACE, "dependency");
    let mut problems: Vec<String> = items
        .iter()
        .copied()
        .chain(dependencies)
        .filter_map(|node| {
            let reference = node.attribute("identifierref");
            let missing = match node.tag_name().name() {
                // An item without a reference is a folder of other items.
                "item" => reference.is_some_and(|id| !resource_ids.contains(id)),
                _ => reference.is_none_or(|id| !resource_ids.contains(id)),
            };
            missing.then(|| {
                format!(
                    "<{} identifierref=\"{}\"> names no resource",
                    node.tag_name().name(),
                    reference.unwrap_or_default()
                )
            })
        })
        .collect();
    problems.extend(
        items
            .iter()
            .filter(|item| {
                children(**item, "title")
                    .next()
                    .is_none_or(|title| text_of(title).is_empty())
            })
            .map(|item| {
                format!(
                    "<item identifier=\"{}\"> has no title",
                    item.attribute("identifier").unwrap_or_default()
                )
            }),
    );
    problems
}

/// The path a resource's `href` names in the package: without a query or fragment,
/// its `%xx` escapes decoded.
fn href_path(href: &str) -> String {
    percent_decode(href.split(['?', '#']).next().unwrap_or_default())
}

/// At least one resource is a SCO, and each SCO's entry point is in the package.
fn a_sco_with_its_entry_point(
    resources: &[roxmltree::Node],
    zip_files: &BTreeSet<String>,
) -> Vec<String> {
    let scos: Vec<_> = resources
        .iter()
        .filter(|resource| {
            resource
                .attribute((ADLCP_NAMESPACE, "scormtype"))
                .is_some_and(|kind| kind.eq_ignore_ascii_case("sco"))
        })
        .collect();
    if scos.is_empty() {
        return vec!["no resource is a SCO (adlcp:scormtype=\"sco\")".into()];
    }
    scos.iter()
        .filter_map(|sco| {
            let identifier = sco.attribute("identifier").unwrap_or_default();
            match sco.attribute("href") {
                None => Some(format!("the SCO {identifier} has no href, its entry point")),
                Some(href) if !zip_files.contains(&href_path(href)) => Some(format!(
                    "the SCO {identifier}'s entry point, {href}, is not in the package"
                )),
                Some(_) => None,
            }
        })
        .collect()
}

/// Every file of the zip but the manifest is listed in a `<file href>`, and every
/// listed file is in the zip.
fn files_listed_and_present(
    resources: &[roxmltree::Node],
    zip_files: &BTreeSet<String>,
) -> Vec<String> {
    let listed: BTreeSet<String> = resources
        .iter()
        .flat_map(|resource| children(*resource, "file"))
        .filter_map(|file| file.attribute("href"))
        .map(href_path)
        .collect();
    let unlisted = zip_files
        .iter()
        .filter(|file| *file != MANIFEST && !listed.contains(*file))
        .map(|file| format!("{file} is in the package but listed in no <file href>"));
    let missing = listed
        .iter()
        .filter(|file| !zip_files.contains(*file))
        .map(|file| format!("<file href=\"{file}\"> is listed but not in the package"));
    unlisted.chain(missing).collect()
}

fn unique_identifiers(root: roxmltree::Node) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for identifier in root
        .descendants()
        .filter_map(|node| node.attribute("identifier"))
    {
        if identifier.trim().is_empty() {
            problems.push("an empty identifier".to_owned());
        } else if !seen.insert(identifier) {
            problems.push(format!("the identifier {identifier} is given twice"));
        }
    }
    problems
}

/// Every `href` in the manifest names a place inside the package.
fn relative_hrefs(root: roxmltree::Node) -> Vec<String> {
    root.descendants()
        .filter_map(|node| node.attribute("href"))
        .filter_map(|href| path_problem(href).map(|problem| format!("href=\"{href}\": {problem}")))
        .collect()
}

/// Why a path does not name a file inside the package, if it does not: absolute, with a
/// scheme, climbing out with `..`, or with a Windows `\`.
fn path_problem(path: &str) -> Option<&'static str> {
    let first_segment = path.split('/').next().unwrap_or_default();
    if path.contains('\\') {
        Some("a backslash, where paths use /")
    } else if path.starts_with('/') || first_segment.contains(':') {
        Some("not relative to the package's root")
    } else if path.split(['/', '?', '#']).any(|segment| segment == "..") {
        Some("`..` leads out of its folder")
    } else if path.trim().is_empty() {
        Some("empty")
    } else {
        None
    }
}

/// Every `<adlcp:masteryscore>` is a whole number from 0 to 100.
fn mastery_scores(root: roxmltree::Node) -> Vec<String> {
    descendants(root, ADLCP_NAMESPACE, "masteryscore")
        .map(text_of)
        .filter(|score| mastery_score(score).is_err())
        .map(|score| format!("<adlcp:masteryscore>{score}</adlcp:masteryscore> is not a whole number from 0 to 100"))
        .collect()
}

#[cfg(test)]
mod tests;
