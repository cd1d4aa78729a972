//! Checks that content is complete and consistent: no empty text, no duplicate id, no
//! reference to something that does not exist, every seed section covered. `build.rs`
//! refuses to bake content that fails, and the content tests run the same checks.

use std::collections::{HashMap, HashSet};

use super::model::{
    Block, BudgetLab, Calms, CareerTree, Cell, Citation, Content, Pipeline, SalaryChart, Section,
    Table, Text, TreeNext, View, CALMS_PILLARS, MAX_STARS,
};

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

    fn calms(&mut self, calms: &Calms) {
        self.text("caption", &calms.caption);
        self.text("hub", &calms.hub);
        if calms.pillars.len() != CALMS_PILLARS {
            self.problem(&format!(
                "the CALMS wheel has {} pillars, not {CALMS_PILLARS}",
                calms.pillars.len()
            ));
        }
        for pillar in calms.pillars.iter() {
            self.place.push(format!("pillar {:?}", pillar.id));
            self.id("pillar", &pillar.id);
            for (what, text) in [
                ("letter", &pillar.letter),
                ("name", &pillar.name),
                ("description", &pillar.description),
                ("anti-pattern", &pillar.anti_pattern),
                ("quiz topic", &pillar.quiz_topic),
            ] {
                self.text(what, text);
            }
            self.not_empty("practices", pillar.practices.len());
            pillar
                .practices
                .iter()
                .for_each(|p| self.text("practice", p));
            pillar
                .sources
                .iter()
                .for_each(|source| self.citation(source));
            self.place.pop();
        }
    }

    fn pipeline(&mut self, pipeline: &Pipeline) {
        self.text("caption", &pipeline.caption);
        self.text("cost note", &pipeline.cost_note);
        self.citation(&pipeline.cost_source);
        self.not_empty("stages", pipeline.stages.len());
        let mut last_cost = 0;
        for stage in pipeline.stages.iter() {
            self.place.push(format!("stage {:?}", stage.id));
            self.id("stage", &stage.id);
            for (what, text) in [
                ("name", &stage.name),
                ("phase", &stage.phase),
                ("practice", &stage.practice),
                ("tools", &stage.tools),
                ("why", &stage.why),
            ] {
                self.text(what, text);
            }
            if stage.cost < last_cost || stage.cost == 0 {
                self.problem("a fix must cost at least 1 and never less than at an earlier stage");
            }
            last_cost = stage.cost;
            self.place.pop();
        }
        let index_of = |id: &str| pipeline.stages.iter().position(|s| s.id == id);
        let gate_index = index_of(&pipeline.gate.before);
        self.place.push("gate".into());
        self.text("name", &pipeline.gate.name);
        self.text("description", &pipeline.gate.description);
        match gate_index {
            None => self.problem(&format!(
                "stands before unknown stage {:?}",
                pipeline.gate.before
            )),
            Some(0) => self.problem("cannot stand before the first stage"),
            Some(_) => {}
        }
        self.place.pop();
        for defect in pipeline.defects.iter() {
            self.place.push(format!("defect {:?}", defect.id));
            self.id("defect", &defect.id);
            self.text("name", &defect.name);
            self.text("example", &defect.example);
            match (&defect.in_production, defect.gate_catches) {
                (Some(text), false) => self.text("in production", text),
                (None, false) => self.problem("the gate misses it: say what happens in production"),
                (Some(_), true) => self.problem("the gate catches it: it never reaches production"),
                (None, true) => {}
            }
            self.not_empty("detected in", defect.detected_in.len());
            let found: Vec<Option<usize>> =
                defect.detected_in.iter().map(|id| index_of(id)).collect();
            for (id, index) in defect.detected_in.iter().zip(&found) {
                if index.is_none() {
                    self.problem(&format!("is detected in unknown stage {id:?}"));
                }
            }
            let earliest = found.iter().flatten().min();
            if let (true, Some(gate), Some(earliest)) = (defect.gate_catches, gate_index, earliest)
            {
                if *earliest >= gate {
                    self.problem(
                        "the gate catches it, so some stage before the gate must detect it too",
                    );
                }
            }
            self.place.pop();
        }
        self.not_empty("defects", pipeline.defects.len());
        self.not_empty("why traditional", pipeline.why_traditional.len());
        self.not_empty("why shift left", pipeline.why_shift_left.len());
        let whys = pipeline
            .why_traditional
            .iter()
            .chain(pipeline.why_shift_left.iter());
        whys.for_each(|why| self.text("why", why));
    }

    fn budget(&mut self, lab: &BudgetLab) {
        self.place.push("budget lab".into());
        for (what, text) in [
            ("caption", &lab.caption),
            ("ample", &lab.ample),
            ("low", &lab.low),
            ("exhausted", &lab.exhausted),
        ] {
            self.text(what, text);
        }
        // The lab's range, 90% to 99.999%, in thousandths of a percent.
        let in_range = |slo: u32| (90_000..=99_999).contains(&slo);
        if !in_range(lab.initial_slo) {
            self.problem("the initial SLO must lie between 90% and 99.999%");
        }
        self.not_empty("presets", lab.presets.len());
        if lab.presets.iter().any(|&preset| !in_range(preset)) {
            self.problem("every preset must lie between 90% and 99.999%");
        }
        if !(1..100).contains(&lab.low_below_percent) {
            self.problem("the low threshold must be between 1% and 99%");
        }
        self.citation(&lab.policy_source);
        self.citation(&lab.alerts_source);
        self.not_empty("alerts", lab.alerts.len());
        for alert in lab.alerts.iter() {
            self.text("alert action", &alert.action);
            let budget_ok = (1..=100_000).contains(&alert.budget_spent);
            if !budget_ok
                || alert.short_window_seconds == 0
                || alert.short_window_seconds >= alert.long_window_seconds
            {
                self.problem(
                    "an alert needs a budget share and a short window shorter than its long one",
                );
            }
        }
        self.place.pop();
    }

    fn career_tree(&mut self, tree: &CareerTree) {
        self.place.push("career tree".into());
        self.text("caption", &tree.caption);
        self.not_empty("questions", tree.questions.len());
        for question in tree.questions.iter() {
            self.place.push(format!("question {:?}", question.id));
            self.id("tree question", &question.id);
            self.text("text", &question.text);
            self.text("short", &question.short);
            if question.answers.len() < 2 {
                self.problem("needs at least two answers");
            }
            for answer in question.answers.iter() {
                self.text("answer label", &answer.label);
                self.text("answer reason", &answer.reason);
            }
            self.place.pop();
        }
        for role in tree.roles.iter() {
            self.place.push(format!("role {:?}", role.id));
            self.id("tree role", &role.id);
            for (what, text) in [
                ("name", &role.name),
                ("summary", &role.summary),
                ("quiz topic", &role.quiz_topic),
            ] {
                self.text(what, text);
            }
            self.not_empty("traits", role.traits.len());
            self.not_empty("choose if", role.choose_if.len());
            role.traits.iter().for_each(|t| self.text("trait", t));
            role.choose_if
                .iter()
                .for_each(|c| self.text("choose if", c));
            self.place.pop();
        }
        self.tree_walks(tree);
        self.place.pop();
    }

    /// Every walk must end at a known role, and every question and role must be on
    /// some walk: no loop, no dangling answer, nothing unreachable.
    fn tree_walks(&mut self, tree: &CareerTree) {
        let mut reached: HashSet<&str> = HashSet::new();
        for (answers, end) in tree.walks() {
            match end {
                Ok(TreeNext::Role(role)) if tree.role(&role).is_none() => self.problem(&format!(
                    "answers {answers:?} lead to unknown role {role:?}"
                )),
                Ok(_) => {}
                Err(why) => self.problem(&format!("answers {answers:?} lead to {why}")),
            }
            reached.extend(tree.visits(&answers));
        }
        let ids = tree.questions.iter().map(|q| &q.id);
        for id in ids.chain(tree.roles.iter().map(|r| &r.id)) {
            if !reached.contains(id.as_ref()) {
                self.problem(&format!("{id:?} is on no path from the start"));
            }
        }
    }

    fn salary_chart(&mut self, chart: &SalaryChart) {
        self.place.push(format!("salary chart {:?}", chart.id));
        self.id("table", &chart.id);
        for (what, text) in [
            ("caption", &chart.caption),
            ("market", &chart.market),
            ("currency", &chart.currency),
            ("caveat", &chart.caveat),
        ] {
            self.text(what, text);
        }
        self.not_empty("levels", chart.levels.len());
        chart.levels.iter().for_each(|l| self.text("level", l));
        self.not_empty("roles", chart.roles.len());
        for role in chart.roles.iter() {
            self.text("role", &role.role);
            if role.ranges.len() != chart.levels.len() {
                self.problem(&format!("{} needs one range per level", role.role));
            }
            if role.ranges.iter().any(|r| r.low == 0 || r.low >= r.high) {
                self.problem(&format!(
                    "{}: every range must run from low to high",
                    role.role
                ));
            }
        }
        self.place.pop();
    }

    fn skill_rating_table(&mut self, table: Option<&Table>, id: &str) {
        self.place.push(format!("skill rating of table {id:?}"));
        match table {
            None => self.problem("rates against a table that does not exist"),
            Some(table) => {
                let all_stars = table
                    .rows
                    .iter()
                    .all(|row| row.iter().skip(1).all(|c| matches!(c, Cell::Stars(_))));
                if !all_stars || table.columns.len() < 2 {
                    self.problem("the table must rate roles in stars after each row's header");
                }
            }
        }
        self.place.pop();
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
