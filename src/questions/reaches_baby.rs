//! The answers to "how much of what I take reaches my baby?" — two cups of coffee a day, a glass
//! of wine this evening — from her run with them (`model::milk_transfer`): what her feeds carry,
//! how fast it comes and goes, and what else changes. Figures, not verdicts: the answer never
//! says "safe" or "wait until"; whom to ask is in `words::ask`.

use super::words::{Answer, no_answer};
use super::{Question, Setup};
use crate::model::milk_transfer::{
    Reached, breastfed_ml, milk_peak_after_h, plasma_curve, reached_from, transfer_figures,
};
use crate::model::oxytocin::alcohol_ejection_strength;
use crate::model::pharmacology::{Elimination, STANDARD_DRINK_MG};
use crate::mother_takes::mg_words;
use crate::run::Run;
use crate::schedule_words::format_clock;
use crate::summary::round_sig;

/// "2 h 10 min", "40 min".
fn duration_words(h: f64) -> String {
    let min = (h * 60.0).round() as i64;
    match (min / 60, min % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

pub(super) fn answer(a: Answer, setup: &Setup, as_now: &Run, changed: &Run) -> Answer {
    let Some(s) = setup.question.substance() else {
        return no_answer(a, "");
    };
    let all = reached_from(&setup.takes, setup.mother_kg, changed);
    let Some(r) = all.into_iter().find(|r| r.substance == s) else {
        return no_answer(
            a,
            "The run does not reach today: set your baby's age first.",
        );
    };
    match setup.question {
        Question::GlassOfWine => glass_of_wine(a, setup, &r, as_now, changed),
        _ => coffee(a, setup, &r, changed),
    }
}

/// The day's feeds of `r`: how many, and the one that carried most (when it began, what it
/// carried).
fn feeds_of_day(r: &Reached, run: &Run, day: usize) -> (usize, Option<(f64, f64)>) {
    let feeds: Vec<_> = r.feeds_on(day).collect();
    let most = feeds
        .iter()
        .max_by(|a, b| a.dose_mg.total_cmp(&b.dose_mg))
        .map(|f| (run.sessions[f.session].start_h, f.dose_mg));
    (feeds.len(), most)
}

fn coffee(mut a: Answer, setup: &Setup, r: &Reached, run: &Run) -> Answer {
    let s = r.substance;
    let day = setup.day_read();
    let Some(d) = r.day(day) else {
        return no_answer(
            a,
            "The run does not reach today: set your baby's age first.",
        );
    };
    let (n, most) = feeds_of_day(r, run, day);
    let published = transfer_figures(s).map_or("", |f| f.published_plain());
    a.how_much = format!(
        "On day {day}, the third day of two cups ({} of caffeine), your baby's {n} breastfeeds carry about {} in all: {}% of what you take (published: {published}){}. Your baby is much smaller than you: per kg of body weight it gets {}% of your dose per kg of yours — the relative infant dose, the figure published for medicines, where under 10% is the line clinicians usually look at.",
        mg_words(d.mother_mg),
        mg_words(d.baby_mg),
        round_sig(100.0 * d.baby_mg / d.mother_mg.max(1e-12), 2),
        most.map_or(String::new(), |(t, mg)| format!(
            "; the feed that carries most, the {} feed, carries {}",
            format_clock(t.rem_euclid(24.0)),
            mg_words(mg)
        )),
        round_sig(d.rid_pct.unwrap_or(0.0), 2),
    );
    let peak = milk_peak_after_h(s, s.figures().usual_dose_mg, setup.mother_kg);
    let half = s.half_life_h().unwrap_or(0.0);
    a.how_fast = format!(
        "Caffeine in your milk is highest about {} after a cup and halves about every {half} hours in your body, so a feed soon after a cup carries more than one just before the next.",
        duration_words(peak)
    );
    let after: Vec<f64> = (setup.back_day..setup.back_day + 2)
        .filter_map(|d| r.day(d).map(|x| x.baby_mg))
        .collect();
    a.comes_back = match after.as_slice() {
        [first, second, ..] => format!(
            "When you stop, your milk goes back to having almost none over a day or two: the day after the last cup your feeds carry {} in all, the day after that {}.",
            mg_words(*first),
            mg_words(*second)
        ),
        _ => {
            "When you stop, your milk goes back to having almost none over a day or two.".to_owned()
        }
    };
    a
}

fn glass_of_wine(mut a: Answer, setup: &Setup, r: &Reached, as_now: &Run, changed: &Run) -> Answer {
    let s = r.substance;
    let kg = setup.mother_kg;
    let Some(glass) = r.taken_on(setup.today_day).next() else {
        return no_answer(
            a,
            "The run does not reach today: set your baby's age first.",
        );
    };
    let at = glass.at_h;
    // Her blood alcohol each minute for 12 hours from the glass.
    let times: Vec<f64> = (0..=12 * 60).map(|m| at + m as f64 / 60.0).collect();
    let blood = plasma_curve(s, &r.taken, kg, &times);
    let (peak_i, peak) = blood
        .iter()
        .copied()
        .enumerate()
        .fold((0, 0.0), |b, (i, c)| if c > b.1 { (i, c) } else { b });
    let gone_h = times
        .iter()
        .zip(&blood)
        .skip(peak_i)
        .find(|(_, c)| **c <= 0.0)
        .map(|(t, _)| *t);
    let feeds: Vec<_> = r
        .feeds
        .iter()
        .filter(|f| f.t_h >= at && gone_h.is_none_or(|g| f.t_h <= g) && f.dose_mg > 0.0)
        .collect();
    let carried: f64 = feeds.iter().map(|f| f.dose_mg).sum();
    // Each feed by when it began, as the window's table of feeds names it (a feed's middle,
    // where its milk is read, said "20:15" of the feed the table calls "the 20:08 feed").
    let times_words: Vec<String> = feeds
        .iter()
        .map(|f| {
            format!(
                "{} ({})",
                format_clock(changed.sessions[f.session].start_h.rem_euclid(24.0)),
                mg_words(f.dose_mg)
            )
        })
        .collect();
    a.how_much = format!(
        "A glass of wine ({} standard drink, {} of alcohol) at {}: your blood alcohol is highest about {} later, at {} mg per litre, and your milk has as much alcohol as your blood. {}",
        round_sig(glass.dose_mg / STANDARD_DRINK_MG, 2),
        mg_words(glass.dose_mg),
        format_clock(at.rem_euclid(24.0)),
        duration_words(peak_i as f64 / 60.0),
        round_sig(peak, 2),
        if feeds.is_empty() {
            "No breastfeed falls while it is in your milk, so none carries any.".to_owned()
        } else {
            format!(
                "The breastfeeds while it is there — {} — carry {} in all: {}% of the glass.",
                times_words.join(", "),
                mg_words(carried),
                round_sig(100.0 * carried / glass.dose_mg, 2)
            )
        }
    );
    if setup.in_both.is_none() {
        // Her plan has a session at 20:30 (or the feed, kept from asking before): the
        // question's feed would overlap it.
        a.how_much
            .push_str(" Your plan has a session at 20:30 already, so the question adds no feed.");
    }
    let per_h = match s.figures().elimination {
        Elimination::ZeroOrder { mg_per_h_per_kg } => mg_per_h_per_kg * kg,
        Elimination::FirstOrder { .. } => 0.0,
    };
    a.how_fast = format!(
        "Your body clears alcohol at a steady rate, about {} an hour for your weight ({} kg), whatever you do; it is gone from your blood and milk {}.",
        mg_words(per_h),
        round_sig(kg, 3),
        gone_h.map_or("more than 12 hours later".to_owned(), |g| format!(
            "by about {} ({} after the glass)",
            format_clock(g.rem_euclid(24.0)),
            duration_words(g - at)
        ))
    );
    let (with, without) = (
        breastfed_ml(changed, at, at + 4.0),
        breastfed_ml(as_now, at, at + 4.0),
    );
    let compared = if (with - without).abs() <= 0.05 * without {
        "about as much: in the model it feeds a little longer from milk already in the ducts"
    } else if with < without {
        "less"
    } else {
        "more"
    };
    a.comes_back = format!(
        "Once it is gone your milk is back to having none, and your let-downs are as strong as before. While it is there, alcohol holds back oxytocin (Mennella 2005), so your let-downs are weaker: at the peak about {}% of their strength in this model (the size is a judgment, not a published figure). Your baby drinks {with:.0} ml in the 4 hours after the glass, against {without:.0} ml without it: {compared}.",
        (100.0 * alcohol_ejection_strength(peak)).round(),
    );
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_plainly() {
        assert_eq!(duration_words(0.6), "36 min");
        assert_eq!(duration_words(3.0), "3 h");
        assert_eq!(duration_words(2.25), "2 h 15 min");
    }
}
