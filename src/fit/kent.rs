//! Kent's shortcut for a breast's storage capacity (Kent et al. 1999; the definition behind E4):
//! over 24 hours of test weighing per breast, the breast fills at a steady rate (its 24-hour
//! production spread over the day) and empties by what each feed took; the storage capacity is
//! the highest volume minus the lowest. The model's storage-capacity parameter is another
//! quantity (the most a breast can hold); what compares with Kent's figure is the range the
//! fitted run's stored milk goes through over the same day ([`used_range_ml`]).

use super::driven::Placement;
use crate::log::{Log, LogKind};
use crate::run::Run;
use crate::scenario::Breast;

/// The first 24 hours of the log, hours since birth.
fn first_day(log: &Log, at: Placement) -> Option<(f64, f64)> {
    let t0 = at.log_zero_h + log.sessions.first()?.start_h;
    Some((t0, t0 + 24.0))
}

/// Kent's storage capacity of `breast` from the log's first 24 hours, when every breastfeed or
/// pump session in them gives that breast's amount. `None` otherwise.
pub fn kent_storage_ml(log: &Log, at: Placement, breast: Breast) -> Option<f64> {
    let (t0, t1) = first_day(log, at)?;
    let removals: Vec<(f64, f64)> = log
        .sessions
        .iter()
        .filter(|s| s.kind != LogKind::Bottle)
        .map(|s| (at.log_zero_h + s.start_h, s))
        .filter(|(t, _)| (t0..t1).contains(t))
        .map(|(t, s)| {
            let ml = match breast {
                Breast::Left => s.left_ml,
                Breast::Right => s.right_ml,
            };
            ml.map(|ml| (t, ml))
        })
        .collect::<Option<_>>()?;
    let rate_ml_per_h = removals.iter().map(|(_, ml)| ml).sum::<f64>() / 24.0;
    let (mut v, mut lo, mut hi, mut t) = (0.0_f64, 0.0_f64, 0.0_f64, t0);
    for (at_h, ml) in removals {
        v += rate_ml_per_h * (at_h - t);
        hi = hi.max(v);
        v -= ml;
        lo = lo.min(v);
        t = at_h;
    }
    v += rate_ml_per_h * (t1 - t);
    hi = hi.max(v);
    Some(hi - lo)
}

/// The range the run's stored milk in `breast` goes through over the log's first 24 hours, ml.
pub fn used_range_ml(log: &Log, at: Placement, run: &Run, breast: Breast) -> Option<f64> {
    let (t0, t1) = first_day(log, at)?;
    let s = &run.series;
    let stored = &s.gland(breast).stored_ml;
    let (lo, hi) = s
        .t_h
        .iter()
        .zip(stored)
        .filter(|(t, _)| (t0..t1).contains(*t))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| {
            (lo.min(*v), hi.max(*v))
        });
    (hi >= lo).then_some(hi - lo)
}
