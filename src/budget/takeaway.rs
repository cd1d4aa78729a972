//! Rules to take away: the reader's three names, then the Prometheus rules and the
//! OpenSLO document for the lab's SLO and window, each shown and offered as a file.
//! The files are written only once the reader asks to see them, so that the
//! prerendered page does not carry them.

use yew::prelude::*;

use super::rules::{alerts_of, openslo, prometheus_rules, MetricsError};
use super::state::{Lab, LabMsg, RuleName};
use crate::content::model::BudgetLab;
use crate::i18n::{fill, Ui};
use crate::kit::HeadingLevel;

/// What the section draws from: the strings, the lab's content, its state, where its
/// messages go and its heading level.
pub(super) struct View<'a> {
    pub ui: &'a Ui,
    pub data: &'a BudgetLab,
    pub lab: &'a Lab,
    pub send: &'a Callback<LabMsg>,
    pub heading: HeadingLevel,
}

pub(super) fn takeaway(view: &View) -> Html {
    let View {
        ui,
        lab,
        send,
        heading,
        ..
    } = *view;
    let shown = lab.rules_shown;
    let toggle = send.reform(move |_: MouseEvent| LabMsg::ShowRules(!shown));
    html! {
        <section class="budget-rules" aria-labelledby="budget-rules-title">
            <@{heading.tag(0)} id="budget-rules-title">{ ui.budget_rules_title }</@>
            <p>{ ui.budget_rules_intro }</p>
            <button type="button" class="quiz-button" aria-expanded={shown.to_string()}
                aria-controls="budget-rules-files" onclick={toggle}>
                { if shown { ui.budget_rules_hide } else { ui.budget_rules_show } }
            </button>
            <div id="budget-rules-files" hidden={!shown}>
                if shown { { files(view) } }
            </div>
        </section>
    }
}

fn files(view: &View) -> Html {
    let View {
        ui,
        data,
        lab,
        send,
        heading,
    } = *view;
    let alerts = alerts_of(data);
    let prometheus = prometheus_rules(lab.slo, lab.month, &alerts, &lab.metrics);
    let open_slo = openslo(lab.slo, lab.month, &lab.metrics);
    let slo = lab.slo.to_string();
    html! {
        <>
            { names(ui, lab, send) }
            if lab.download_failed {
                <p class="field-error" role="alert">{ ui.budget_rules_download_failed }</p>
            }
            { file(ui, "budget-rules-prometheus", ui.budget_rules_prometheus, &format!("slo-{slo}-rules.yaml"), prometheus, send, heading) }
            { file(ui, "budget-rules-openslo", ui.budget_rules_openslo, &format!("slo-{slo}-openslo.yaml"), open_slo, send, heading) }
            <p class="budget-source">{ ui.budget_rules_promtool }</p>
        </>
    }
}

/// The three names, each a text field; a wrong one says why and the files keep the
/// last valid names.
fn names(ui: &Ui, lab: &Lab, send: &Callback<LabMsg>) -> Html {
    let fields = [
        (
            RuleName::Service,
            "budget-rules-service",
            ui.budget_rules_service,
            MetricsError::Service,
            ui.budget_rules_error_service,
        ),
        (
            RuleName::Requests,
            "budget-rules-requests",
            ui.budget_rules_requests,
            MetricsError::Requests,
            ui.budget_rules_error_requests,
        ),
        (
            RuleName::Errors,
            "budget-rules-errors",
            ui.budget_rules_errors,
            MetricsError::Errors,
            ui.budget_rules_error_errors,
        ),
    ];
    let fields = fields.into_iter().map(|(name, id, label, refused, why)| {
        let oninput = send.reform(move |event: InputEvent| {
            LabMsg::RuleNameTyped(
                name,
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        });
        let error =
            (lab.metrics_error == Some(refused)).then(|| format!("{why} {}", ui.budget_rules_kept));
        let error_id = format!("{id}-error");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input type="text" {id} value={lab.names.get(name).to_owned()} {oninput}
                    spellcheck="false" autocapitalize="none" autocomplete="off"
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())} />
                if let Some(error) = error {
                    <p class="field-error" id={error_id}>{ error }</p>
                }
            </div>
        }
    });
    html! { <div class="budget-rules-names">{ for fields }</div> }
}

/// One file: its text, and a button that offers it to download.
fn file(
    ui: &Ui,
    id: &str,
    title: &str,
    name: &str,
    text: String,
    send: &Callback<LabMsg>,
    heading: HeadingLevel,
) -> Html {
    let onclick = {
        let (text, name, send) = (text.clone(), name.to_owned(), send.clone());
        Callback::from(move |_: MouseEvent| {
            let taken = crate::platform::offer_download(&text, "application/yaml", &name).is_some();
            send.emit(LabMsg::Downloaded(taken));
        })
    };
    let label = fill(ui.budget_rules_download, &[("file", name)]);
    html! {
        <div class="budget-rules-file">
            <@{heading.tag(1)} id={format!("{id}-title")}>{ title }</@>
            <button type="button" class="quiz-button" {onclick}>{ label }</button>
            <pre class="budget-rules-text" role="region" tabindex="0" aria-labelledby={format!("{id}-title")}><code id={id.to_owned()}>{ text }</code></pre>
        </div>
    }
}
