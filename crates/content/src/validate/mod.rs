//! Checks that content is complete and consistent: no empty text, no duplicate id, no
//! reference to something that does not exist, every seed section covered. `build.rs`
//! refuses to bake content that fails, and the content tests run the same checks.

use std::collections::{HashMap, HashSet};

mod widgets;

use super::model::{Block, Cell, Citation, Content, Section, Table, Text, View, MAX_STARS};

/// Every problem found, each naming where it is, for example
/// `view "sre" › section "toil": heading is empty`.
pub fn validate(content: &Content) -> Vec<String> {
    let mut check = Checker::default();
    check.content(content);
    check.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<String>,
    /// Where the checker is, as a breadcrumb for the messages.
    place: Vec<String>,
    /// The ids seen so far in each scope ("view", "table"...), to find duplicates.
    seen_ids: HashMap<&'static str, HashSet<String>>,
}

impl Checker {
    fn content(&mut self, content: &Content) {
        self.place.push("source".into());
        self.text("title", &content.source.title);
        self.text("publisher", &content.source.publisher);
        self.text("url", &content.source.url);
        self.place.pop();

        for seed in content.seed_sections.iter() {
            self.place.push(format!("seed section {:?}", seed.id));
            self.id("seed section", &seed.id);
            self.text("title", &seed.title);
            self.place.pop();
        }

        if content.views.is_empty() {
            self.problem("there are no views");
        }
        let view_ids: HashSet<&str> = content.views.iter().map(|v| v.id.as_ref()).collect();
        let seed_ids: HashSet<&str> = content
            .seed_sections
            .iter()
            .map(|s| s.id.as_ref())
            .collect();
        for view in content.views.iter() {
            self.view(view, &view_ids, &seed_ids);
        }

        for block in content.blocks() {
            if let Block::SkillRating(rating) = block {
                self.skill_rating_table(content.table(&rating.table), &rating.table);
            }
        }

        let cited: HashSet<&str> = content
            .views
            .iter()
            .flat_map(|view| view.sections.iter())
            .filter_map(|section| section.seed.as_deref())
            .collect();
        for seed in content
            .seed_sections
            .iter()
            .filter(|seed| !seed.illustration)
        {
            if !cited.contains(seed.id.as_ref()) {
                self.problems.push(format!(
                    "seed section {:?} ({}) is taught by no view section",
                    seed.id, seed.title
                ));
            }
        }
    }

    fn view(&mut self, view: &View, view_ids: &HashSet<&str>, seed_ids: &HashSet<&str>) {
        self.place.push(format!("view {:?}", view.id));
        self.id("view", &view.id);
        self.text("nav", &view.nav);
        self.text("title", &view.title);
        self.text("lede", &view.lede);
        if view.sections.is_empty() {
            self.problem("has no sections");
        }
        // Section ids are addresses within their view, so each view starts afresh.
        self.seen_ids.remove("section");
        for section in view.sections.iter() {
            self.section(section, view_ids, seed_ids);
        }
        self.place.pop();
    }

    fn section(&mut self, section: &Section, view_ids: &HashSet<&str>, seed_ids: &HashSet<&str>) {
        self.place.push(format!("section {:?}", section.id));
        self.id("section", &section.id);
        self.text("heading", &section.heading);
        if let Some(seed) = &section.seed {
            if !seed_ids.contains(seed.as_ref()) {
                self.problem(&format!("seed {seed:?} is not a seed section"));
            }
        }
        if section.blocks.is_empty() {
            self.problem("has no blocks");
        }
        for (number, block) in section.blocks.iter().enumerate() {
            self.place.push(format!("block {}", number + 1));
            self.block(block, view_ids);
            self.place.pop();
        }
        self.place.pop();
    }

    fn block(&mut self, block: &Block, view_ids: &HashSet<&str>) {
        match block {
            Block::Heading(text) | Block::Paragraph(text) | Block::Note(text) => {
                self.text("text", text)
            }
            Block::Bullets(items) => {
                self.not_empty("bullets", items.len());
                for item in items.iter() {
                    if let Some(term) = &item.term {
                        self.text("term", term);
                    }
                    self.text("text", &item.text);
                }
            }
            Block::Steps(steps) => {
                self.not_empty("steps", steps.len());
                steps.iter().for_each(|step| self.text("step", step));
            }
            Block::Quote(quote) => {
                self.text("quote", &quote.text);
                self.text("by", &quote.by);
            }
            Block::Table(table) => self.table(table),
            Block::Nested(nested) => {
                self.text("caption", &nested.caption);
                self.not_empty("inner", nested.inner.len());
                for label in std::iter::once(&nested.outer).chain(nested.inner.iter()) {
                    self.text("name", &label.name);
                    self.text("role", &label.role);
                }
            }
            Block::Flow(flow) => {
                self.text("caption", &flow.caption);
                self.not_empty("lanes", flow.lanes.len());
                for lane in flow.lanes.iter() {
                    self.text("lane name", &lane.name);
                    self.not_empty("steps", lane.steps.len());
                    lane.steps
                        .iter()
                        .for_each(|step| self.text("step", &step.name));
                }
            }
            Block::Glossary(terms) => {
                self.not_empty("glossary", terms.len());
                for term in terms.iter() {
                    self.id("glossary term", &term.id);
                    self.text("term", &term.term);
                    self.text("definition", &term.definition);
                }
            }
            Block::Faq(entries) => {
                self.not_empty("faq", entries.len());
                for entry in entries.iter() {
                    self.id("faq entry", &entry.id);
                    self.text("question", &entry.question);
                    self.text("answer", &entry.answer);
                }
            }
            Block::Calms(calms) => self.calms(calms),
            Block::Pipeline(pipeline) => self.pipeline(pipeline),
            Block::Budget(lab) => self.budget(lab),
            Block::CareerTree(tree) => self.career_tree(tree),
            Block::SkillRating(rating) => {
                self.text("caption", &rating.caption);
                self.id("skill rating", &rating.table);
            }
            Block::SalaryChart(chart) => self.salary_chart(chart),
            Block::Links(links) => {
                self.not_empty("links", links.len());
                for link in links.iter() {
                    self.text("link text", &link.text);
                    if !view_ids.contains(link.view.as_ref()) {
                        self.problem(&format!("links to unknown view {:?}", link.view));
                    }
                }
            }
        }
    }

    fn citation(&mut self, citation: &Citation) {
        self.text("source title", &citation.title);
        if !citation.url.starts_with("https://") {
            self.problem(&format!(
                "source {:?} needs an https:// address",
                citation.title
            ));
        }
    }

    fn table(&mut self, table: &Table) {
        self.place.push(format!("table {:?}", table.id));
        self.id("table", &table.id);
        self.text("caption", &table.caption);
        if table.columns.len() < 2 {
            self.problem("needs at least two columns");
        }
        table
            .columns
            .iter()
            .for_each(|column| self.text("column", column));
        self.not_empty("rows", table.rows.len());
        for (number, row) in table.rows.iter().enumerate() {
            self.place.push(format!("row {}", number + 1));
            if row.len() != table.columns.len() {
                self.problem(&format!(
                    "has {} cells for {} columns",
                    row.len(),
                    table.columns.len()
                ));
            }
            if !matches!(row.first(), Some(Cell::Text(_))) {
                self.problem("must start with a text cell: it is the row's header");
            }
            for cell in row.iter() {
                match cell {
                    Cell::Text(text) => self.text("cell", text),
                    Cell::Stars(stars) if *stars > MAX_STARS => {
                        self.problem(&format!("rates {stars} stars, above {MAX_STARS}"))
                    }
                    Cell::Stars(_) => {}
                }
            }
            self.place.pop();
        }
        self.place.pop();
    }

    /// An id must be non-empty, unique in its scope and usable in a URL as it is.
    fn id(&mut self, scope: &'static str, id: &Text) {
        if !is_slug(id) {
            self.problem(&format!(
                "{scope} id {id:?} must be lowercase letters, digits and dashes"
            ));
        }
        if !self
            .seen_ids
            .entry(scope)
            .or_default()
            .insert(id.to_string())
        {
            self.problem(&format!("{scope} id {id:?} is a duplicate"));
        }
    }

    fn text(&mut self, what: &str, text: &Text) {
        if text.trim().is_empty() {
            self.problem(&format!("{what} is empty"));
        }
    }

    fn not_empty(&mut self, what: &str, len: usize) {
        if len == 0 {
            self.problem(&format!("{what} has no entries"));
        }
    }

    fn problem(&mut self, message: &str) {
        let place = self.place.join(" › ");
        self.problems.push(format!("{place}: {message}"));
    }
}

/// Lowercase ASCII letters, digits and inner dashes: safe in a URL fragment unescaped.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
