//! The self-rating's state: the skills table read as each role's profile, the reader's
//! ratings and the messages that change them, and the gaps between the two.

use crate::content::model::{Cell, Table, Text};

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
            for (required, cell) in required.iter_mut().zip(stars.iter()) {
                let Cell::Stars(stars) = cell else {
                    return None;
                };
                required.push(*stars);
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

    /// A role's name; empty for a role the table does not have.
    pub fn role_name(&self, role: usize) -> &str {
        self.roles.get(role).map_or("", |name| name.as_ref())
    }

    /// The stars a role asks for on a skill; none for a role or skill the table does
    /// not have.
    pub fn required(&self, role: usize, skill: usize) -> u8 {
        self.required
            .get(role)
            .and_then(|stars| stars.get(skill))
            .copied()
            .unwrap_or_default()
    }

    /// The roles with the smallest total gap: one, or several that tie.
    pub fn closest_roles(&self, ratings: &Ratings) -> Vec<usize> {
        let Some(totals) = self.total_gaps(ratings) else {
            return Vec::new();
        };
        let smallest = totals.iter().copied().min();
        totals
            .iter()
            .enumerate()
            .filter(|(_, &total)| Some(total) == smallest)
            .map(|(role, _)| role)
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

crate::reducible!(Ratings, RatingMsg);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::career::fixtures::*;

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
    }
}
