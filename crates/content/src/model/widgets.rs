//! The widgets' data, as the article gives it: the CALMS wheel, the pipeline, the
//! error-budget lab, the career tree, the self-rating and the salary chart.

use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};

/// CALMS has five pillars: Culture, Automation, Lean, Measurement, Sharing.
pub const CALMS_PILLARS: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calms {
    pub caption: Text,
    /// The label at the wheel's hub: what the pillars hold up.
    pub hub: Text,
    /// Exactly [`CALMS_PILLARS`] of them, in the order of the acronym.
    pub pillars: List<Pillar>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    /// Its address in the wheel's deep link, `#/devops/calms/<id>`.
    pub id: Text,
    pub letter: Text,
    pub name: Text,
    pub icon: PillarIcon,
    /// What the article says the pillar represents.
    pub description: Text,
    /// What the pillar looks like in practice.
    pub practices: List<Text>,
    pub anti_pattern: Text,
    /// The quiz topic that tests this pillar, such as `devops/calms/culture`.
    pub quiz_topic: Text,
    /// Primary sources for what the article does not say itself.
    #[serde(default)]
    pub sources: List<Citation>,
}

/// The drawn icon of a pillar. The article asks for no gears and no glowing effects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PillarIcon {
    Handshake,
    Automation,
    LeanFlow,
    Chart,
    SharedKnowledge,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    pub caption: Text,
    /// Plan to Production, each with the DevSecOps check that sits in it.
    pub stages: List<PipelineStage>,
    /// The traditional model's single security check at the end.
    pub gate: Gate,
    pub defects: List<Defect>,
    /// Says the cost multipliers are illustrative, and where they come from.
    pub cost_note: Text,
    pub cost_source: Citation,
    /// The article's case against security at the end, and for shift left.
    pub why_traditional: List<Text>,
    pub why_shift_left: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineStage {
    pub id: Text,
    pub name: Text,
    /// The phase of the article's practice table whose check sits in this stage.
    pub phase: Text,
    pub practice: Text,
    pub tools: Text,
    /// Why the check belongs at this stage.
    pub why: Text,
    /// How many times the cost of a fix at the first stage a fix here costs.
    pub cost: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    pub name: Text,
    pub description: Text,
    /// The id of the stage the gate stands just before.
    pub before: Text,
    pub cost: u16,
}

/// A defect the reader can send down the pipeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defect {
    pub id: Text,
    pub name: Text,
    pub example: Text,
    /// The ids of the stages whose DevSecOps check detects it.
    pub detected_in: List<Text>,
    /// Whether the traditional gate at the end catches it. A defect the gate catches
    /// must also be detected in some stage before the gate: shifting left moves the
    /// gate's checks earlier, it does not drop them.
    pub gate_catches: bool,
    /// What happens when it reaches production uncaught in the traditional model: given
    /// exactly when the gate misses it.
    #[serde(default)]
    pub in_production: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLab {
    pub caption: Text,
    /// The SLO the lab opens with, in thousandths of a percent (99 900 is 99.9%).
    pub initial_slo: u32,
    /// The preset buttons, in thousandths of a percent.
    pub presets: List<u32>,
    /// Remaining budget, in percent, under which the budget counts as low.
    pub low_below_percent: u8,
    /// What the team does in each policy state, in the article's words.
    pub ample: Text,
    pub low: Text,
    pub exhausted: Text,
    /// Where the freeze on exhaustion comes from, since the article stops at "low".
    pub policy_source: Citation,
    pub alerts: List<AlertRow>,
    pub alerts_source: Citation,
}

/// A multiwindow burn-rate alert: page or ticket when this share of the budget burns
/// within the long window, confirmed over the short one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRow {
    pub action: Text,
    /// What the generated rule's `severity` label says, in every language.
    pub severity: Severity,
    /// Thousandths of a percent of the budget: 2% is 2 000.
    pub budget_spent: u32,
    pub long_window_seconds: u64,
    pub short_window_seconds: u64,
}

/// How urgent a burn-rate alert is: someone is woken, or a ticket waits for work hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Page,
    Ticket,
}

impl Severity {
    /// The label's value in the generated rules.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Page => "page",
            Severity::Ticket => "ticket",
        }
    }
}

/// The article's career decision tree. Questions lead to questions or to a role; a
/// walk from `start` always ends at a role (checked by `validate`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerTree {
    pub caption: Text,
    /// The id of the first question.
    pub start: Text,
    pub questions: List<TreeQuestion>,
    pub roles: List<CareerRole>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeQuestion {
    pub id: Text,
    pub text: Text,
    /// A few words for the drawn tree, such as "Like coding?".
    pub short: Text,
    pub answers: List<TreeAnswer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeAnswer {
    pub label: Text,
    /// What this answer says about the reader: one of the result's reasons.
    pub reason: Text,
    pub next: TreeNext,
}

/// Where an answer leads: written `{ question = "coding" }` or `{ role = "sre" }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TreeNext {
    Question(Text),
    Role(Text),
}

/// A leaf of the tree: a role, with the article's words on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerRole {
    pub id: Text,
    pub name: Text,
    /// The article's one-sentence summary.
    pub summary: Text,
    /// Key characteristics: the article's work focus for the role.
    pub traits: List<Text>,
    /// The article's "Choose <role> if you:" points.
    pub choose_if: List<Text>,
    /// The quiz topic the result links to, such as `sre`.
    pub quiz_topic: Text,
}

/// A walk through the tree can never be longer than this many questions: it would
/// have to repeat one, and validation rejects trees with loops.
pub const MAX_TREE_QUESTIONS: usize = 32;

impl CareerTree {
    pub fn question(&self, id: &str) -> Option<&TreeQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn role(&self, id: &str) -> Option<&CareerRole> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// Every walk from the start to an end, each as the answer indices taken and where
    /// it ends. An answer that leads to a missing question, or back to a question
    /// already on the walk, ends that walk with `Err` naming the culprit.
    pub fn walks(&self) -> Vec<(Vec<usize>, Result<TreeNext, String>)> {
        let mut walks = Vec::new();
        self.walk_from(
            TreeNext::Question(self.start.clone()),
            &mut Vec::new(),
            &mut Vec::new(),
            &mut walks,
        );
        walks
    }

    /// The ids of the questions a walk asks and of the role it ends at, in order;
    /// answers past the end, or that do not exist, are ignored.
    pub fn visits(&self, answers: &[usize]) -> Vec<&str> {
        let mut ids = vec![self.start.as_ref()];
        let mut at = self.question(&self.start);
        for &index in answers {
            let Some(next) = at.and_then(|q| q.answers.get(index)).map(|a| &a.next) else {
                break;
            };
            at = match next {
                TreeNext::Question(id) => {
                    ids.push(id);
                    self.question(id)
                }
                TreeNext::Role(id) => {
                    ids.push(id);
                    None
                }
            };
        }
        ids
    }

    fn walk_from(
        &self,
        at: TreeNext,
        answers: &mut Vec<usize>,
        visited: &mut Vec<Text>,
        walks: &mut Vec<(Vec<usize>, Result<TreeNext, String>)>,
    ) {
        let id = match &at {
            TreeNext::Role(_) => return walks.push((answers.clone(), Ok(at))),
            TreeNext::Question(id) => id.clone(),
        };
        let Some(question) = self.question(&id) else {
            return walks.push((answers.clone(), Err(format!("no question {id:?}"))));
        };
        if visited.contains(&id) || visited.len() >= MAX_TREE_QUESTIONS {
            return walks.push((answers.clone(), Err(format!("question {id:?} loops"))));
        }
        visited.push(id);
        for (index, answer) in question.answers.iter().enumerate() {
            answers.push(index);
            self.walk_from(answer.next.clone(), answers, visited, walks);
            answers.pop();
        }
        visited.pop();
    }
}

/// The reader rates themselves on each skill of a star table, whose columns after the
/// first are the roles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRating {
    pub caption: Text,
    /// The id of the table of the stars each role asks for.
    pub table: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryChart {
    /// Unique across the content's tables: the chart's table equivalent carries it.
    pub id: Text,
    pub caption: Text,
    /// Where and when the figures hold, such as "Taiwan" and 2025.
    pub market: Text,
    pub year: u16,
    /// Put before each amount, such as "NT$".
    pub currency: Text,
    /// Junior, mid-level, senior: the columns of each role's ranges.
    pub levels: List<Text>,
    pub roles: List<SalaryRole>,
    /// The article's caveat on the figures.
    pub caveat: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryRole {
    pub role: Text,
    /// One range per level, in thousands of the currency.
    pub ranges: List<SalaryRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryRange {
    pub low: u32,
    pub high: u32,
}
