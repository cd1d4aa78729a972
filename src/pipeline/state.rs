//! The pipeline widget's state: the run of a defect, and the checkpoint whose detail is
//! open; its messages; and its update, which `use_reducer` runs. The run's own rules
//! are in `model`; what this adds is how the open detail follows the run.

use super::model::{Model, Run, RunMsg, Stop};
use crate::content::model::Pipeline;

#[derive(Clone, Debug, PartialEq)]
pub struct PipelineState {
    pub pipeline: Pipeline,
    pub run: Run,
    /// The checkpoint whose detail is open.
    pub checkpoint: Option<Stop>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PipelineMsg {
    Run(RunMsg),
    ShowCheckpoint(Stop),
}

impl PipelineState {
    /// The traditional model, nothing sent, no detail open.
    pub fn new(pipeline: Pipeline) -> PipelineState {
        PipelineState {
            pipeline,
            run: Run::new(Model::Traditional),
            checkpoint: None,
        }
    }

    pub fn update(mut self, msg: PipelineMsg) -> PipelineState {
        match msg {
            PipelineMsg::ShowCheckpoint(stop) => self.checkpoint = Some(stop),
            PipelineMsg::Run(msg) => {
                let was_finished = self.run.finished(&self.pipeline);
                self.run = self.run.update(msg, &self.pipeline);
                // When a run ends at a check, open that check: it is the explanation.
                if !was_finished && self.run.finished(&self.pipeline) {
                    if let Some(end) = self.run.outcome(&self.pipeline).filter(|o| o.caught) {
                        self.checkpoint = Some(end.stop);
                    }
                }
                if matches!(msg, RunMsg::SetModel(_)) {
                    // A checkpoint of the other model is no longer on the track.
                    self.checkpoint = None;
                }
            }
        }
        self
    }
}

crate::reducible!(PipelineState, PipelineMsg);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Block;
    use crate::i18n::Locale;

    fn state() -> PipelineState {
        let pipeline = Locale::En
            .content()
            .blocks()
            .find_map(|block| match block {
                Block::Pipeline(pipeline) => Some(pipeline.clone()),
                _ => None,
            })
            .expect("the DevSecOps view has a pipeline");
        PipelineState::new(pipeline)
    }

    fn send(state: PipelineState, defect: &str) -> PipelineState {
        let index = state
            .pipeline
            .defects
            .iter()
            .position(|d| d.id == defect)
            .expect(defect);
        state.update(PipelineMsg::Run(RunMsg::Send(index)))
    }

    fn play_to_the_end(mut state: PipelineState) -> PipelineState {
        for _ in 0..20 {
            state = state.update(PipelineMsg::Run(RunMsg::Tick));
        }
        state
    }

    #[test]
    fn a_run_that_ends_at_a_check_opens_that_check() {
        let state = send(
            state().update(PipelineMsg::Run(RunMsg::SetModel(Model::DevSecOps))),
            "vulnerable-dependency",
        );
        assert_eq!(state.checkpoint, None, "open only once the run ends");
        let ended = play_to_the_end(state);
        let end = ended.run.outcome(&ended.pipeline).unwrap();
        assert!(end.caught);
        assert_eq!(ended.checkpoint, Some(end.stop));
    }

    #[test]
    fn another_model_closes_the_open_check_and_a_chosen_check_opens() {
        let ended = play_to_the_end(send(state(), "vulnerable-dependency"));
        assert!(ended.checkpoint.is_some());
        let switched = ended.update(PipelineMsg::Run(RunMsg::SetModel(Model::DevSecOps)));
        assert_eq!(switched.checkpoint, None);
        let chosen = switched.update(PipelineMsg::ShowCheckpoint(Stop::Gate));
        assert_eq!(chosen.checkpoint, Some(Stop::Gate));
    }
}
