//! "Normal" in words for a parent: where her milk today sits among mothers at the same age.

use crate::summary::round_to;

/// Published spread of 24-h production once feeding has settled (E1, Kent et al. 2006: 788 ±
/// 169 ml/day, 1–6 months): mean ± one SD, where about two mothers in three are.
pub const SETTLED_MOST_ML_PER_DAY: (f64, f64) = (620.0, 960.0);
/// From this age the published settled spread applies (E1: "from day 30 on").
pub const SETTLED_FROM_DAY: usize = 30;

/// "5 weeks", "10 days", "3 days", "1 day".
pub fn age_words(age_days: usize) -> String {
    match age_days {
        1 => "1 day".to_owned(),
        d if d < 14 => format!("{d} days"),
        d if d % 7 == 0 => format!("{} weeks", d / 7),
        d => format!(
            "{} weeks and {} day{}",
            d / 7,
            d % 7,
            if d % 7 == 1 { "" } else { "s" }
        ),
    }
}

/// Where `hers_ml` (her milk made today, ml) sits, in words, for a baby `age_days` old. `most`
/// is the 10th–90th percentile of mothers like her at that age (the ensemble); without it, the
/// published spread once feeding has settled is used from day 30, and before then there is
/// nothing to say (`None`).
pub fn normal_words(age_days: usize, hers_ml: f64, most: Option<(f64, f64)>) -> Option<String> {
    let (lo, hi, whose) = match most {
        Some((lo, hi)) => (lo, hi, "most mothers like you (8 in 10 simulated) make"),
        None if age_days >= SETTLED_FROM_DAY => (
            SETTLED_MOST_ML_PER_DAY.0,
            SETTLED_MOST_ML_PER_DAY.1,
            "most mothers make (Kent et al. 2006)",
        ),
        None => return None,
    };
    if !(hi > lo && hers_ml.is_finite()) {
        return None;
    }
    let at = (hers_ml - lo) / (hi - lo);
    let place = if at < 0.0 {
        "less than most — which can still be enough: your baby's wet nappies and weight tell you"
    } else if at < 1.0 / 3.0 {
        "in the lower part of that range, which is normal"
    } else if at <= 2.0 / 3.0 {
        "in the middle"
    } else if at <= 1.0 {
        "in the upper part of that range, which is normal"
    } else {
        "more than most"
    };
    Some(format!(
        "At {}, {whose} {:.0}–{:.0} ml of milk a day; you make about {:.0}, {place}.",
        age_words(age_days),
        round_to(lo, 10.0),
        round_to(hi, 10.0),
        round_to(hers_ml, 10.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_she_is_among_mothers_at_that_age() {
        let w = normal_words(35, 790.0, Some((590.0, 890.0))).unwrap();
        assert_eq!(
            w,
            "At 5 weeks, most mothers like you (8 in 10 simulated) make 590–890 ml of milk a day; you make about 790, in the middle."
        );
        let w = normal_words(35, 830.0, Some((590.0, 890.0))).unwrap();
        assert!(
            w.ends_with("in the upper part of that range, which is normal."),
            "{w}"
        );
        let w = normal_words(35, 700.0, None).unwrap();
        assert!(
            w.contains("620–960") && w.contains("in the lower part"),
            "{w}"
        );
        assert!(normal_words(10, 700.0, None).is_none());
        assert!(
            normal_words(40, 500.0, None)
                .unwrap()
                .contains("less than most")
        );
        assert!(
            normal_words(40, 1100.0, None)
                .unwrap()
                .contains("more than most")
        );
        assert_eq!(age_words(37), "5 weeks and 2 days");
        assert_eq!(age_words(36), "5 weeks and 1 day");
        assert_eq!(age_words(9), "9 days");
    }
}
