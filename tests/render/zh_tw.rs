//! The module in Traditional Chinese, rendered as the build prerenders its pages
//! (`zh-TW/sre/`): the view's own words, the lab's figures and the salaries written as
//! Taiwan writes them, and links that keep the language.

use ops_trio::i18n::Locale;
use ops_trio::route::{set_addressing, set_link_locale, Addressing, Route};
use ops_trio::shell::{App, AppProps};
use scraper::Html;
use yew::LocalServerRenderer;

use super::{select, text, texts, the};

/// A view in zh-TW at a served path, on this thread, where its links' language is set.
async fn render_zh(view: &str) -> Html {
    let locale = Locale::ZhTw;
    set_addressing(Addressing::Paths);
    set_link_locale(locale);
    let route = Route::View {
        view: view.to_owned(),
        tail: Vec::new(),
    };
    let html = LocalServerRenderer::<App>::with_props(AppProps { locale, route })
        .hydratable(false)
        .render()
        .await;
    set_link_locale(Locale::En);
    Html::parse_fragment(&html)
}

#[tokio::test]
async fn the_sre_view_in_chinese_has_its_heading_and_the_downtimes_written_in_chinese() {
    let page = render_zh("sre").await;
    assert_eq!(text(the(&page, "h1")), "什麼是 SRE？");
    let downtime: Vec<Vec<String>> = select(the(&page, ".budget-downtime table"), "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .collect();
    let allowed: Vec<&str> = downtime.iter().map(|row| row[1].as_str()).collect();
    assert_eq!(
        allowed,
        [
            "1 分 26 秒",
            "10 分 5 秒",
            "43 分 12 秒",
            "2 小時 11 分 29 秒",
            "8 小時 45 分 57 秒"
        ]
    );
    assert!(
        downtime.iter().all(|row| !row[0].is_ascii()),
        "the windows are named in Chinese: {downtime:?}"
    );
}

#[tokio::test]
async fn links_keep_the_language_and_the_switch_leads_to_the_same_view_in_english() {
    let page = render_zh("sre").await;
    let nav: Vec<String> = select(page.root_element(), ".site-nav a")
        .iter()
        .filter_map(|a| a.attr("href").map(str::to_owned))
        .collect();
    assert!(nav.contains(&"zh-TW/devops/".to_owned()), "{nav:?}");
    assert!(nav.contains(&"zh-TW/".to_owned()), "{nav:?}");
    let switch = the(&page, ".language-switch");
    assert_eq!(switch.attr("aria-label"), Some("語言"));
    assert_eq!(text(the(&page, ".language-current")), "繁體中文");
    let english = the(&page, ".language-switch a");
    assert_eq!(
        (
            english.attr("href"),
            english.attr("hreflang"),
            english.attr("lang")
        ),
        (Some("sre/?lang=en"), Some("en"), Some("en"))
    );
    assert_eq!(text(english), "English");
}

#[tokio::test]
async fn salaries_are_written_in_ten_thousands_of_nt_dollars() {
    let page = render_zh("career").await;
    let table = the(&page, r#"table[data-table="salary"]"#);
    let sre: Vec<String> = select(table, "tbody tr")
        .into_iter()
        .map(|row| texts(row, "th, td"))
        .find(|row| row[0] == "SRE")
        .expect("an SRE row");
    assert_eq!(
        sre[1..],
        [
            "NT$80 萬 至 NT$100 萬",
            "NT$100 萬 至 NT$140 萬",
            "NT$140 萬 至 NT$200 萬"
        ]
    );
    assert_eq!(
        text(the(&page, ".salary-market")),
        "依 2025 年台灣市場行情，按職級區分。"
    );
}
