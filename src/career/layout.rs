//! The decision tree drawn: each node's place, and the drawing's size.

use crate::content::model::{CareerTree, Text, TreeNext, MAX_TREE_QUESTIONS};

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
            let x = node.x;
            nodes.push(node);
            Some(x)
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
            if let Some(node) = nodes.get_mut(index) {
                node.x = x;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::fixtures::*;

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
}
