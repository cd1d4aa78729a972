use super::*;
use ops_trio::prerender;
use ops_trio::route::{set_link_style, LinkStyle};
use std::path::PathBuf;

/// A folder of its own in the system's temp folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("ops-trio-package-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An inline script that writes a folder link in its text: a package leaves it as it is.
const INLINE_SCRIPT: &str =
    "<script>\n    var twin = '<a href=\"sre/\">';\n    if (1 > 0) twin += 'x';\n  </script>";

fn page(base: &str, lang: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'sha256-x'\">\n  \
         <base href=\"{base}\">\n  <title>Ops Trio</title>\n  \
         <link rel=\"alternate\" hreflang=\"en\" href=\"sre/\">\n  \
         <link rel=\"alternate\" hreflang=\"zh-TW\" href=\"zh-TW/sre/\">\n  \
         <link rel=\"alternate\" hreflang=\"x-default\" href=\"sre/\">\n  {INLINE_SCRIPT}\n  \
         <link rel=\"stylesheet\" href=\"./app.css\">\n  <link rel=\"manifest\" href=\"manifest.webmanifest\">\n\
         </head>\n<body>\n<!-- <a href=\"commented/\"> -->\n<div id=\"app\">{body}</div>\n</body>\n</html>\n"
    )
}

const BODY: &str = "<a class=\"brand-name\" href=\"./\">Ops Trio</a>\
    <a href=\"./#why\">Why</a><a href=\"sre/\" aria-current=\"page\">SRE</a>\
    <a href=\"zh-TW/?lang=zh-TW\" hreflang=\"zh-TW\" lang=\"zh-TW\">繁體中文</a>\
    <a href=\"#main\">Skip</a><a href=\"https://sre.google/workbook/\" rel=\"noopener\">Workbook</a>\
    <abbr title=\"a/\">SLO</abbr>";

/// A build as `dist/` holds one, small: pages at the root, in a view's folder and in a
/// language's, an embed page, assets, and the files a package leaves out.
fn synthetic_dist() -> TempDir {
    let dist = TempDir::new(&format!("dist-{:?}", std::thread::current().id()));
    let write = |url: &str, contents: &[u8]| {
        let path = dist.0.join(url);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    };
    write("index.html", page("./", "en", BODY).as_bytes());
    write("sre/index.html", page("../", "en", BODY).as_bytes());
    write("zh-TW/index.html", page("../", "zh-TW", BODY).as_bytes());
    write("embed-calms.html", page("", "en", "<a href=\"#/quiz/assessment\">Quiz</a><a href=\"devops/#calms\" target=\"_blank\">Open</a>").as_bytes());
    write("app.css", b"body { color: black; }");
    write("app_bg.wasm", b"\0asm\x01\0\0\0 a wasm");
    write(
        "snippets/ops-trio-0a1b2c3d4e5f6a7b/inline0.js",
        b"export function f() {}",
    );
    write("manifest.webmanifest", b"{}");
    write("R&D notes.txt", b"a file whose name needs escaping in XML");
    for left_out in NOT_PACKAGED {
        write(left_out, b"only for a static host");
    }
    dist
}

/// The zip's files, by name, in the zip's order.
fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn text_in(zip: &[u8], name: &str) -> String {
    let (_, bytes) = unzip(zip).into_iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_build_becomes_a_package_that_passes_the_check() {
    let dist = synthetic_dist();
    let zip = package(&dist.0, DEFAULT_MASTERY).unwrap();
    assert_eq!(check(&zip), Vec::<String>::new());
    let names: Vec<String> = unzip(&zip).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "imsmanifest.xml",
            "R&D notes.txt",
            "app.css",
            "app_bg.wasm",
            "embed-calms.html",
            "index.html",
            "manifest.webmanifest",
            "snippets/ops-trio-0a1b2c3d4e5f6a7b/inline0.js",
            "sre/index.html",
            "zh-TW/index.html",
        ],
        "the manifest first, then every file by path; none of {NOT_PACKAGED:?}"
    );
    let manifest = text_in(&zip, MANIFEST);
    assert!(manifest.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
    assert!(manifest.contains("<file href=\"R&amp;D notes.txt\"/>"));
    assert!(manifest.contains("adlcp:scormtype=\"sco\" href=\"index.html\""));
    assert!(manifest.contains(&format!("xmlns=\"{IMSCP_NAMESPACE}\"")));
    assert!(manifest.contains("<schemaversion>1.2</schemaversion>"));
    assert!(manifest.contains(&format!("version=\"{}\"", app_version().unwrap())));
}

#[test]
fn the_mastery_score_is_the_one_asked_for() {
    let dist = synthetic_dist();
    let zip = package(&dist.0, 65).unwrap();
    assert_eq!(check(&zip), Vec::<String>::new());
    assert!(text_in(&zip, MANIFEST).contains("<adlcp:masteryscore>65</adlcp:masteryscore>"));

    let args =
        |args: &[&str]| Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>());
    assert_eq!(
        args(&[]),
        Ok(Options {
            build: true,
            mastery: 80
        })
    );
    assert_eq!(
        args(&["--no-build", "--mastery", "65"]),
        Ok(Options {
            build: false,
            mastery: 65
        })
    );
    assert_eq!(args(&["--mastery=0"]).map(|o| o.mastery), Ok(0));
    assert_eq!(args(&["--mastery", "100"]).map(|o| o.mastery), Ok(100));
    for refused in [
        &["--mastery", "101"][..],
        &["--mastery", "-1"],
        &["--mastery", "80.5"],
        &["--mastery", "eighty"],
        &["--mastery"],
        &["--mastry=80"],
    ] {
        assert!(args(refused).is_err(), "{refused:?}");
    }
}

#[test]
fn the_same_build_gives_the_same_bytes() {
    let dist = synthetic_dist();
    let first = package(&dist.0, DEFAULT_MASTERY).unwrap();
    // Files written again, later: a newer modification time changes nothing.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let css = dist.0.join("app.css");
    std::fs::write(&css, std::fs::read(&css).unwrap()).unwrap();
    assert!(first == package(&dist.0, DEFAULT_MASTERY).unwrap());
}

#[test]
fn every_page_is_marked_as_a_package_and_its_links_name_files() {
    let dist = synthetic_dist();
    let zip = package(&dist.0, DEFAULT_MASTERY).unwrap();
    for name in [
        "index.html",
        "sre/index.html",
        "zh-TW/index.html",
        "embed-calms.html",
    ] {
        let html = text_in(&zip, name);
        assert!(
            html.contains(
                "<meta charset=\"utf-8\">\n  <meta name=\"ops-trio-package\" content=\"scorm12\">"
            ),
            "{name}: the mark, before any script"
        );
        assert!(html.contains(INLINE_SCRIPT), "{name}: the script as it was");
        for link in [
            "<link rel=\"alternate\" hreflang=\"en\" href=\"sre/index.html\">",
            "<link rel=\"alternate\" hreflang=\"zh-TW\" href=\"zh-TW/sre/index.html\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"sre/index.html\">",
            "<link rel=\"stylesheet\" href=\"./app.css\">",
            "<!-- <a href=\"commented/\"> -->",
        ] {
            assert!(html.contains(link), "{name}: {link} in {html}");
        }
    }
    let home = text_in(&zip, "index.html");
    for link in [
        "<base href=\"./\">",
        "<a class=\"brand-name\" href=\"./index.html\">",
        "<a href=\"./index.html#why\">",
        "<a href=\"sre/index.html\" aria-current=\"page\">",
        "<a href=\"zh-TW/index.html?lang=zh-TW\" hreflang=\"zh-TW\"",
        "<a href=\"#main\">",
        "<a href=\"https://sre.google/workbook/\"",
        "<abbr title=\"a/\">",
    ] {
        assert!(home.contains(link), "{link} in {home}");
    }
    assert!(text_in(&zip, "sre/index.html").contains("<base href=\"../\">"));
    let embed = text_in(&zip, "embed-calms.html");
    assert!(embed.contains("<a href=\"#/quiz/assessment\">"));
    assert!(embed.contains("<a href=\"devops/index.html#calms\" target=\"_blank\">"));
}

#[test]
fn only_the_href_of_a_link_to_a_place_changes() {
    let html = "<A HREF='sre/'>x</A><a\n  title=\"1 > 0\" href=sre/>y</a>\
        <link rel=\"icon alternate\" href=\"zh-TW/\"><link rel=\"stylesheet\" href=\"css/\">\
        <base href=\"../\"><area href=\"sre/\"><a data-href=\"sre/\" href=\"devops/\">\
        <style>a[href=\"x/\"] {}</style><a href=\"\">";
    assert_eq!(
        links_naming_files(html),
        "<A HREF='sre/index.html'>x</A><a\n  title=\"1 > 0\" href=sre/index.html>y</a>\
        <link rel=\"icon alternate\" href=\"zh-TW/index.html\"><link rel=\"stylesheet\" href=\"css/\">\
        <base href=\"../\"><area href=\"sre/\"><a data-href=\"sre/\" href=\"devops/index.html\">\
        <style>a[href=\"x/\"] {}</style><a href=\"\">"
    );
    // A page cut short is kept as it is.
    for cut in [
        "<a href=\"sre/",
        "<script>var a = '<a href=\"sre/\">'",
        "<!-- <a href=\"sre/\">",
    ] {
        assert_eq!(links_naming_files(cut), cut);
    }
}

#[test]
fn a_prerendered_page_in_a_package_links_as_the_app_draws_it_there() {
    for &locale in Locale::ALL {
        let by_folder = prerender::pages(locale);
        set_link_style(LinkStyle::Files);
        let by_file = prerender::pages(locale);
        set_link_style(LinkStyle::Folders);
        assert_eq!(by_folder.len(), by_file.len());
        for (folder, file) in by_folder.iter().zip(&by_file) {
            assert_eq!(
                links_naming_files(&folder.body),
                file.body,
                "{}: what the app hydrates differs from what the package carries",
                folder.file
            );
            let alternates = |page: &prerender::Page| -> Vec<String> {
                page.alternates
                    .iter()
                    .map(|(_, href)| naming_index_file(href))
                    .collect()
            };
            assert_eq!(alternates(folder), alternates(file), "{}", folder.file);
        }
        let home = by_folder
            .iter()
            .zip(&by_file)
            .find(|(page, _)| page.id == "overview");
        let (folder, file) = home.unwrap();
        let sre = format!("href=\"{}sre/", ops_trio::route::locale_folder(locale));
        assert!(folder.body.contains(&format!("{sre}\"")), "{}", folder.body);
        assert!(
            file.body.contains(&format!("{sre}index.html\"")),
            "{}",
            file.body
        );
        assert!(!file.body.contains(&format!("{sre}\"")));
    }
}

// The checker, on packages broken one rule at a time.

/// A valid manifest for `index.html` and `app.js`, to break.
fn valid_manifest() -> String {
    manifest(&["app.js", "index.html"], DEFAULT_MASTERY, "1.0.0")
}

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    write_zip(entries.iter().map(|(name, text)| (*name, text.as_bytes()))).unwrap()
}

/// The problems of a package of `manifest`, `index.html` and `app.js`, with `changed`
/// made to the manifest.
fn problems_with(changed: &[(&str, &str)]) -> Vec<String> {
    let manifest = changed
        .iter()
        .fold(valid_manifest(), |manifest, (from, to)| {
            assert!(manifest.contains(from), "{from} in {manifest}");
            manifest.replace(from, to)
        });
    check(&zip_of(&[
        (MANIFEST, &manifest),
        ("index.html", "<!doctype html>"),
        ("app.js", "export {}"),
    ]))
}

#[track_caller]
fn assert_refused(problems: Vec<String>, saying: &str) {
    assert!(
        problems.iter().any(|problem| problem.contains(saying)),
        "expected a problem saying {saying:?}, got {problems:?}"
    );
}

#[test]
fn the_unbroken_package_passes() {
    assert_eq!(problems_with(&[]), Vec::<String>::new());
}

#[test]
fn a_file_that_is_no_zip_is_refused() {
    assert_refused(check(b"PK not really"), "not a zip");
}

#[test]
fn the_manifest_must_be_at_the_root() {
    let problems = check(&zip_of(&[
        ("course/imsmanifest.xml", &valid_manifest()),
        ("index.html", ""),
        ("app.js", ""),
    ]));
    assert_refused(problems, "no imsmanifest.xml at the package's root");
}

#[test]
fn the_manifest_must_be_xml() {
    let problems = check(&zip_of(&[(MANIFEST, "<manifest identifier=\"x\">")]));
    assert_refused(problems, "not well-formed XML");
}

#[test]
fn the_root_must_be_an_ims_cp_manifest_with_an_identifier() {
    assert_refused(
        problems_with(&[(&format!("xmlns=\"{IMSCP_NAMESPACE}\""), "")]),
        "not <manifest> in IMS CP's namespace",
    );
    assert_refused(
        problems_with(&[("<manifest identifier=\"ops-trio\"", "<manifest")]),
        "<manifest> has no identifier",
    );
}

#[test]
fn the_schema_must_be_scorm_1_2() {
    assert_refused(
        problems_with(&[("<schemaversion>1.2<", "<schemaversion>2004 3rd Edition<")]),
        "<schemaversion> is 2004 3rd Edition, not 1.2",
    );
    assert_refused(
        problems_with(&[("<schemaversion>1.2</schemaversion>", "")]),
        "no <schemaversion>",
    );
    assert_refused(
        problems_with(&[("<schema>ADL SCORM</schema>", "<schema>IMS CP</schema>")]),
        "not ADL SCORM",
    );
}

#[test]
fn there_must_be_exactly_one_organization_and_it_the_default() {
    assert_refused(
        problems_with(&[(
            &format!("<organization identifier=\"{ORGANIZATION_ID}\">"),
            &format!("<organization identifier=\"second\"><title>Two</title></organization>\n    <organization identifier=\"{ORGANIZATION_ID}\">"),
        )]),
        "2 organizations",
    );
    let empty = valid_manifest();
    let start = empty.find("<organization ").unwrap();
    let end = empty.find("</organization>").unwrap() + "</organization>".len();
    let without = format!("{}{}", &empty[..start], &empty[end..]);
    assert_refused(
        check(&zip_of(&[
            (MANIFEST, &without),
            ("index.html", ""),
            ("app.js", ""),
        ])),
        "0 organizations",
    );
    assert_refused(
        problems_with(&[(
            &format!("<organizations default=\"{ORGANIZATION_ID}\">"),
            "<organizations default=\"another\">",
        )]),
        "does not name the organization",
    );
}

#[test]
fn every_item_must_name_a_resource_and_have_a_title() {
    assert_refused(
        problems_with(&[(
            &format!("identifierref=\"{SCO_ID}\""),
            "identifierref=\"nowhere\"",
        )]),
        "<item identifierref=\"nowhere\"> names no resource",
    );
    let tagline = xml_escape(Locale::DEFAULT.ui().app_tagline);
    assert_refused(
        problems_with(&[(&format!("<title>{tagline}</title>"), "")]),
        &format!("<item identifier=\"{ITEM_ID}\"> has no title"),
    );
}

#[test]
fn a_resource_must_be_a_sco() {
    assert_refused(
        problems_with(&[("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"asset\"")]),
        "no resource is a SCO",
    );
    // The attribute in ADL's namespace, not any `scormtype`.
    assert_refused(
        problems_with(&[("adlcp:scormtype=\"sco\"", "scormtype=\"sco\"")]),
        "no resource is a SCO",
    );
}

#[test]
fn the_entry_point_must_be_in_the_package() {
    assert_refused(
        problems_with(&[(
            &format!("href=\"{ENTRY_POINT}\">"),
            "href=\"start.html?lesson=1\">",
        )]),
        "entry point, start.html?lesson=1, is not in the package",
    );
    // Its query is no part of the file's name.
    assert_eq!(
        problems_with(&[(
            &format!("href=\"{ENTRY_POINT}\">"),
            "href=\"index.html?lang=en#why\">",
        )]),
        Vec::<String>::new()
    );
    assert_refused(
        problems_with(&[(&format!(" href=\"{ENTRY_POINT}\">"), ">")]),
        "has no href, its entry point",
    );
}

#[test]
fn every_file_must_be_listed() {
    let problems = check(&zip_of(&[
        (MANIFEST, &valid_manifest()),
        ("index.html", ""),
        ("app.js", ""),
        ("extra.js", ""),
    ]));
    assert_eq!(
        problems,
        ["extra.js is in the package but listed in no <file href>"]
    );
}

#[test]
fn every_listed_file_must_be_in_the_package() {
    let problems = check(&zip_of(&[
        (MANIFEST, &valid_manifest()),
        ("index.html", ""),
    ]));
    assert_eq!(
        problems,
        ["<file href=\"app.js\"> is listed but not in the package"]
    );
}

#[test]
fn identifiers_must_be_unique() {
    assert_refused(
        problems_with(&[(
            &format!("<item identifier=\"{ITEM_ID}\""),
            &format!("<item identifier=\"{SCO_ID}\""),
        )]),
        &format!("the identifier {SCO_ID} is given twice"),
    );
    assert_refused(
        problems_with(&[(
            &format!("<item identifier=\"{ITEM_ID}\""),
            "<item identifier=\" \"",
        )]),
        "an empty identifier",
    );
}

#[test]
fn hrefs_must_stay_inside_the_package() {
    for (href, saying) in [
        ("../app.js", "`..` leads out"),
        ("js/../../app.js", "`..` leads out"),
        ("js\\app.js", "a backslash"),
        ("/app.js", "not relative"),
        ("https://example.com/app.js", "not relative"),
        ("C:/app.js", "not relative"),
    ] {
        assert_refused(
            problems_with(&[(
                "<file href=\"app.js\"/>",
                &format!("<file href=\"{href}\"/>"),
            )]),
            &format!("href=\"{href}\": {saying}"),
        );
    }
    let problems = check(&zip_of(&[
        (MANIFEST, &valid_manifest()),
        ("index.html", ""),
        ("app.js", ""),
        ("../escape.js", ""),
    ]));
    assert_refused(problems, "zip entry ../escape.js: `..` leads out");
}

#[test]
fn a_mastery_score_must_be_a_whole_number_from_0_to_100() {
    for score in ["101", "-1", "80.5", "eighty", ""] {
        assert_refused(
            problems_with(&[(
                "<adlcp:masteryscore>80<",
                &format!("<adlcp:masteryscore>{score}<"),
            )]),
            &format!("<adlcp:masteryscore>{score}</adlcp:masteryscore> is not a whole number"),
        );
    }
    for score in ["0", "100", " 75 "] {
        assert_eq!(
            problems_with(&[(
                "<adlcp:masteryscore>80<",
                &format!("<adlcp:masteryscore>{score}<"),
            )]),
            Vec::<String>::new(),
            "{score}"
        );
    }
    // It may be left out: the LMS then judges by the SCO's own status.
    assert_eq!(
        problems_with(&[("<adlcp:masteryscore>80</adlcp:masteryscore>", "")]),
        Vec::<String>::new()
    );
}
