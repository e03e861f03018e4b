//! The model's exponentials, logarithms and powers, computed the same way on every platform.
//!
//! `f64::exp` and its kin call the system's maths library on the desktop (glibc's, Apple's,
//! Microsoft's) but Rust's own port of musl's in the browser; they differ in the last bits, and
//! over weeks of simulated feeds (each feed starting when the baby's hunger reaches a meal) a
//! last bit can move a feed by a step, and a shared link then showed one breast engorged on the
//! desktop and the other in the browser. The `libm` crate is that same port, used everywhere: a
//! scenario gives the same run, to the bit, on the desktop and in a browser.

/// The functions of [`f64`] the model uses, from the `libm` crate.
pub trait SameMath {
    fn libm_exp(self) -> f64;
    fn libm_exp_m1(self) -> f64;
    fn libm_ln(self) -> f64;
    fn libm_ln_1p(self) -> f64;
    fn libm_log10(self) -> f64;
    fn libm_powf(self, n: f64) -> f64;
    fn libm_cos(self) -> f64;
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
}
