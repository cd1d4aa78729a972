//! The widgets' data checked: the CALMS wheel's pillars, the pipeline's stages and
//! defects, the error-budget lab, the career tree (every walk ends at a role), the
//! salary chart and the self-rating's table.

use std::collections::HashSet;

use super::super::model::{
    BudgetLab, Calms, CareerTree, Cell, Pipeline, SalaryChart, Table, TreeNext, CALMS_PILLARS,
};
use super::Checker;

impl Checker {
    pub(super) fn calms(&mut self, calms: &Calms) {
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

    pub(super) fn pipeline(&mut self, pipeline: &Pipeline) {
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

    pub(super) fn budget(&mut self, lab: &BudgetLab) {
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

    pub(super) fn career_tree(&mut self, tree: &CareerTree) {
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
    pub(super) fn tree_walks(&mut self, tree: &CareerTree) {
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

    pub(super) fn salary_chart(&mut self, chart: &SalaryChart) {
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

    pub(super) fn skill_rating_table(&mut self, table: Option<&Table>, id: &str) {
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
}
