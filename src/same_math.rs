//! The model's exponentials, logarithms and powers, computed the same way on every platform.
//!
//! `f64::exp` and its kin call the system's maths library on the desktop (glibc's, Apple's,
//! Microsoft's) but Rust's own port of musl's in the browser; they differ in the last bits, and
//! over weeks of simulated feeds (each feed starting when the baby's hunger reaches a meal) a
//! last bit can move a feed by a step, and a shared link then showed one breast engorged on the
//! desktop and the other in the browser. The `libm` crate is that same port, used everywhere: a
//! scenario gives the same run, to the bit, on the desktop and in a browser.
//!
//! Powers to a whole number are worked out here too ([`SameMath::same_powi`]): `f64::powi` is
//! left to the compiler, which may turn a constant power into another order of products on
//! another target. `clippy.toml` forbids the `f64` methods outside the window (`src/app`, which
//! draws and does not simulate), so that none comes back.

/// The functions of [`f64`] the model uses, from the `libm` crate.
pub trait SameMath {
    fn libm_exp(self) -> f64;
    fn libm_exp_m1(self) -> f64;
    fn libm_ln(self) -> f64;
    fn libm_ln_1p(self) -> f64;
    fn libm_log10(self) -> f64;
    fn libm_powf(self, n: f64) -> f64;
    fn libm_cos(self) -> f64;
    /// `self` to the power `n`, by squaring and multiplying (in the order of Rust's own
    /// `__powidf2`), written out so that every target multiplies in this order.
    fn same_powi(self, n: i32) -> f64;
}

impl SameMath for f64 {
    #[inline]
    fn libm_exp(self) -> f64 {
        libm::exp(self)
    }
    #[inline]
    fn libm_exp_m1(self) -> f64 {
        libm::expm1(self)
    }
    #[inline]
    fn libm_ln(self) -> f64 {
        libm::log(self)
    }
    #[inline]
    fn libm_ln_1p(self) -> f64 {
        libm::log1p(self)
    }
    #[inline]
    fn libm_log10(self) -> f64 {
        libm::log10(self)
    }
    #[inline]
    fn libm_powf(self, n: f64) -> f64 {
        libm::pow(self, n)
    }
    #[inline]
    fn libm_cos(self) -> f64 {
        libm::cos(self)
    }
    #[inline]
    fn same_powi(self, n: i32) -> f64 {
        let mut base = self;
        let mut power = n.unsigned_abs();
        let mut product = 1.0;
        loop {
            if power & 1 == 1 {
                product *= base;
            }
            power >>= 1;
            if power == 0 {
                break;
            }
            base *= base;
        }
        if n < 0 { 1.0 / product } else { product }
    }
}

#[cfg(test)]
mod tests {
    use super::SameMath;

    #[test]
    fn powers_by_squaring_are_powers() {
        assert_eq!(3.0_f64.same_powi(0), 1.0);
        assert_eq!(3.0_f64.same_powi(1), 3.0);
        assert_eq!(3.0_f64.same_powi(2), 9.0);
        assert_eq!(2.0_f64.same_powi(10), 1024.0);
        assert_eq!(2.0_f64.same_powi(-2), 0.25);
        assert_eq!((-2.0_f64).same_powi(3), -8.0);
        assert_eq!(0.0_f64.same_powi(6), 0.0);
        // Within a few units in the last place of the correctly rounded power.
        for (x, n) in [(0.7_f64, 6), (1.3, 10), (123.456, 6), (0.999, 10)] {
            let exact = libm::pow(x, f64::from(n));
            assert!(
                (x.same_powi(n) - exact).abs() <= 4.0 * f64::EPSILON * exact,
                "{x}^{n}"
            );
        }
    }
}
