//! Secretory activation and the closure of the tight junctions after birth.
//!
//! The fall of progesterone once the placenta is out switches the lactocytes from a trickle of
//! colostrum to copious secretion over days 2–4 (A1–A3). In the same days the tight junctions
//! between the cells close, so the paracellular route that lets plasma sodium and chloride into
//! the milk shuts (A4, A5). Both are logistic switches in time, shifted by the mother's
//! `activation_delay_h` (caesarean birth, diabetes, retained placenta).

use crate::same_math::SameMath;

/// Share of full secretion before activation: the colostrum trickle (A1: ≈ 20–50 ml on day 1).
pub const COLOSTRUM_ACTIVATION: f64 = 0.08;
/// Hours after birth at which activation is half-way (A3: steepest rise between 36 and 96 h).
pub const ACTIVATION_MIDPOINT_H: f64 = 54.0;
/// Width of the activation switch, hours (A3: the rise spans about two days).
pub const ACTIVATION_WIDTH_H: f64 = 11.0;
/// Hours after birth at which the junctions are half closed (A4: Na falls from birth, done by 72 h).
pub const JUNCTION_CLOSURE_MIDPOINT_H: f64 = 30.0;
/// Width of the closure switch, hours.
pub const JUNCTION_CLOSURE_WIDTH_H: f64 = 8.0;

fn logistic(x: f64) -> f64 {
    // Beyond ±40 the result is 0 or 1 to the last bit: skip the exp (this runs every step).
    if x > 40.0 {
        1.0
    } else if x < -40.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).libm_exp())
    }
}

/// Share (0–1) of the gland's secretory capacity that secretory activation allows at `t_h`.
pub fn secretory_activation(t_h: f64, delay_h: f64) -> f64 {
    let rise = logistic((t_h - ACTIVATION_MIDPOINT_H - delay_h) / ACTIVATION_WIDTH_H);
    COLOSTRUM_ACTIVATION + (1.0 - COLOSTRUM_ACTIVATION) * rise
}

/// How open (0–1) the tight junctions still are from pregnancy at `t_h`.
/// A delay of activation keeps them open longer too (the two are one programme).
pub fn junctions_open_after_birth(t_h: f64, delay_h: f64) -> f64 {
    1.0 - logistic((t_h - JUNCTION_CLOSURE_MIDPOINT_H - delay_h) / JUNCTION_CLOSURE_WIDTH_H)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activation_rises_over_days_two_to_four() {
        assert!(secretory_activation(12.0, 0.0) < 0.12);
        assert!(secretory_activation(96.0, 0.0) > 0.95);
        // A delay shifts the whole switch.
        assert!(
            (secretory_activation(60.0 + 24.0, 24.0) - secretory_activation(60.0, 0.0)).abs()
                < 1e-12
        );
    }

    #[test]
    fn junctions_close_by_72_h() {
        assert!(junctions_open_after_birth(0.0, 0.0) > 0.95);
        assert!(junctions_open_after_birth(72.0, 0.0) < 0.01);
    }
}
