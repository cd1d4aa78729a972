//! Learning records: what the learner did, for an LMS (SCORM 1.2) and for the learner
//! (xAPI statements to download).
//!
//! Pure, and tested natively: the record kept with the progress (`record`), each
//! answer as an interaction of either standard (`interaction`), their times (`time`),
//! the statements (`xapi`), and what an LMS is told when (`report`). The browser's
//! half is `bridge`: the LMS's API found and called. The progress an LMS keeps, fitted
//! to its 4,096 characters, is the quiz's: `quiz::course`.

pub mod bridge;
pub mod interaction;
pub mod record;
pub mod report;
pub mod time;
pub mod xapi;
