//! Exit statuses: 0 success or a passing verdict, 1 a failing verdict, 2 telhook could not run.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// The command did its job and every verdict passed.
    Success,
    /// The command ran, and a verdict failed (invalid signature, unacknowledged delivery...).
    Failure,
    /// telhook could not do what was asked (bad arguments, unreadable file, bad key...).
    Error,
    /// Stopped by Ctrl-C (SIGINT) or SIGTERM, after printing what was done (128 + SIGINT, as
    /// shells report it).
    Interrupted,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
            ExitStatus::Interrupted => 130,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        ExitCode::from(s.code())
    }
}
