//! Ensembles of virtual mothers: the scenario's mother as the centre, and mothers like her drawn
//! from the published spreads ([`spread`]), each simulated on worker threads ([`run`]); per
//! sampled time and per day, the 10th, 25th, 50th, 75th and 90th percentiles of what people read
//! ([`bands`]), and per member what was drawn and what she came to.
pub mod bands;
pub mod export;
pub mod run;
pub mod spread;
pub mod words;

pub use bands::Bands;
pub use run::{
    DEFAULT_MEMBERS, DayQuantity, EnsembleRun, EnsembleSteps, MAX_MEMBERS, Member, Outcome,
    Progress, Quantity, simulate_ensemble, simulate_ensemble_with,
};
pub use spread::{BetweenMothers, Sampled};
