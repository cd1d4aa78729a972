//! `promtool check rules` on the rule files the error-budget lab offers: every preset
//! and 90% (where the fast page cannot fire), every month length, the default names and
//! a reader's own. The YAML test (`tests/rules.rs`) checks the structure and the
//! thresholds; this checks that Prometheus itself takes the files, PromQL included.

use std::path::PathBuf;

use ops_trio::budget::model::{MonthLength, Slo};
use ops_trio::budget::rules::{alerts_of, prometheus_rules, Metrics};
use ops_trio::content::model::Block;
use ops_trio::i18n::Locale;

use crate::cmd::{self, Result};
use crate::tools;

pub fn check_rules() -> Result {
    let promtool = tools::promtool()?;
    cmd::step("promtool check rules on the lab's rule files");
    let content = Locale::DEFAULT.content();
    let lab = content
        .blocks()
        .find_map(|block| match block {
            Block::Budget(lab) => Some(lab),
            _ => None,
        })
        .ok_or("the content has no error-budget lab")?;
    let alerts = alerts_of(lab);
    let names = [
        Metrics::default(),
        Metrics::new(
            "checkout",
            "grpc_server_handled_total",
            r#"grpc_code!="OK", job=~"api.*""#,
        )
        .map_err(|e| format!("{e:?}"))?,
    ];
    let slos = lab
        .presets
        .iter()
        .copied()
        .chain([90_000])
        .filter_map(Slo::from_thousandths);
    let folder = cmd::root().join("target/promtool");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let mut files: Vec<PathBuf> = Vec::new();
    for slo in slos {
        for month in MonthLength::ALL {
            for (index, metrics) in names.iter().enumerate() {
                let path = folder.join(format!("rules-{slo}-{month:?}-{index}.yaml"));
                std::fs::write(&path, prometheus_rules(slo, month, &alerts, metrics))
                    .map_err(|e| e.to_string())?;
                files.push(path);
            }
        }
    }
    let promtool = promtool.to_str().ok_or("promtool's path is not UTF-8")?;
    cmd::run(cmd::new(promtool).arg("check").arg("rules").args(&files))
}
