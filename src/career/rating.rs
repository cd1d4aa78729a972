//! The self-rating's view: a 1-to-5 choice per skill, a bar chart per role laying the
//! reader's ratings over the role's profile, and the same figures as a table.

use yew::prelude::*;

use super::skills::{gap, RatingMsg, Ratings, SkillProfiles, RATING_MAX, RATING_MIN};
use crate::content::model::{SkillRating, Text, MAX_STARS};
use crate::i18n::{fill, Locale, Ui};
use crate::kit::{text, use_heading_level};
use crate::platform::storage;

/// Where the ratings are kept between visits, as [`Ratings::encode`] writes them.
const STORAGE_KEY: &str = "ops-trio.skill-ratings";

#[derive(Properties, PartialEq)]
pub struct SkillRatingWidgetProps {
    pub locale: Locale,
    pub rating: SkillRating,
    pub profiles: SkillProfiles,
}

#[component]
pub fn SkillRatingWidget(props: &SkillRatingWidgetProps) -> Html {
    let skills = props.profiles.skills.len();
    let ratings = use_reducer(move || Ratings::unset(skills));
    // Whether storage refused a read or a write: the reader is told their ratings
    // last only as long as the page.
    let unsaved = use_state_eq(|| false);
    {
        let (dispatcher, unsaved) = (ratings.dispatcher(), unsaved.clone());
        use_effect_with((), move |_| match storage::read(STORAGE_KEY) {
            Ok(saved) => {
                if let Some(saved) = saved.and_then(|s| Ratings::decode(&s, skills)) {
                    dispatcher.dispatch(RatingMsg::Restore(saved.0));
                }
            }
            Err(_) => unsaved.set(true),
        });
    }
    let send = {
        let (ratings, unsaved) = (ratings.clone(), unsaved.clone());
        Callback::from(move |msg: RatingMsg| {
            let next = (*ratings).clone().update(msg.clone());
            // Saved here rather than in an effect, so a save can never race the read.
            if storage::write(STORAGE_KEY, &next.encode()).is_err() {
                unsaved.set(true);
            }
            ratings.dispatch(msg);
        })
    };
    let ui = props.locale.ui();
    let heading = use_heading_level();
    let profiles = &props.profiles;
    let clear = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send.emit(RatingMsg::Clear))
    };
    html! {
        <div class="skill-rating">
            <@{heading.tag(0)}>{ ui.career_rate_title }</@>
            <p class="career-caption">{ text(&props.rating.caption) }</p>
            if *unsaved {
                <p class="notice" role="status">{ ui.career_not_saved }</p>
            }
            <div class="skill-rating-inputs">
                { for profiles.skills.iter().enumerate().map(|(skill, name)| {
                    rating_choice(ui, skill, name, ratings.of(skill), &send)
                }) }
            </div>
            <p class="skill-rating-status" role="status">{ status(ui, profiles, &ratings) }</p>
            <button type="button" class="career-button" disabled={ratings.rated() == 0} onclick={clear}>
                { ui.career_clear }
            </button>
            { legend(ui) }
            <div class="skill-charts">
                { for (0..profiles.roles.len()).map(|role| role_chart(ui, profiles, role, &ratings)) }
            </div>
            <SkillGapTable locale={props.locale} profiles={profiles.clone()} ratings={(*ratings).clone()} />
        </div>
    }
}

/// How many skills are rated, and once all are, the closest role or roles.
fn status(ui: &Ui, profiles: &SkillProfiles, ratings: &Ratings) -> String {
    let closest = profiles.closest_roles(ratings);
    if closest.is_empty() {
        let rated = ratings.rated().to_string();
        let total = ratings.0.len().to_string();
        let count = fill(
            ui.career_rated_count,
            &[("rated", &rated), ("total", &total)],
        );
        return format!("{count} {}", ui.career_rate_all);
    }
    let names: Vec<&str> = closest
        .iter()
        .map(|&role| profiles.role_name(role))
        .collect();
    fill(ui.career_closest, &[("roles", &spoken_list(ui, &names))])
}

/// `A`, `A and B`, `A, B and C`, with the locale's words between.
fn spoken_list(ui: &Ui, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => {
            let rest = rest.join(ui.career_list_comma);
            format!("{rest}{}{last}", ui.career_list_and)
        }
    }
}

/// One skill's 1-to-5 choice, as radio buttons: arrows move between them.
fn rating_choice(
    ui: &Ui,
    skill: usize,
    name: &Text,
    current: Option<u8>,
    send: &Callback<RatingMsg>,
) -> Html {
    let options = (RATING_MIN..=RATING_MAX).map(|rating| {
        let send = send.clone();
        let onchange = Callback::from(move |_: Event| send.emit(RatingMsg::Rate { skill, rating }));
        let spoken = fill(
            ui.career_rating_spoken,
            &[
                ("rating", &rating.to_string()),
                ("max", &RATING_MAX.to_string()),
            ],
        );
        html! {
            <label class="segmented-option">
                <input type="radio" name={format!("skill-{skill}")} value={rating.to_string()}
                    checked={current == Some(rating)} aria-label={spoken} {onchange} />
                <span aria-hidden="true">{ rating }</span>
            </label>
        }
    });
    html! {
        <fieldset class="segmented skill-choice">
            <legend>{ text(name) }</legend>
            { for options }
        </fieldset>
    }
}

/// The width of one star in the charts, in SVG units.
const STAR_WIDTH: u32 = 40;
/// The height of one skill's row in the charts: its name, then its bars.
const ROW_HEIGHT: u32 = 34;
const CHART_WIDTH: u32 = STAR_WIDTH * MAX_STARS as u32 + 8;

/// A role's profile as bars, one per skill, with the reader's rating over each and
/// the gap between them marked. The table below says the same in words.
fn role_chart(ui: &Ui, profiles: &SkillProfiles, role: usize, ratings: &Ratings) -> Html {
    let name = profiles.role_name(role);
    let label = match profiles.total_gaps(ratings) {
        Some(totals) => fill(
            ui.career_profile_label,
            &[
                ("role", name),
                (
                    "gap",
                    &totals.get(role).copied().unwrap_or_default().to_string(),
                ),
            ],
        ),
        None => fill(ui.career_profile_label_unrated, &[("role", name)]),
    };
    let rows = profiles.skills.iter().enumerate().map(|(skill, skill_name)| {
        let required = profiles.required(role, skill);
        let top = skill as u32 * ROW_HEIGHT;
        let bar_y = top + 16;
        let width = |stars: u8| (u32::from(stars) * STAR_WIDTH).to_string();
        let rating = ratings.of(skill);
        let gap_mark = rating.filter(|&r| gap(required, r) > 0).map(|r| html! {
            <rect class="skill-gap" x={width(r)} y={(bar_y - 1).to_string()}
                width={(u32::from(gap(required, r)) * STAR_WIDTH).to_string()} height="14" />
        });
        let you = rating.map(|r| html! {
            <rect class="skill-you" x="0" y={(bar_y + 4).to_string()} width={width(r)} height="4" />
        });
        html! {
            <g>
                <text x="0" y={(top + 11).to_string()}>{ text(skill_name) }</text>
                <rect class="skill-track" x="0" y={bar_y.to_string()} width={width(MAX_STARS)} height="12" />
                <rect class="skill-required" x="0" y={bar_y.to_string()} width={width(required)} height="12" />
                { for gap_mark }
                { for you }
            </g>
        }
    });
    let height = profiles.skills.len() as u32 * ROW_HEIGHT;
    html! {
        <figure class={classes!("skill-chart", role_class(name))}>
            <figcaption>{ name }</figcaption>
            <svg viewBox={format!("0 0 {CHART_WIDTH} {height}")} role="img" aria-label={label}>
                { for rows }
            </svg>
        </figure>
    }
}

/// A cell with no figure yet: a dash to see, words to hear.
fn unrated(ui: &Ui) -> Html {
    html! {
        <>
            <span aria-hidden="true">{ ui.career_unrated }</span>
            <span class="visually-hidden">{ ui.career_unrated_spoken }</span>
        </>
    }
}

/// What the charts' marks mean, each drawn as the charts draw it.
fn legend(ui: &Ui) -> Html {
    let entry = |label: &'static str, mark: Html| {
        html! {
            <li>
                <svg viewBox="0 0 28 14" aria-hidden="true" focusable="false">{ mark }</svg>
                { label }
            </li>
        }
    };
    html! {
        <ul class="skill-legend">
            { entry(ui.career_legend_required, html! { <rect class="skill-required" x="0" y="1" width="28" height="12" /> }) }
            { entry(ui.career_legend_you, html! { <rect class="skill-you" x="0" y="5" width="28" height="4" /> }) }
            { entry(ui.career_legend_gap, html! { <rect class="skill-gap" x="1" y="1" width="26" height="12" /> }) }
        </ul>
    }
}

/// The discipline's colour class for a role named in the table, such as `sre`.
fn role_class(name: &str) -> String {
    name.to_ascii_lowercase()
}

#[derive(Properties, PartialEq)]
pub struct SkillGapTableProps {
    pub locale: Locale,
    pub profiles: SkillProfiles,
    pub ratings: Ratings,
}

/// The charts' figures in a table: each rating, what each role asks for, the gaps and
/// their totals. It is the charts' equivalent for screen readers, and shown to all.
#[component]
pub fn SkillGapTable(props: &SkillGapTableProps) -> Html {
    let (ui, profiles, ratings) = (props.locale.ui(), &props.profiles, &props.ratings);
    let totals = profiles.total_gaps(ratings);
    let rows = profiles.skills.iter().enumerate().map(|(skill, name)| {
        let rating = ratings.of(skill);
        let cells = (0..profiles.roles.len()).map(|role| {
            let required = profiles.required(role, skill);
            let cell = match rating {
                Some(r) => fill(
                    ui.career_cell_gap,
                    &[
                        ("required", &required.to_string()),
                        ("gap", &gap(required, r).to_string()),
                    ],
                ),
                None => required.to_string(),
            };
            html! { <td>{ cell }</td> }
        });
        html! {
            <tr>
                <th scope="row">{ text(name) }</th>
                <td>{ rating.map_or_else(|| unrated(ui), |r| html! { { r } }) }</td>
                { for cells }
            </tr>
        }
    });
    let total_cells = (0..profiles.roles.len()).map(|role| {
        let total = totals
            .as_ref()
            .and_then(|t| t.get(role))
            .map(u32::to_string);
        html! { <td>{ total.map_or_else(|| unrated(ui), |t| html! { { t } }) }</td> }
    });
    html! {
        <div class="table-scroll" role="region" aria-labelledby="table-skill-gaps" tabindex="0">
            <table class="table" data-table="skill-gaps">
                <caption id="table-skill-gaps">{ ui.career_table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.career_skill }</th>
                        <th scope="col">{ ui.career_you }</th>
                        { for profiles.roles.iter().map(|role| html! {
                            <th scope="col">{ fill(ui.career_role_gap, &[("role", role)]) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ ui.career_total }</th>
                        <td></td>
                        { for total_cells }
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
