//! The career path finder's logic, with no browser in it: a walk through the decision
//! tree, the tree's drawing, the reader's self-rating and its gaps to each role, and
//! the salary chart's scale and amounts.

use crate::content::model::{
    CareerRole, CareerTree, Cell, SalaryChart, Table, Text, TreeAnswer, TreeNext, TreeQuestion,
    MAX_TREE_QUESTIONS,
};
use crate::format::trimmed;

// ---------------------------------------------------------------- the walk

/// The reader's answers so far, from the start of the tree. Only answers that exist
/// are ever kept, so the walk always stands at a question or at a role.
#[derive(Clone, Debug, PartialEq)]
pub struct Walk {
    pub tree: CareerTree,
    pub answers: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkMsg {
    /// The answer at this index of the current question.
    Answer(usize),
    /// Undo the last answer.
    Back,
    Restart,
}

/// Where a walk stands: a question to answer, or the role it ends at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Position<'a> {
    Asking(&'a TreeQuestion),
    Done(&'a CareerRole),
}

/// A question the reader answered, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step<'a> {
    pub question: &'a TreeQuestion,
    pub answer: usize,
}

/// What a step that cannot exist says.
static NOTHING: Text = Text::Borrowed("");

impl<'a> Step<'a> {
    /// The answer given; a step is only ever made of an answer that exists.
    fn given(&self) -> Option<&'a TreeAnswer> {
        self.question.answers.get(self.answer)
    }

    pub fn label(&self) -> &'a Text {
        self.given().map_or(&NOTHING, |a| &a.label)
    }

    pub fn reason(&self) -> &'a Text {
        self.given().map_or(&NOTHING, |a| &a.reason)
    }

    fn next(&self) -> Option<&'a TreeNext> {
        self.given().map(|a| &a.next)
    }
}

impl Walk {
    pub fn new(tree: CareerTree) -> Walk {
        Walk {
            tree,
            answers: Vec::new(),
        }
    }

    /// A walk along `encoded` answers (see [`Walk::encode`]), or None if they are not
    /// a path through the tree.
    pub fn decode(tree: CareerTree, encoded: &str) -> Option<Walk> {
        let mut walk = Walk::new(tree);
        for part in encoded.split('-').filter(|p| !p.is_empty()) {
            let index = part.parse::<usize>().ok()?.checked_sub(1)?;
            let before = walk.answers.len();
            walk = walk.update(WalkMsg::Answer(index));
            if walk.answers.len() == before {
                return None;
            }
        }
        Some(walk)
    }

    /// The answers as the URL keeps them: numbers from 1, joined by dashes, as `1-2-1`.
    pub fn encode(&self) -> String {
        let numbers: Vec<String> = self.answers.iter().map(|a| (a + 1).to_string()).collect();
        numbers.join("-")
    }

    pub fn update(mut self, msg: WalkMsg) -> Walk {
        match msg {
            WalkMsg::Answer(index) => {
                let exists =
                    matches!(self.position(), Some(Position::Asking(q)) if index < q.answers.len());
                if exists {
                    self.answers.push(index);
                }
            }
            WalkMsg::Back => {
                self.answers.pop();
            }
            WalkMsg::Restart => self.answers.clear(),
        }
        self
    }

    /// The questions answered so far, in order.
    pub fn steps(&self) -> Vec<Step<'_>> {
        let mut steps = Vec::with_capacity(self.answers.len());
        let mut at = self.tree.question(&self.tree.start);
        for &answer in &self.answers {
            let Some(question) = at else { break };
            let step = Step { question, answer };
            at = match step.next() {
                Some(TreeNext::Question(id)) => self.tree.question(id),
                _ => None,
            };
            steps.push(step);
        }
        steps
    }

    /// Where the walk stands; None only for a tree that fails validation.
    pub fn position(&self) -> Option<Position<'_>> {
        let Some(last) = self.steps().last().copied() else {
            return self.tree.question(&self.tree.start).map(Position::Asking);
        };
        match last.next()? {
            TreeNext::Question(id) => self.tree.question(id).map(Position::Asking),
            TreeNext::Role(id) => self.tree.role(id).map(Position::Done),
        }
    }

    /// Why the walk ended where it did: the reason of each answer given.
    pub fn reasons(&self) -> Vec<&Text> {
        self.steps().into_iter().map(|step| step.reason()).collect()
    }
}

// ---------------------------------------------------------------- the drawn tree

/// Horizontal room for each leaf of the drawn tree, in SVG units.
pub const LEAF_SPACING: u32 = 110;
/// Vertical room for each level of the drawn tree.
pub const LEVEL_SPACING: u32 = 60;

/// A node of the drawn tree. `path` is the answers that lead to it, so a node is on
/// the reader's walk when its path is a prefix of the walk's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawnNode {
    pub path: Vec<usize>,
    pub label: Text,
    /// A role rather than a question.
    pub is_role: bool,
    /// The id of the question or role.
    pub id: Text,
    pub x: u32,
    pub y: u32,
    /// The index of the parent in the list, and the answer label on the edge to it.
    pub parent: Option<(usize, Text)>,
}

/// Every node of the tree with its place: leaves side by side in the order of the
/// answers, each question centred over its first and last child, one level per answer.
pub fn layout(tree: &CareerTree) -> Vec<DrawnNode> {
    let mut nodes = Vec::new();
    let mut next_leaf = 0;
    place(
        tree,
        TreeNext::Question(tree.start.clone()),
        Vec::new(),
        None,
        &mut next_leaf,
        &mut nodes,
    );
    nodes
}

/// Places the subtree at `at` and returns its root's x, or None for a node that does
/// not exist (validation forbids it; the drawing just leaves it out).
fn place(
    tree: &CareerTree,
    at: TreeNext,
    path: Vec<usize>,
    parent: Option<(usize, Text)>,
    next_leaf: &mut u32,
    nodes: &mut Vec<DrawnNode>,
) -> Option<u32> {
    let y = path.len() as u32 * LEVEL_SPACING + LEVEL_SPACING / 2;
    let mut node = DrawnNode {
        path: path.clone(),
        label: Text::default(),
        is_role: false,
        id: Text::default(),
        x: 0,
        y,
        parent,
    };
    match at {
        TreeNext::Role(id) => {
            let role = tree.role(&id)?;
            node.label = role.name.clone();
            node.is_role = true;
            node.id = role.id.clone();
            node.x = *next_leaf * LEAF_SPACING + LEAF_SPACING / 2;
            *next_leaf += 1;
            nodes.push(node);
            Some(nodes[nodes.len() - 1].x)
        }
        TreeNext::Question(id) => {
            let question = tree
                .question(&id)
                .filter(|_| path.len() < MAX_TREE_QUESTIONS)?;
            node.label = question.short.clone();
            node.id = question.id.clone();
            let index = nodes.len();
            nodes.push(node);
            let children: Vec<u32> = question
                .answers
                .iter()
                .enumerate()
                .filter_map(|(i, answer)| {
                    let mut child_path = path.clone();
                    child_path.push(i);
                    let edge = Some((index, answer.label.clone()));
                    place(
                        tree,
                        answer.next.clone(),
                        child_path,
                        edge,
                        next_leaf,
                        nodes,
                    )
                })
                .collect();
            let x = match (children.first(), children.last()) {
                (Some(first), Some(last)) => (first + last) / 2,
                _ => {
                    *next_leaf += 1;
                    (*next_leaf - 1) * LEAF_SPACING + LEAF_SPACING / 2
                }
            };
            nodes[index].x = x;
            Some(x)
        }
    }
}

/// The width and height of the drawn tree, in SVG units.
pub fn drawing_size(nodes: &[DrawnNode]) -> (u32, u32) {
    let leaves = nodes
        .iter()
        .map(|n| n.x / LEAF_SPACING + 1)
        .max()
        .unwrap_or(1);
    let levels = nodes
        .iter()
        .map(|n| n.y / LEVEL_SPACING + 1)
        .max()
        .unwrap_or(1);
    (leaves * LEAF_SPACING, levels * LEVEL_SPACING)
}

// ---------------------------------------------------------------- self-rating

/// The lowest and highest rating a reader gives themselves.
pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 5;

/// The skills table read as numbers: what each role asks for on each skill.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillProfiles {
    pub skills: Vec<Text>,
    pub roles: Vec<Text>,
    /// `required[role][skill]`, in stars.
    pub required: Vec<Vec<u8>>,
}

impl SkillProfiles {
    /// Reads a star table: a row per skill, a column per role after the first. None
    /// for a table with any other cell (validation forbids it).
    pub fn from_table(table: &Table) -> Option<SkillProfiles> {
        let roles: Vec<Text> = table.columns.iter().skip(1).cloned().collect();
        let mut required = vec![Vec::with_capacity(table.rows.len()); roles.len()];
        let mut skills = Vec::with_capacity(table.rows.len());
        for row in table.rows.iter() {
            let (Some(Cell::Text(skill)), Some(stars)) = (row.first(), row.get(1..)) else {
                return None;
            };
            if stars.len() != roles.len() {
                return None;
            }
            skills.push(skill.clone());
            for (role, cell) in stars.iter().enumerate() {
                let Cell::Stars(stars) = cell else {
                    return None;
                };
                required[role].push(*stars);
            }
        }
        Some(SkillProfiles {
            skills,
            roles,
            required,
        })
    }

    /// How far each role is from the reader: the sum over skills of what the role
    /// asks for beyond the reader's rating. None until every skill is rated.
    pub fn total_gaps(&self, ratings: &Ratings) -> Option<Vec<u32>> {
        let ratings = ratings.complete()?;
        Some(
            self.required
                .iter()
                .map(|required| total_gap(required, &ratings))
                .collect(),
        )
    }

    /// The roles with the smallest total gap: one, or several that tie.
    pub fn closest_roles(&self, ratings: &Ratings) -> Vec<usize> {
        let Some(totals) = self.total_gaps(ratings) else {
            return Vec::new();
        };
        let smallest = totals.iter().copied().min();
        (0..totals.len())
            .filter(|&role| Some(totals[role]) == smallest)
            .collect()
    }
}

/// What a role asks for beyond the reader's rating on one skill; nothing when the
/// reader meets or passes it, since being stronger is no gap.
pub fn gap(required: u8, rating: u8) -> u8 {
    required.saturating_sub(rating)
}

pub fn total_gap(required: &[u8], ratings: &[u8]) -> u32 {
    required
        .iter()
        .zip(ratings)
        .map(|(&required, &rating)| u32::from(gap(required, rating)))
        .sum()
}

/// The reader's ratings, one per skill, each unset until given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ratings(pub Vec<Option<u8>>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingMsg {
    Rate {
        skill: usize,
        rating: u8,
    },
    Clear,
    /// Ratings read back from storage; ignored unless they are for as many skills.
    Restore(Vec<Option<u8>>),
}

impl Ratings {
    pub fn unset(skills: usize) -> Ratings {
        Ratings(vec![None; skills])
    }

    pub fn update(mut self, msg: RatingMsg) -> Ratings {
        match msg {
            RatingMsg::Rate { skill, rating } => {
                if let (Some(slot), true) = (
                    self.0.get_mut(skill),
                    (RATING_MIN..=RATING_MAX).contains(&rating),
                ) {
                    *slot = Some(rating);
                }
            }
            RatingMsg::Clear => self.0.iter_mut().for_each(|r| *r = None),
            RatingMsg::Restore(saved) => {
                let valid = saved
                    .iter()
                    .flatten()
                    .all(|r| (RATING_MIN..=RATING_MAX).contains(r));
                if saved.len() == self.0.len() && valid {
                    self.0 = saved;
                }
            }
        }
        self
    }

    /// The rating of one skill, if given.
    pub fn of(&self, skill: usize) -> Option<u8> {
        self.0.get(skill).copied().flatten()
    }

    pub fn rated(&self) -> usize {
        self.0.iter().flatten().count()
    }

    /// Every rating, once all are given.
    pub fn complete(&self) -> Option<Vec<u8>> {
        self.0.iter().copied().collect()
    }

    /// As saved: one digit per skill, `0` for unset, as `350241`.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|r| char::from(b'0' + r.unwrap_or(0)))
            .collect()
    }

    /// Reads [`Ratings::encode`]'s form for `skills` skills; None for anything else,
    /// such as a save from a version with other skills.
    pub fn decode(text: &str, skills: usize) -> Option<Ratings> {
        if text.len() != skills {
            return None;
        }
        text.bytes()
            .map(|b| match b {
                b'0' => Some(None),
                b'1'..=b'5' => Some(Some(b - b'0')),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(Ratings)
    }
}

// ---------------------------------------------------------------- salaries

/// Amounts are drawn on a scale in steps of this many thousands (NT$500K).
pub const SALARY_STEP: u32 = 500;

/// The axis of the salary chart: from the lowest figure rounded down to a step to the
/// highest rounded up, with a tick at every step.
pub fn salary_axis(chart: &SalaryChart) -> (u32, u32) {
    let ranges = chart.roles.iter().flat_map(|role| role.ranges.iter());
    let low = ranges.clone().map(|r| r.low).min().unwrap_or(0);
    let high = ranges.map(|r| r.high).max().unwrap_or(SALARY_STEP);
    let from = low / SALARY_STEP * SALARY_STEP;
    let to = high.div_ceil(SALARY_STEP).max(1) * SALARY_STEP;
    (from, to.max(from + SALARY_STEP))
}

/// Where `amount` falls on an axis from `from` to `to` drawn `width` wide.
pub fn scale(amount: u32, (from, to): (u32, u32), width: u32) -> u32 {
    let clamped = amount.clamp(from, to);
    ((u64::from(clamped - from) * u64::from(width)) / u64::from(to - from)) as u32
}

/// An amount given in thousands, split as the article writes it: under a thousand as
/// thousands (`600`, for `600K`), else as millions with the decimals it needs (`1`,
/// `1.2`, `1.25`). The second value says which; the words around are the locale's.
pub fn thousands(amount: u32) -> (String, Magnitude) {
    if amount < 1000 {
        return (amount.to_string(), Magnitude::Thousands);
    }
    (trimmed(f64::from(amount) / 1000.0, 3), Magnitude::Millions)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Magnitude {
    Thousands,
    Millions,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::content::model::Block;
    use crate::i18n::Locale;

    fn tree() -> CareerTree {
        Locale::En
            .content()
            .blocks()
            .find_map(|block| match block {
                Block::CareerTree(tree) => Some(tree.clone()),
                _ => None,
            })
            .expect("the Career view has a tree")
    }

    fn profiles() -> SkillProfiles {
        SkillProfiles::from_table(Locale::En.content().table("skills").unwrap()).unwrap()
    }

    fn walk(answers: &[usize]) -> Walk {
        answers.iter().fold(Walk::new(tree()), |walk, &a| {
            walk.update(WalkMsg::Answer(a))
        })
    }

    fn ends_at(walk: &Walk) -> Option<&str> {
        match walk.position() {
            Some(Position::Done(role)) => Some(role.id.as_ref()),
            _ => None,
        }
    }

    #[test]
    fn the_articles_questions_lead_a_coder_who_accepts_on_call_to_sre() {
        // Cloud operations: yes; coding: yes; security: no; on-call: yes.
        let walk = walk(&[0, 0, 1, 0]);
        assert_eq!(ends_at(&walk), Some("sre"));
        let asked: Vec<&str> = walk
            .steps()
            .iter()
            .map(|s| s.question.text.as_ref())
            .collect();
        assert_eq!(
            asked,
            [
                "Want to work in cloud operations related fields?",
                "Do you like coding?",
                "Interested in security?",
                "Can you accept on-call?"
            ]
        );
        assert_eq!(walk.reasons().len(), 4);
        assert!(walk.reasons()[3].contains("on-call pressure"));
    }

    #[test]
    fn security_leads_to_devsecops_whether_or_not_the_reader_codes() {
        assert_eq!(ends_at(&walk(&[0, 0, 0])), Some("devsecops"));
        assert_eq!(ends_at(&walk(&[0, 1, 0])), Some("devsecops"));
        assert_eq!(ends_at(&walk(&[1])), Some("devops"));
    }

    #[test]
    fn back_undoes_one_answer_and_restart_all_of_them() {
        let done = walk(&[0, 0, 1, 0]);
        let back = done.clone().update(WalkMsg::Back);
        assert_eq!(back.answers, [0, 0, 1]);
        assert!(matches!(back.position(), Some(Position::Asking(q)) if q.id == "on-call"));
        let restarted = done.update(WalkMsg::Restart);
        assert!(restarted.answers.is_empty());
        assert!(matches!(restarted.position(), Some(Position::Asking(q)) if q.id == "cloud"));
        // Back at the start changes nothing.
        assert_eq!(restarted.clone().update(WalkMsg::Back), restarted);
    }

    #[test]
    fn answers_that_do_not_exist_or_come_after_the_end_are_ignored() {
        assert!(walk(&[7]).answers.is_empty());
        assert_eq!(walk(&[1, 0, 0]).answers, [1]);
    }

    #[test]
    fn the_url_form_of_a_walk_reads_back_and_rejects_what_is_not_a_path() {
        let done = walk(&[0, 0, 1, 0]);
        assert_eq!(done.encode(), "1-1-2-1");
        assert_eq!(Walk::decode(tree(), "1-1-2-1"), Some(done));
        assert_eq!(Walk::decode(tree(), ""), Some(Walk::new(tree())));
        for bad in ["9", "0", "1-x", "2-1", "1-1-2-1-1"] {
            assert_eq!(Walk::decode(tree(), bad), None, "{bad}");
        }
    }

    #[test]
    fn the_drawn_tree_has_a_node_per_question_asked_and_per_leaf() {
        let tree = tree();
        let nodes = layout(&tree);
        let leaves: Vec<&DrawnNode> = nodes.iter().filter(|n| n.is_role).collect();
        assert_eq!(leaves.len(), tree.walks().len());
        assert_eq!(nodes.len() - leaves.len(), 5);
        // Leaves are side by side, one spacing apart, in the order of the answers.
        let xs: Vec<u32> = leaves.iter().map(|n| n.x).collect();
        let expected: Vec<u32> = (0..leaves.len() as u32)
            .map(|i| i * LEAF_SPACING + LEAF_SPACING / 2)
            .collect();
        assert_eq!(xs, expected);
        for node in &nodes {
            if let Some((parent, _)) = &node.parent {
                assert_eq!(node.y, nodes[*parent].y + LEVEL_SPACING);
                assert!(node.path.starts_with(&nodes[*parent].path));
            }
        }
        assert_eq!(drawing_size(&nodes), (6 * LEAF_SPACING, 5 * LEVEL_SPACING));
    }

    #[test]
    fn the_skills_table_reads_as_each_roles_profile() {
        let profiles = profiles();
        assert_eq!(profiles.roles, ["DevOps", "SRE", "DevSecOps"]);
        assert_eq!(profiles.skills.len(), 6);
        assert_eq!(profiles.skills[4], "Security knowledge");
        assert_eq!(profiles.required[2][4], 5);
    }

    #[test]
    fn a_gap_is_what_the_role_asks_beyond_the_rating_and_never_negative() {
        assert_eq!(gap(5, 2), 3);
        assert_eq!(gap(3, 3), 0);
        assert_eq!(gap(2, 5), 0);
        assert_eq!(
            total_gap(&[4, 3, 5, 4, 2, 3], &[3, 3, 3, 3, 3, 3]),
            1 + 2 + 1
        );
    }

    #[test]
    fn a_security_minded_reader_is_closest_to_devsecops() {
        let profiles = profiles();
        // Linux, programming, CI/CD, cloud, security, monitoring.
        let ratings = Ratings(vec![Some(3), Some(3), Some(4), Some(3), Some(5), Some(2)]);
        // DevOps asks 4,3,5,4,2,3: gaps 1,0,1,1,0,1. SRE 5,5,3,4,2,5: 2,2,0,1,0,3.
        // DevSecOps 3,3,4,3,5,2: none.
        assert_eq!(profiles.total_gaps(&ratings), Some(vec![4, 8, 0]));
        assert_eq!(profiles.closest_roles(&ratings), [2]);
    }

    #[test]
    fn a_reader_who_meets_every_profile_ties_all_three_and_an_unfinished_rating_names_none() {
        let profiles = profiles();
        let expert = Ratings(vec![Some(5); 6]);
        assert_eq!(profiles.closest_roles(&expert), [0, 1, 2]);
        let unfinished = Ratings::unset(6).update(RatingMsg::Rate {
            skill: 0,
            rating: 5,
        });
        assert_eq!(profiles.total_gaps(&unfinished), None);
        assert!(profiles.closest_roles(&unfinished).is_empty());
    }

    #[test]
    fn ratings_outside_one_to_five_or_past_the_skills_are_ignored() {
        let ratings = Ratings::unset(2)
            .update(RatingMsg::Rate {
                skill: 0,
                rating: 0,
            })
            .update(RatingMsg::Rate {
                skill: 0,
                rating: 6,
            })
            .update(RatingMsg::Rate {
                skill: 9,
                rating: 3,
            })
            .update(RatingMsg::Restore(vec![Some(9), None]))
            .update(RatingMsg::Restore(vec![Some(1)]));
        assert_eq!(ratings, Ratings::unset(2));
        let cleared = ratings
            .update(RatingMsg::Rate {
                skill: 1,
                rating: 4,
            })
            .update(RatingMsg::Clear);
        assert_eq!(cleared, Ratings::unset(2));
    }

    #[test]
    fn saved_ratings_that_do_not_fit_are_refused() {
        assert_eq!(Ratings::decode("3", 2), None);
        assert_eq!(Ratings::decode("36", 2), None);
        assert_eq!(Ratings::decode("30", 2), Some(Ratings(vec![Some(3), None])));
    }

    #[test]
    fn amounts_in_thousands_read_as_the_article_writes_them() {
        let written = |amount| match thousands(amount) {
            (number, Magnitude::Thousands) => number + "K",
            (number, Magnitude::Millions) => number + "M",
        };
        assert_eq!(written(600), "600K");
        assert_eq!(written(1000), "1M");
        assert_eq!(written(1200), "1.2M");
        assert_eq!(written(1250), "1.25M");
        assert_eq!(written(2000), "2M");
    }

    #[test]
    fn the_salary_axis_runs_from_half_a_million_to_two_million() {
        let chart = Locale::En
            .content()
            .blocks()
            .find_map(|block| match block {
                Block::SalaryChart(chart) => Some(chart.clone()),
                _ => None,
            })
            .unwrap();
        let axis = salary_axis(&chart);
        assert_eq!(axis, (500, 2000));
        assert_eq!(scale(500, axis, 420), 0);
        assert_eq!(scale(2000, axis, 420), 420);
        assert_eq!(scale(1250, axis, 420), 210);
        assert_eq!(scale(9999, axis, 420), 420);
    }

    fn any_ratings() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(RATING_MIN..=RATING_MAX, 6)
    }

    proptest! {
        #[test]
        fn raising_a_rating_never_widens_a_gap(ratings in any_ratings(), skill in 0usize..6) {
            let profiles = profiles();
            let raised: Vec<u8> = ratings
                .iter()
                .enumerate()
                .map(|(i, &r)| if i == skill { RATING_MAX.min(r + 1) } else { r })
                .collect();
            for required in &profiles.required {
                prop_assert!(total_gap(required, &raised) <= total_gap(required, &ratings));
                prop_assert!(total_gap(required, &ratings) <= required.iter().map(|&s| u32::from(s)).sum());
            }
        }

        #[test]
        fn the_closest_role_has_no_larger_gap_than_any_other(ratings in any_ratings()) {
            let profiles = profiles();
            let ratings = Ratings(ratings.into_iter().map(Some).collect());
            let totals = profiles.total_gaps(&ratings).unwrap();
            let closest = profiles.closest_roles(&ratings);
            prop_assert!(!closest.is_empty());
            for role in closest {
                prop_assert!(totals.iter().all(|&t| totals[role] <= t));
            }
        }

        #[test]
        fn saved_ratings_read_back_as_they_were(ratings in proptest::collection::vec(proptest::option::of(RATING_MIN..=RATING_MAX), 0..10)) {
            let ratings = Ratings(ratings);
            prop_assert_eq!(Ratings::decode(&ratings.encode(), ratings.0.len()), Some(ratings));
        }

        #[test]
        fn any_url_text_decodes_to_a_valid_walk_or_to_nothing(text in "[0-9-]{0,12}") {
            if let Some(walk) = Walk::decode(tree(), &text) {
                prop_assert!(walk.position().is_some());
                prop_assert_eq!(Walk::decode(tree(), &walk.encode()), Some(walk));
            }
        }
    }
}
