//! The path finder's state: the reader's walk through the decision tree, the messages
//! that move it, and its update, which `use_reducer` runs (the Elm architecture's model
//! and update, with no browser in it).

use crate::content::model::{CareerRole, CareerTree, Text, TreeAnswer, TreeNext, TreeQuestion};

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

crate::reducible!(Walk, WalkMsg);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::career::fixtures::*;

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

    proptest! {
        #[test]
        fn any_url_text_decodes_to_a_valid_walk_or_to_nothing(text in "[0-9-]{0,12}") {
            if let Some(walk) = Walk::decode(tree(), &text) {
                prop_assert!(walk.position().is_some());
                prop_assert_eq!(Walk::decode(tree(), &walk.encode()), Some(walk));
            }
        }
    }
}
