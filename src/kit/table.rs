//! A content table: a caption, column headers, and a header cell for each row. Wide
//! tables scroll sideways inside a focusable region instead of widening the page.

use yew::prelude::*;

use super::text;
use crate::content::model::{Cell, Table, MAX_STARS};
use crate::i18n::{fill, Locale};

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub locale: Locale,
    pub table: Table,
}

#[component]
pub fn TableView(props: &TableViewProps) -> Html {
    let table = &props.table;
    let caption_id = format!("table-{}", table.id);
    let rows = table.rows.iter().map(|row| {
        let mut cells = row.iter();
        let header = cells
            .next()
            .map(|cell| html! { <th scope="row">{ cell_content(props.locale, cell) }</th> });
        html! {
            <tr>
                { for header }
                { for cells.map(|cell| html! { <td>{ cell_content(props.locale, cell) }</td> }) }
            </tr>
        }
    });
    html! {
        // The region is focusable so keyboard users can scroll a table wider than the screen.
        <div class="table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="table" data-table={text(&table.id)}>
                <caption id={caption_id}>{ text(&table.caption) }</caption>
                <thead>
                    <tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ text(c) }</th> }) }</tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn cell_content(locale: Locale, cell: &Cell) -> Html {
    match cell {
        Cell::Text(value) => html! { text(value) },
        Cell::Stars(count) => {
            let filled = usize::from(*count);
            let stars =
                "★".repeat(filled) + &"☆".repeat(usize::from(MAX_STARS).saturating_sub(filled));
            let spoken = fill(
                locale.ui().table_stars,
                &[
                    ("count", &count.to_string()),
                    ("max", &MAX_STARS.to_string()),
                ],
            );
            html! {
                <>
                    <span class="stars" aria-hidden="true">{ stars }</span>
                    <span class="visually-hidden">{ spoken }</span>
                </>
            }
        }
    }
}
