//! The lab's state and how each message changes it: what the reader typed, what it
//! means, and what is wrong with it. A field with bad text keeps showing the text and
//! its error, while the lab goes on with the last valid value.

use super::model::{slider_stops, Incident, MonthLength, Scenario, Slo, DAY};
use super::parse::{parse_count, parse_share, parse_slo, InputError};
use super::rules::{Metrics, MetricsError};

/// The most requests, or failed requests, the lab takes: a trillion.
pub const MAX_REQUESTS: u64 = 1_000_000_000_000;
/// Where the burn simulation starts: ten days into the month.
pub const INITIAL_ELAPSED_DAYS: u64 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lab {
    pub slo: Slo,
    pub slo_text: String,
    pub slo_error: Option<InputError>,
    pub month: MonthLength,
    pub requests_text: String,
    pub requests: Option<u64>,
    pub requests_error: Option<InputError>,
    pub elapsed_text: String,
    pub elapsed_days: u64,
    pub elapsed_error: Option<InputError>,
    pub incidents: Vec<Dated>,
    pub draft: Draft,
    /// The three names the rules to take away are written with, as typed.
    pub names: RuleNames,
    /// The last valid names, which the rules use while a typed one is wrong.
    pub metrics: Metrics,
    pub metrics_error: Option<MetricsError>,
    /// Whether the rules are shown: written only then, so the prerendered page stays small.
    pub rules_shown: bool,
    /// The browser refused the last download of a rule file.
    pub download_failed: bool,
}

/// An incident of the simulation and the day it happened: where the burn-down drops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub day: u64,
    pub incident: Incident,
}

/// The rules' names as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleNames {
    pub service: String,
    pub requests: String,
    pub errors: String,
}

impl RuleNames {
    pub fn get(&self, name: RuleName) -> &str {
        match name {
            RuleName::Service => &self.service,
            RuleName::Requests => &self.requests,
            RuleName::Errors => &self.errors,
        }
    }

    fn set(&mut self, name: RuleName, text: String) {
        match name {
            RuleName::Service => self.service = text,
            RuleName::Requests => self.requests = text,
            RuleName::Errors => self.errors = text,
        }
    }
}

/// Which of the rules' names: the service, the requests counter, the failure selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleName {
    Service,
    Requests,
    Errors,
}

/// The incident being written, before Add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub kind: DraftKind,
    pub minutes: String,
    pub share: String,
    pub failed: String,
    /// The day it happened; empty is today.
    pub day: String,
    /// The first field that stopped Add, and why.
    pub error: Option<(DraftField, InputError)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DraftKind {
    #[default]
    Outage,
    FailedRequests,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    Minutes,
    Share,
    Failed,
    Day,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabMsg {
    /// The slider moved to this stop.
    SloStop(usize),
    SloTyped(String),
    Preset(Slo),
    Month(MonthLength),
    RequestsTyped(String),
    ElapsedTyped(String),
    DraftKind(DraftKind),
    DraftMinutes(String),
    DraftShare(String),
    DraftFailed(String),
    DraftDay(String),
    AddIncident,
    RemoveIncident(usize),
    /// Clears the burn simulation: incidents, the draft and the days gone.
    Reset,
    RuleNameTyped(RuleName, String),
    ShowRules(bool),
    /// A rule file was offered to download: whether the browser took it.
    Downloaded(bool),
}

impl Lab {
    pub fn new(slo: Slo) -> Lab {
        Lab {
            slo,
            slo_text: slo.to_string(),
            slo_error: None,
            month: MonthLength::Days30,
            requests_text: String::new(),
            requests: None,
            requests_error: None,
            elapsed_text: INITIAL_ELAPSED_DAYS.to_string(),
            elapsed_days: INITIAL_ELAPSED_DAYS,
            elapsed_error: None,
            incidents: Vec::new(),
            draft: Draft::default(),
            names: {
                let Metrics {
                    service,
                    requests,
                    errors,
                } = Metrics::default();
                RuleNames {
                    service,
                    requests,
                    errors,
                }
            },
            metrics: Metrics::default(),
            metrics_error: None,
            rules_shown: false,
            download_failed: false,
        }
    }

    /// The whole days in the month, the most that can have gone.
    pub fn month_days(&self) -> u64 {
        self.month.seconds() / DAY
    }

    pub fn scenario(&self) -> Scenario {
        Scenario {
            window_seconds: self.month.seconds(),
            requests: self.requests,
            incidents: self.incidents.iter().map(|dated| dated.incident).collect(),
            elapsed_seconds: (self.elapsed_days * DAY).min(self.month.seconds()),
        }
    }

    pub fn update(mut self, msg: LabMsg) -> Lab {
        match msg {
            LabMsg::SloStop(stop) => {
                if let Some(&slo) = slider_stops().get(stop) {
                    self.set_slo(slo);
                }
            }
            LabMsg::Preset(slo) => self.set_slo(slo),
            LabMsg::SloTyped(text) => {
                match parse_slo(&text) {
                    Ok(slo) => {
                        self.slo = slo;
                        self.slo_error = None;
                    }
                    Err(error) => self.slo_error = Some(error),
                }
                self.slo_text = text;
            }
            LabMsg::Month(month) => {
                self.month = month;
                self.elapsed_days = self.elapsed_days.min(self.month_days());
            }
            LabMsg::RequestsTyped(text) => {
                match text.trim() {
                    "" => (self.requests, self.requests_error) = (None, None),
                    typed => match parse_count(typed, 1, MAX_REQUESTS) {
                        Ok(n) => (self.requests, self.requests_error) = (Some(n), None),
                        Err(error) => self.requests_error = Some(error),
                    },
                }
                self.requests_text = text;
            }
            LabMsg::ElapsedTyped(text) => {
                match parse_count(&text, 1, self.month_days()) {
                    Ok(days) => (self.elapsed_days, self.elapsed_error) = (days, None),
                    Err(error) => self.elapsed_error = Some(error),
                }
                self.elapsed_text = text;
            }
            LabMsg::DraftKind(kind) => self.draft = Draft { kind, ..self.draft },
            LabMsg::DraftMinutes(text) => self.draft.minutes = text,
            LabMsg::DraftShare(text) => self.draft.share = text,
            LabMsg::DraftFailed(text) => self.draft.failed = text,
            LabMsg::DraftDay(text) => self.draft.day = text,
            LabMsg::AddIncident => match self
                .draft_incident()
                .and_then(|i| Ok((i, self.draft_day()?)))
            {
                Ok((incident, day)) => {
                    self.incidents.push(Dated { day, incident });
                    self.draft = Draft {
                        kind: self.draft.kind,
                        ..Draft::default()
                    };
                }
                Err(error) => self.draft.error = Some(error),
            },
            LabMsg::RemoveIncident(index) => {
                if index < self.incidents.len() {
                    self.incidents.remove(index);
                }
            }
            LabMsg::Reset => {
                self.incidents.clear();
                self.draft = Draft::default();
                self.elapsed_days = INITIAL_ELAPSED_DAYS.min(self.month_days());
                self.elapsed_text = self.elapsed_days.to_string();
                self.elapsed_error = None;
            }
            LabMsg::RuleNameTyped(name, text) => {
                self.names.set(name, text);
                let RuleNames {
                    service,
                    requests,
                    errors,
                } = &self.names;
                match Metrics::new(service, requests, errors) {
                    Ok(metrics) => (self.metrics, self.metrics_error) = (metrics, None),
                    Err(error) => self.metrics_error = Some(error),
                }
            }
            LabMsg::ShowRules(shown) => self.rules_shown = shown,
            LabMsg::Downloaded(taken) => self.download_failed = !taken,
        }
        self
    }

    /// A slider or preset choice: always valid, and it rewrites the number field.
    fn set_slo(&mut self, slo: Slo) {
        self.slo = slo;
        self.slo_text = slo.to_string();
        self.slo_error = None;
    }

    /// The draft's day: today when left empty, else a day from 0 to today.
    fn draft_day(&self) -> Result<u64, (DraftField, InputError)> {
        match self.draft.day.trim() {
            "" => Ok(self.elapsed_days),
            typed => parse_count(typed, 0, self.elapsed_days).map_err(|e| (DraftField::Day, e)),
        }
    }

    /// The draft as an incident, or the first field that is wrong.
    fn draft_incident(&self) -> Result<Incident, (DraftField, InputError)> {
        match self.draft.kind {
            DraftKind::Outage => {
                let month_minutes = self.month.seconds() / 60;
                let minutes = parse_count(&self.draft.minutes, 1, month_minutes)
                    .map_err(|e| (DraftField::Minutes, e))?;
                let failing = parse_share(&self.draft.share)
                    .and_then(|share| {
                        if share == 0 {
                            Err(InputError::BelowMin)
                        } else {
                            Ok(share)
                        }
                    })
                    .map_err(|e| (DraftField::Share, e))?;
                Ok(Incident::Outage {
                    seconds: minutes * 60,
                    failing,
                })
            }
            DraftKind::FailedRequests => parse_count(&self.draft.failed, 1, MAX_REQUESTS)
                .map(Incident::FailedRequests)
                .map_err(|e| (DraftField::Failed, e)),
        }
    }
}

crate::reducible!(Lab, LabMsg);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::model::slider_stops;

    fn slo(text: &str) -> Slo {
        parse_slo(text).unwrap()
    }

    fn lab() -> Lab {
        Lab::new(slo("99.9"))
    }

    #[test]
    fn bad_slo_text_shows_its_error_and_keeps_the_last_valid_slo() {
        for bad in ["abc", "150", "-1", ""] {
            let typed = lab().update(LabMsg::SloTyped(bad.into()));
            assert_eq!(typed.slo, slo("99.9"), "{bad:?}");
            assert_eq!(typed.slo_text, bad);
            assert!(typed.slo_error.is_some(), "{bad:?}");
        }
        let fixed = lab()
            .update(LabMsg::SloTyped("abc".into()))
            .update(LabMsg::SloTyped("99.95".into()));
        assert_eq!((fixed.slo, fixed.slo_error), (slo("99.95"), None));
    }

    #[test]
    fn a_wrong_rule_name_says_why_and_the_rules_keep_the_last_valid_names() {
        let named = lab().update(LabMsg::RuleNameTyped(RuleName::Service, "checkout".into()));
        assert_eq!(named.metrics.service, "checkout");
        let wrong = named.update(LabMsg::RuleNameTyped(
            RuleName::Requests,
            "5xx total".into(),
        ));
        assert_eq!(wrong.metrics_error, Some(MetricsError::Requests));
        assert_eq!(wrong.names.get(RuleName::Requests), "5xx total");
        assert_eq!(wrong.metrics.requests, "http_requests_total");
        assert_eq!(wrong.metrics.service, "checkout");
        let fixed = wrong.update(LabMsg::RuleNameTyped(
            RuleName::Requests,
            "grpc_server_handled_total".into(),
        ));
        assert_eq!(fixed.metrics_error, None);
        assert_eq!(fixed.metrics.requests, "grpc_server_handled_total");
    }

    #[test]
    fn the_slider_and_presets_rewrite_the_number_field() {
        let stops = slider_stops();
        let index = stops.iter().position(|&s| s == slo("99.99")).unwrap();
        let moved = lab()
            .update(LabMsg::SloTyped("oops".into()))
            .update(LabMsg::SloStop(index));
        assert_eq!((moved.slo_text.as_str(), moved.slo_error), ("99.99", None));
        let preset = moved.update(LabMsg::Preset(slo("99.5")));
        assert_eq!(preset.slo_text, "99.5");
        assert_eq!(
            lab().update(LabMsg::SloStop(stops.len())).slo,
            slo("99.9"),
            "past the end: no change"
        );
    }

    #[test]
    fn incidents_are_added_from_a_valid_draft_and_removed() {
        let mut lab = lab()
            .update(LabMsg::DraftMinutes("45".into()))
            .update(LabMsg::DraftShare("50".into()))
            .update(LabMsg::AddIncident);
        assert_eq!(
            lab.scenario().incidents,
            [Incident::Outage {
                seconds: 2_700,
                failing: 50_000
            }]
        );
        assert_eq!(
            lab.draft.minutes, "",
            "the draft is cleared for the next one"
        );
        lab = lab
            .update(LabMsg::DraftKind(DraftKind::FailedRequests))
            .update(LabMsg::DraftFailed("1,500".into()))
            .update(LabMsg::AddIncident);
        assert_eq!(lab.scenario().incidents[1], Incident::FailedRequests(1_500));
        lab = lab.update(LabMsg::RemoveIncident(0));
        assert_eq!(lab.scenario().incidents, [Incident::FailedRequests(1_500)]);
        assert_eq!(lab.update(LabMsg::Reset).scenario().incidents, []);
    }

    #[test]
    fn a_bad_draft_names_its_field_and_adds_nothing() {
        let lab = lab()
            .update(LabMsg::DraftMinutes("ten".into()))
            .update(LabMsg::DraftShare("50".into()))
            .update(LabMsg::AddIncident);
        assert_eq!(
            lab.draft.error,
            Some((DraftField::Minutes, InputError::NotANumber))
        );
        assert!(lab.incidents.is_empty());
        let no_share = lab
            .update(LabMsg::DraftMinutes("10".into()))
            .update(LabMsg::DraftShare("0".into()))
            .update(LabMsg::AddIncident);
        assert_eq!(
            no_share.draft.error,
            Some((DraftField::Share, InputError::BelowMin))
        );
    }

    #[test]
    fn days_gone_stay_within_the_month() {
        let lab = lab().update(LabMsg::ElapsedTyped("31".into()));
        assert_eq!(
            (lab.elapsed_days, lab.elapsed_error),
            (INITIAL_ELAPSED_DAYS, Some(InputError::AboveMax))
        );
        let short = lab
            .update(LabMsg::ElapsedTyped("30".into()))
            .update(LabMsg::Month(MonthLength::Days28));
        assert_eq!(short.elapsed_days, 28);
        assert_eq!(short.scenario().elapsed_seconds, 28 * DAY);
    }

    #[test]
    fn an_empty_requests_field_means_no_request_budget() {
        let lab = lab().update(LabMsg::RequestsTyped("1000000".into()));
        assert_eq!(lab.requests, Some(1_000_000));
        let cleared = lab.update(LabMsg::RequestsTyped(" ".into()));
        assert_eq!((cleared.requests, cleared.requests_error), (None, None));
    }
}
