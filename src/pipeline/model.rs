//! The shift-left pipeline's behaviour, with no browser in it: the stops a defect
//! passes in each model, where it is caught and what the fix costs there, and the
//! playback of a run.

use crate::content::model::{Defect, Pipeline};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Model {
    /// One security review at the end, before production.
    Traditional,
    /// A security check in every stage.
    DevSecOps,
}

impl Model {
    pub fn other(self) -> Model {
        match self {
            Model::Traditional => Model::DevSecOps,
            Model::DevSecOps => Model::Traditional,
        }
    }
}

/// A place the token can stop: a stage, or the traditional model's gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Stage(usize),
    Gate,
}

/// Where a defect's run ends in one model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stop: Stop,
    /// False when the defect reached production with nothing to catch it.
    pub caught: bool,
    /// The cost multiplier of a fix there.
    pub cost: u16,
}

/// The index of the stage the gate stands before. Validation guarantees it exists and
/// is not the first; the fallback keeps a bad pipeline drawable.
pub fn gate_index(pipeline: &Pipeline) -> usize {
    pipeline
        .stages
        .iter()
        .position(|stage| stage.id == pipeline.gate.before)
        .unwrap_or(pipeline.stages.len())
}

/// The stops a defect passes in a model, in order.
pub fn route(pipeline: &Pipeline, model: Model) -> Vec<Stop> {
    let stages = (0..pipeline.stages.len()).map(Stop::Stage);
    match model {
        Model::DevSecOps => stages.collect(),
        Model::Traditional => {
            let mut stops: Vec<Stop> = stages.collect();
            stops.insert(gate_index(pipeline).min(stops.len()), Stop::Gate);
            stops
        }
    }
}

/// Whether the check at `stop` catches `defect` in `model`.
fn catches(pipeline: &Pipeline, defect: &Defect, model: Model, stop: Stop) -> bool {
    match (model, stop) {
        (Model::DevSecOps, Stop::Stage(index)) => defect.detected_in.iter().any(|id| {
            pipeline
                .stages
                .get(index)
                .is_some_and(|stage| *id == stage.id)
        }),
        (Model::Traditional, Stop::Gate) => defect.gate_catches,
        _ => false,
    }
}

/// Where `defect` is caught in `model`: at the first stop whose check detects it, or,
/// when none does, in the last stage (production), uncaught.
pub fn outcome(pipeline: &Pipeline, defect: &Defect, model: Model) -> Outcome {
    let stops = route(pipeline, model);
    let caught_at = stops
        .iter()
        .copied()
        .find(|stop| catches(pipeline, defect, model, *stop));
    let stop = caught_at.unwrap_or(Stop::Stage(pipeline.stages.len().saturating_sub(1)));
    Outcome {
        stop,
        caught: caught_at.is_some(),
        cost: cost(pipeline, stop),
    }
}

pub fn cost(pipeline: &Pipeline, stop: Stop) -> u16 {
    match stop {
        Stop::Stage(index) => pipeline.stages.get(index).map_or(0, |stage| stage.cost),
        Stop::Gate => pipeline.gate.cost,
    }
}

/// How far along the pipeline a stop is, for comparing "earlier" and "later": the gate
/// comes just before the stage it guards.
pub fn order(pipeline: &Pipeline, stop: Stop) -> usize {
    match stop {
        Stop::Stage(index) => 2 * index + 1,
        Stop::Gate => 2 * gate_index(pipeline),
    }
}

/// Where a stop is drawn, as a fraction of the track: a stage at its middle, the gate
/// on the line before the stage it guards.
pub fn position(pipeline: &Pipeline, stop: Stop) -> f64 {
    let stages = pipeline.stages.len().max(1) as f64;
    match stop {
        Stop::Stage(index) => (index as f64 + 0.5) / stages,
        Stop::Gate => gate_index(pipeline) as f64 / stages,
    }
}

/// A defect's run down the pipeline, step by step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub model: Model,
    /// The index of the defect sent, if any.
    pub defect: Option<usize>,
    /// The index, in the model's route, of the stop the token is at.
    pub at: usize,
    pub playing: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunMsg {
    SetModel(Model),
    /// Send this defect from the start, and play.
    Send(usize),
    /// Play from where the token is, or replay a finished run.
    Play,
    Pause,
    /// One stop forward, paused.
    Step,
    /// The playback clock.
    Tick,
    /// Back to the start, paused.
    Reset,
}

impl Run {
    pub fn new(model: Model) -> Run {
        Run {
            model,
            defect: None,
            at: 0,
            playing: false,
        }
    }

    /// The stop the token is at, with a defect on its way.
    pub fn stop(&self, pipeline: &Pipeline) -> Option<Stop> {
        self.defect?;
        route(pipeline, self.model).get(self.at).copied()
    }

    /// Where this run ends.
    pub fn outcome(&self, pipeline: &Pipeline) -> Option<Outcome> {
        let defect = pipeline.defects.get(self.defect?)?;
        Some(outcome(pipeline, defect, self.model))
    }

    /// The token has reached the stop where the run ends.
    pub fn finished(&self, pipeline: &Pipeline) -> bool {
        self.outcome(pipeline).map(|o| o.stop) == self.stop(pipeline) && self.defect.is_some()
    }

    pub fn update(mut self, msg: RunMsg, pipeline: &Pipeline) -> Run {
        match msg {
            RunMsg::SetModel(model) => {
                self.model = model;
                self.at = 0;
                // Changing the model replays the defect, so the two can be compared.
                self.playing = self.defect.is_some();
            }
            RunMsg::Send(defect) if defect < pipeline.defects.len() => {
                self.defect = Some(defect);
                self.at = 0;
                self.playing = true;
            }
            RunMsg::Send(_) => {}
            RunMsg::Play if self.finished(pipeline) => {
                self.at = 0;
                self.playing = true;
            }
            RunMsg::Play => self.playing = self.defect.is_some(),
            RunMsg::Pause => self.playing = false,
            RunMsg::Step => {
                self.playing = false;
                self.advance(pipeline);
            }
            RunMsg::Tick if self.playing => self.advance(pipeline),
            RunMsg::Tick => {}
            RunMsg::Reset => {
                self.at = 0;
                self.playing = false;
            }
        }
        self
    }

    fn advance(&mut self, pipeline: &Pipeline) {
        if self.defect.is_some() && !self.finished(pipeline) {
            self.at += 1;
        }
        if self.finished(pipeline) {
            self.playing = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Block, Content, Text};
    use crate::i18n::Locale;
    use proptest::prelude::*;

    fn pipeline() -> &'static Pipeline {
        let content: &Content = Locale::En.content();
        content
            .blocks()
            .find_map(|block| match block {
                Block::Pipeline(pipeline) => Some(pipeline),
                _ => None,
            })
            .expect("the DevSecOps view has a pipeline")
    }

    fn defect(id: &str) -> &'static Defect {
        pipeline().defects.iter().find(|d| d.id == id).expect(id)
    }

    fn stage(id: &str) -> Stop {
        Stop::Stage(pipeline().stages.iter().position(|s| s.id == id).expect(id))
    }

    #[test]
    fn the_traditional_route_has_the_gate_just_before_production() {
        let names: Vec<String> = route(pipeline(), Model::Traditional)
            .into_iter()
            .map(|stop| match stop {
                Stop::Stage(i) => pipeline().stages[i].name.to_string(),
                Stop::Gate => "gate".into(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "Plan",
                "Code",
                "Build",
                "Test",
                "Deploy",
                "gate",
                "Production"
            ]
        );
        assert_eq!(route(pipeline(), Model::DevSecOps).len(), 6);
    }

    /// For each defect and each model: where it is caught, and the cost multiplier.
    #[test]
    fn each_defect_is_caught_where_its_check_is_at_the_cost_of_that_stop() {
        let caught = |stop, cost| Outcome {
            stop,
            caught: true,
            cost,
        };
        let escaped = Outcome {
            stop: stage("production"),
            caught: false,
            cost: 30,
        };
        let expected = [
            (
                "vulnerable-dependency",
                caught(stage("build"), 10),
                caught(Stop::Gate, 15),
            ),
            (
                "hard-coded-secret",
                caught(stage("code"), 5),
                caught(Stop::Gate, 15),
            ),
            (
                "sql-injection",
                caught(stage("code"), 5),
                caught(Stop::Gate, 15),
            ),
            (
                "misconfigured-image",
                caught(stage("deploy"), 15),
                caught(Stop::Gate, 15),
            ),
            ("unmodelled-threat", caught(stage("plan"), 1), escaped),
            ("runtime-anomaly", caught(stage("production"), 30), escaped),
        ];
        assert_eq!(
            expected.len(),
            pipeline().defects.len(),
            "every defect is listed here"
        );
        for (id, devsecops, traditional) in expected {
            assert_eq!(
                outcome(pipeline(), defect(id), Model::DevSecOps),
                devsecops,
                "{id} in DevSecOps"
            );
            assert_eq!(
                outcome(pipeline(), defect(id), Model::Traditional),
                traditional,
                "{id} traditionally"
            );
        }
    }

    #[test]
    fn a_run_plays_stop_by_stop_and_ends_where_the_defect_is_caught() {
        let p = pipeline();
        let index = p
            .defects
            .iter()
            .position(|d| d.id == "vulnerable-dependency")
            .unwrap();
        let mut run = Run::new(Model::DevSecOps).update(RunMsg::Send(index), p);
        assert_eq!((run.stop(p), run.playing), (Some(Stop::Stage(0)), true));
        for _ in 0..10 {
            run = run.update(RunMsg::Tick, p);
        }
        assert_eq!(run.stop(p), Some(stage("build")));
        assert!(run.finished(p) && !run.playing);

        run = run.update(RunMsg::SetModel(Model::Traditional), p);
        assert_eq!(
            (run.at, run.playing),
            (0, true),
            "a new model replays the defect"
        );
        run = run.update(RunMsg::Pause, p).update(RunMsg::Tick, p);
        assert_eq!(run.at, 0, "paused: the clock does nothing");
        for _ in 0..5 {
            run = run.update(RunMsg::Step, p);
        }
        assert_eq!(run.stop(p), Some(Stop::Gate));
        assert!(run.finished(p));
        assert_eq!(
            run.clone().update(RunMsg::Step, p),
            run,
            "a finished run stays put"
        );
        let replay = run.update(RunMsg::Play, p);
        assert_eq!((replay.at, replay.playing), (0, true));
    }

    #[test]
    fn with_no_defect_sent_the_controls_do_nothing() {
        let p = pipeline();
        let run = Run::new(Model::Traditional);
        for msg in [RunMsg::Play, RunMsg::Step, RunMsg::Tick, RunMsg::Send(99)] {
            assert_eq!(run.clone().update(msg, p), run, "{msg:?}");
        }
        assert_eq!(run.stop(p), None);
    }

    #[test]
    fn checkpoints_are_drawn_in_their_stages_and_the_gate_on_a_boundary() {
        let p = pipeline();
        assert!((position(p, Stop::Stage(0)) - 1.0 / 12.0).abs() < 1e-12);
        assert!((position(p, Stop::Gate) - 5.0 / 6.0).abs() < 1e-12);
        assert!(order(p, stage("deploy")) < order(p, Stop::Gate));
        assert!(order(p, Stop::Gate) < order(p, stage("production")));
    }

    /// Any defect that validation accepts: detected in at least one stage, and, when the
    /// gate catches it, also in a stage before the gate.
    fn valid_defect() -> impl Strategy<Value = Defect> {
        let stages = pipeline().stages.len();
        let gate = gate_index(pipeline());
        (
            proptest::collection::btree_set(0..stages, 1..=stages),
            any::<bool>(),
        )
            .prop_map(move |(detected, gate_catches)| {
                let gate_catches = gate_catches && detected.iter().any(|&i| i < gate);
                let ids: Vec<Text> = detected
                    .iter()
                    .map(|&i| pipeline().stages[i].id.clone())
                    .collect();
                Defect {
                    id: "generated".into(),
                    name: "generated".into(),
                    example: "generated".into(),
                    detected_in: ids.into(),
                    gate_catches,
                    in_production: (!gate_catches).then(|| "escapes".into()),
                }
            })
    }

    proptest! {
        #[test]
        fn devsecops_never_catches_a_defect_later_than_the_traditional_model(defect in valid_defect()) {
            let p = pipeline();
            let devsecops = outcome(p, &defect, Model::DevSecOps);
            let traditional = outcome(p, &defect, Model::Traditional);
            prop_assert!(devsecops.caught);
            prop_assert!(order(p, devsecops.stop) <= order(p, traditional.stop));
            prop_assert!(devsecops.cost <= traditional.cost);
        }
    }
}
